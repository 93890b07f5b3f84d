namespace Infra.Components.HealthChecks;

/// <summary>Protocols a <see cref="HealthCheckSpec"/> can probe with.</summary>
public static class HealthCheckProtocols
{
    /// <summary>An HTTP GET of <see cref="HealthCheckSpec.Path"/>.</summary>
    public const string Http = "http";

    /// <summary>An HTTPS GET of <see cref="HealthCheckSpec.Path"/>.</summary>
    public const string Https = "https";

    /// <summary>A TCP connect; no request is sent.</summary>
    public const string Tcp = "tcp";

    /// <summary>Every protocol, for validation messages.</summary>
    public static readonly IReadOnlyList<string> All = [Http, Https, Tcp];
}
