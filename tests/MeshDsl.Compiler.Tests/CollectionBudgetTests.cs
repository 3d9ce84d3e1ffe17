using MeshDsl.Cli;

namespace MeshDsl.Tests;

/// <summary>How much a run of the tool may allocate before its first collection: sized by its input, and only where memory allows.</summary>
public class CollectionBudgetTests
{
    private const long GiB = 1L << 30;

    [Theory]
    [InlineData(0L, 32L << 20)]
    [InlineData(2_224_848L, (32L << 20) + (2_224_848L * 96))] // the synthetic mesh at N = 1000: about 245 MB
    [InlineData(10_000_000L, (32L << 20) + 960_000_000L)]
    public void A_run_may_allocate_what_its_input_needs_before_collecting(long characters, long budget) =>
        Assert.Equal(budget, CollectionBudget.For(characters, availableMemory: 24 * GiB));

    [Theory]
    [InlineData(2_224_848L, 1 * GiB)] // a container with 1 GB: 245 MB is more than an eighth of it
    [InlineData(12_000_000L, 24 * GiB)] // over 1 GB of allocations: the runtime collects as usual
    public void Tight_memory_or_a_large_input_keep_the_runtimes_collections(long characters, long available) =>
        Assert.Null(CollectionBudget.For(characters, available));

    [Fact]
    public void A_library_caller_keeps_the_runtimes_defaults()
    {
        // The tests' host never enables it: a run through CommandLine.Run leaves the process's collections alone.
        Assert.False(CollectionBudget.Enabled);
        var before = System.Runtime.GCSettings.LatencyMode;
        CollectionBudget.Reserve(1000);
        Assert.Equal(before, System.Runtime.GCSettings.LatencyMode);
        Assert.NotEqual(System.Runtime.GCLatencyMode.NoGCRegion, System.Runtime.GCSettings.LatencyMode);
    }
}
