using Infra.Components.Common;
using Pulumi;

namespace Infra.Components.Monitoring;

/// <summary>
/// When a web service pages someone: too many server errors, slow responses, unhealthy backends, or
/// a scaling group that has run out of room. Cloud-neutral; each cloud's monitoring component turns
/// it into alarms on its own metrics.
/// </summary>
public sealed class AlertSpec : ResourceArgs
{
    /// <summary>Alert when server errors (HTTP 5xx from the load balancer or the backends) exceed
    /// this share of requests, in percent.</summary>
    /// <remarks>Default: 5.</remarks>
    [Input("serverErrorRatePercent")] public double ServerErrorRatePercent { get; set; } = 5;

    /// <summary>Alert when backend response time, summarised by <see cref="ResponseTimeStatistic"/>,
    /// exceeds this many seconds.</summary>
    /// <remarks>Default: 1.</remarks>
    [Input("responseTimeSeconds")] public double ResponseTimeSeconds { get; set; } = 1;

    /// <summary>One of <see cref="ResponseTimeStatistics"/>.</summary>
    /// <remarks>Default: "p95", so a slow tail is not averaged away.</remarks>
    [Input("responseTimeStatistic")] public string ResponseTimeStatistic { get; set; } = ResponseTimeStatistics.P95;

    /// <summary>Alert when more backends than this are unhealthy in any pool.</summary>
    /// <remarks>Default: 0, so the first unhealthy backend alerts.</remarks>
    [Input("unhealthyHosts")] public int UnhealthyHosts { get; set; }

    /// <summary>Alert when the scaling group has run at its maximum size for the evaluation window,
    /// which means demand may exceed what it can add.</summary>
    /// <remarks>Default: true.</remarks>
    [Input("atMaxCapacity")] public bool AtMaxCapacity { get; set; } = true;

    /// <summary>Length of one evaluation period in seconds (60 or a multiple: load-balancer metrics are per minute).</summary>
    /// <remarks>Default: 60.</remarks>
    [Input("periodSeconds")] public int PeriodSeconds { get; set; } = 60;

    /// <summary>Consecutive periods a threshold must be breached before an alert fires, so one bad
    /// minute does not page.</summary>
    /// <remarks>Default: 3.</remarks>
    [Input("evaluationPeriods")] public int EvaluationPeriods { get; set; } = 3;

    /// <summary>Longest evaluation window alarms support (one day).</summary>
    public const int MaxWindowSeconds = 24 * 60 * 60;

    /// <summary>Every problem in this spec, keyed under <paramref name="at"/>.</summary>
    public IEnumerable<SpecProblem> FindProblems(string at)
    {
        if (ServerErrorRatePercent is <= 0 or > 100 || double.IsNaN(ServerErrorRatePercent))
            yield return new($"{at}.serverErrorRatePercent", ServerErrorRatePercent, "use a percentage above 0 and up to 100 (1 to 5 is typical)");
        if (ResponseTimeSeconds <= 0 || double.IsNaN(ResponseTimeSeconds))
            yield return new($"{at}.responseTimeSeconds", ResponseTimeSeconds, "use a time above 0 seconds, e.g. 0.5");
        if (!ResponseTimeStatistics.All.Contains(ResponseTimeStatistic))
            yield return new($"{at}.responseTimeStatistic", ResponseTimeStatistic, $"use one of {string.Join(", ", ResponseTimeStatistics.All)}");
        if (UnhealthyHosts < 0)
            yield return new($"{at}.unhealthyHosts", UnhealthyHosts, "use 0 (alert on the first unhealthy backend) or more");
        if (PeriodSeconds < 60 || PeriodSeconds % 60 != 0)
            yield return new($"{at}.periodSeconds", PeriodSeconds, "use 60 or a multiple of 60; load-balancer metrics arrive once a minute");
        if (EvaluationPeriods < 1)
            yield return new($"{at}.evaluationPeriods", EvaluationPeriods, "use at least 1 period");
        else if (PeriodSeconds > 0 && (long)PeriodSeconds * EvaluationPeriods > MaxWindowSeconds)
            yield return new($"{at}.evaluationPeriods", EvaluationPeriods,
                $"periodSeconds × evaluationPeriods ({(long)PeriodSeconds * EvaluationPeriods} s) exceeds one day; use fewer or shorter periods");
    }
}
