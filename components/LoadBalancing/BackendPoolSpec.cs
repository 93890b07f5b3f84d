using Infra.Components.Common;
using Infra.Components.HealthChecks;
using Pulumi;

namespace Infra.Components.LoadBalancing;

/// <summary>A group of backends that receive traffic, with the check that decides which of them may.</summary>
public sealed class BackendPoolSpec : ResourceArgs
{
    /// <summary>Port the backends listen on. Default: 8080.</summary>
    [Input("port")] public int Port { get; set; } = 8080;

    /// <summary>Protocol spoken to the backends: "http", "https" (application layer) or "tcp", "tls" (network layer). Default: "http".</summary>
    [Input("protocol")] public string Protocol { get; set; } = ListenerProtocols.Http;

    /// <summary>Share of traffic with the weighted algorithm, 0 to 999. Default: 1.</summary>
    [Input("weight")] public int Weight { get; set; } = 1;

    /// <summary>How the load balancer checks each backend. Default: HTTP GET /healthz every 15 s.</summary>
    [Input("healthCheck")] public HealthCheckSpec HealthCheck { get; set; } = new();

    /// <summary>Seconds in-flight requests may finish when a backend leaves (connection draining). Default: 30.</summary>
    [Input("deregistrationDelaySeconds")] public int DeregistrationDelaySeconds { get; set; } = 30;

    /// <summary>Seconds a new backend's share of traffic ramps up; 0 turns it off. Default: 0.</summary>
    [Input("slowStartSeconds")] public int SlowStartSeconds { get; set; }

    /// <summary>Every problem in this pool, keyed under <paramref name="at"/>.</summary>
    public IEnumerable<SpecProblem> FindProblems(string at, string layer)
    {
        var allowed = layer == LoadBalancerLayers.Network ? ListenerProtocols.NetworkLayer : ListenerProtocols.ApplicationLayer;
        if (!allowed.Contains(Protocol))
            yield return new($"{at}.protocol", Protocol, $"a {layer}-layer pool speaks {string.Join(" or ", allowed)}");
        if (Port is < 1 or > 65535)
            yield return new($"{at}.port", Port, "use a port between 1 and 65535");
        if (Weight is < 0 or > 999)
            yield return new($"{at}.weight", Weight, "use a weight between 0 and 999");
        if (DeregistrationDelaySeconds is < 0 or > 3600)
            yield return new($"{at}.deregistrationDelaySeconds", DeregistrationDelaySeconds, "use 0 to 3600 seconds");
        if (SlowStartSeconds != 0 && SlowStartSeconds is < 30 or > 900)
            yield return new($"{at}.slowStartSeconds", SlowStartSeconds, "use 0 (off) or 30 to 900 seconds");
        if (HealthCheck is null)
            yield return new($"{at}.healthCheck", null, "every pool needs a health check; set one (defaults give HTTP GET /healthz)");
        else
            foreach (var problem in HealthCheck.FindProblems($"{at}.healthCheck"))
                yield return problem;
    }
}
