using System.Diagnostics;
using MeshDsl;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace MeshDsl.Benchmarks;

/// <summary>
/// Compiles and emits the C# files of each folder given (a synthetic project, with or without generated sources added as
/// plain files), interleaved round after round, and prints each folder's medians: what the compiler alone pays for a form
/// of generated code, without MSBuild's noise. It emits what a build's <c>Csc</c> does: the assembly, its portable PDB with
/// the generated sources embedded (files under a <c>Generated</c> folder stand for them; the compiler embeds a generator's
/// output always), and the reference assembly.
/// </summary>
internal static class EmitProbe
{
    public static void Run(IReadOnlyList<string> folders, int rounds)
    {
        var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(MeshServiceAttribute).Assembly.Location)).ToArray();
        var texts = folders.Select(f => Directory.EnumerateFiles(f, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/obj/") && !p.Contains("/bin/")).Order(StringComparer.Ordinal).Select(p => (p, File.ReadAllText(p))).ToArray()).ToArray();
        var times = folders.Select(_ => new List<(double Parse, double Bind, double Emit)>()).ToArray();
        var sizes = new (long Pe, long Pdb, long Ref)[folders.Count];
        for (var round = 0; round <= rounds; round++)
        {
            for (var i = 0; i < folders.Count; i++)
            {
                var sw = Stopwatch.StartNew();
                var trees = texts[i].Select(t => CSharpSyntaxTree.ParseText(t.Item2, new CSharpParseOptions(LanguageVersion.Latest), t.p, System.Text.Encoding.UTF8)).ToArray();
                var parse = sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                var compilation = CSharpCompilation.Create("Mesh", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));
                var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToArray();
                if (errors.Length > 0) throw new InvalidOperationException(string.Join("\n", errors.AsEnumerable()));
                var bind = sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                var embedded = trees.Where(t => t.FilePath.Contains("/Generated/", StringComparison.Ordinal)).Select(t => EmbeddedText.FromSource(t.FilePath, t.GetText())).ToArray();
                using var pe = new MemoryStream();
                using var pdb = new MemoryStream();
                using var reference = new MemoryStream();
                var result = compilation.Emit(pe, pdb, metadataPEStream: reference, embeddedTexts: embedded,
                    options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb, includePrivateMembers: false));
                if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
                if (round > 0) times[i].Add((parse, bind, sw.Elapsed.TotalMilliseconds));
                sizes[i] = (pe.Length, pdb.Length, reference.Length);
            }
        }

        static string Median(IEnumerable<double> values)
        {
            var t = values.Order().ToArray();
            return $"{t[t.Length / 2]:F0} ({t[0]:F0}-{t[^1]:F0})";
        }

        for (var i = 0; i < folders.Count; i++)
        {
            Console.WriteLine($"{folders[i]}: {texts[i].Length} files, {texts[i].Sum(x => (long)x.Item2.Length) / 1024} KB; assembly {sizes[i].Pe / 1024} KB, PDB {sizes[i].Pdb / 1024} KB, reference {sizes[i].Ref / 1024} KB");
            Console.WriteLine($"    median (range) ms: parse {Median(times[i].Select(t => t.Parse))}, compile {Median(times[i].Select(t => t.Bind))}, emit all three {Median(times[i].Select(t => t.Emit))}, total {Median(times[i].Select(t => t.Parse + t.Bind + t.Emit))}");
        }
    }
}
