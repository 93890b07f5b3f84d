namespace Infra.Components.Networking.Aws;

/// <summary>How many NAT gateways give the private subnets their way out to the internet.</summary>
public static class AwsNatGatewayModes
{
    /// <summary>One NAT gateway per availability zone: losing a zone loses only that zone's egress
    /// (production).</summary>
    public const string PerZone = "per-zone";

    /// <summary>One NAT gateway shared by every zone: cheaper, but its zone is a single point of failure
    /// for egress (development).</summary>
    public const string Single = "single";

    /// <summary>Every mode, for validation messages.</summary>
    public static readonly IReadOnlyList<string> All = [PerZone, Single];
}
