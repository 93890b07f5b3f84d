using System.Collections.Immutable;
using Infra.Components.Common;
using Infra.Components.Dns.Aws;
using Infra.Components.Dns.Azure;
using Pulumi;

namespace Infra.Components.Dns;

/// <summary>
/// A DNS name that fails over between endpoints in regions or clouds. With dnsHost route53: a health
/// check per endpoint, failover (or weighted, or latency) records with set identifiers, alias records
/// for AWS load balancers and CNAME or A records for the others, a CloudWatch alarm per check and an
/// optional calculated "at least N healthy" check. With traffic-manager: a profile with priority (or
/// weighted, or performance) routing, the monitor from the spec, and an Azure or external endpoint
/// per endpoint in priority order.
/// </summary>
public sealed class FailoverDns : ComponentResource
{
    /// <summary>Type token of this component.</summary>
    public const string TypeToken = "infra:dns:FailoverDns";

    /// <summary>The name clients resolve: the record name in Route 53, the profile's
    /// <c>&lt;relativeName&gt;.trafficmanager.net</c> in Traffic Manager.</summary>
    [Output("fqdn")] public Output<string> Fqdn { get; private set; }

    // Collection outputs are immutable collections: Pulumi's engine refuses any other collection type on a
    // resource's [Output] (Serialization/Converter.cs CheckTargetType), although the component provider's
    // schema analyzer accepts only List/Dictionary shapes; the engine decides.

    /// <summary>Route 53 health check id of each endpoint, by endpoint name (empty with Traffic Manager).</summary>
    [Output("healthCheckIds")] public Output<ImmutableDictionary<string, string>> HealthCheckIds { get; private set; }

    /// <summary>ARNs of the health-check alarms (empty with Traffic Manager).</summary>
    [Output("alarmArns")] public Output<ImmutableArray<string>> AlarmArns { get; private set; }

    /// <summary>Validates <paramref name="args"/>, reporting every problem at once, then creates the
    /// DNS host's resources as children of this component.</summary>
    public FailoverDns(string name, FailoverDnsArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        InvalidSpecException.ThrowIfAny($"FailoverDns \"{name}\"", args.FindProblems());

        if (args.Spec.DnsHost == DnsHosts.Route53)
        {
            var made = Route53FailoverDns.Create(name, args, this);
            // Every record of the set has the same name; the first one's output waits for it to exist.
            Fqdn = made.Records[0].Fqdn;
            HealthCheckIds = Output.All(made.Checks.Select(check => check.Value.Id.Apply(id => KeyValuePair.Create(check.Key, id))))
                .Apply(pairs => pairs.ToImmutableDictionary());
            AlarmArns = Output.All(made.Alarms.Select(alarm => alarm.Arn));
        }
        else
        {
            var made = TrafficManagerFailoverDns.Create(name, args, this);
            Fqdn = made.Profile.Fqdn;
            HealthCheckIds = Output.Create(ImmutableDictionary<string, string>.Empty);
            AlarmArns = Output.Create(ImmutableArray<string>.Empty);
        }
        RegisterOutputs();
    }
}
