using System.Runtime.CompilerServices;

namespace MeshDsl.Tests.Support;

/// <summary>
/// Golden files: each test's expected outputs live in Baselines/&lt;name&gt;/ and are compared byte for byte.
/// Regenerating them is a deliberate act: set MESHDSL_UPDATE_BASELINES=1, run the tests, review the diff.
/// Updating also deletes baselines the test no longer produces.
/// </summary>
internal static class Baseline
{
    public static bool Updating => Environment.GetEnvironmentVariable("MESHDSL_UPDATE_BASELINES") == "1";

    public static void Verify(string name, IReadOnlyDictionary<string, string> actual, [CallerFilePath] string callerPath = "")
    {
        var dir = Path.Combine(Path.GetDirectoryName(callerPath)!, "Baselines", name);
        var files = actual.ToDictionary(kv => Sanitize(kv.Key), kv => Normalize(kv.Value));
        if (Updating)
        {
            Directory.CreateDirectory(dir);
            foreach (var stale in Directory.GetFiles(dir).Where(f => !files.ContainsKey(Path.GetFileName(f)))) File.Delete(stale);
            foreach (var (file, text) in files) File.WriteAllText(Path.Combine(dir, file), text);
            return;
        }

        Assert.True(Directory.Exists(dir), $"No baselines in {dir}: run with MESHDSL_UPDATE_BASELINES=1 to create them.");
        var expected = Directory.GetFiles(dir).ToDictionary(f => Path.GetFileName(f), f => Normalize(File.ReadAllText(f)));
        var missing = files.Keys.Except(expected.Keys).OrderBy(k => k).ToArray();
        var stale2 = expected.Keys.Except(files.Keys).OrderBy(k => k).ToArray();
        Assert.True(missing.Length == 0, $"Outputs with no baseline in {dir}: {string.Join(", ", missing)}");
        Assert.True(stale2.Length == 0, $"Baselines no output matches in {dir}: {string.Join(", ", stale2)}");
        foreach (var (file, text) in files)
        {
            Assert.True(expected[file] == text, $"{name}/{file} differs from its baseline.\n--- expected\n{expected[file]}\n--- actual\n{text}");
        }
    }

    private static string Sanitize(string hintName) => hintName.Replace('/', '_').Replace('\\', '_') + (hintName.EndsWith(".txt") ? "" : ".txt");

    // Baselines are checked in with "\n"; git may check them out with "\r\n" on Windows.
    private static string Normalize(string text) => text.Replace("\r\n", "\n");
}
