using MeshDsl;

namespace KitchenSink;

// Every ServiceEntry field: an external API resolved by DNS, routed to by type, and a database on VMs with static endpoints.
[ServiceEntry("payments-api", Namespace = "shop", Hosts = new[] { "api.payments.example.com" },
    Location = ServiceEntryLocation.MeshExternal, Resolution = ServiceEntryResolution.Dns,
    ExportTo = new[] { ".", "istio-system" }, SubjectAltNames = new[] { "spiffe://payments.example.com/api" })]
[ServiceEntryPort(443, "https", ServerProtocol.Tls), ServiceEntryPort(80, "http", ServerProtocol.Http, TargetPort = 8080)]
public partial class PaymentsApi { }

[ServiceEntry("orders-db", Namespace = "shop", Hosts = new[] { "orders-db.shop.internal" }, Addresses = new[] { "10.20.0.0/24" },
    Location = ServiceEntryLocation.MeshInternal, Resolution = ServiceEntryResolution.Static)]
[ServiceEntryPort(5432, "tcp-postgres", ServerProtocol.Tcp)]
[ServiceEntryEndpoint("10.20.0.11", Ports = new[] { "tcp-postgres=6432" }, Labels = new[] { "role=primary" }, Network = "vm-net",
    Locality = "eu-west1/zone-a", Weight = 3, ServiceAccount = "orders-db")]
[ServiceEntryEndpoint("10.20.0.12", Labels = new[] { "role=replica" }, Weight = 1)]
public partial class OrdersDb { }

// Endpoints chosen by label instead of listed: the VMs' WorkloadEntries or pods.
[ServiceEntry("legacy-billing", Namespace = "shop", Hosts = new[] { "billing.shop.internal" },
    Location = ServiceEntryLocation.MeshInternal, Resolution = ServiceEntryResolution.Static, WorkloadSelector = new[] { "app=billing" })]
[ServiceEntryPort(8080, "http", ServerProtocol.Http)]
public partial class LegacyBilling { }
