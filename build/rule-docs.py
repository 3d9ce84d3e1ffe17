#!/usr/bin/env python3
"""Writes docs/rules/MESHnnn.md, docs/rules/README.md and AnalyzerReleases.Unshipped.md from the descriptors and the table below. The Bad and Good examples are compiled by
RuleDocsTests: the rule must fire on Bad and stay quiet on Good, so the pages cannot lie."""
import os, re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
desc = open(os.path.join(ROOT, 'src/MeshDsl.Compiler/Analyzers/Descriptors.cs')).read()
ids = dict(re.findall(r'public const string (\w+) = "(MESH\d+)";', open(os.path.join(ROOT, 'src/MeshDsl.Core/Rules/RuleIds.cs')).read()))
meta = {}
for m in re.finditer(r'= new\(\n\s+RuleIds\.(\w+), "([^"]*)", "(?:[^"\\]|\\.)*", (\w+), DiagnosticSeverity\.(\w+)', desc):
    meta[ids[m.group(1)]] = (m.group(2), m.group(3), m.group(4))
CATS = {'Validation': 'MeshDsl.Validation', 'Routing': 'MeshDsl.Routing', 'Resilience': 'MeshDsl.Resilience', 'Policy': 'MeshDsl.TrafficPolicy', 'Gateways': 'MeshDsl.Gateway', 'Workloads': 'MeshDsl.Workloads'}

def svc(body, attrs='', name='reviews', cls='Reviews', subsets=('v1',)):
    subs = ''.join(f'    [Subset("{s}")] public partial class {s.upper()} {{ }}\n' for s in subsets)
    return f'using MeshDsl;\n\n[MeshService("{name}"{attrs})]\npublic partial class {cls}\n{{\n{subs}{body}}}\n'

R = {}
def rule(id, source, what, why, bad, good, note=None):
    R[id] = (source, what, why, bad, good, note)

rule('MESH001', "`ValidateDuration` and the CRD rule `duration(self) >= duration('1ms')`",
     "A duration Istio would reject: `timeout`, `perTryTimeout`, `fixedDelay`, `connectTimeout` and every other duration field. Istio takes Go's notation (a number and a unit, `ns`, `us`, `ms`, `s`, `m` or `h`, chained as in `1h30m`), at least 1 ms, in whole milliseconds. A TCP `idleTimeout` of `0s` is allowed: it disables the timeout.",
     "The API server rejects the whole resource, so the change never reaches the mesh. MeshDsl says so while you type, not in a failed `kubectl apply`. The code fix rewrites the duration in Istio's notation where the meaning is clear (`10 seconds` to `10s`, `1.5ms` to `2ms`).",
     svc('    [HttpRoute(Timeout = "10 seconds"), RouteTo<V1>]\n    public partial class Default { }\n'),
     svc('    [HttpRoute(Timeout = "10s"), RouteTo<V1>]\n    public partial class Default { }\n'))
rule('MESH002', "`validatePercentage`, `ValidatePercent`, `validatePercent`",
     "A percentage outside what Istio accepts: fault `percentage` must be 0 or between 0.0001 and 100; mirror percentages, `maxEjectionPercent`, `minHealthPercent`, the warm-up `minimumPercent` and the retry budget `percent` must be between 0 and 100.",
     "Istio rejects the resource; a percentage of 150 is usually a typo for 15 or 1.5.",
     svc('    [HttpRoute, MatchHeader("x-chaos-test", Exact = "true"), FaultAbort(503, Percentage = 150), RouteTo<V1>]\n    public partial class Chaos { }\n'),
     svc('    [HttpRoute, MatchHeader("x-chaos-test", Exact = "true"), FaultAbort(503, Percentage = 15), RouteTo<V1>]\n    public partial class Chaos { }\n'))
rule('MESH003', "`validateStringRegexp`, `validateStringMatchRegexp` (RE2, at most 1024 characters)",
     "A regular expression Envoy cannot use: Envoy matches with RE2, which has no lookahead or lookbehind, no backreferences, no possessive quantifiers, no atomic groups and no conditionals. Empty patterns and patterns over 1024 characters are rejected too. The `regex: \"*\"` presence check of `withoutHeaders` is not a regex and is accepted.",
     "Istio rejects the resource at admission; .NET's own Regex accepts these patterns, so they slip through a C# unit test.",
     svc('    [HttpRoute, MatchUri(Regex = "^/api/(?!internal).*$"), RouteTo<V1>]\n    public partial class Api { }\n'),
     svc('    [HttpRoute, MatchUri(Regex = "^/api/(public|v[0-9]+)/.*$"), RouteTo<V1>]\n    public partial class Api { }\n'))
rule('MESH004', "`ValidateWildcardDomain`, `IsDNS1123Label`, label `Validate` (validation.md §1)",
     "A name, namespace, host, subset name or label that Kubernetes or Istio rejects: resource names and namespaces are DNS-1123 (lower case, digits, `-`), Gateway names have no dots, hosts are domains whose first label may be a wildcard, and label keys and values follow Kubernetes' label syntax.",
     "The API server rejects the resource; a label that is not valid also selects no pod.",
     svc('', name='Reviews'),
     svc('', name='reviews'))
rule('MESH005', "`ValidatePort`",
     "A port outside 1-65535: a service port, a destination port, a match port, a server port or target port, a redirect port, a port-level setting or a tunnel target port.",
     "Istio rejects the resource.",
     svc('    [HttpRoute, RouteTo<V1>(Port = 90800)]\n    public partial class Default { }\n'),
     svc('    [HttpRoute, RouteTo<V1>(Port = 9080)]\n    public partial class Default { }\n'))
rule('MESH006', "`validateHTTPRouteConflict`",
     "An HTTP rule whose actions conflict or are missing. A rule does exactly one of: route (`RouteTo`), redirect, answer directly (`DirectResponse`) or delegate. A redirect or direct response also excludes faults and rewrites; `Mirror` and `MirrorTo` exclude each other; a delegate VirtualService cannot delegate again.",
     "Istio rejects the resource (`HTTP route cannot contain both route and redirect`, `HTTP route, redirect or direct_response is required`).",
     svc('    [HttpRoute, MatchUri(Prefix = "/old"), Redirect(Uri = "/new"), RouteTo<V1>]\n    public partial class Moved { }\n'),
     svc('    [HttpRoute, MatchUri(Prefix = "/old"), Redirect(Uri = "/new")]\n    public partial class Moved { }\n\n    [HttpRoute, RouteTo<V1>]\n    public partial class Default { }\n'))
rule('MESH007', "`validateHTTPFaultInjection`, `validateHTTPFaultInjectionAbort`, `validateHTTPFaultInjectionDelay`",
     "A fault Istio cannot inject: a delay without a fixed duration (Istio rejects `exponentialDelay` today), an abort with an HTTP status outside 200-599, an unknown gRPC status name, an HTTP/2 error abort (not supported yet), or an abort with no error at all.",
     "Istio rejects the resource.",
     svc('    [HttpRoute, MatchHeader("x-chaos-test", Exact = "true"), FaultAbort(700), RouteTo<V1>]\n    public partial class Chaos { }\n'),
     svc('    [HttpRoute, MatchHeader("x-chaos-test", Exact = "true"), FaultAbort(503), RouteTo<V1>]\n    public partial class Chaos { }\n'))
rule('MESH008', "`ValidateHTTPRetry`",
     "Retries Istio rejects: negative attempts; `Retries(0)` (retries off) with a per-try timeout, retry conditions or `RetryRemoteLocalities`; a `retryOn` value that is neither a known condition nor an HTTP status code (for example a cast such as `(RetryOn)42`).",
     "Istio rejects the resource (`http retry policy configured when attempts are set to 0 (disabled)`, `... is not a valid retryOn policy`).",
     svc('    [HttpRoute, RouteTo<V1>, Retries(0, PerTryTimeout = "2s")]\n    public partial class Default { }\n'),
     svc('    [HttpRoute, RouteTo<V1>, Retries(2, PerTryTimeout = "2s")]\n    public partial class Default { }\n'))
rule('MESH009', "`validateWeight`, `validateHTTPRouteDestinations`",
     "Weights Istio rejects: a negative weight, or several destinations whose weights are all 0.",
     "Istio rejects the resource (`weight -10 < 0`, `total destination weight = 0`).",
     svc('    [HttpRoute, RouteTo<V1>(Weight = 0), RouteTo<V2>(Weight = 0)]\n    public partial class Default { }\n', subsets=('v1', 'v2')),
     svc('    [HttpRoute, RouteTo<V1>(Weight = 100), RouteTo<V2>(Weight = 0)]\n    public partial class Default { }\n', subsets=('v1', 'v2')))
rule('MESH010', "`ValidateDestinationRule` (duplicate subsets), `ValidateVirtualService` (overlapping hosts), `istioctl analyze` IST0109",
     "Duplicates: two subsets with one name in a DestinationRule; overlapping hosts in one VirtualService (`*.example.com` covers `api.example.com`); two VirtualServices that claim the same host for the sidecars (`mesh`) in one namespace.",
     "Istio rejects the first two. For the third, each sidecar picks one of the VirtualServices, so half of your rules silently do not apply (IST0109).",
     'using MeshDsl;\n\n[VirtualService("storefront", Hosts = new[] { "*.example.com", "api.example.com" })]\npublic partial class Storefront\n{\n    [HttpRoute, RouteToHost("frontend")] public partial class Default { }\n}\n',
     'using MeshDsl;\n\n[VirtualService("storefront", Hosts = new[] { "*.example.com" })]\npublic partial class Storefront\n{\n    [HttpRoute, RouteToHost("frontend")] public partial class Default { }\n}\n')
rule('MESH011', "Istio evaluates rules in order, first match wins",
     "The rules of one VirtualService declared in more than one file (partial classes, or rule classes spread over files) without an explicit `Order`. Declaration order is only defined within one file, so the order of the rules would depend on file names.",
     "Rule order decides which rule a request takes: a catch-all that moves ahead of a specific rule silently swallows its traffic.",
     None, None,
     "The examples need two files; see the tests (`AmbiguousRuleOrder`). Give every rule an `Order` (`[HttpRoute(Order = 1)]`) or keep the rules in one file.")
rule('MESH012', "C# declarations map to one Istio resource each",
     "A class that carries more than one of `[MeshService]`, `[VirtualService]` and `[Gateway]`, or the same one on two partial parts. The first decides what the class is; the others are ignored.",
     "The ignored attribute's resources would silently be missing from the manifests.",
     'using MeshDsl;\n\n[MeshService("reviews"), VirtualService("reviews-edge", Hosts = new[] { "reviews.example.com" })]\npublic partial class Reviews\n{\n    [HttpRoute, RouteTo<Reviews>] public partial class Default { }\n}\n',
     'using MeshDsl;\n\n[MeshService("reviews")]\npublic partial class Reviews\n{\n    [HttpRoute, RouteTo<Reviews>] public partial class Default { }\n}\n\n[VirtualService("reviews-edge", Hosts = new[] { "reviews.example.com" })]\npublic partial class ReviewsEdge\n{\n    [HttpRoute, RouteTo<Reviews>] public partial class Default { }\n}\n')
rule('MESH013', "`validateStringMatch`, CRD `oneOf` on StringMatch",
     "A string condition (`MatchHeader`, `MatchUri`, `MatchQueryParam`, `MatchWithoutHeader`, `MatchScheme`, `MatchMethod`, `MatchAuthority`, `CorsAllowOrigin`) that sets none or more than one of `Exact`, `Prefix` and `Regex`; a second `uri`, `scheme`, `method` or `authority` condition in one match block; an empty `Prefix` on anything but the uri.",
     "A condition with no value would be left out, so the rule would match more traffic than written (a `MatchHeader(\"x-user-group\")` with no value would send everyone to the beta). Istio rejects several values in one StringMatch and an empty prefix.",
     svc('    [HttpRoute, MatchHeader("x-user-group"), RouteTo<V1>] public partial class Beta { }\n'),
     svc('    [HttpRoute, MatchHeader("x-user-group", Exact = "beta"), RouteTo<V1>] public partial class Beta { }\n'))
rule('MESH014', "MeshDsl's model: each attribute is read in one place",
     "A MeshDsl attribute where nothing reads it: `[Deployment]` on a service class instead of a subset, an `[HttpRoute]` class outside any service, a `[RouteTo]` on a class that is no rule, a probe without a `[Deployment]`, `PortName` on a service without Deployments, a TCP-only `Match` argument on an HTTP rule.",
     "The attribute would silently be missing from the manifests: a Deployment that is never emitted, a rule that never routes.",
     'using MeshDsl;\n\n[MeshService("reviews"), Deployment("reviews:1.0")]\npublic partial class Reviews\n{\n    [Subset("v1")] public partial class V1 { }\n    [HttpRoute, RouteTo<V1>] public partial class Default { }\n}\n',
     'using MeshDsl;\n\n[MeshService("reviews", Port = 9080)]\npublic partial class Reviews\n{\n    [Subset("v1"), Deployment("reviews:1.0")] public partial class V1 { }\n    [HttpRoute, RouteTo<V1>] public partial class Default { }\n}\n')
rule('MESH015', "The C# enums mirror Istio's enums value for value",
     "An enum argument that is not a member of its enum, such as a cast `(LoadBalancing)42`.",
     "It has no Istio spelling: it would be written as some other value or left out.",
     'using MeshDsl;\n\n[MeshService("reviews"), LoadBalancer((LoadBalancing)42)]\npublic partial class Reviews { }\n',
     'using MeshDsl;\n\n[MeshService("reviews"), LoadBalancer(LoadBalancing.LeastRequest)]\npublic partial class Reviews { }\n')
rule('MESH016', "`ValidateHTTPHeaderNameOrJwtClaimRoute`, `ValidateHTTPHeaderOperationName`, `ValidateHTTPHeaderValue`, `validateAuthorityRewrite`",
     "A header name or value Istio rejects: a match on a name that is not an HTTP token; routing on a JWT claim (`@request.auth.claims.*`) in a VirtualService that applies to the mesh; setting, adding or removing `Host` or a `:` pseudo-header (except `:authority` and `Host` set on the request, which rewrite the authority); a value with a control character or a `%` that is neither `%%` nor a `%VARIABLE%`; the authority rewritten in two places.",
     "The API server rejects the VirtualService; a newline in a value would otherwise be a header injection.",
     svc('    [HttpRoute, RouteTo<V1>, SetRequestHeader("x-discount", "100%")] public partial class Default { }\n'),
     svc('    [HttpRoute, RouteTo<V1>, SetRequestHeader("x-discount", "100%%")] public partial class Default { }\n'))
rule('MESH017', "Kubernetes objects are UTF-8 JSON",
     "A value no manifest can carry: NaN or infinity where a number is expected, a string with a lone UTF-16 surrogate, a `null` entry in a list.",
     "JSON has no NaN, and UTF-8 cannot encode a lone surrogate: the value would be changed or dropped on its way to the cluster.",
     svc('    [HttpRoute, MatchHeader("x-chaos-test", Exact = "true"), FaultAbort(503, Percentage = double.NaN), RouteTo<V1>] public partial class Chaos { }\n'),
     svc('    [HttpRoute, MatchHeader("x-chaos-test", Exact = "true"), FaultAbort(503, Percentage = 10), RouteTo<V1>] public partial class Chaos { }\n'))
rule('MESH018', "`ValidateVirtualService`, `validateHTTPRedirect`, `validateHTTPDirectResponse`, `validateHTTPRewrite`, `validateCORSPolicy`, `validateTLSRoute`, `validateTCPRoute`, `validateExportTo`, `validateGatewayNames`",
     "A VirtualService setting Istio rejects: no rules at all; host `*` applied to the mesh; a gateway reference that is neither `mesh`, `namespace/name` nor a host; `exportTo` entries that are not `.`, `*` or a namespace, repeat, or mix `*` with others; a redirect with both `Uri` and `PrefixRewrite`, with nothing to change, with a code outside 3xx or a scheme other than http/https; a direct response status outside 200-599 or a body over 1 MB; a rewrite that changes nothing or mixes `Uri` with a regex rewrite; CORS methods, headers or origins Istio does not accept, or a `MaxAge` that is not whole seconds; TLS rules without SNI hosts of the VirtualService; TCP and TLS rules without destinations.",
     "The API server rejects the VirtualService, so none of its rules reach the mesh.",
     svc('    [HttpRoute, MatchUri(Prefix = "/old"), Redirect(Uri = "/new", RedirectCode = 200)] public partial class Moved { }\n    [HttpRoute, RouteTo<V1>] public partial class Default { }\n'),
     svc('    [HttpRoute, MatchUri(Prefix = "/old"), Redirect(Uri = "/new", RedirectCode = 301)] public partial class Moved { }\n    [HttpRoute, RouteTo<V1>] public partial class Default { }\n'))
rule('MESH101', "`istioctl analyze` IST0101 (ReferencedResourceNotFound)",
     "A reference to something the model does not define: `RouteTo`, `Mirror` or `MirrorTo` naming a class that is neither a `[Subset]` nor a `[MeshService]`; `Gateways` naming a class that is not a `[Gateway]`; `Delegate` naming a class that is not a `[VirtualService]`; a string subset (`RouteToHost(\"reviews\", Subset = \"v9\")`) that the service's DestinationRule does not define; header operations aimed at a destination the rule does not route to.",
     "A route to a host or subset that does not exist sends traffic nowhere: Envoy answers 503 `no healthy upstream`. Referencing subsets by type means renaming or deleting one breaks the build instead.",
     'using MeshDsl;\n\npublic class Helpers { }\n\n[MeshService("reviews")]\npublic partial class Reviews\n{\n    [HttpRoute, RouteTo<Helpers>] public partial class Default { }\n}\n',     None)
rule('MESH102', "`analyzeUnreachableHTTPRules`, `istioctl analyze` IST0130",
     "A rule that can never match: it comes after a rule with no match (or one matching every request, such as `uri prefix /`), or every one of its match blocks is covered by earlier rules.",
     "The first matching rule wins, so the rule's configuration is dead: a canary or a test route that never receives traffic.",
     svc('    [HttpRoute, RouteTo<V1>] public partial class Default { }\n\n    [HttpRoute, MatchHeader("x-user-group", Exact = "beta"), RouteTo<V2>] public partial class Beta { }\n', subsets=('v1', 'v2')),
     svc('    [HttpRoute, MatchHeader("x-user-group", Exact = "beta"), RouteTo<V2>] public partial class Beta { }\n\n    [HttpRoute, RouteTo<V1>] public partial class Default { }\n', subsets=('v1', 'v2')))
rule('MESH103', "`analyzeUnreachableHTTPRules`, `istioctl analyze` IST0131",
     "A match block covered by a match of an earlier rule: an identical match, or a broader one (an earlier `uri prefix /api` covers a later `uri prefix /api/v2` with the same other conditions).",
     "Requests it matches are taken by the earlier rule, so the block has no effect; usually the rules are in the wrong order.",
     svc('    [HttpRoute, MatchUri(Prefix = "/api"), RouteTo<V1>] public partial class Api { }\n\n    [HttpRoute, MatchUri(Prefix = "/api/v2"), RouteTo<V2>] public partial class ApiV2 { }\n\n    [HttpRoute, RouteTo<V1>] public partial class Default { }\n', subsets=('v1', 'v2')),
     svc('    [HttpRoute, MatchUri(Prefix = "/api/v2"), RouteTo<V2>] public partial class ApiV2 { }\n\n    [HttpRoute, MatchUri(Prefix = "/api"), RouteTo<V1>] public partial class Api { }\n\n    [HttpRoute, RouteTo<V1>] public partial class Default { }\n', subsets=('v1', 'v2')))
rule('MESH104', "virtual_service.proto `HTTPRouteDestination.weight` (weights are relative)",
     "The weights of a rule's destinations add up to something other than 100. Istio accepts it and treats weights as relative shares, so 90 and 20 send 82% and 18%.",
     "A sum other than 100 is almost always a mistake in a rollout step. The code fix rebalances the weights to add up to 100, keeping their proportions. A warning; set it to `none` in `.editorconfig` if you use relative weights on purpose.",
     svc('    [HttpRoute, RouteTo<V1>(Weight = 90), RouteTo<V2>(Weight = 20)] public partial class Default { }\n', subsets=('v1', 'v2')),
     svc('    [HttpRoute, RouteTo<V1>(Weight = 90), RouteTo<V2>(Weight = 10)] public partial class Default { }\n', subsets=('v1', 'v2')))
rule('MESH105', "`istioctl analyze` IST0132 (VirtualServiceHostNotFoundInGateway)",
     "A VirtualService bound to a Gateway (in the model) whose servers serve none of the VirtualService's hosts.",
     "The gateway only applies the VirtualService to hosts it serves, so none of these rules take effect at the edge.",
     'using MeshDsl;\n\n[Gateway("edge", Selector = new[] { "istio=ingress" })]\npublic partial class Edge\n{\n    [Server(80, ServerProtocol.Http, Hosts = new[] { "shop.example.com" })] public partial class Http { }\n}\n\n[VirtualService("api", Hosts = new[] { "api.example.com" }, Gateways = new[] { typeof(Edge) })]\npublic partial class Api\n{\n    [HttpRoute, RouteToHost("api-backend")] public partial class Default { }\n}\n',
     'using MeshDsl;\n\n[Gateway("edge", Selector = new[] { "istio=ingress" })]\npublic partial class Edge\n{\n    [Server(80, ServerProtocol.Http, Hosts = new[] { "shop.example.com", "api.example.com" })] public partial class Http { }\n}\n\n[VirtualService("api", Hosts = new[] { "api.example.com" }, Gateways = new[] { typeof(Edge) })]\npublic partial class Api\n{\n    [HttpRoute, RouteToHost("api-backend")] public partial class Default { }\n}\n')
rule('MESH106', "`istioctl analyze` IST0112 (VirtualServiceDestinationPortSelectorRequired)",
     "A route to a service that declares several ports (`Ports = new[] { ... }`) without `Port` on the destination.",
     "Istio cannot tell which port the route means; the route is rejected by `istioctl analyze` and behaves unpredictably.",
     'using MeshDsl;\n\n[MeshService("reviews", Ports = new[] { 9080, 9443 })]\npublic partial class Reviews\n{\n    [HttpRoute, RouteTo<Reviews>] public partial class Default { }\n}\n',
     'using MeshDsl;\n\n[MeshService("reviews", Ports = new[] { 9080, 9443 })]\npublic partial class Reviews\n{\n    [HttpRoute, RouteTo<Reviews>(Port = 9080)] public partial class Default { }\n}\n')
rule('MESH107', "virtual_service.proto `HTTPMatchRequest.headers`: \"header keys must be lowercase\"",
     "A header match (`MatchHeader`, `MatchWithoutHeader`) whose name is not lower case. Istio's webhook accepts it, but Envoy sees header names in lower case, so the match never matches.",
     "The rule silently never applies; a beta route that nobody reaches. The code fix lower-cases the name.",
     svc('    [HttpRoute, MatchHeader("X-User-Group", Exact = "beta"), RouteTo<V2>] public partial class Beta { }\n\n    [HttpRoute, RouteTo<V1>] public partial class Default { }\n', subsets=('v1', 'v2')),
     svc('    [HttpRoute, MatchHeader("x-user-group", Exact = "beta"), RouteTo<V2>] public partial class Beta { }\n\n    [HttpRoute, RouteTo<V1>] public partial class Default { }\n', subsets=('v1', 'v2')))
rule('MESH108', "The seed's advice: target fault injection at test traffic",
     "Fault injection (`FaultDelay`, `FaultAbort`) on a rule with no match, so every request of every user is delayed or failed at the given percentage.",
     "Chaos testing in production should hit test traffic only: match a header your tests send, such as `x-chaos-test`.",
     'using MeshDsl;\n\n[MeshService("ratings")]\npublic partial class Ratings\n{\n    [Subset("v1")] public partial class V1 { }\n\n    [HttpRoute, FaultDelay("5s", Percentage = 50), RouteTo<V1>] public partial class Default { }\n}\n',
     'using MeshDsl;\n\n[MeshService("ratings")]\npublic partial class Ratings\n{\n    [Subset("v1")] public partial class V1 { }\n\n    [HttpRoute, MatchHeader("x-chaos-test", Exact = "true"), FaultDelay("5s", Percentage = 50), RouteTo<V1>] public partial class Chaos { }\n\n    [HttpRoute, RouteTo<V1>] public partial class Default { }\n}\n')
rule('MESH109', "virtual_service.proto `HTTPRoute.mirror`",
     "A rule that mirrors traffic to a destination it also routes to.",
     "That destination receives every mirrored request twice: once served, once as fire-and-forget shadow traffic. Mirroring is for testing another version.",
     svc('    [HttpRoute, RouteTo<V1>, Mirror<V1>(Percentage = 100)] public partial class Default { }\n', subsets=('v1', 'v2')),
     svc('    [HttpRoute, RouteTo<V1>, Mirror<V2>(Percentage = 100)] public partial class Default { }\n', subsets=('v1', 'v2')))
rule('MESH201', "The seed's critical warning on retries",
     "Retries on a rule whose matches serve POST, PUT, PATCH or DELETE.",
     "A retried write can be applied twice: a double charge, a duplicate order. The code fix sets `Retries(0)`.",
     svc('    [HttpRoute, MatchMethod(RequestMethod.Post), RouteTo<V1>, Retries(3, PerTryTimeout = "2s")] public partial class Writes { }\n\n    [HttpRoute, RouteTo<V1>] public partial class Default { }\n'),
     svc('    [HttpRoute, MatchMethod(RequestMethod.Post), RouteTo<V1>, Retries(0)] public partial class Writes { }\n\n    [HttpRoute, RouteTo<V1>] public partial class Default { }\n'))
rule('MESH202', "The seed's advice on `retryOn`",
     "`503`, `5xx` or `reset` in `retryOn` on a rule that serves every method, writes included.",
     "These conditions can follow a request the upstream already processed (the connection reset after the write). Restrict the rule to idempotent methods, or retry only on `connect-failure` and `refused-stream`, which happen before the request reaches the upstream.",
     svc('    [HttpRoute, RouteTo<V1>, Retries(2, PerTryTimeout = "2s", RetryOn = new[] { RetryOn.ConnectFailure, RetryOn.Status503 })]\n    public partial class Default { }\n'),
     svc('    [HttpRoute, RouteTo<V1>, Retries(2, PerTryTimeout = "2s", RetryOn = new[] { RetryOn.ConnectFailure, RetryOn.RefusedStream })]\n    public partial class Default { }\n'))
rule('MESH203', "The seed's retry budget: `perTryTimeout x (attempts + 1) <= timeout`",
     "A per-try timeout that cannot fit the rule's timeout: with 3 retries, 4 tries of 3s need 12s, more than a 10s timeout.",
     "The overall timeout cuts the last tries off, so the retries you configured never happen and callers see timeouts instead. The code fix shrinks `PerTryTimeout` to fit.",
     svc('    [HttpRoute(Timeout = "10s"), RouteTo<V1>, Retries(3, PerTryTimeout = "3s")]\n    public partial class Default { }\n'),
     svc('    [HttpRoute(Timeout = "10s"), RouteTo<V1>, Retries(3, PerTryTimeout = "2500ms")]\n    public partial class Default { }\n'))
rule('MESH204', "The seed's advice: at most 3 attempts on a synchronous route",
     "More than 3 retry attempts on an HTTP rule.",
     "During an outage every attempt is extra load on the failing service: 5 retries turn 100 requests per second into 600.",
     svc('    [HttpRoute, RouteTo<V1>, Retries(5, PerTryTimeout = "1s")] public partial class Default { }\n'),
     svc('    [HttpRoute, RouteTo<V1>, Retries(3, PerTryTimeout = "1s")] public partial class Default { }\n'))
rule('MESH205', "Envoy's `retriable-4xx` (retries 409)",
     "`retriable-4xx` in `retryOn`.",
     "It retries 409 Conflict, which is only right where a conflict is transient (optimistic concurrency). An informational message; keep it where that holds.",
     svc('    [HttpRoute, RouteTo<V1>, Retries(2, RetryOn = new[] { RetryOn.ConnectFailure, RetryOn.Retriable4xx })] public partial class Default { }\n'),
     svc('    [HttpRoute, RouteTo<V1>, Retries(2, RetryOn = new[] { RetryOn.ConnectFailure })] public partial class Default { }\n'))
rule('MESH206', "Istio's default retry policy (2 attempts)",
     "A rule whose matches serve POST, PUT, PATCH or DELETE and that has no `Retries` attribute.",
     "Istio retries twice by default, so the write is retried although nothing in the configuration says so. The code fix adds `[Retries(0)]`.",
     svc('    [HttpRoute, MatchMethod(RequestMethod.Delete), RouteTo<V1>] public partial class Deletes { }\n\n    [HttpRoute, RouteTo<V1>] public partial class Default { }\n'),
     svc('    [HttpRoute, MatchMethod(RequestMethod.Delete), RouteTo<V1>, Retries(0)] public partial class Deletes { }\n\n    [HttpRoute, RouteTo<V1>] public partial class Default { }\n'))
rule('MESH301', "The seed's table of outlier detection values",
     "Outlier detection outside the recommended ranges: `consecutive5xxErrors` 3-5, `interval` 10-30s, `baseEjectionTime` 30-60s, `maxEjectionPercent` 30-50%, `minHealthPercent` 30%, `consecutiveLocalOriginFailures` 3-5.",
     "Too eager and healthy pods are ejected on one bad request; too lax and a broken pod keeps its share of traffic. Informational: tune it in `.editorconfig` or acknowledge it where you have measured otherwise.",
     None, None)
rule('MESH302', "`validateOutlierDetection`",
     "`ConsecutiveLocalOriginFailures` without `SplitExternalLocalOriginErrors = true`.",
     "Istio rejects it: local-origin failures (connection errors) are only counted apart when they are split from upstream errors.",
     None, None)
rule('MESH303', "CRD `oneOf` on `loadBalancer` and `consistentHash`, `validateLoadBalancer`",
     "Load balancer settings that conflict: more than one of `simple`, `consistentHash` and `backendUtilization`; a consistent hash with no key, several keys or several rings; a cookie hash without the cookie's name; a Maglev table size that is not a prime below 5000011; locality and zone-aware settings together; locality `distribute` and `failover` together, or distribute weights that do not add up to 100; `Tunnel` with `ProxyProtocol`.",
     "Istio rejects the resource.",
     None, None)
rule('MESH304', "`validateConnectionPool`, `validateTrafficPolicy` (a policy needs at least one field)",
     "A `[ConnectionPool]` or `[OutlierDetection]` that sets nothing.",
     "It has no effect: MeshDsl writes nothing for it, and Istio would reject an empty section. Set a value or remove the attribute.",
     svc('', attrs=''), None)
rule('MESH305', "DestinationRule subsets and the routes that use them",
     "A subset that no rule of the project routes or mirrors to.",
     "A version that receives no traffic is usually left over from a finished rollout, or the route to it has a typo. Informational, since a VirtualService outside the project may route to it.",
     None, None)
rule('MESH306', "`validateTrafficPolicy`, `validateConnectionPool`, `validateOutlierDetection`, `validateLoadBalancer`, `ValidateLocalityLbSetting`, `validateTunnelSettings`, `ValidateTLS`, `validateExportTo`, CRD ranges",
     "A DestinationRule setting Istio rejects that the narrower rules do not cover: negative connection-pool limits or outlier counts; `UseClientProtocol` with `H2UpgradePolicy.Upgrade`; half an HTTP/2 keep-alive; outlier error codes outside 100-599; unnamed or repeated cookie attributes; a warm-up without a duration or with aggression 0; locality failover that names zones or wildcards, or that is combined with a topology label in `FailoverPriority`; malformed localities; a tunnel target that is neither an FQDN nor an IP; client TLS that misses its certificate for `MUTUAL`, mixes a credential with files, or skips the verification it also configures; a workload selector with wildcards or exported beyond its namespace.",
     "The API server rejects the DestinationRule, and with it every subset the routes use.",
     'using MeshDsl;\n\n[MeshService("reviews")]\n[ConnectionPool(Http2MaxRequests = 100, H2UpgradePolicy = H2UpgradePolicy.Upgrade, UseClientProtocol = true)]\npublic partial class Reviews { }\n',
     'using MeshDsl;\n\n[MeshService("reviews")]\n[ConnectionPool(Http2MaxRequests = 100, H2UpgradePolicy = H2UpgradePolicy.Upgrade)]\npublic partial class Reviews { }\n')
rule('MESH401', "`validateTLSOptions`, gateway.proto `ServerTLSSettings`",
     "An HTTPS or TLS server without a TLS mode, or a `SIMPLE`, `MUTUAL` or `OPTIONAL_MUTUAL` server without a certificate (`CredentialName`, `CredentialNames`, `[ServerTlsCertificate]`, or `ServerCertificate` and `PrivateKey`).",
     "Istio rejects the Gateway, or the listener has no certificate to serve.",
     'using MeshDsl;\n\n[Gateway("edge", Selector = new[] { "istio=ingress" })]\npublic partial class Edge\n{\n    [Server(443, ServerProtocol.Https, Hosts = new[] { "shop.example.com" })]\n    public partial class Https { }\n}\n',
     'using MeshDsl;\n\n[Gateway("edge", Selector = new[] { "istio=ingress" })]\npublic partial class Edge\n{\n    [Server(443, ServerProtocol.Https, Hosts = new[] { "shop.example.com" })]\n    [ServerTls(ServerTlsMode.Simple, CredentialName = "shop-tls")]\n    public partial class Https { }\n}\n')
rule('MESH402', "gateway.proto `ServerTLSSettings.httpsRedirect`",
     "`HttpsRedirect` on a server whose protocol is not plain HTTP.",
     "The redirect answers plain HTTP requests; an HTTPS or TLS server never receives one, so the setting does nothing.",
     'using MeshDsl;\n\n[Gateway("edge", Selector = new[] { "istio=ingress" })]\npublic partial class Edge\n{\n    [Server(443, ServerProtocol.Https, Hosts = new[] { "shop.example.com" })]\n    [ServerTls(ServerTlsMode.Simple, CredentialName = "shop-tls", HttpsRedirect = true)]\n    public partial class Https { }\n}\n',
     'using MeshDsl;\n\n[Gateway("edge", Selector = new[] { "istio=ingress" })]\npublic partial class Edge\n{\n    [Server(80, ServerProtocol.Http, Hosts = new[] { "shop.example.com" }), ServerTls(HttpsRedirect = true)]\n    public partial class Http { }\n\n    [Server(443, ServerProtocol.Https, Hosts = new[] { "shop.example.com" })]\n    [ServerTls(ServerTlsMode.Simple, CredentialName = "shop-tls")]\n    public partial class Https { }\n}\n')
rule('MESH403', "`istioctl analyze` IST0145 (ConflictingGateways)",
     "Two servers, in one Gateway or in Gateways that select the same pods, on the same port and bind address with overlapping hosts.",
     "The gateway pods cannot tell which server a connection is for; one of them is ignored.",
     'using MeshDsl;\n\n[Gateway("edge", Selector = new[] { "istio=ingress" })]\npublic partial class Edge\n{\n    [Server(80, ServerProtocol.Http, Hosts = new[] { "*.example.com" })] public partial class All { }\n\n    [Server(80, ServerProtocol.Http, Hosts = new[] { "shop.example.com" })] public partial class Shop { }\n}\n',
     'using MeshDsl;\n\n[Gateway("edge", Selector = new[] { "istio=ingress" })]\npublic partial class Edge\n{\n    [Server(80, ServerProtocol.Http, Hosts = new[] { "*.example.com" })] public partial class All { }\n}\n')

WL = 'using MeshDsl;\n\n[MeshService("reviews", Namespace = "bookinfo", Port = 9080)]\npublic partial class Reviews\n{\n    [Subset("v1"), Deployment("reviews:1.0")] public partial class V1 { }\n%s\n    [HttpRoute, RouteTo<V1>(Weight = 50), RouteTo<V2>(Weight = 50)] public partial class Default { }\n}\n'
rule('MESH404', "`ValidateGateway`, `validateServer`, `validateServerBind`, `validateTLSOptions`",
     "A Gateway server Istio rejects: a gateway without servers; a server without hosts, with a short (non-FQDN) host, a partial wildcard or a bad namespace part; `TargetPort` set; a bind that is neither an IP nor `unix://` (or a unix socket with a port); TLS settings on a plain server beyond an HTTPS redirect; `ISTIO_MUTUAL` with certificates; more than one certificate source; `SIMPLE` or `MUTUAL` with half a certificate pair, `MUTUAL` without a CA, a CRL where it has no use.",
     "The API server rejects the Gateway, and the edge stops serving every host on it.",
     'using MeshDsl;\n\n[Gateway("edge", Selector = new[] { "istio=ingress" })]\npublic partial class Edge\n{\n    [Server(80, ServerProtocol.Http, Hosts = new[] { "shop" })] public partial class Http { }\n}\n',
     'using MeshDsl;\n\n[Gateway("edge", Selector = new[] { "istio=ingress" })]\npublic partial class Edge\n{\n    [Server(80, ServerProtocol.Http, Hosts = new[] { "shop.example.com" })] public partial class Http { }\n}\n')
rule('MESH501', "`istioctl analyze` IST0173 (DestinationRule subset has no matching workloads)",
     "A subset whose labels, together with its service's selector (`app=<name>` unless `Selector` says otherwise), select no workload in the service's namespace. Workloads are the Deployments declared in C# (`[Deployment]`) and those read from the project's workload YAML (`<MeshDslWorkloads Include=\"k8s/**/*.yaml\" />`: Deployments, StatefulSets, DaemonSets, ReplicaSets, Argo Rollouts and Pods; a pod template's labels are what count). The message names the labels and the nearest workloads found. Quiet when the project declares no workloads.",
     "Traffic routed to the subset has nowhere to go: Envoy answers 503 `no healthy upstream`. `istioctl analyze` finds it after deployment; MeshDsl finds it while you type.",
     WL % '    [Subset("v2", Labels = new[] { "version=v2-canary" })] public partial class V2 { }\n    [Subset("v3")] public partial class V3 { }\n    [Subset("v2b"), Deployment("reviews:2.0", Name = "reviews-v2")] public partial class V2b { }',
     WL % '    [Subset("v2"), Deployment("reviews:2.0")] public partial class V2 { }')
rule('MESH502', "Kubernetes Service selectors",
     "A service whose selector selects no workload in its namespace, when the project declares workloads.",
     "The Kubernetes Service has no endpoints, so every request to it fails.",
     'using MeshDsl;\n\n// The reviews pods are labelled app=reviews-app (in k8s/reviews.yaml, or elsewhere): the default selector app=reviews misses them.\n[MeshService("reviews")]\npublic partial class Reviews\n{\n    [HttpRoute, RouteTo<Reviews>] public partial class Default { }\n}\n\n[MeshService("ratings")]\npublic partial class Ratings\n{\n    [Subset("v1"), Deployment("ratings:1.0")] public partial class V1 { }\n    [HttpRoute, RouteTo<V1>] public partial class Default { }\n}\n',
     'using MeshDsl;\n\n// Each service declares the Deployment behind it (or its pods carry the selector\'s labels in the workload YAML).\n[MeshService("reviews", Port = 9080)]\npublic partial class Reviews\n{\n    [Subset("v1"), Deployment("reviews:1.0")] public partial class V1 { }\n    [HttpRoute, RouteTo<V1>] public partial class Default { }\n}\n\n[MeshService("ratings", Port = 9080)]\npublic partial class Ratings\n{\n    [Subset("v1"), Deployment("ratings:1.0")] public partial class V1 { }\n    [HttpRoute, RouteTo<V1>] public partial class Default { }\n}\n')
rule('MESH503', "YAML 1.2, as YamlDotNet reads it",
     "A file named in `MeshDslWorkloads` that cannot be read: broken YAML (a tab in indentation, an unclosed quote, a bad `---`). The diagnostic is on the file, at the line of the error.",
     "Its workloads are unknown, so the subset checks would be wrong; MeshDsl says so instead of guessing or staying silent.",
     None, None,
     "The example is a YAML file, not C#: see the tests (`WorkloadTests`).")
rule('MESH504', "DestinationRule subsets and pod labels",
     "Two subsets of a service that select the same pods: their labels do not tell the versions apart.",
     "A 90/10 split between them sends 100% to the same pods, so the canary you think you run is not running.",
     WL % '    [Subset("v2", Labels = new[] { "app=reviews" })] public partial class V2 { }',
     WL % '    [Subset("v2"), Deployment("reviews:2.0")] public partial class V2 { }')

rule('MESH505', "Kubernetes API validation of Deployments and Services",
     "A Deployment or Service MeshDsl emits that the API server rejects: a Deployment without an image, with white space in it, a name that is not an object name, negative replicas, a container or probe port outside 1-65535, a probe path without a leading `/` or a period, timeout or threshold below 1, a resource quantity that does not parse or a request above its limit; a Service with no port, a name that does not start with a letter, or a port name that is not a DNS-1123 label or is repeated.",
     "`kubectl apply` fails on the object, and the subset that should select its pods selects none.",
     'using MeshDsl;\n\n[MeshService("reviews", Port = 9080)]\npublic partial class Reviews\n{\n    [Subset("v1"), Deployment("reviews:1.0", CpuRequest = "2", CpuLimit = "500m")] public partial class V1 { }\n    [HttpRoute, RouteTo<V1>] public partial class Default { }\n}\n',
     'using MeshDsl;\n\n[MeshService("reviews", Port = 9080)]\npublic partial class Reviews\n{\n    [Subset("v1"), Deployment("reviews:1.0", CpuRequest = "250m", CpuLimit = "500m")] public partial class V1 { }\n    [HttpRoute, RouteTo<V1>] public partial class Default { }\n}\n')

# Examples written in full where the helper above would obscure them.
R['MESH301'] = R['MESH301'][:3] + (
    'using MeshDsl;\n\n[MeshService("reviews")]\n[OutlierDetection(Consecutive5xxErrors = 1, Interval = "10s", BaseEjectionTime = "30s", MaxEjectionPercent = 50)]\npublic partial class Reviews { }\n',
    'using MeshDsl;\n\n[MeshService("reviews")]\n[OutlierDetection(Consecutive5xxErrors = 5, Interval = "10s", BaseEjectionTime = "30s", MaxEjectionPercent = 50)]\npublic partial class Reviews { }\n', None)
R['MESH302'] = R['MESH302'][:3] + (
    'using MeshDsl;\n\n[MeshService("reviews")]\n[OutlierDetection(Consecutive5xxErrors = 5, ConsecutiveLocalOriginFailures = 5)]\npublic partial class Reviews { }\n',
    'using MeshDsl;\n\n[MeshService("reviews")]\n[OutlierDetection(Consecutive5xxErrors = 5, ConsecutiveLocalOriginFailures = 5, SplitExternalLocalOriginErrors = true)]\npublic partial class Reviews { }\n', None)
R['MESH303'] = R['MESH303'][:3] + (
    'using MeshDsl;\n\n[MeshService("user-service")]\n[LoadBalancer(LoadBalancing.RoundRobin)]\n[ConsistentHash(HttpHeaderName = "x-user-id")]\npublic partial class UserService { }\n',
    'using MeshDsl;\n\n[MeshService("user-service")]\n[ConsistentHash(HttpHeaderName = "x-user-id")]\npublic partial class UserService { }\n', None)
R['MESH304'] = R['MESH304'][:3] + (
    'using MeshDsl;\n\n[MeshService("reviews")]\n[ConnectionPool]\npublic partial class Reviews { }\n',
    'using MeshDsl;\n\n[MeshService("reviews")]\n[ConnectionPool(MaxConnections = 100)]\npublic partial class Reviews { }\n', None)
R['MESH305'] = R['MESH305'][:3] + (
    svc('    [HttpRoute, RouteTo<V1>] public partial class Default { }\n', subsets=('v1', 'v2')),
    svc('    [HttpRoute, RouteTo<V1>(Weight = 90), RouteTo<V2>(Weight = 10)] public partial class Default { }\n', subsets=('v1', 'v2')), None)
R['MESH101'] = R['MESH101'][:4] + (
    svc('    [HttpRoute, MatchUri(Prefix = "/status"), RouteToHost("httpbin.org")] public partial class External { }\n\n    [HttpRoute, RouteTo<V1>] public partial class Default { }\n'), None)

for id, (source, what, why, bad, good, note) in sorted(R.items()):
    title, cat, sev = meta[id]
    lines = [f'# {id}: {title}', '', '| | |', '|---|---|', f'| Severity | {sev} |', f'| Category | {CATS[cat]} |', f'| Istio source | {source} |', '',
             '## What it finds', '', what, '', '## Why it matters', '', why, '']
    if bad:
        lines += ['## Bad', '', '```csharp', bad.rstrip(), '```', '']
    if good:
        lines += ['## Good', '', '```csharp', good.rstrip(), '```', '']
    if note and id == 'MESH011':
        lines += ['## Example', '', note, '', '```csharp', '[HttpRoute(Order = 1), MatchHeader("x-user-group", Exact = "beta"), RouteTo<V2>]', 'public partial class Beta { }', '```', '']
    elif note:
        lines += ['## Example', '', note, '', '```yaml', '# k8s/reviews.yaml: a tab before "labels" is not valid YAML indentation', 'spec:', '  template:', '    metadata:', '\tlabels:', '        app: reviews', '```', '',
                  'Register workload files in the project file:', '', '```xml', '<ItemGroup>', '  <MeshDslWorkloads Include="k8s/**/*.yaml" />', '</ItemGroup>', '```', '']
    lines += ['## Configuration', '', f'Like any analyzer rule: `dotnet_diagnostic.{id}.severity = warning` (or `error`, `suggestion`, `none`) in `.editorconfig`, '
              f'or `#pragma warning disable {id}` around the declaration to acknowledge one case.', '']
    open(os.path.join(ROOT, 'docs/rules', id + '.md'), 'w').write('\n'.join(lines))
index = ['# Rules', '', 'Every diagnostic MeshDsl reports. Severities are defaults; configure them in `.editorconfig` like any analyzer',
         '(`dotnet_diagnostic.MESH104.severity = none`). Build task errors (MESHB...) have pages here too.', '',
         '| ID | Title | Severity | Category | Code fix |', '|---|---|---|---|---|']
fixes = {'MESH001', 'MESH104', 'MESH107', 'MESH201', 'MESH203', 'MESH206'}
for id in sorted(R):
    title, cat, sev = meta[id]
    index.append(f'| [{id}]({id}.md) | {title} | {sev} | {CATS[cat]} | {"yes" if id in fixes else ""} |')
for id, title in [('MESHB001', 'Cannot read manifests from the compiled assembly'), ('MESHB002', 'Two resources would be written to the same file'), ('MESHB003', 'Cannot write manifests'),
                  ('MESHB004', 'A committed manifest differs from what the code describes'), ('MESHB005', 'A manifest the code describes is missing'),
                  ('MESHB006', 'A committed manifest is stale'), ('MESHB007', 'Unknown MeshDslLayout'),
                  ('MESHB008', 'The output folder is not a safe place for manifests'), ('MESHB009', 'MeshDslNamespace is not a Kubernetes namespace'),
                  ('MESHB010', 'A file MeshDsl cannot prove is its own stands where a manifest goes'), ('MESHB011', 'A stale manifest was changed by hand and is left in place')]:
    index.append(f'| [{id}]({id}.md) | {title} | {"Warning" if id == "MESHB011" else "Error"} (build) | MeshDsl.Build | |')

COVERAGE = """
## Istio's validation, check by check

Every error Istio's admission webhook (`pkg/config/validation`, summarised in `shared/istio/validation.md`) and its CRDs raise
for the kinds MeshDsl emits, and the rule that reports it before the manifest leaves the compiler. "By construction" means
the C# cannot express the mistake. Kubernetes' own kinds (Deployment, Service) are checked by [MESH505](MESH505.md) and
[MESH004](MESH004.md).

| Istio check (validation.md section) | MeshDsl |
|---|---|
| Durations: at least 1 ms, whole milliseconds, within Go's range (§1, §8 CEL) | [MESH001](MESH001.md) |
| Ports 1-65535 (§1) | [MESH005](MESH005.md) |
| Host names, DNS-1123 labels, label keys and values (§1) | [MESH004](MESH004.md) |
| Percent 0-100, fault percentage 0 or 0.0001-100 (§1) | [MESH002](MESH002.md) |
| Regex: not empty, at most 1024 characters, RE2 (§1) | [MESH003](MESH003.md) |
| StringMatch: one of exact, prefix, regex; no empty prefix but on uri; header match not null (§1, §2.3, §8 oneOf) | [MESH013](MESH013.md) |
| exportTo: `.`, `*` or a namespace, no `~`, no duplicates, `*` alone (§1) | [MESH018](MESH018.md), [MESH306](MESH306.md) |
| workloadSelector: no empty key, no wildcard (§1, §8 CEL) | [MESH306](MESH306.md) |
| VirtualService: http, tcp or tls required (§2.1) | [MESH018](MESH018.md) |
| Delegate VirtualService without gateways, tcp, tls; no nested delegation (§2.1, §2.2) | [MESH006](MESH006.md) |
| Hosts: valid, `*` not for the mesh, no duplicates or overlaps (§2.1) | [MESH004](MESH004.md), [MESH018](MESH018.md), [MESH010](MESH010.md) |
| Gateway references: `mesh`, `namespace/name`, or a host (§2.1) | [MESH018](MESH018.md) |
| JWT claim routing only at gateways (§2.1) | [MESH016](MESH016.md) |
| One action per HTTP rule; redirect and direct response exclude route, fault, rewrite; mirror or mirrors (§2.2) | [MESH006](MESH006.md) |
| Destination: host not `*`, subset a label, port in range; route destinations required (§2.2, §8) | [MESH004](MESH004.md), [MESH005](MESH005.md); by construction |
| Weights 0 or more, total above 0 (§2.2) | [MESH009](MESH009.md) |
| Header operations: names, `:`-prefixed, Host; values: control characters, `%` (§2.2) | [MESH016](MESH016.md) |
| Authority rewritten once (§2.2) | [MESH016](MESH016.md) |
| Match: header names, port, source labels, gateways, source namespace (§2.3) | [MESH016](MESH016.md), [MESH005](MESH005.md), [MESH004](MESH004.md), [MESH018](MESH018.md) |
| Fault: abort or delay, abort status 200-600, gRPC status names, one error type, no HTTP/2 errors, no exponential delay (§2.4, §8 oneOf) | [MESH007](MESH007.md) |
| Retries: attempts 0 or more, nothing beside 0 attempts, retryOn tokens (§2.5) | [MESH008](MESH008.md) |
| Mirror percentages 0-100 (§2.6) | [MESH002](MESH002.md) |
| Redirect: uri or prefixRewrite, prefixRewrite needs prefix matches, something to change, code 3xx, scheme http/https, port or derivePort (§2.6, §8 oneOf) | [MESH018](MESH018.md) |
| Direct response: status 200-600, body at most 1 MB, string or bytes (§2.6, §8 oneOf) | [MESH018](MESH018.md) |
| Rewrite: uri or regex rewrite, both regex parts, something to change (§2.6) | [MESH018](MESH018.md), [MESH003](MESH003.md) |
| CORS: origins not empty, methods, header names, maxAge in seconds (§2.6) | [MESH018](MESH018.md), [MESH001](MESH001.md) |
| TLS rules: a match with SNI hosts of the VirtualService, a route; TCP rules: a route; subnets (§2.7) | [MESH018](MESH018.md) |
| Unreachable and duplicate matches (§2.8, warnings IST0130/IST0131) | [MESH102](MESH102.md), [MESH103](MESH103.md) |
| DestinationRule host; subsets unique, named, labelled (§3) | [MESH004](MESH004.md), [MESH010](MESH010.md) |
| Workload selector with exportTo beyond its namespace (§3) | [MESH306](MESH306.md) |
| Traffic policy not empty; port policies not empty; tunnel or proxyProtocol (§3) | by construction, [MESH306](MESH306.md), [MESH303](MESH303.md) |
| Connection pool not empty; limits not negative; UPGRADE with useClientProtocol; HTTP/2 keep-alive pairs (§3) | [MESH304](MESH304.md), [MESH306](MESH306.md) |
| Outlier detection: percents, local-origin split, error codes 100-599, counts not negative (§3, §8) | [MESH002](MESH002.md), [MESH302](MESH302.md), [MESH306](MESH306.md) |
| Load balancer: one of simple, consistentHash, backendUtilization; one hash key and ring; cookie name; Maglev table (§3, §8 oneOf) | [MESH303](MESH303.md) |
| Cookie attributes named and unique; warm-up duration and aggression; zone-aware minimum cluster size (§3, §8) | [MESH306](MESH306.md), [MESH002](MESH002.md) |
| Locality: distribute or failover, weights 1-100 adding to 100, failover by region, no topology label with failover, localities well formed and not repeated (§3) | [MESH303](MESH303.md), [MESH306](MESH306.md) |
| Tunnel: protocol, target host FQDN or IP, target port (§3) | [MESH015](MESH015.md), [MESH306](MESH306.md), [MESH005](MESH005.md) |
| Client TLS: MUTUAL certificates, credentialName alone, insecureSkipVerify conflicts (§3) | [MESH306](MESH306.md) |
| Gateway: name a DNS-1123 label, at least one server, unique port names (§4) | [MESH004](MESH004.md), [MESH404](MESH404.md), [MESH010](MESH010.md) |
| Server hosts: present, `namespace/` part, FQDN, no partial wildcard; targetPort; bind (§4) | [MESH404](MESH404.md) |
| Server TLS: required for HTTPS and TLS, only redirects on plain servers, ISTIO_MUTUAL without files, one certificate source, SIMPLE and MUTUAL requirements, CRL (§4) | [MESH401](MESH401.md), [MESH404](MESH404.md) |

### Left out, and why

| Istio check | Why MeshDsl does not report it |
|---|---|
| Annotations `istio.io/dry-run`, `internal.istio.io/*` (§0) | MeshDsl writes no annotations. |
| Host form `outbound_.<port>_._.<host>` for gateway-bound TLS routes (§2.1) | Accepted as a host like any other; the special form is Istio-internal. |
| Legacy gateway name `name.namespace` (warning) (§2.1) | A warning in Istio; MeshDsl writes `namespace/name` for gateways it knows. |
| `delay.percent` and `mirrorPercent` deprecation (warnings) (§2.4, §2.6) | Warnings; MeshDsl writes the `percentage` forms. |
| Direct response body over 100 KB (warning) (§2.6) | A warning; bodies over 1 MB are errors and are reported. |
| SNI host given as an IP (warning) (§2.7) | A warning in Istio. |
| `consecutiveErrors` and `minimumRingSize` deprecation, failover without outlier detection (warnings) (§3) | Warnings; `MESH301` gives the seed's outlier advice. |
| `configmap://` credential in another namespace (§3) | Needs the credential's namespace, which only the cluster knows. |
| Passthrough servers with certificates, TLS below 1.2 without ciphers, invalid or duplicate cipher suites (warnings) (§4) | Warnings; cipher names depend on Envoy's build. |
| `portLevelSettings` over 4096 items, selectors over 4096 or 256 labels (§8) | Beyond any C# declaration in practice. |
| RE2 syntax beyond what .NET's parser and the known unsupported constructs show (§1) | MeshDsl has no RE2 engine; patterns that .NET parses and that use no RE2-unsupported construct are accepted. |
| EnvoyFilter (§5) | MeshDsl does not emit EnvoyFilters yet (issue 12). |
"""

open(os.path.join(ROOT, 'docs/rules/README.md'), 'w').write('\n'.join(index) + '\n' + COVERAGE)
releases = ['; Unshipped analyzer release', '; https://github.com/dotnet/roslyn-analyzers/blob/main/src/Microsoft.CodeAnalysis.Analyzers/ReleaseTrackingAnalyzers.Help.md', '',
            '### New Rules', '', 'Rule ID | Category | Severity | Notes', '--------|----------|----------|-------']
for id in sorted(meta):
    title, cat, sev = meta[id]
    releases.append(f'{id} | {CATS[cat]} | {sev} | {title}')
open(os.path.join(ROOT, 'src/MeshDsl.Compiler/AnalyzerReleases.Unshipped.md'), 'w').write('\n'.join(releases) + '\n')
missing = sorted(set(meta) - set(R))
assert not missing, 'rules without a page: ' + ', '.join(missing)
print(len(R), 'pages')
