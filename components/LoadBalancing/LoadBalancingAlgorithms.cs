namespace Infra.Components.LoadBalancing;

/// <summary>
/// The classic load-balancing algorithms. Each cloud adapter maps the ones its backend supports and
/// refuses the others, naming the nearest supported choice; none falls back silently.
/// </summary>
public static class LoadBalancingAlgorithms
{
    /// <summary>Each backend in turn.</summary>
    public const string RoundRobin = "round-robin";

    /// <summary>The backend with the fewest outstanding requests or connections.</summary>
    public const string LeastConnections = "least-connections";

    /// <summary>Split by the pools' weights.</summary>
    public const string Weighted = "weighted";

    /// <summary>A random backend.</summary>
    public const string Random = "random";

    /// <summary>A hash of each connection's addresses and ports picks the backend, so a flow stays on
    /// one backend (the only behaviour of network-layer balancers such as the AWS NLB).</summary>
    public const string FlowHash = "flow-hash";

    /// <summary>Every algorithm, for validation messages.</summary>
    public static readonly IReadOnlyList<string> All = [RoundRobin, LeastConnections, Weighted, Random, FlowHash];
}
