using Pulumi;
using Pulumi.Azure.Network;

namespace Infra.Components.Dns.Azure;

/// <summary>What <see cref="TrafficManagerFailoverDns.Create"/> made: the profile and one endpoint
/// per spec endpoint, in spec order.</summary>
internal sealed record TrafficManagerResources(TrafficManagerProfile Profile, IReadOnlyList<CustomResource> Endpoints);
