namespace Infra.Components.Monitoring;

/// <summary>How an <see cref="AlertSpec"/> summarises response times before comparing them with the threshold.</summary>
public static class ResponseTimeStatistics
{
    /// <summary>95th percentile: what the slowest one in twenty requests sees.</summary>
    public const string P95 = "p95";

    /// <summary>99th percentile: the tail, for latency-critical services.</summary>
    public const string P99 = "p99";

    /// <summary>Arithmetic mean, which hides a slow tail behind many fast requests.</summary>
    public const string Average = "average";

    /// <summary>Every statistic, for validation messages.</summary>
    public static readonly IReadOnlyList<string> All = [P95, P99, Average];
}
