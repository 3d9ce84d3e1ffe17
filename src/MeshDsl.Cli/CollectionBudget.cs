namespace MeshDsl.Cli;

/// <summary>
/// A run keeps every file's tree until its findings are placed, so a collection mid-run copies nearly everything it read: at a
/// thousand services one gen-1 collection paused the run for 130-190 ms (docs/performance.md, "meshdsl analyze"). The process
/// ends within seconds, so once it knows how much YAML it reads, it asks the runtime for no collection until it has allocated
/// what such a run allocates; past that, or where memory is tight or the input large, the runtime collects as it always does.
/// </summary>
internal static class CollectionBudget
{
    /// <summary>What a run allocates per character of YAML read: 72 measured at 1,000 services, with room for the rules.</summary>
    internal const long BytesPerCharacter = 96;

    /// <summary>Headroom for the runtime and the command line, whatever the input.</summary>
    internal const long Base = 32L << 20;

    /// <summary>No larger region than this: a larger input collects as usual.</summary>
    internal const long Largest = 1L << 30;

    /// <summary>Set by the tool's entry point only: a library caller (the tests' host) keeps the runtime's defaults.</summary>
    public static bool Enabled { get; set; }

    /// <summary>The region for <paramref name="characters"/> of YAML, or null where memory is tight (an eighth of what is available) or the input large.</summary>
    internal static long? For(long characters, long availableMemory)
    {
        var budget = Base + (characters * BytesPerCharacter);
        return budget > Largest || budget > availableMemory / 8 ? null : budget;
    }

    /// <summary>Once per process, before the files are parsed.</summary>
    public static void Reserve(long characters)
    {
        if (!Enabled) return;
        Enabled = false;
        if (For(characters, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes) is not { } budget) return;
        try
        {
            GC.TryStartNoGCRegion(budget);
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // A runtime that cannot set that much aside (a GC heap limit) runs as before.
        }
    }
}
