using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Route53;

namespace Infra.Components.Dns.Aws;

/// <summary>What <see cref="Route53FailoverDns.Create"/> made: a check and a record per endpoint (by
/// endpoint name, in spec order), the alarms, and the calculated check when one was asked for.</summary>
internal sealed record Route53FailoverResources(
    IReadOnlyList<KeyValuePair<string, HealthCheck>> Checks,
    IReadOnlyList<Record> Records,
    IReadOnlyList<MetricAlarm> Alarms,
    HealthCheck? QuorumCheck);
