using Infra.Components.Common;
using Pulumi;

namespace Infra.Components.LoadBalancing;

/// <summary>
/// Limits on the connections and queued requests a load balancer keeps towards one pool, so that an
/// overloaded backend sheds load quickly instead of queueing without bound (circuit breaking).
/// Cloud-neutral; a mesh (Istio DestinationRule connectionPool) maps it.
/// </summary>
public sealed class ConnectionPoolSpec : ResourceArgs
{
    /// <summary>Most open connections to the pool.</summary>
    /// <remarks>Default: unset (the backend's own limit; Istio: 2^32-1).</remarks>
    [Input("maxConnections")] public int? MaxConnections { get; set; }

    /// <summary>Most requests waiting for a connection.</summary>
    /// <remarks>Default: unset (the backend's own limit).</remarks>
    [Input("maxPendingRequests")] public int? MaxPendingRequests { get; set; }

    /// <summary>Requests sent over one connection before it is closed; 1 turns keep-alive off.</summary>
    /// <remarks>Default: unset (no limit).</remarks>
    [Input("maxRequestsPerConnection")] public int? MaxRequestsPerConnection { get; set; }

    /// <summary>Every problem in this setting, keyed under <paramref name="at"/>.</summary>
    public IEnumerable<SpecProblem> FindProblems(string at)
    {
        if (MaxConnections is < 1)
            yield return new($"{at}.maxConnections", MaxConnections, "use at least 1 connection, or leave it unset");
        if (MaxPendingRequests is < 1)
            yield return new($"{at}.maxPendingRequests", MaxPendingRequests, "use at least 1 request, or leave it unset");
        if (MaxRequestsPerConnection is < 1)
            yield return new($"{at}.maxRequestsPerConnection", MaxRequestsPerConnection, "use at least 1 request, or leave it unset");
        if (MaxConnections is null && MaxPendingRequests is null && MaxRequestsPerConnection is null)
            yield return new(at, "{}", "an empty connection pool limits nothing; set a limit or remove connectionPool");
    }
}
