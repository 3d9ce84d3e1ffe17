using MeshDsl;

namespace Seed.HeaderManipulation;

[MeshService("backend-service")]
public partial class BackendService
{
    // Values may hold Envoy's %VARIABLES%: they are written as they are.
    [HttpRoute, RouteTo<BackendService>]
    [SetRequestHeader("x-forwarded-client-cert", "%DOWNSTREAM_PEER_CERT_V_START%")]
    [SetRequestHeader("x-request-start", "%START_TIME(%s.%3f)%")]
    [AddRequestHeader("x-custom-trace", "mesh-routed")]
    [RemoveRequestHeader("x-internal-debug")]
    [SetResponseHeader("strict-transport-security", "max-age=31536000; includeSubDomains")]
    [SetResponseHeader("x-content-type-options", "nosniff")]
    [RemoveResponseHeader("server"), RemoveResponseHeader("x-powered-by")]
    public partial class Default { }
}
