using System.Text.RegularExpressions;
using Infra.Components.Common;
using Pulumi;

namespace Infra.Components.HealthChecks;

/// <summary>
/// How a backend proves it can take traffic. One spec drives every layer: load-balancer target
/// checks, instance-group health, Kubernetes probes and DNS failover checks, so that they agree.
/// </summary>
public sealed partial class HealthCheckSpec : ResourceArgs
{
    /// <summary>One of <see cref="HealthCheckProtocols"/>. Default: "http".</summary>
    [Input("protocol")] public string Protocol { get; set; } = HealthCheckProtocols.Http;

    /// <summary>Port to probe. Default: the port traffic is sent to.</summary>
    [Input("port")] public int? Port { get; set; }

    /// <summary>Path requested by HTTP and HTTPS checks; must stay unset for TCP. Default: "/healthz".</summary>
    [Input("path")] public string? Path { get; set; }

    /// <summary>Seconds between checks. Default: 15.</summary>
    [Input("intervalSeconds")] public int IntervalSeconds { get; set; } = 15;

    /// <summary>Seconds before a check counts as failed; shorter than the interval. Default: 5.</summary>
    [Input("timeoutSeconds")] public int TimeoutSeconds { get; set; } = 5;

    /// <summary>Consecutive successes before a backend takes traffic. Default: 3.</summary>
    [Input("healthyThreshold")] public int HealthyThreshold { get; set; } = 3;

    /// <summary>Consecutive failures before a backend stops taking traffic. Default: 3.</summary>
    [Input("unhealthyThreshold")] public int UnhealthyThreshold { get; set; } = 3;

    /// <summary>HTTP status codes that count as healthy: codes and ranges, comma-separated. Default: "200-299".</summary>
    [Input("expectedStatusCodes")] public string ExpectedStatusCodes { get; set; } = "200-299";

    /// <summary>Seconds a new instance may fail checks while it boots. Default: 300.</summary>
    [Input("gracePeriodSeconds")] public int GracePeriodSeconds { get; set; } = 300;

    /// <summary>The path actually probed: <see cref="Path"/>, "/healthz" for HTTP(S) when unset, null for TCP.</summary>
    internal string? EffectivePath => Protocol == HealthCheckProtocols.Tcp ? null : Path ?? "/healthz";

    /// <summary>The expected status codes as inclusive ranges, in the order written ("200-299,304" gives
    /// 200–299 and 304–304); empty when they do not parse. The one reading every adapter translates from.</summary>
    public IReadOnlyList<(int Lowest, int Highest)> StatusCodeRanges()
    {
        if (ExpectedStatusCodes is null || !StatusCodes().IsMatch(ExpectedStatusCodes))
            return [];
        return [.. ExpectedStatusCodes.Split(',').Select(part =>
        {
            var bounds = part.Split('-').Select(b => int.Parse(b, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            return (bounds[0], bounds[^1]);
        })];
    }

    /// <summary>Whether <paramref name="status"/> counts as healthy by <see cref="ExpectedStatusCodes"/>.</summary>
    public bool Accepts(int status) => StatusCodeRanges().Any(r => r.Lowest <= status && status <= r.Highest);

    /// <summary>Worst-case seconds from a backend failing to the check declaring it unhealthy.</summary>
    public int DetectionSeconds() => IntervalSeconds * UnhealthyThreshold;

    /// <summary>Every problem in this spec, keyed under <paramref name="at"/>.</summary>
    public IEnumerable<SpecProblem> FindProblems(string at)
    {
        if (!HealthCheckProtocols.All.Contains(Protocol))
            yield return new($"{at}.protocol", Protocol, $"use one of {string.Join(", ", HealthCheckProtocols.All)}");
        if (Protocol == HealthCheckProtocols.Tcp && Path is not null)
            yield return new($"{at}.path", Path, "a TCP check sends no request; remove the path or use http/https");
        if (Path is not null && !Path.StartsWith('/'))
            yield return new($"{at}.path", Path, "start the path with '/', e.g. /healthz");
        if (Port is < 1 or > 65535)
            yield return new($"{at}.port", Port, "use a port between 1 and 65535, or leave it unset to probe the traffic port");
        if (IntervalSeconds is < 5 or > 300)
            yield return new($"{at}.intervalSeconds", IntervalSeconds, "use 5 to 300 seconds");
        if (TimeoutSeconds < 2)
            yield return new($"{at}.timeoutSeconds", TimeoutSeconds, "use at least 2 seconds");
        if (TimeoutSeconds >= IntervalSeconds)
            yield return new($"{at}.timeoutSeconds", TimeoutSeconds,
                $"must be shorter than {at}.intervalSeconds ({IntervalSeconds}); lower it or raise the interval");
        if (HealthyThreshold is < 1 or > 10)
            yield return new($"{at}.healthyThreshold", HealthyThreshold, "use 1 to 10 consecutive successes");
        if (UnhealthyThreshold is < 1 or > 10)
            yield return new($"{at}.unhealthyThreshold", UnhealthyThreshold, "use 1 to 10 consecutive failures");
        if (!StatusCodes().IsMatch(ExpectedStatusCodes))
            yield return new($"{at}.expectedStatusCodes", ExpectedStatusCodes, "list codes or ranges of 200-599, e.g. \"200-299\" or \"200,204\"");
        if (GracePeriodSeconds is < 0 or > 7200)
            yield return new($"{at}.gracePeriodSeconds", GracePeriodSeconds, "use 0 to 7200 seconds");
    }

    [GeneratedRegex(@"^[2-5]\d\d(-[2-5]\d\d)?(,[2-5]\d\d(-[2-5]\d\d)?)*$")]
    private static partial Regex StatusCodes();
}
