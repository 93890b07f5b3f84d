namespace Infra.Components.Dns;

/// <summary>Services that can answer for a failover name.</summary>
public static class DnsHosts
{
    /// <summary>AWS Route 53: records in a hosted zone, one health check per endpoint.</summary>
    public const string Route53 = "route53";

    /// <summary>Azure Traffic Manager: a profile answering under trafficmanager.net, one monitor for all endpoints.</summary>
    public const string TrafficManager = "traffic-manager";

    /// <summary>Every host, for validation messages.</summary>
    public static readonly IReadOnlyList<string> All = [Route53, TrafficManager];
}
