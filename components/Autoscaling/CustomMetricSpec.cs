using Infra.Components.Common;
using Pulumi;

namespace Infra.Components.Autoscaling;

/// <summary>A metric the application publishes (e.g. queue depth per instance).</summary>
public sealed class CustomMetricSpec : ResourceArgs
{
    /// <summary>Metric namespace, e.g. "MyApp". Required.</summary>
    [Input("namespace")] public string Namespace { get; set; } = "";

    /// <summary>Metric name, e.g. "QueueDepthPerInstance". Required.</summary>
    [Input("name")] public string Name { get; set; } = "";

    /// <summary>Statistic: "Average", "Sum", "Minimum", "Maximum" or "SampleCount". Default: "Average".</summary>
    [Input("statistic")] public string Statistic { get; set; } = "Average";

    /// <summary>Metric dimensions. Default: none.</summary>
    [Input("dimensions")] public Dictionary<string, string> Dimensions { get; set; } = [];

    private static readonly string[] Statistics = ["Average", "Sum", "Minimum", "Maximum", "SampleCount"];

    /// <summary>Every problem in this metric, keyed under <paramref name="at"/>.</summary>
    public IEnumerable<SpecProblem> FindProblems(string at)
    {
        if (string.IsNullOrWhiteSpace(Namespace))
            yield return new($"{at}.namespace", Namespace, "name the metric's namespace");
        if (string.IsNullOrWhiteSpace(Name))
            yield return new($"{at}.name", Name, "name the metric");
        if (!Statistics.Contains(Statistic))
            yield return new($"{at}.statistic", Statistic, $"use one of {string.Join(", ", Statistics)}");
    }
}
