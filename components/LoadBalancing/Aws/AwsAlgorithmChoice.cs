namespace Infra.Components.LoadBalancing.Aws;

/// <summary>What an AWS load balancer does for one cloud-neutral algorithm, or why it cannot.</summary>
/// <param name="TargetGroupAlgorithm">Value of the target group's <c>LoadBalancingAlgorithmType</c>;
/// null where AWS offers no setting (network load balancers).</param>
/// <param name="WeightedForward">Split traffic between the pools' target groups by their weights in the
/// listener's forward action.</param>
/// <param name="Refusal">Why the backend cannot do it and what to use instead; null when mapped.</param>
public sealed record AwsAlgorithmChoice(string? TargetGroupAlgorithm, bool WeightedForward, string? Refusal)
{
    /// <summary>Whether the algorithm was refused.</summary>
    public bool IsRefused => Refusal is not null;

    /// <summary>Whether the target groups use weighted random, the only AWS algorithm with anomaly mitigation.</summary>
    public bool IsWeightedRandom => TargetGroupAlgorithm == AwsAlgorithmMapping.WeightedRandom;
}
