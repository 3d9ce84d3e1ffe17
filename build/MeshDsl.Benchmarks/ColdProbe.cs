using System.Diagnostics;
using System.Runtime;

namespace MeshDsl.Benchmarks;

/// <summary>
/// The generator's first run in a new process, as a cold compiler meets it: how long, and how much of it is the JIT.
/// Run once per process; "bind" binds every attribute first, the work the compilation would do anyway.
/// </summary>
public static class ColdProbe
{
    public static void Run(int n, bool bindFirst)
    {
        var mesh = new MeshHarness(n);
        if (bindFirst) Step("binding every attribute", () => BuildProfile.BindAttributes(mesh.Compilation));
        Step("the generator's first run", () => mesh.Run(MeshHarness.NewDriver()));
        Step("binding every attribute of a new compilation", () => BuildProfile.BindAttributes(new MeshHarness(n).Compilation));
        Step("the generator's second run, new compilation", () => new MeshHarness(n).Run(MeshHarness.NewDriver()));
    }

    private static void Step(string what, System.Action action)
    {
        var methods = JitInfo.GetCompiledMethodCount();
        var jit = JitInfo.GetCompilationTime();
        var sw = Stopwatch.StartNew();
        action();
        sw.Stop();
        System.Console.WriteLine($"{what}: {sw.Elapsed.TotalMilliseconds:F0} ms, {JitInfo.GetCompiledMethodCount() - methods} methods JIT-compiled in {(JitInfo.GetCompilationTime() - jit).TotalMilliseconds:F0} ms");
    }
}
