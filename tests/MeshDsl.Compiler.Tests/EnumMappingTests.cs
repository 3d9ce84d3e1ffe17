using MeshDsl.FrontEnd;
using MeshDsl.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.Tests;

/// <summary>Every value of every C# enum maps to a value Istio's schema accepts (and Unspecified to nothing).</summary>
public class EnumMappingTests
{
    public static TheoryData<string> Cases => new()
    {
        "LoadBalancing", "H2UpgradePolicy", "ClientTlsMode", "ServerTlsMode", "TlsProtocolVersion", "RedirectPort", "UnmatchedPreflights", "ProxyProtocolVersion",
        "ServiceEntryLocation", "ServiceEntryResolution",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_member_is_a_value_of_the_schema_enum(string name)
    {
        var (type, map, crd, field) = name switch
        {
            "LoadBalancing" => (typeof(LoadBalancing), (Func<int, string?>)IstioNames.LoadBalancer, "destinationrule", "simple"),
            "H2UpgradePolicy" => (typeof(H2UpgradePolicy), IstioNames.H2UpgradePolicy, "destinationrule", "h2UpgradePolicy"),
            "ClientTlsMode" => (typeof(ClientTlsMode), IstioNames.ClientTlsMode, "destinationrule", "mode"),
            "ServerTlsMode" => (typeof(ServerTlsMode), IstioNames.ServerTlsMode, "gateway", "mode"),
            "TlsProtocolVersion" => (typeof(TlsProtocolVersion), IstioNames.TlsProtocolVersion, "gateway", "minProtocolVersion"),
            "RedirectPort" => (typeof(RedirectPort), IstioNames.RedirectPort, "virtualservice", "derivePort"),
            "UnmatchedPreflights" => (typeof(UnmatchedPreflights), IstioNames.UnmatchedPreflights, "virtualservice", "unmatchedPreflights"),
            "ServiceEntryLocation" => (typeof(ServiceEntryLocation), IstioNames.ServiceEntryLocation, "serviceentry", "location"),
            "ServiceEntryResolution" => (typeof(ServiceEntryResolution), IstioNames.ServiceEntryResolution, "serviceentry", "resolution"),
            _ => (typeof(ProxyProtocolVersion), IstioNames.ProxyProtocolVersion, "destinationrule", "version"),
        };
        var allowed = SchemaEnum(crd, field);
        Assert.NotEmpty(allowed);
        foreach (var value in Enum.GetValues(type))
        {
            var mapped = map((int)value);
            if (value.ToString() == "Unspecified") Assert.Null(mapped);
            else Assert.True(mapped is not null && allowed.Contains(mapped), $"{type.Name}.{value} maps to '{mapped}', not one of {string.Join(", ", allowed)}");
        }
    }

    [Fact]
    public void Every_retry_condition_is_a_token_Istio_accepts()
    {
        // virtual_service.proto / validation.md §2.5: the retryOn policies Istio accepts, and HTTP status codes.
        var tokens = new[]
        {
            "5xx", "gateway-error", "reset", "reset-before-request", "connect-failure", "retriable-4xx", "refused-stream", "retriable-status-codes",
            "retriable-headers", "envoy-ratelimited", "http3-post-connect-failure", "cancelled", "deadline-exceeded", "internal", "resource-exhausted", "unavailable",
        };
        foreach (RetryOn value in Enum.GetValues(typeof(RetryOn)))
        {
            var token = IstioNames.RetryOn((int)value);
            Assert.True(token is not null && (tokens.Contains(token) || (int)value is >= 100 and <= 599), $"{value} maps to '{token}'");
        }

        Assert.Equal(tokens.OrderBy(t => t), Enum.GetValues(typeof(RetryOn)).Cast<int>().Where(v => v < 100).Select(v => IstioNames.RetryOn(v)!).OrderBy(t => t));
        Assert.Equal(tokens.OrderBy(t => t), MeshDsl.Istio.RetryConditions.All.OrderBy(t => t));
    }

    private static HashSet<string> SchemaEnum(string crd, string field)
    {
        var result = new HashSet<string>();
        void Walk(YamlNode node, string? key)
        {
            if (node is YamlMappingNode map)
            {
                if (key == field && map.Children.TryGetValue(new YamlScalarNode("enum"), out var e))
                {
                    foreach (var v in ((YamlSequenceNode)e).Children.Cast<YamlScalarNode>()) result.Add(v.Value!);
                }

                foreach (var child in map.Children) Walk(child.Value, ((YamlScalarNode)child.Key).Value);
            }
            else if (node is YamlSequenceNode seq)
            {
                foreach (var child in seq.Children) Walk(child, key);
            }
        }

        Walk(YamlTree.ParseSingle(File.ReadAllText(Paths.Crd(crd + ".yaml")!)), null);
        result.Remove("UNSPECIFIED");
        return result;
    }
}
