using MeshDsl.Model;
using MeshDsl.Simulation;
using MeshDsl.Tests.Support;
using MeshDsl.YamlFrontEnd;

namespace MeshDsl.Tests.Simulation;

/// <summary>One table per point of Istio's routing semantics, on meshes read from YAML.</summary>
public class SimulatorTests
{
    internal static Mesh MeshOf(string yaml)
    {
        var read = IstioYamlReader.Read("mesh.yaml", yaml, new YamlOrigins());
        Assert.Empty(read.Problems);
        return new Mesh(Array.Empty<ServiceInfo>(), read.Resources, Array.Empty<Workload>(), "default");
    }

    private static SimulatedRequest Get(string authority, string path = "/", Dictionary<string, string>? headers = null, string method = "GET", int port = 9080,
        string ns = "default", string? gateway = null, string scheme = "http", Dictionary<string, string>? labels = null) =>
        SimulatedRequest.Create(authority, port, method, path, scheme, headers, labels, ns, gateway);

    private static string Where(RouteDecision d) => d.Outcome switch
    {
        RouteOutcome.Routed => string.Join(",", d.Destinations.Select(x => x.Destination.Host + (x.Destination.Subset is null ? string.Empty : "/" + x.Destination.Subset) + (d.Destinations.Count > 1 ? "=" + x.Weight : string.Empty))),
        _ => d.Outcome.ToString(),
    };

    private const string Reviews = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
        spec:
          hosts:
          - reviews
          http:
          - name: testers
            match:
            - headers:
                x-user-group:
                  exact: internal-testers
              uri:
                prefix: /api
            - queryParams:
                canary:
                  exact: "1"
            route:
            - destination:
                host: reviews
                subset: v3
          - name: v2-regex
            match:
            - uri:
                regex: /v2/[a-z]+
              ignoreUriCase: true
            route:
            - destination:
                host: reviews
                subset: v2
          - name: mobile
            match:
            - uri:
                prefix: /Mobile
              ignoreUriCase: true
              withoutHeaders:
                x-debug:
                  exact: ""
            route:
            - destination:
                host: reviews
                subset: v2
          - route:
            - destination:
                host: reviews
                subset: v1
              weight: 90
            - destination:
                host: reviews
                subset: v2
              weight: 10
        """;

    public static TheoryData<string, string, string?, string> MatchCases => new()
    {
        // Conditions in one block are ANDed: the header alone, or the path alone, is not enough.
        { "/api/books", "x-user-group=internal-testers", null, "reviews/v3" },
        { "/web/books", "x-user-group=internal-testers", null, "reviews/v1=90,reviews/v2=10" },
        { "/api/books", "x-user-group=others", null, "reviews/v1=90,reviews/v2=10" },
        // Blocks are ORed: the query parameter alone takes the first rule.
        { "/anything?canary=1", "", null, "reviews/v3" },
        { "/anything?canary=2", "", null, "reviews/v1=90,reviews/v2=10" },
        // A regex matches the whole path (Envoy anchors it), and never the query.
        { "/v2/books", "", null, "reviews/v2" },
        { "/v2/books/1", "", null, "reviews/v1=90,reviews/v2=10" },
        { "/x/v2/books", "", null, "reviews/v1=90,reviews/v2=10" },
        { "/v2/books?x=1", "", null, "reviews/v2" },
        // ignoreUriCase applies to prefixes and exact paths.
        { "/mobile/home", "", null, "reviews/v2" },
        { "/MOBILE/home", "", null, "reviews/v2" },
        // withoutHeaders: a header present (any value, for an empty exact) excludes the block.
        { "/mobile/home", "x-debug=1", null, "reviews/v1=90,reviews/v2=10" },
        // Header names are case-insensitive, values are not.
        { "/api/x", "X-User-Group=internal-testers", null, "reviews/v3" },
        { "/api/x", "x-user-group=Internal-Testers", null, "reviews/v1=90,reviews/v2=10" },
    };

    [Theory]
    [MemberData(nameof(MatchCases))]
    public void The_first_matching_rule_wins_with_its_conditions_anded_and_its_blocks_ored(string path, string header, string? unused, string expected)
    {
        _ = unused;
        var headers = header.Length == 0 ? null : new Dictionary<string, string> { [header.Split('=')[0]] = header.Split('=')[1] };
        Assert.Equal(expected, Where(Simulator.Route(MeshOf(Reviews), Get("reviews", path, headers))));
    }

    [Fact]
    public void Each_rule_before_the_match_says_why_it_did_not_match()
    {
        var decision = Simulator.Route(MeshOf(Reviews), Get("reviews", "/web", new Dictionary<string, string> { ["x-user-group"] = "internal-testers" }));
        Assert.Equal(3, decision.RuleIndex);
        Assert.Equal(new[] { 0, 1, 2 }, decision.Skipped.Select(s => s.Index));
        Assert.Equal(new[] { "match 1: uri prefix '/api' does not match '/web'", "match 2: query parameter 'canary' is absent" }, decision.Skipped[0].Reasons);
        Assert.Equal("uri regex '/v2/[a-z]+' does not match '/web'", Assert.Single(decision.Skipped[1].Reasons));
        var text = Explanation.Render(Get("reviews", "/web"), decision);
        Assert.Contains("rule #1 'testers' did not match", text);
        Assert.Contains("retries: Istio's default: 2 attempts", text);
    }

    public static TheoryData<string, string, string> HostCases => new()
    {
        // A short name resolves in the client's namespace; name.namespace and the FQDN name the same service.
        { "reviews", "default", "Routed" },
        { "reviews.default", "shop", "Routed" },
        { "reviews.default.svc.cluster.local", "shop", "Routed" },
        { "reviews:9080", "default", "Routed" },
        // From another namespace, the short name is another service: Kubernetes' default routing.
        { "reviews", "shop", "DefaultRouting" },
        { "ratings", "default", "DefaultRouting" },
    };

    [Theory]
    [MemberData(nameof(HostCases))]
    public void Hosts_resolve_as_a_sidecar_resolves_them(string authority, string clientNamespace, string outcome)
    {
        var decision = Simulator.Route(MeshOf(Reviews), Get(authority, "/", ns: clientNamespace));
        Assert.Equal(outcome, decision.Outcome.ToString());
        if (decision.Outcome == RouteOutcome.DefaultRouting) Assert.Contains("Kubernetes' default routing", Assert.Single(decision.Notes));
    }

    private const string Edge = """
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata:
          name: edge
          namespace: istio-system
        spec:
          selector:
            istio: ingressgateway
          servers:
          - port:
              number: 80
              name: http
              protocol: HTTP
            hosts:
            - "*.example.com"
            tls:
              httpsRedirect: true
          - port:
              number: 443
              name: https
              protocol: HTTPS
            hosts:
            - "*.example.com"
            tls:
              mode: SIMPLE
              credentialName: example-cert
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: shop
          namespace: web
        spec:
          hosts:
          - "*.example.com"
          gateways:
          - istio-system/edge
          http:
          - route:
            - destination:
                host: storefront
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: api
          namespace: web
        spec:
          hosts:
          - api.example.com
          gateways:
          - istio-system/edge
          - mesh
          http:
          - match:
            - gateways:
              - mesh
            route:
            - destination:
                host: api-internal
          - route:
            - destination:
                host: api
        """;

    public static TheoryData<string, int, string, string?, string> GatewayCases => new()
    {
        // The exact host is preferred over the wildcard; the per-match gateway picks the rule.
        { "api.example.com", 443, "https", "istio-system/edge", "api" },
        { "api.example.com", 443, "https", null, "api-internal" },
        { "www.example.com", 443, "https", "istio-system/edge", "storefront" },
        // The gateway's server redirects plain HTTP; a host it does not serve is refused.
        { "www.example.com", 80, "http", "istio-system/edge", "Redirected" },
        { "www.other.org", 443, "https", "istio-system/edge", "NotAccepted" },
        { "www.example.com", 8443, "https", "istio-system/edge", "NotAccepted" },
        // A VirtualService bound to the gateway only is not a sidecar's.
        { "www.example.com", 443, "https", null, "DefaultRouting" },
    };

    [Theory]
    [MemberData(nameof(GatewayCases))]
    public void Gateways_their_servers_and_bindings_decide_what_applies(string host, int port, string scheme, string? gateway, string expected)
    {
        var decision = Simulator.Route(MeshOf(Edge), Get(host, "/", port: port, scheme: scheme, gateway: gateway, ns: "web"));
        Assert.Equal(expected, Where(decision));
    }

    [Fact]
    public void Source_labels_source_namespace_and_port_take_part_in_the_match()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: ratings
            spec:
              hosts:
              - ratings
              http:
              - match:
                - sourceLabels:
                    app: reviews
                    version: v2
                  port: 9080
                route:
                - destination:
                    host: ratings
                    subset: v2
              - match:
                - sourceNamespace: qa
                route:
                - destination:
                    host: ratings
                    subset: qa
              - route:
                - destination:
                    host: ratings
                    subset: v1
            """;
        var mesh = MeshOf(yaml);
        var v2 = new Dictionary<string, string> { ["app"] = "reviews", ["version"] = "v2", ["pod-template-hash"] = "x" };
        Assert.Equal("ratings/v2", Where(Simulator.Route(mesh, Get("ratings", labels: v2))));
        Assert.Equal("ratings/v1", Where(Simulator.Route(mesh, Get("ratings", labels: v2, port: 8080))));
        Assert.Equal("ratings/v1", Where(Simulator.Route(mesh, Get("ratings", labels: new Dictionary<string, string> { ["app"] = "reviews" }))));
        Assert.Equal("ratings/qa", Where(Simulator.Route(mesh, Get("ratings.default", ns: "qa"))));
    }

    [Fact]
    public void A_delegate_takes_the_request_with_its_own_rules_and_no_rule_is_a_404()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: root
            spec:
              hosts:
              - shop.example.com
              http:
              - match:
                - uri:
                    prefix: /cart
                delegate:
                  name: cart
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: cart
            spec:
              http:
              - match:
                - uri:
                    prefix: /cart/v2
                route:
                - destination:
                    host: cart
                    subset: v2
            """;
        var mesh = MeshOf(yaml);
        var delegated = Simulator.Route(mesh, Get("shop.example.com", "/cart/v2/items"));
        Assert.Equal("cart/v2", Where(delegated));
        Assert.Equal("cart", delegated.Delegate?.Metadata.Name);
        Assert.Equal(RouteOutcome.NoRoute, Simulator.Route(mesh, Get("shop.example.com", "/cart/v1")).Outcome);
        Assert.Equal(RouteOutcome.NoRoute, Simulator.Route(mesh, Get("shop.example.com", "/home")).Outcome);
    }

    [Fact]
    public void The_destination_rule_policy_of_the_subset_overrides_the_hosts_field_by_field()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: reviews
            spec:
              host: reviews
              trafficPolicy:
                loadBalancer:
                  simple: LEAST_REQUEST
                connectionPool:
                  tcp:
                    maxConnections: 100
              subsets:
              - name: v1
                labels:
                  version: v1
              - name: v2
                labels:
                  version: v2
                trafficPolicy:
                  loadBalancer:
                    simple: ROUND_ROBIN
            """;
        var mesh = MeshOf(Reviews + "\n---\n" + yaml);
        var decision = Simulator.Route(mesh, Get("reviews", "/v2/books"));
        var policy = Assert.Single(decision.Destinations).Policy!;
        Assert.Equal("ROUND_ROBIN", policy.LoadBalancer!.Simple);
        Assert.Equal(100, policy.ConnectionPool!.Tcp!.MaxConnections);
        Assert.Contains("load balancer: ROUND_ROBIN", Explanation.Render(Get("reviews", "/v2/books"), decision));
    }
}

/// <summary>The simulator reads the model, whichever front end built it: the Bookinfo sample's C#, and its YAML, route alike.</summary>
public class SimulatorFrontEndTests
{
    [Theory]
    [InlineData("x-user-group", "internal-testers", "v3")]
    [InlineData("x-user-group", "beta", "v2")]
    [InlineData("cookie", "a=1; beta=true", "v2")]
    [InlineData("x-other", "1", "v1=90,v2=10")]
    public void Bookinfo_routes_the_same_from_its_csharp_and_from_its_yaml(string header, string value, string expected)
    {
        var compilation = TestCompilation.Create(TestCompilation.Sample("Bookinfo"));
        var fromCSharp = MeshDsl.FrontEnd.CSharpDeclaration.MeshOf(TestCompilation.Declarations(compilation), Array.Empty<Workload>());
        var yaml = string.Join("---\n", TestCompilation.Run(compilation).Manifests().Values);
        var fromYaml = SimulatorTests.MeshOf(yaml);
        var request = SimulatedRequest.Create("reviews.bookinfo", 9080, headers: new Dictionary<string, string> { [header] = value }, sourceNamespace: "bookinfo");

        foreach (var mesh in new[] { fromCSharp, fromYaml })
        {
            var decision = Simulator.Route(mesh, request);
            Assert.Equal(RouteOutcome.Routed, decision.Outcome);
            var where = string.Join(",", decision.Destinations.Select(d => d.Destination.Subset + (decision.Destinations.Count > 1 ? "=" + d.Weight : string.Empty)));
            Assert.Equal(expected, where);
            Assert.Equal("LEAST_REQUEST", decision.Destinations[0].Policy?.LoadBalancer?.Simple);
        }
    }
}
