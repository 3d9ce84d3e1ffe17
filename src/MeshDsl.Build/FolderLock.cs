using System;
using System.IO;
using System.Threading;

namespace MeshDsl.Build;

/// <summary>
/// Holds a folder for one build at a time: two builds of the same project (or of two projects sharing the folder) take
/// turns, so neither reads the record while the other rewrites it. The lock file goes away when it is released.
/// </summary>
internal sealed class FolderLock : IDisposable
{
    public const string FileName = ".meshdsl-manifests.lock";

    private readonly FileStream _stream;

    private FolderLock(FileStream stream) => _stream = stream;

    /// <summary>Waits up to <paramref name="timeout"/> for the folder; throws <see cref="IOException"/> when it stays taken.</summary>
    public static FolderLock Acquire(string directory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, FileName);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return new FolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
            catch (UnauthorizedAccessException) when (DateTime.UtcNow < deadline)
            {
                // Windows reports a file pending deletion (the other build just released it) as access denied.
                Thread.Sleep(50);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
