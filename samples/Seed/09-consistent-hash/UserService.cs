using MeshDsl;

namespace Seed.ConsistentHash;

// Sticky sessions: the same user always reaches the same instance.
[MeshService("user-service")]
[ConsistentHash(HttpHeaderName = "x-user-id")]
[ConnectionPool(Http2MaxRequests = 1000)]
public partial class UserService { }
