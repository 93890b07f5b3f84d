using Pulumi;

namespace Infra.Components.Autoscaling;

/// <summary>One stretch of a <see cref="ForecastScheduleSpec"/>: from <see cref="Start"/> until the
/// next entry starts, keep at least <see cref="MinSize"/> instances.</summary>
public sealed class ForecastScheduleEntrySpec : ResourceArgs
{
    /// <summary>Day and 24-hour time of day in the schedule's time zone, e.g. "Mon 07:00". Required.</summary>
    [Input("start")] public string Start { get; set; } = "";

    /// <summary>Fewest instances from <see cref="Start"/> on. Adapters never go below the group's
    /// own minimum size. Default: 0 (the group's minimum size applies).</summary>
    [Input("minSize")] public int MinSize { get; set; }
}
