using MeshDsl.Istio;

namespace MeshDsl.Tests;

public class IstioDurationTests
{
    [Theory]
    [InlineData("10s", 10_000_000_000)]
    [InlineData("1500ms", 1_500_000_000)]
    [InlineData("1h30m", 5_400_000_000_000)]
    [InlineData("1.5s", 1_500_000_000)]
    [InlineData("1ms", 1_000_000)]
    [InlineData("2m", 120_000_000_000)]
    public void Accepts_what_Istio_accepts(string text, long nanoseconds)
    {
        Assert.Equal(IstioDuration.Problem.None, IstioDuration.Validate(text, out var ns));
        Assert.Equal(nanoseconds, ns);
    }

    [Theory]
    [InlineData("10 seconds", nameof(IstioDuration.Problem.Syntax))]
    [InlineData("10", nameof(IstioDuration.Problem.Syntax))]
    [InlineData("", nameof(IstioDuration.Problem.Syntax))]
    [InlineData("s", nameof(IstioDuration.Problem.Syntax))]
    [InlineData("1.2.3s", nameof(IstioDuration.Problem.Syntax))]
    [InlineData("10S", nameof(IstioDuration.Problem.Syntax))]
    [InlineData("0", nameof(IstioDuration.Problem.BelowOneMillisecond))]
    [InlineData("500us", nameof(IstioDuration.Problem.BelowOneMillisecond))]
    [InlineData("-1s", nameof(IstioDuration.Problem.BelowOneMillisecond))]
    [InlineData("1.5ms", nameof(IstioDuration.Problem.FinerThanMillisecond))]
    [InlineData("1001us", nameof(IstioDuration.Problem.FinerThanMillisecond))]
    public void Rejects_what_Istio_rejects(string text, string problem)
    {
        Assert.Equal(problem, IstioDuration.Validate(text, out _).ToString());
    }

    [Theory]
    [InlineData(3_600_000_000_000, "1h")]
    [InlineData(90_000_000_000, "90s")]
    [InlineData(120_000_000_000, "2m")]
    [InlineData(1_500_000_000, "1500ms")]
    public void Formats_the_shortest_exact_spelling(long nanoseconds, string expected) => Assert.Equal(expected, IstioDuration.Format(nanoseconds));
}
