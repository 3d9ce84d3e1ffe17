using MeshDsl.Rules;

namespace MeshDsl.Tests;

/// <summary>Envoy matches a regex against the whole value; .NET's '$' would also match before a final newline.</summary>
public class RegexMatchTests
{
    [Theory]
    [InlineData("beta", "beta", true)]
    [InlineData("beta", "beta\n", false)]
    [InlineData("a.*", "abc", true)]
    [InlineData("a", "ba", false)]
    public void TryMatch_is_a_full_match(string pattern, string value, bool expected) => Assert.Equal(expected, Regexes.TryMatch(pattern, value));

    [Theory]
    [InlineData("9999999999999999999999h")]
    [InlineData("2562048h")]
    [InlineData("99999999999999999999999999999999999999999s")]
    public void Durations_beyond_Gos_range_are_TooLong_or_a_syntax_error_never_an_exception(string text) =>
        Assert.NotEqual(Istio.IstioDuration.Problem.None, Istio.IstioDuration.Validate(text, out _));
}
