namespace Infra.Drill;

/// <summary>How a planned DNS name picks its answer, as far as the drill models it.</summary>
public static class DrillRouting
{
    /// <summary>The first healthy endpoint in priority order (Route 53 failover, Traffic Manager priority).</summary>
    public const string Failover = "failover";

    /// <summary>Healthy endpoints by weight; weight 0 only when no weighted one is healthy.</summary>
    public const string Weighted = "weighted";

    /// <summary>Every healthy endpoint, each client getting the one nearest to it (latency, performance).</summary>
    public const string Nearest = "nearest";
}
