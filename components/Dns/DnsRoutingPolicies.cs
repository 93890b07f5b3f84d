namespace Infra.Components.Dns;

/// <summary>How DNS chooses among healthy endpoints.</summary>
public static class DnsRoutingPolicies
{
    /// <summary>Active-passive: the first healthy endpoint in list order takes all traffic.</summary>
    public const string Failover = "failover";

    /// <summary>Active-active: healthy endpoints share traffic by <see cref="DnsEndpointSpec.Weight"/>.</summary>
    public const string Weighted = "weighted";

    /// <summary>Active-active: each client gets the healthy endpoint nearest to it (by <see cref="DnsEndpointSpec.Region"/>).</summary>
    public const string Latency = "latency";

    /// <summary>Every policy, for validation messages.</summary>
    public static readonly IReadOnlyList<string> All = [Failover, Weighted, Latency];
}
