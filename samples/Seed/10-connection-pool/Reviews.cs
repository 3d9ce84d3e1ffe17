using MeshDsl;

namespace Seed.ConnectionPool;

[MeshService("reviews")]
[ConnectionPool(
    MaxConnections = 100, ConnectTimeout = "30ms", TcpKeepaliveTime = "7200s", TcpKeepaliveInterval = "75s",
    H2UpgradePolicy = H2UpgradePolicy.Default, Http1MaxPendingRequests = 100, Http2MaxRequests = 1000,
    MaxRequestsPerConnection = 10, MaxRetries = 3, IdleTimeout = "300s")]
public partial class Reviews { }
