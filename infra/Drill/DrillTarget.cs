using System.Collections.Immutable;

namespace Infra.Drill;

/// <summary>A planned DNS name that chooses among endpoints by their health.</summary>
/// <param name="Name">The name clients resolve.</param>
/// <param name="Host">Where it is answered, in words (Route 53 records in a zone, a Traffic Manager profile).</param>
/// <param name="Routing">One of <see cref="DrillRouting"/>.</param>
/// <param name="Endpoints">Its endpoints in failover order.</param>
public sealed record DrillTarget(string Name, string Host, string Routing, ImmutableArray<DrillEndpoint> Endpoints);
