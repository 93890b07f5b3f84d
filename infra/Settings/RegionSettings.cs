using Infra.Components.Networking.Aws;

namespace Infra.Settings;

/// <summary>One AWS region the service runs in (an entry of <c>infra:regions</c>); the first is the primary.</summary>
public sealed class RegionSettings
{
    /// <summary>AWS region, e.g. "us-east-1". Required.</summary>
    public string? Region { get; set; }

    /// <summary>The region's network. Required (at least its availability zones).</summary>
    public AwsNetworkArgs? Network { get; set; }

    /// <summary>ACM certificate ARN for the HTTPS listeners in this region (ACM certificates are regional).
    /// Default: the certificateId written on the listener in infra:service.</summary>
    public string? CertificateArn { get; set; }
}
