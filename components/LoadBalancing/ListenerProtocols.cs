namespace Infra.Components.LoadBalancing;

/// <summary>Protocols a listener accepts.</summary>
public static class ListenerProtocols
{
    /// <summary>Plain HTTP; by default it only redirects to HTTPS.</summary>
    public const string Http = "http";

    /// <summary>HTTP over TLS, terminated at the load balancer.</summary>
    public const string Https = "https";

    /// <summary>Raw TCP (network layer).</summary>
    public const string Tcp = "tcp";

    /// <summary>TLS terminated at the load balancer (network layer).</summary>
    public const string Tls = "tls";

    /// <summary>Protocols of the application layer.</summary>
    public static readonly IReadOnlyList<string> ApplicationLayer = [Http, Https];

    /// <summary>Protocols of the network layer.</summary>
    public static readonly IReadOnlyList<string> NetworkLayer = [Tcp, Tls];
}
