using MeshDsl.Tests.Support;

namespace MeshDsl.Tests;

/// <summary>The validator the product's tests rely on must itself be able to fail.</summary>
public class CrdValidatorTests
{
    private const string Valid = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
        spec:
          hosts:
          - reviews
          http:
          - route:
            - destination:
                host: reviews
              weight: 100
            timeout: 10s
        """;

    [Fact]
    public void A_valid_manifest_passes() => Assert.Empty(CrdValidator.Validate(YamlTree.ParseSingle(Valid)));

    [Theory]
    [InlineData("timeout: 10s", "timeout: 10s\n    timeoutt: 10s", "unknown field")]
    [InlineData("weight: 100", "weight: \"100\"", "the schema wants integer")]
    [InlineData("timeout: 10s", "timeout: 10 seconds", "valid duration")]
    [InlineData("host: reviews\n", "host: reviews\n        port:\n          number: 99999999999\n", "destination.port.number: 99999999999 is above")]
    [InlineData("- reviews", "- true", "the schema wants string")]
    public void An_invalid_manifest_fails_naming_the_field(string from, string to, string expected)
    {
        var errors = CrdValidator.Validate(YamlTree.ParseSingle(Valid.Replace(from, to)));
        Assert.Contains(errors, e => e.Contains(expected));
    }

    [Fact]
    public void Enums_and_oneOf_are_enforced()
    {
        const string dr = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: reviews
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  simple: FASTEST
            """;
        Assert.Contains(CrdValidator.Validate(YamlTree.ParseSingle(dr)), e => e.Contains("is not one of"));
        var both = dr.Replace("simple: FASTEST", "simple: RANDOM\n      consistentHash:\n        useSourceIp: true");
        Assert.Contains(CrdValidator.Validate(YamlTree.ParseSingle(both)), e => e.Contains("oneOf"));
    }
}
