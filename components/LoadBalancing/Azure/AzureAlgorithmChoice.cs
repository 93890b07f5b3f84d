namespace Infra.Components.LoadBalancing.Azure;

/// <summary>What an Azure load balancer does for one cloud-neutral algorithm, or why it cannot.</summary>
/// <param name="LoadDistribution">Value of a Standard Load Balancer rule's <c>LoadDistribution</c>; null on
/// Application Gateway, which has no algorithm setting (it takes backends in turn).</param>
/// <param name="Refusal">Why the backend cannot do it and what to use instead; null when mapped.</param>
public sealed record AzureAlgorithmChoice(string? LoadDistribution, string? Refusal)
{
    /// <summary>Whether the algorithm was refused.</summary>
    public bool IsRefused => Refusal is not null;
}
