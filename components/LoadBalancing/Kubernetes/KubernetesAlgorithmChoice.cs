namespace Infra.Components.LoadBalancing.Kubernetes;

/// <summary>What Kubernetes does for one cloud-neutral algorithm.</summary>
/// <param name="IstioSimple">The DestinationRule <c>trafficPolicy.loadBalancer.simple</c> value
/// (with a mesh), or null when the Service's own spreading applies.</param>
/// <param name="Weighted">Whether traffic is split between pools by their weights (HTTPRoute
/// backendRefs weights; with a mesh also VirtualService route weights to subsets).</param>
/// <param name="Refusal">Why the algorithm cannot be used, with the nearest alternative; null when it can.</param>
public sealed record KubernetesAlgorithmChoice(string? IstioSimple, bool Weighted, string? Refusal);
