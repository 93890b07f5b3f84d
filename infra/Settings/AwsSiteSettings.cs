using Infra.Components.Networking.Aws;

namespace Infra.Settings;

/// <summary>An AWS region the service runs in (<c>{cloud: aws, region: ..., network: ...}</c>).</summary>
public sealed class AwsSiteSettings : SiteSettings
{
    /// <summary>AWS region, e.g. "us-east-1". Required.</summary>
    public string? Region { get; set; }

    /// <inheritdoc />
    public override string? Where => Region;

    /// <summary>The region's network. Required (at least its availability zones).</summary>
    public AwsNetworkArgs? Network { get; set; }

    /// <summary>ACM certificate ARN for the HTTPS listeners in this region (ACM certificates are regional).
    /// Default: the certificateId written on the listener in infra:service.</summary>
    public string? CertificateArn { get; set; }

    /// <summary>AMI the instances boot from in this region (AMI ids are regional), or an SSM parameter
    /// as <c>resolve:ssm:/aws/service/...</c> that resolves per region. Default: infra:service.imageId.</summary>
    public string? ImageId { get; set; }

    /// <summary>EC2 instance type in this region. Default: infra:service.instanceType.</summary>
    public string? InstanceType { get; set; }

    /// <summary>SNS topic ARN in this region that its alarms notify (AWS sends alarm actions only to
    /// topics of the alarm's region). Default: infra:service.alarmTopicArn.</summary>
    public string? AlarmTopicArn { get; set; }
}
