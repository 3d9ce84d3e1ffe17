using System.Diagnostics;
using MeshDsl;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MeshDsl.Benchmarks;

/// <summary>
/// Compiles and emits the C# files of each folder given (a synthetic project, with or without generated sources added as
/// plain files), interleaved round after round, and prints each folder's median: what the compiler alone pays for a form
/// of generated code, without MSBuild's noise.
/// </summary>
internal static class EmitProbe
{
    public static void Run(IReadOnlyList<string> folders, int rounds)
    {
        var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(MeshServiceAttribute).Assembly.Location)).ToArray();
        var texts = folders.Select(f => Directory.EnumerateFiles(f, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/obj/") && !p.Contains("/bin/")).Select(p => (p, File.ReadAllText(p))).ToArray()).ToArray();
        var times = folders.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round <= rounds; round++)
        {
            for (var i = 0; i < folders.Count; i++)
            {
                var sw = Stopwatch.StartNew();
                var trees = texts[i].Select(t => CSharpSyntaxTree.ParseText(t.Item2, new CSharpParseOptions(LanguageVersion.Latest), t.p));
                var compilation = CSharpCompilation.Create("Mesh", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));
                var result = compilation.Emit(Stream.Null);
                if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
                if (round > 0) times[i].Add(sw.Elapsed.TotalMilliseconds);
            }
        }

        for (var i = 0; i < folders.Count; i++)
        {
            var t = times[i].OrderBy(x => x).ToArray();
            Console.WriteLine($"{folders[i]}: {texts[i].Length} files, {texts[i].Sum(x => (long)x.Item2.Length) / 1024} KB, parse+compile+emit median {t[t.Length / 2]:F0} ms (range {t[0]:F0}-{t[^1]:F0})");
        }
    }
}
