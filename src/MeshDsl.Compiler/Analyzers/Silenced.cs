using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace MeshDsl.Analyzers;

/// <summary>
/// The rules a project silenced on the command line (<c>NoWarn</c>, <c>/nowarn:MESH202</c>). The compiler drops their
/// diagnostics whatever any .editorconfig or pragma says (a command-line suppression wins over both), so the analyzers
/// need not place their findings in the syntax: at 1,000 services with one rule firing on each, that placing was a
/// measurable share of every build after an edit.
/// </summary>
internal sealed class Silenced : IEquatable<Silenced>
{
    public static readonly Silenced None = new(ImmutableHashSet<string>.Empty);

    private readonly ImmutableHashSet<string> _ids;

    private Silenced(ImmutableHashSet<string> ids) => _ids = ids;

    public static Silenced Of(CompilationOptions options)
    {
        // Only an explicit Suppress: warnaserror- adds Default, and that leaves the configured severity in charge.
        var ids = options.SpecificDiagnosticOptions
            .Where(option => option.Value == ReportDiagnostic.Suppress && option.Key.StartsWith("MESH", StringComparison.OrdinalIgnoreCase))
            .Select(option => option.Key)
            .ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
        return ids.IsEmpty ? None : new Silenced(ids);
    }

    public bool Contains(string ruleId) => !_ids.IsEmpty && _ids.Contains(ruleId);

    public bool Equals(Silenced? other) => other is not null && (ReferenceEquals(this, other) || _ids.SetEquals(other._ids));

    public override bool Equals(object? obj) => Equals(obj as Silenced);

    public override int GetHashCode() => _ids.Count;
}
