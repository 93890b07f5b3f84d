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

    // Collection outputs are StringMap/StringList objects, the one shape both Pulumi's engine
    // (Serialization/Converter.cs CheckTargetType) and its schema analyzer (Provider/ComponentAnalyzer.cs)
    // accept; C# callers take the immutable collections from the methods beside them.

    /// <summary>Route 53 health check id of each endpoint, by endpoint name (empty with Traffic Manager).</summary>
    [Output("healthCheckIds")] public Output<StringMap> HealthCheckIds { get; private set; }

    private Output<ImmutableDictionary<string, string>> _healthCheckIds = null!;

    /// <summary><see cref="HealthCheckIds"/> as an immutable dictionary, for C# callers.</summary>
    /// <remarks>A method, not a property: every public property of a component is part of the package schema
    /// (see <see cref="StringMap"/>).</remarks>
    public Output<ImmutableDictionary<string, string>> HealthCheckIdsByEndpoint() => _healthCheckIds;

    /// <summary>ARNs of the health-check alarms (empty with Traffic Manager).</summary>
    [Output("alarmArns")] public Output<StringList> AlarmArns { get; private set; }

    private Output<ImmutableArray<string>> _alarmArns = null!;

    /// <summary><see cref="AlarmArns"/> as an immutable array, for C# callers.</summary>
    /// <remarks>A method, not a property: every public property of a component is part of the package schema
    /// (see <see cref="StringList"/>).</remarks>
    public Output<ImmutableArray<string>> AlarmArnsArray() => _alarmArns;

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
            _healthCheckIds = Output.All(made.Checks.Select(check => check.Value.Id.Apply(id => KeyValuePair.Create(check.Key, id))))
                .Apply(pairs => pairs.ToImmutableDictionary());
            _alarmArns = Output.All(made.Alarms.Select(alarm => alarm.Arn));
        }
        else
        {
            var made = TrafficManagerFailoverDns.Create(name, args, this);
            Fqdn = made.Profile.Fqdn;
            _healthCheckIds = Output.Create(ImmutableDictionary<string, string>.Empty);
            _alarmArns = Output.Create(ImmutableArray<string>.Empty);
        }
        HealthCheckIds = _healthCheckIds.Apply(value => new StringMap(value));
        AlarmArns = _alarmArns.Apply(value => new StringList(value));
        RegisterOutputs();
    }
}
