namespace MeshDsl.FrontEnd;

/// <summary>Metadata names of the attributes the front end reads (generic ones with their arity suffix).</summary>
internal static class AttributeNames
{
    public const string MeshService = "MeshDsl.MeshServiceAttribute";
    public const string Subset = "MeshDsl.SubsetAttribute";
    public const string LoadBalancer = "MeshDsl.LoadBalancerAttribute";
    public const string ConnectionPool = "MeshDsl.ConnectionPoolAttribute";
    public const string OutlierDetection = "MeshDsl.OutlierDetectionAttribute";
    public const string HttpRoute = "MeshDsl.HttpRouteAttribute";
    public const string MatchHeader = "MeshDsl.MatchHeaderAttribute";
    public const string MatchUri = "MeshDsl.MatchUriAttribute";
    public const string MatchMethod = "MeshDsl.MatchMethodAttribute";
    public const string RouteToGeneric = "MeshDsl.RouteToAttribute`1";
    public const string RouteTo = "MeshDsl.RouteToAttribute";
    public const string RouteToHost = "MeshDsl.RouteToHostAttribute";
    public const string Retries = "MeshDsl.RetriesAttribute";
    public const string FaultDelay = "MeshDsl.FaultDelayAttribute";
    public const string FaultAbort = "MeshDsl.FaultAbortAttribute";
}
