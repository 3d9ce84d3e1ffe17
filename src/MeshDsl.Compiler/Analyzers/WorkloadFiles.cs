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
        var location = LineLocation(context.AdditionalFile, file.ErrorLine, file.ErrorColumn, context.CancellationToken);
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnreadableWorkloads, location, $"line {file.ErrorLine}: {file.Error}"));
    }

    /// <summary>A place in a workload file, from its 1-based line and column (0: the line's first character that is not a space) to the end of that line.</summary>
    public static Location LineLocation(AdditionalText file, int line, int column, System.Threading.CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken);
        var lineIndex = System.Math.Max(line - 1, 0);
        var columnIndex = System.Math.Max(column - 1, 0);
        var span = new TextSpan(0, 0);
        if (text is not null && lineIndex < text.Lines.Count)
        {
            var textLine = text.Lines[lineIndex];
            if (column == 0)
            {
                while (textLine.Start + columnIndex < textLine.End && char.IsWhiteSpace(text[textLine.Start + columnIndex])) columnIndex++;
            }

            span = TextSpan.FromBounds(System.Math.Min(textLine.Start + columnIndex, textLine.End), textLine.End);
        }

        var position = new LinePosition(lineIndex, columnIndex);
        return Location.Create(file.Path, span, new LinePositionSpan(position, position));
    }
}
