namespace MeshDsl.Cli;

internal static class Program
{
    /// <summary>How much a run may allocate before the runtime's first collection (docs/performance.md, "meshdsl analyze").</summary>
    internal const long CollectionFreeBudget = 256L * 1024 * 1024;

    public static int Main(string[] args)
    {
        // A run keeps every file's tree until its findings are placed, so a collection mid-run copies nearly everything it
        // read: at a thousand services one gen-1 collection paused the run for 130-190 ms. The process ends within seconds;
        // it asks for no collection until it has allocated the budget, after which the runtime collects as it always does.
        StartCollectionFreeRegion();
        return CommandLine.Run(args, Console.In, Console.Out, Console.Error);
    }

    private static void StartCollectionFreeRegion()
    {
        // Where memory is tight (a container's limit), collecting early is worth more than the pause it costs.
        if (GC.GetGCMemoryInfo().TotalAvailableMemoryBytes < 4 * CollectionFreeBudget) return;
        try
        {
            GC.TryStartNoGCRegion(CollectionFreeBudget);
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // A runtime that cannot set that much aside (a GC heap limit) runs as before.
        }
    }
}
