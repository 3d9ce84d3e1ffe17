using System.Globalization;
using MeshDsl.Model;
using MeshDsl.Rules;
using MeshDsl.Workloads;
using MeshDsl.YamlFrontEnd;

namespace MeshDsl.Cli;

/// <summary>
/// One finding as reported: the rule, the level this run gives it, where it is, its text, and the Istio resource and field path
/// it is about (empty where the input was not yet a resource).
/// </summary>
internal sealed record Reported(string Id, string Severity, string File, int Line, int Column, string Message, RuleInfo Rule)
{
    public string Resource { get; init; } = string.Empty;

    public string Path { get; init; } = string.Empty;
}

internal sealed record AnalysisResult(IReadOnlyList<Reported> Findings, IReadOnlyList<string> Unreadable, IReadOnlyList<string> Files, int Resources, IReadOnlyDictionary<string, int> Skipped)
{
    /// <summary>The workloads, Services and Namespaces read for the workload rules.</summary>
    public int KubernetesObjects { get; init; }
}

/// <summary>Reads every file with the YAML front end and runs the rules that need no C# on the whole set at once.</summary>
internal static class Analysis
{
    public const string StandardInput = "<stdin>";

    public static AnalysisResult Run(IEnumerable<string> paths, TextReader stdin, Severities severities)
    {
        var unreadable = new List<string>();
        var stages = new List<string>();
        var inputs = ReadInputs(paths, stdin, unreadable, stages);
        var origins = new YamlOrigins();
        var resources = new List<Resource>();
        var workloads = new List<Workload>();
        var hosts = new List<HostDefinition>();
        var namespaces = new List<K8sNamespace>();
        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var reported = new List<Reported>();
        var reads = Parse(inputs, origins);
        if (stages.Count > 0) skipped["canary stage file"] = stages.Count;
        foreach (var (result, file) in reads)
        {
            resources.AddRange(result.Resources);
            foreach (var (kind, count) in result.Skipped) skipped[kind] = skipped.TryGetValue(kind, out var n) ? n + count : count;
            foreach (var problem in result.Problems) Add(reported, severities, RuleIds.InvalidYaml, new YamlLocation(problem.Position, problem.Resource, problem.Path), problem.Message);
            if (file is not null)
            {
                workloads.AddRange(file.Workloads);
                hosts.AddRange(file.Hosts);
                namespaces.AddRange(file.Namespaces);
            }
        }

        // The Istio reader skips what is not Istio's; the Kubernetes objects the workload rules read are not skipped.
        var kubernetes = workloads.Select(w => w.Kind).Concat(hosts.Where(h => h.Kind == "Service").Select(h => h.Kind)).Concat(namespaces.Select(_ => "Namespace")).ToList();
        foreach (var kind in kubernetes)
        {
            if (skipped.TryGetValue(kind, out var n)) skipped[kind] = n - 1;
        }

        foreach (var kind in skipped.Where(s => s.Value <= 0).Select(s => s.Key).ToList()) skipped.Remove(kind);

        var findings = resources.SelectMany(PolicyRules.Evaluate).Concat(PolicyRules.EvaluateMesh(Array.Empty<ServiceInfo>(), resources, workloads, hosts: hosts, namespaces: namespaces)).Distinct();
        foreach (var finding in findings)
        {
            var location = origins.Locate(finding.Origin, finding.Field) ?? new YamlLocation(new YamlPosition(finding.Origin.Document, 1, 1), string.Empty, string.Empty);
            var rule = RuleCatalog.Get(finding.RuleId);
            Add(reported, severities, finding.RuleId, location, string.Format(CultureInfo.InvariantCulture, rule.Message, finding.MessageArgs.Cast<object>().ToArray()));
        }

        var ordered = reported
            .OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Line).ThenBy(r => r.Column).ThenBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => r.Message, StringComparer.Ordinal)
            .ToList();
        return new AnalysisResult(ordered, unreadable, inputs.Select(i => i.Name).ToList(), resources.Count, skipped) { KubernetesObjects = kubernetes.Count };
    }

    /// <summary>The mesh the files describe, for the simulator: its resources, workloads and hosts, and what could not be read.</summary>
    public static (Mesh Mesh, IReadOnlyList<string> Unreadable, IReadOnlyList<YamlProblem> Problems) LoadMesh(IEnumerable<string> paths, TextReader stdin)
    {
        var unreadable = new List<string>();
        var reads = Parse(ReadInputs(paths, stdin, unreadable), new YamlOrigins());
        var mesh = new Mesh(
            Array.Empty<ServiceInfo>(),
            reads.SelectMany(r => r.Istio.Resources).ToList(),
            reads.SelectMany(r => r.Workloads?.Workloads ?? Enumerable.Empty<Workload>()).ToList(),
            "default",
            reads.SelectMany(r => r.Workloads?.Hosts ?? Enumerable.Empty<HostDefinition>()).ToList(),
            reads.SelectMany(r => r.Workloads?.Namespaces ?? Enumerable.Empty<K8sNamespace>()).ToList());
        return (mesh, unreadable, reads.SelectMany(r => r.Istio.Problems).ToList());
    }

    /// <summary>What the simulator's commands could not read is left out of the routing: they say so, since the answer may depend on it.</summary>
    public static void ReportLeftOut(IEnumerable<YamlProblem> problems, TextWriter stderr)
    {
        foreach (var problem in problems)
        {
            var where = problem.Resource.Length == 0 ? string.Empty : $" [{problem.Resource}{(problem.Path.Length > 0 ? " " + problem.Path : string.Empty)}]";
            stderr.WriteLine($"meshdsl: {problem.Position.File}({problem.Position.Line},{problem.Position.Column}): {problem.Message}{where} (left out)");
        }
    }

    /// <summary>Files are read in parallel (the YAML parse is most of the time) and kept in input order, so output stays deterministic.</summary>
    private static (YamlReadResult Istio, WorkloadFile? Workloads)[] Parse(List<(string Name, string Text)> inputs, YamlOrigins origins)
    {
        CollectionBudget.Reserve(inputs.Sum(input => (long)input.Text.Length));
        var reads = new (YamlReadResult Istio, WorkloadFile? Workloads)[inputs.Count];
        Parallel.For(0, inputs.Count, i =>
        {
            var (name, text) = inputs[i];
            // One parse for both readers: Istio's resources, and the workloads and hosts the workload rules check against.
            var source = SourceFile.Load(text);
            reads[i] = (IstioYamlReader.Read(name, text, source, origins), WorkloadYaml.Read(name, source, origins));
        });
        return reads;
    }

    /// <summary>The YAML files of a folder and its subfolders (<c>*.yaml</c>, <c>*.yml</c>), in ordinal order: the same on every machine.</summary>
    public static IEnumerable<string> YamlFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal);

    /// <summary>
    /// A canary's stage as MeshDsl's Steps engine writes it (<c>canary-steps/&lt;service&gt;/step-005.yaml</c>): each is applied
    /// alone, in its turn, so a folder's stages are not read with the rest as if they all applied at once. Named on the command
    /// line, a stage file is read.
    /// </summary>
    private static bool IsCanaryStage(string root, string file, List<string> stages)
    {
        var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
        if (!relative.StartsWith(StagesFolder + "/", StringComparison.Ordinal) && !relative.Contains("/" + StagesFolder + "/", StringComparison.Ordinal)) return false;
        stages.Add(file);
        return true;
    }

    private const string StagesFolder = "canary-steps";

    private static List<(string Name, string Text)> ReadInputs(IEnumerable<string> paths, TextReader stdin, List<string> unreadable) =>
        ReadInputs(paths, stdin, unreadable, new List<string>());

    private static List<(string Name, string Text)> ReadInputs(IEnumerable<string> paths, TextReader stdin, List<string> unreadable, List<string> stages)
    {
        var inputs = new List<(string Name, string Text)>();
        foreach (var path in paths)
        {
            if (path == "-")
            {
                inputs.Add((StandardInput, stdin.ReadToEnd()));
                continue;
            }

            IEnumerable<string>? files = Directory.Exists(path)
                ? YamlFiles(path).Where(f => !IsCanaryStage(path, f, stages))
                : File.Exists(path) ? new[] { path } : null;
            if (files is null)
            {
                unreadable.Add($"{path}: no such file or folder");
                continue;
            }

            foreach (var file in files)
            {
                try
                {
                    inputs.Add((file, File.ReadAllText(file)));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    unreadable.Add($"{file}: {ex.Message}");
                }
            }
        }

        return inputs;
    }

    private static void Add(List<Reported> reported, Severities severities, string id, YamlLocation location, string message)
    {
        var rule = RuleCatalog.Get(id);
        var level = severities.For(rule);
        var (position, resource, path) = (location.Position, location.Resource, location.Path);
        if (level != "none") reported.Add(new Reported(id, level, position.File, position.Line, position.Column, message, rule) { Resource = resource, Path = path });
    }
}
