using Infra.Components.HealthChecks;
using Infra.Components.LoadBalancing;
using Infra.Components.LoadBalancing.Azure;

namespace Infra.Tests.Components.LoadBalancing.Azure;

/// <summary>Azure fixtures for the load balancer tests: wiring as an AzureNetwork "net" in eastus would give it.</summary>
public static class AzureTestSpecs
{
    /// <summary>Key Vault secret of the HTTPS listeners' certificate.</summary>
    public const string CertificateSecretId = "https://web-kv.vault.azure.net/secrets/web-tls";

    /// <summary>User-assigned identity that may read <see cref="CertificateSecretId"/>.</summary>
    public const string IdentityId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/web-agw";

    /// <summary>Ids the mocks give Azure resources.</summary>
    public static string Id(string module, string name) => $"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/{module}/{name}";

    /// <summary>Gateway subnet id of the network.</summary>
    public static readonly string GatewaySubnetId = Id("network", "net-gateway");

    /// <summary>A public HTTPS service (HTTP 80 redirecting to HTTPS 443, one pool on 8080) with a Key Vault certificate.</summary>
    public static LoadBalancerSpec PublicHttpsService(params string[] allowedCidrs)
        => TestSpecs.PublicHttpsService(allowedCidrs).WithCertificate(CertificateSecretId);

    /// <summary>A public TCP service on a Standard Load Balancer: 443 to a pool on 8443, checked by HTTP.</summary>
    public static LoadBalancerSpec PublicTcpService() => new()
    {
        Layer = LoadBalancerLayers.Network,
        Public = true,
        AllowedCidrs = ["203.0.113.0/24"],
        Algorithm = LoadBalancingAlgorithms.FlowHash,
        IdleTimeoutSeconds = 240,
        Listeners = { ["tcp"] = new ListenerSpec { Protocol = ListenerProtocols.Tcp, Port = 443 } },
        Pools = { ["app"] = new BackendPoolSpec { Protocol = ListenerProtocols.Tcp, Port = 8443, HealthCheck = new HealthCheckSpec { Path = "/ready" } } },
    };

    /// <summary>The internal TCP service (5432, TCP check) with an idle timeout Azure accepts.</summary>
    public static LoadBalancerSpec InternalTcpService()
    {
        var spec = TestSpecs.InternalTcpService();
        spec.IdleTimeoutSeconds = 240;
        return spec;
    }

    /// <summary>Args for <paramref name="spec"/> wired to the network "net" in eastus.</summary>
    public static AzureLoadBalancerArgs Args(LoadBalancerSpec spec) => new()
    {
        Spec = spec,
        ResourceGroupName = "net-rg",
        Location = "eastus",
        GatewaySubnetId = GatewaySubnetId,
        GatewaySecurityGroupName = "net-gateway-nsg",
        BackendSecurityGroupName = "net-backend-nsg",
        GatewaySubnetCidr = "10.0.0.0/24",
        IdentityId = IdentityId,
    };
}
