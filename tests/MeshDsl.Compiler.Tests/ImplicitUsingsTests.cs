using MeshDsl.Tests.Support;
using Microsoft.CodeAnalysis;

namespace MeshDsl.Tests;

/// <summary>
/// A new class library enables ImplicitUsings (System, System.Net.Http, System.IO, ...): MeshDsl's names must not collide
/// with them, or the first `[MatchMethod(...)]` a user writes is ambiguous.
/// </summary>
public class ImplicitUsingsTests
{
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    [Fact]
    public void The_attributes_and_enums_compile_beside_the_default_implicit_usings()
    {
        var source = TestCompilation.Sample("Seed/18-per-route-timeouts").Select(s => s.Text)
            .Concat(TestCompilation.Sample("KitchenSink").Select(s => s.Text))
            .Append(ImplicitUsings)
            .ToArray();
        var errors = TestCompilation.Create(source).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => e.ToString())));
    }
}
