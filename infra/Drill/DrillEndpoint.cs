namespace Infra.Drill;

/// <summary>One endpoint of a planned DNS name, as the drill reads it from the plan.</summary>
/// <param name="Name">Set identifier (Route 53) or endpoint name (Traffic Manager); what <c>--fail</c> takes.</param>
/// <param name="Role">Its place in the routing: primary/secondary, priority N, weight N, or its region.</param>
/// <param name="Target">What DNS answers with for it, and how (alias, CNAME, A, Azure or external endpoint).</param>
/// <param name="Priority">Failover order, 1 first.</param>
/// <param name="Weight">Share with weighted routing.</param>
/// <param name="Check">How DNS checks it, in words.</param>
/// <param name="Monitored">Whether DNS notices when it fails (a health check, or an alias evaluating target health).</param>
/// <param name="DetectionSeconds">Worst-case seconds from failing to being seen down (interval × failures); null when unknown.</param>
/// <param name="TtlSeconds">Seconds resolvers cache an answer naming it.</param>
public sealed record DrillEndpoint(
    string Name,
    string Role,
    string Target,
    int Priority,
    int Weight,
    string Check,
    bool Monitored,
    int? DetectionSeconds,
    int TtlSeconds);
