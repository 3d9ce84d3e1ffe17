using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MeshDsl.Workloads;

/// <summary>
/// Workload files as the compiler hands them over: each is parsed once per content (<see cref="WorkloadYaml"/>), the result
/// cached against the file's <see cref="SourceText"/>, which the IDE keeps while the file is unchanged, so an edit to C#
/// never re-reads the YAML.
/// </summary>
internal static class WorkloadReader
{
    private static readonly ConditionalWeakTable<SourceText, WorkloadFile> Cache = new();

    public static WorkloadFile Read(AdditionalText file, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken);
        if (text is null) return new WorkloadFile(file.Path, Helpers.EquatableArray<Model.Workload>.Empty, "the file could not be opened", 1, 1);
        var cached = Cache.GetValue(text, t => WorkloadYaml.Parse(file.Path, t.ToString()));
        return cached.Path == file.Path ? cached : WorkloadYaml.Parse(file.Path, text.ToString());
    }
}
