using MeshDsl.Rules;

namespace MeshDsl.Cli;

/// <summary>Each rule's severity for this run: the catalog's default, then the config file, then --severity, then --warnaserror.</summary>
internal sealed class Severities
{
    private static readonly HashSet<string> Levels = new(StringComparer.Ordinal) { "error", "warning", "info", "none" };

    private readonly Dictionary<string, string> _overrides;
    private readonly bool _warningsAsErrors;

    private Severities(Dictionary<string, string> overrides, bool warningsAsErrors)
    {
        _overrides = overrides;
        _warningsAsErrors = warningsAsErrors;
    }

    public static Severities From(IEnumerable<string> options, string? configFile, bool warningsAsErrors)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        if (configFile is not null)
        {
            if (!File.Exists(configFile)) throw new UsageException($"the config file '{configFile}' does not exist");
            foreach (var line in File.ReadAllLines(configFile))
            {
                var text = line.Trim();
                if (!text.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal)) continue;
                var eq = text.IndexOf('=');
                var key = eq < 0 ? text : text.Substring(0, eq).Trim();
                if (eq < 0 || !key.EndsWith(".severity", StringComparison.Ordinal)) continue;
                var id = key.Substring("dotnet_diagnostic.".Length, key.Length - "dotnet_diagnostic.".Length - ".severity".Length);
                Add(overrides, id, Normalize(text.Substring(eq + 1).Trim()), $"{configFile}: '{line}'");
            }
        }

        foreach (var option in options)
        {
            var eq = option.IndexOf('=');
            if (eq <= 0) throw new UsageException($"--severity takes ID=level, not '{option}'");
            Add(overrides, option.Substring(0, eq).Trim(), option.Substring(eq + 1).Trim().ToLowerInvariant(), "--severity " + option);
        }

        return new Severities(overrides, warningsAsErrors);
    }

    /// <summary>The level to report <paramref name="rule"/> at: error, warning, info or none.</summary>
    public string For(RuleInfo rule)
    {
        var level = _overrides.TryGetValue(rule.Id, out var o) ? o : rule.Severity.ToString().ToLowerInvariant();
        return _warningsAsErrors && level == "warning" ? "error" : level;
    }

    private static void Add(Dictionary<string, string> overrides, string id, string level, string where)
    {
        if (!RuleCatalog.All.Any(r => r.Id == id)) throw new UsageException($"{where}: '{id}' is not a MeshDsl rule");
        if (!Levels.Contains(level)) throw new UsageException($"{where}: the level is error, warning, info or none, not '{level}'");
        overrides[id] = level;
    }

    // .editorconfig spells them as the compiler does.
    private static string Normalize(string level) => level.ToLowerInvariant() switch
    {
        "suggestion" or "silent" => "info",
        var other => other,
    };
}
