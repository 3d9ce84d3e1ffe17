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

    private FolderLock(FileStream stream, DateTime clockUtc)
    {
        _stream = stream;
        ClockUtc = clockUtc;
    }

    /// <summary>
    /// The time when the lock was taken, by the clock that stamps the folder's files (a network share's may differ from this
    /// machine's): the lock file's write time, or this machine's time if that is earlier.
    /// </summary>
    public DateTime ClockUtc { get; }

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
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
                try
                {
                    // A write sets the lock file's write time to now, by the folder's own clock.
                    stream.WriteByte(0);
                    stream.Flush();
                    var now = DateTime.UtcNow;
                    var folderNow = File.GetLastWriteTimeUtc(path);
                    return new FolderLock(stream, folderNow < now ? folderNow : now);
                }
                catch
                {
                    stream.Dispose();
                    throw;
                }
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
