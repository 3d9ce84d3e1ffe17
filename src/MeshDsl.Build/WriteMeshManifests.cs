using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace MeshDsl.Build;

/// <summary>
/// Reads the manifests embedded in the compiled mesh assembly and writes them to <see cref="OutputDirectory"/> (or, with
/// <see cref="Verify"/>, compares them with what is there). Errors carry IDs (MESHB001...) documented under docs/rules/.
/// </summary>
public sealed class WriteMeshManifests : Task, ICancelableTask
{
    private readonly System.Threading.CancellationTokenSource _cancel = new();

    /// <summary>The assembly the compiler just wrote (<c>@(IntermediateAssembly)</c>).</summary>
    [Required]
    public string Assembly { get; set; } = string.Empty;

    [Required]
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary><c>PerResource</c> (default), <c>PerService</c> or <c>Single</c>.</summary>
    public string? Layout { get; set; }

    /// <summary>Also write a <c>kustomization.yaml</c> listing the files.</summary>
    public bool Kustomization { get; set; }

    /// <summary>
    /// MeshDslNamespace: the generator applies it (it reaches the compiler as a visible property); the task only refuses a value
    /// that is not a namespace, which the generator leaves unapplied.
    /// </summary>
    public string? Namespace { get; set; }

    /// <summary>Write nothing; fail with one error per file that differs from, is missing from, or is stale in the output folder.</summary>
    public bool Verify { get; set; }

    /// <summary>Where the output folder is noted, so that <c>dotnet clean</c> removes exactly the files this project wrote there.</summary>
    public string? StateFile { get; set; }

    /// <summary>
    /// Where this project keeps what it last found in the output folder (in the intermediate folder), so that files still as
    /// it left them are not read back; empty reads every file back.
    /// </summary>
    public string? StampFile { get; set; }

    /// <summary>The project file (<c>$(MSBuildProjectFullPath)</c>): the owner of the files, as the folder's record names it.</summary>
    public string? Project { get; set; }

    /// <summary>Every manifest file of this build (the <c>MeshDslManifest</c> items; not <c>FileWrites</c>, see MeshDsl.targets).</summary>
    [Output]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Where the MESHB pages live (the analyzers' rule pages are beside them).</summary>
    public const string HelpLinkBase = "https://github.com/meshdsl/meshdsl/blob/main/docs/rules/";

    public void Cancel() => _cancel.Cancel();

    public override bool Execute()
    {
        if (!ManifestLayout.TryParse(Layout, out var layout))
        {
            Error("MESHB007", null, "MeshDslLayout is '{0}': use PerResource (one file per resource), PerService (one per C# declaration) or Single (all.yaml).", Layout);
            return false;
        }

        var ns = string.IsNullOrWhiteSpace(Namespace) ? null : Namespace!.Trim();
        if (ns is not null && OutputFolder.NamespaceProblem(ns) is { } nsProblem)
        {
            Error("MESHB009", null, "MeshDslNamespace is '{0}', which is not a Kubernetes namespace: {1}.", ns, nsProblem);
            return false;
        }

        if (!File.Exists(Assembly))
        {
            Error("MESHB001", Assembly, "MeshDsl cannot read manifests from '{0}': the file does not exist.", Assembly);
            return false;
        }

        List<EmbeddedManifest> manifests;
        bool generatorRan;
        try
        {
            manifests = ManifestReader.Read(Assembly, out generatorRan);
        }
        catch (Exception ex) when (ex is BadImageFormatException or IOException or InvalidOperationException or InvalidDataException)
        {
            Error("MESHB001", Assembly, "MeshDsl cannot read manifests from '{0}': {1}", Assembly, ex.Message);
            return false;
        }

        var outputDirectory = Path.GetFullPath(OutputDirectory);
        if (manifests.Count == 0 && !generatorRan)
        {
            // No declarations were read, or the generator failed (its warning says so): the manifests are unknown, so
            // nothing on disk is touched, and a project that merely references a mesh project gets no empty folder.
            Log.LogMessage(MessageImportance.Low, "MeshDsl: no manifests in {0}; {1} left as it is.", Assembly, outputDirectory);
            return true;
        }

        var files = ManifestLayout.Arrange(manifests, layout, Kustomization);
        if (!CheckDuplicates(manifests, files)) return false;

        var owner = OutputFolder.Owner(outputDirectory, Project, Assembly);
        if (files.Count == 0 && !File.Exists(Path.Combine(outputDirectory, ManifestRecord.FileName)))
        {
            Log.LogMessage(MessageImportance.Low, "MeshDsl: the project declares no mesh; nothing to write.");
            return true;
        }

        if (OutputFolder.Unsafe(outputDirectory, Project, Assembly) is { } unsafeWhy)
        {
            Error("MESHB008", null, "MeshDsl will not write manifests to '{0}': {1}. Set MeshDslOutputPath to a folder of their own, such as 'manifests/'.", outputDirectory, unsafeWhy);
            return false;
        }

        return Verify ? VerifyFolder(outputDirectory, owner, files) : WriteFolder(outputDirectory, owner, files);
    }

    private bool CheckDuplicates(List<EmbeddedManifest> manifests, List<OutputFile> files)
    {
        var ok = true;
        foreach (var group in files.GroupBy(f => f.FileName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            var sources = manifests.Where(m => string.Equals(m.FileName, group.Key, StringComparison.OrdinalIgnoreCase) || group.Key.EndsWith("-" + m.FileName, StringComparison.OrdinalIgnoreCase))
                .Select(m => m.Source).Distinct().ToArray();
            Error("MESHB002", Assembly, "MeshDsl would write '{0}' twice, from {1}: give the resources different names or namespaces.",
                group.Key, sources.Length > 0 ? string.Join(" and ", sources) : "several declarations");
            ok = false;
        }

        return ok;
    }

    private bool WriteFolder(string outputDirectory, string owner, List<OutputFile> files)
    {
        WriteResult result;
        try
        {
            result = ManifestWriter.Write(outputDirectory, owner, files, _cancel.Token, string.IsNullOrEmpty(StampFile) ? null : Path.GetFullPath(StampFile));
            if (!string.IsNullOrEmpty(StateFile))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(StateFile))!);
                File.WriteAllLines(StateFile, new[] { outputDirectory, owner });
            }
        }
        catch (OperationCanceledException)
        {
            Log.LogMessage(MessageImportance.High, "MeshDsl: cancelled; files already written are complete, nothing is half-written.");
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Error("MESHB003", outputDirectory, "MeshDsl cannot write manifests to '{0}': {1}", outputDirectory, ex.Message);
            return false;
        }

        foreach (var deleted in result.Deleted)
        {
            Log.LogMessage(MessageImportance.High, "MeshDsl: deleted {0}: the code no longer describes it.", deleted);
        }

        foreach (var kept in result.KeptStale)
        {
            Log.LogWarning(null, "MESHB011", null, HelpLinkBase + "MESHB011.md", kept, 0, 0, 0, 0,
                "MeshDsl left {0} in place: the code no longer describes it, but it was changed after MeshDsl wrote it. Delete it if the change is not needed.", Path.GetFileName(kept));
        }

        foreach (var refusal in result.Refused)
        {
            Error("MESHB010", refusal.Path, "MeshDsl did not overwrite {0}: {1}. Move that file away (or delete it if it is an old generated file) and build again.",
                Path.GetFileName(refusal.Path), refusal.Reason);
        }

        Files = result.All.Select(p => (ITaskItem)new TaskItem(p)).ToArray();
        Log.LogMessage(MessageImportance.High, "MeshDsl: {0} manifest file(s) in {1} ({2} written, {3} unchanged, {4} deleted)",
            result.All.Count, outputDirectory, result.Written.Count, result.Unchanged.Count, result.Deleted.Count);
        return result.Refused.Count == 0;
    }

    private bool VerifyFolder(string outputDirectory, string owner, List<OutputFile> files)
    {
        var problems = ManifestVerifier.Compare(outputDirectory, owner, files);
        foreach (var problem in problems)
        {
            switch (problem.Kind)
            {
                case Difference.Differs:
                    Error("MESHB004", problem.Path, "{0} differs from what the code describes: rebuild without MeshDslVerify and commit the result.\n{1}", Path.GetFileName(problem.Path), problem.Detail);
                    break;
                case Difference.Missing:
                    Error("MESHB005", problem.Path, "{0} is missing: the code describes it; rebuild without MeshDslVerify and commit it.", Path.GetFileName(problem.Path));
                    break;
                default:
                    Error("MESHB006", problem.Path, "{0} is stale: the code no longer describes it; rebuild without MeshDslVerify (which deletes it) and commit.", Path.GetFileName(problem.Path));
                    break;
            }
        }

        Log.LogMessage(MessageImportance.High, "MeshDsl: verified {0} manifest file(s) in {1}: {2}",
            files.Count, outputDirectory, problems.Count == 0 ? "all match the code" : problems.Count + " differ");
        return problems.Count == 0;
    }

    /// <summary>An error with its ID and a link to its page, at <paramref name="file"/> when there is one.</summary>
    private void Error(string code, string? file, string message, params object?[] args) =>
        Log.LogError(null, code, null, HelpLinkBase + code + ".md", file, 0, 0, 0, 0, message, args);
}
