using Infra.Components.Common;
using Pulumi;

namespace Infra.Components.Networking.Aws;

/// <summary>Settings of an <see cref="AwsNetwork"/>.</summary>
public sealed class AwsNetworkArgs : ResourceArgs
{
    /// <summary>Fewest availability zones: a load balancer and its group need two to survive losing one.</summary>
    public const int MinZones = 2;

    /// <summary>IPv4 range of the VPC; each subnet gets a sixteenth of it (see <see cref="AwsSubnetLayout"/>).</summary>
    /// <remarks>Default: "10.0.0.0/16", giving /20 subnets. Prefix /16 to /24.</remarks>
    [Input("cidrBlock")] public string CidrBlock { get; set; } = "10.0.0.0/16";

    /// <summary>Availability zones to spread subnets over, by name (e.g. "us-east-1a"). Order matters:
    /// it fixes each zone's subnet ranges, so append new zones at the end.</summary>
    /// <remarks>Default: none; list 2 to 8 zones of the provider's region.</remarks>
    [Input("availabilityZones")] public List<string> AvailabilityZones { get; set; } = [];

    /// <summary>One of <see cref="AwsNatGatewayModes"/>: a NAT gateway per zone, or one shared.</summary>
    /// <remarks>Default: "per-zone"; a development stack sets "single" visibly to save cost.</remarks>
    [Input("natGateways")] public string NatGateways { get; set; } = AwsNatGatewayModes.PerZone;

    /// <summary>Tags put on every AWS resource the component creates (each also gets a Name tag).</summary>
    /// <remarks>Default: none beyond the provider's default tags.</remarks>
    [Input("tags")] public Dictionary<string, string> Tags { get; set; } = [];

    /// <summary>Every problem in these settings, keyed as written in YAML.</summary>
    public IEnumerable<SpecProblem> FindProblems() => FindProblems(null);

    /// <summary>Every problem in these settings, keyed under <paramref name="at"/> (e.g. the stack
    /// file's <c>infra:sites[0].network</c>); unprefixed when it is null.</summary>
    public IEnumerable<SpecProblem> FindProblems(string? at)
    {
        string Key(string name) => at is null ? name : $"{at}.{name}";

        if (AwsSubnetLayout.WhyUnusable(CidrBlock) is { } fix)
            yield return new(Key("cidrBlock"), CidrBlock, fix);

        if (AvailabilityZones.Count is < MinZones or > AwsSubnetLayout.MaxZones)
            yield return new(Key("availabilityZones"), AvailabilityZones,
                $"list {MinZones} to {AwsSubnetLayout.MaxZones} zones so that losing one zone leaves the service running, e.g. [\"us-east-1a\", \"us-east-1b\"]");
        for (var i = 0; i < AvailabilityZones.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(AvailabilityZones[i]))
                yield return new(Key($"availabilityZones[{i}]"), AvailabilityZones[i], "name the zone, e.g. us-east-1a");
            else if (AvailabilityZones.IndexOf(AvailabilityZones[i]) < i)
                yield return new(Key($"availabilityZones[{i}]"), AvailabilityZones[i], "this zone is listed twice; list each zone once");
        }

        if (!AwsNatGatewayModes.All.Contains(NatGateways))
            yield return new(Key("natGateways"), NatGateways, $"use one of {string.Join(", ", AwsNatGatewayModes.All)}");
    }
}
