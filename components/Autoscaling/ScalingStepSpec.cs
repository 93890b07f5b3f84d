using Pulumi;

namespace Infra.Components.Autoscaling;

/// <summary>One step of a step-scaling policy: how many instances to add (or remove) when the metric
/// is this far past the alarm threshold.</summary>
public sealed class ScalingStepSpec : ResourceArgs
{
    /// <summary>Distance past the threshold where this step starts; unset means no lower bound.</summary>
    [Input("lowerBound")] public double? LowerBound { get; set; }

    /// <summary>Distance past the threshold where this step ends; unset means no upper bound.</summary>
    [Input("upperBound")] public double? UpperBound { get; set; }

    /// <summary>Instances to add (positive) or remove (negative).</summary>
    [Input("adjustment")] public int Adjustment { get; set; }
}
