using MeshDsl.Workloads;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MeshDsl.Analyzers;

/// <summary>The project's workload YAML: the AdditionalFiles that MeshDsl's targets mark as such, and MESH503 on those it cannot read.</summary>
internal static class WorkloadFiles
{
    /// <summary>Set by MeshDsl.targets on the AdditionalFiles it adds from <c>@(MeshDslWorkloads)</c>.</summary>
    public const string MetadataKey = "build_metadata.AdditionalFiles.MeshDslWorkload";

    public static bool IsWorkloadFile(AnalyzerConfigOptions options) =>
        options.TryGetValue(MetadataKey, out var value) && string.Equals(value, "true", System.StringComparison.OrdinalIgnoreCase);

    public static void ReportUnreadable(AdditionalFileAnalysisContext context)
    {
        if (!IsWorkloadFile(context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.AdditionalFile))) return;
        var file = WorkloadReader.Read(context.AdditionalFile, context.CancellationToken);
        if (file.Error is null) return;

        var text = context.AdditionalFile.GetText(context.CancellationToken);
        var line = System.Math.Max(file.ErrorLine - 1, 0);
        var column = System.Math.Max(file.ErrorColumn - 1, 0);
        var span = new TextSpan(0, 0);
        if (text is not null && line < text.Lines.Count)
        {
            var textLine = text.Lines[line];
            span = TextSpan.FromBounds(System.Math.Min(textLine.Start + column, textLine.End), textLine.End);
        }

        var position = new LinePosition(line, column);
        var location = Location.Create(context.AdditionalFile.Path, span, new LinePositionSpan(position, position));
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnreadableWorkloads, location, $"line {file.ErrorLine}: {file.Error}"));
    }
}
