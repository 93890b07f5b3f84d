using System.Collections.Concurrent;
using System.Collections.Immutable;
using Infra.Components.LoadBalancing.Aws;
using Pulumi;
using Pulumi.Testing;

namespace Infra.Plan;

/// <summary>
/// Pulumi mocks that record every registration and answer with plausible computed outputs
/// (ARNs, DNS names, zone ids) so that a program can run to completion without a cloud account.
/// Strict: a resource of a package it does not know, or an invoke it does not know, fails the run.
/// </summary>
/// <remarks>Values that are public facts are the real ones (the ELB hosted zone of each region,
/// <see cref="AwsElbHostedZones"/>); values only a real account would give are recognisably invented:
/// account <see cref="Account"/>, ids and DNS labels containing "example", addresses from the
/// documentation ranges (RFC 5737).</remarks>
public sealed class RecordingMocks : IMocks
{
    private readonly ConcurrentQueue<MockResourceArgs> _registrations = new();
    private readonly ConcurrentQueue<MockCallArgs> _calls = new();
    private readonly ConcurrentDictionary<string, ImmutableDictionary<string, Output<object?>>> _registeredOutputs = new();
    private readonly ConcurrentDictionary<string, string> _providerRegions = new();

    /// <summary>Creates mocks that answer as if resources were in <paramref name="awsRegion"/>.</summary>
    public RecordingMocks(string awsRegion = "us-east-1") => AwsRegion = awsRegion;

    /// <summary>The AWS account in every invented ARN: all zeros, which no real account has.</summary>
    public const string Account = "000000000000";

    /// <summary>The id part of every invented load balancer and target group ARN.</summary>
    public const string ExampleArnId = "example000000000";

    /// <summary>Region used in computed ARNs, DNS names and availability zones.</summary>
    public string AwsRegion { get; }

    /// <summary>Every registration, in arrival order.</summary>
    public IReadOnlyCollection<MockResourceArgs> Registrations => _registrations;

    /// <summary>Every invoke, in arrival order.</summary>
    public IReadOnlyCollection<MockCallArgs> Calls => _calls;

    /// <summary>Outputs registered by components and the stack, by URN.</summary>
    public IReadOnlyDictionary<string, ImmutableDictionary<string, Output<object?>>> RegisteredOutputs => _registeredOutputs;

    /// <inheritdoc />
    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        _registrations.Enqueue(args);
        var type = args.Type ?? "";
        var name = args.Name ?? "";
        var state = args.Inputs.ToDictionary(kv => kv.Key, kv => (object?)kv.Value);
        var package = type.Split(':')[0];
        string? id = IdOf(type, name);
        switch (package)
        {
            case "aws":
                AddAwsOutputs(type, name, state, RegionOf(args.Provider));
                break;
            case "azure":
                state.TryAdd("name", name);
                AddAzureOutputs(type, name, state);
                break;
            case "kubernetes":
                break;
            case "random":
                AddRandomOutputs(type, name, state);
                break;
            case "pulumi" when type == "pulumi:providers:aws":
                // Resources created through this provider answer with its region.
                if (args.Inputs.TryGetValue("region", out var region) && region is string r)
                    _providerRegions[name] = r;
                break;
            case "infra":
            case "pulumi":
                id = null;
                break;
            default:
                throw new NotSupportedException($"RecordingMocks has no outputs for resource type '{type}' (package '{package}'); add them to {nameof(RecordingMocks)}.");
        }
        return Task.FromResult<(string?, object)>((id, state.ToImmutableDictionary()));
    }

    /// <summary>
    /// The id these mocks give a custom resource of <paramref name="type"/> named <paramref name="name"/>,
    /// so that readers of a plan can follow a reference by id (a record's <c>healthCheckId</c>, an
    /// endpoint's <c>profileId</c>) back to the planned resource.
    /// </summary>
    public static string IdOf(string type, string name) => type.Split(':')[0] switch
    {
        "azure" => $"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/{type.Split(':')[1].Split('/')[0]}/{name}",
        "kubernetes" => $"default/{name}",
        _ => $"{name}-id",
    };

    /// <summary>Region of the explicit provider in a provider reference (<c>{urn}::{id}</c>), else the default.</summary>
    private string RegionOf(string? providerReference)
    {
        if (string.IsNullOrEmpty(providerReference))
            return AwsRegion;
        var parts = providerReference.Split("::");
        return parts.Length >= 2 && _providerRegions.TryGetValue(parts[^2], out var region) ? region : AwsRegion;
    }

    private static void AddAwsOutputs(string type, string name, Dictionary<string, object?> state, string region)
    {
        var service = type.Split(':')[1].Split('/')[0];
        state.TryAdd("arn", $"arn:aws:{service}:{region}:{Account}:{name}");
        state.TryAdd("name", name);
        switch (type)
        {
            case "aws:lb/loadBalancer:LoadBalancer":
                var network = state.TryGetValue("loadBalancerType", out var t) && Equals(t, "network");
                var kind = network ? "net" : "app";
                state["arnSuffix"] = $"{kind}/{name}/{ExampleArnId}";
                state["arn"] = $"arn:aws:elasticloadbalancing:{region}:{Account}:loadbalancer/{kind}/{name}/{ExampleArnId}";
                // ALBs are named <name>-<id>.<region>.elb.amazonaws.com, NLBs <name>-<id>.elb.<region>.amazonaws.com.
                state["dnsName"] = network ? $"{name}-example.elb.{region}.amazonaws.com" : $"{name}-example.{region}.elb.amazonaws.com";
                // The real, published zone of the region's load balancers of this type; invented for a region not listed.
                state["zoneId"] = AwsElbHostedZones.For(region, network ? "network" : "application") ?? "Z0000000000EXAMPLE";
                break;
            case "aws:lb/targetGroup:TargetGroup":
                state["arnSuffix"] = $"targetgroup/{name}/{ExampleArnId}";
                state["arn"] = $"arn:aws:elasticloadbalancing:{region}:{Account}:targetgroup/{name}/{ExampleArnId}";
                break;
            case "aws:ec2/launchTemplate:LaunchTemplate":
                state["latestVersion"] = 1;
                state["defaultVersion"] = 1;
                break;
            case "aws:route53/zone:Zone":
                state["zoneId"] = $"Z{Math.Abs(name.GetHashCode(StringComparison.Ordinal)) % 100000000:D8}EXAMPLE";
                state["nameServers"] = ImmutableArray.Create<object>("ns-1.awsdns-01.org", "ns-2.awsdns-02.net");
                break;
            case "aws:ec2/eip:Eip":
                state["allocationId"] = $"eipalloc-{name}";
                state["publicIp"] = "203.0.113.10";
                break;
            case "aws:ec2/subnet:Subnet":
                state.TryAdd("availabilityZone", $"{region}a");
                break;
            case "aws:route53/record:Record":
                state.TryAdd("fqdn", state.TryGetValue("name", out var recordName) ? recordName : name);
                break;
        }
    }

    // Nested blocks of an Application Gateway that Azure gives ids (<gatewayId>/<block>/<name>).
    private static readonly string[] ApplicationGatewayBlocks =
    [
        "backendAddressPools", "backendHttpSettings", "frontendIpConfigurations", "frontendPorts", "gatewayIpConfigurations",
        "httpListeners", "probes", "redirectConfigurations", "requestRoutingRules", "sslCertificates",
    ];

    /// <summary>
    /// A random value of the requested shape (length, lower case), derived from the resource's name so
    /// that plans stay deterministic; it starts with "x" runs so that it reads as invented.
    /// </summary>
    private static void AddRandomOutputs(string type, string name, Dictionary<string, object?> state)
    {
        if (type is "random:index/randomString:RandomString" or "random:index/randomPassword:RandomPassword")
        {
            var length = state.TryGetValue("length", out var l) && l is double d ? (int)d : 16;
            var upper = !(state.TryGetValue("upper", out var u) && Equals(u, false));
            var seed = Infra.Components.Naming.NameFitting.Hash(name) + Infra.Components.Naming.NameFitting.Hash(name + "+");
            var text = ("xx" + seed + new string('x', Math.Max(0, length))).Substring(0, Math.Max(0, length));
            state.TryAdd("result", upper ? text : text.ToLowerInvariant());
        }
        else
            state.TryAdd("result", $"{name}-random");
        // A RandomId answers with a stable hex string of its byteLength (8 digits for 4 bytes).
        if (type == "random:index/randomId:RandomId")
            state.TryAdd("hex", $"{(uint)StableHash(name):x8}"[..Math.Min(8, 2 * (int)(state.TryGetValue("byteLength", out var bytes) && bytes is double b ? b : 4))]);
    }

    private static void AddAzureOutputs(string type, string name, Dictionary<string, object?> state)
    {
        switch (type)
        {
            case "azure:network/publicIp:PublicIp":
                state["ipAddress"] = "203.0.113.20";
                // Azure names a labelled address <label>.<location>.cloudapp.azure.com.
                state["fqdn"] = state.TryGetValue("domainNameLabel", out var label) && label is string dnsLabel
                    ? $"{dnsLabel}.{(state.TryGetValue("location", out var location) && location is string l ? l : "westeurope")}.cloudapp.azure.com"
                    : $"{name}.westeurope.cloudapp.azure.com";
                break;
            case "azure:network/applicationGateway:ApplicationGateway":
                foreach (var block in ApplicationGatewayBlocks)
                    if (state.TryGetValue(block, out var items) && items is ImmutableArray<object?> list)
                        state[block] = WithNestedIds(list, $"{IdOf(type, name)}/{block}");
                break;
            case "azure:lb/loadBalancer:LoadBalancer":
                if (state.TryGetValue("frontendIpConfigurations", out var frontends) && frontends is ImmutableArray<object?> configurations)
                {
                    state["frontendIpConfigurations"] = WithNestedIds(configurations, $"{IdOf(type, name)}/frontendIPConfigurations");
                    // A private frontend gets the first address Azure hands out in a subnet (the first four are reserved).
                    if (configurations.OfType<IReadOnlyDictionary<string, object?>>().Any(c => c.ContainsKey("subnetId")))
                        state["privateIpAddress"] = "10.0.0.4";
                }
                break;
            case "azure:network/trafficManagerProfile:TrafficManagerProfile":
                state["fqdn"] = $"{name}.trafficmanager.net";
                break;
        }
    }

    private static ImmutableArray<object?> WithNestedIds(ImmutableArray<object?> items, string prefix)
        => items.Select(item => item is IReadOnlyDictionary<string, object?> block && block.TryGetValue("name", out var blockName)
                ? (object?)block.ToImmutableDictionary(kv => kv.Key, kv => kv.Value).SetItem("id", $"{prefix}/{blockName}")
                : item)
            .ToImmutableArray();

    /// <inheritdoc />
    public Task<object> CallAsync(MockCallArgs args)
    {
        _calls.Enqueue(args);
        var region = RegionOf(args.Provider);
        object result = args.Token switch
        {
            "aws:index/getAvailabilityZones:getAvailabilityZones" => new Dictionary<string, object>
            {
                ["names"] = ImmutableArray.Create<object>($"{region}a", $"{region}b", $"{region}c"),
                ["zoneIds"] = ImmutableArray.Create<object>("use1-az1", "use1-az2", "use1-az3"),
                ["groupNames"] = ImmutableArray.Create<object>(region),
                ["id"] = region,
                ["region"] = region,
            },
            "aws:ec2/getAmi:getAmi" => new Dictionary<string, object>
            {
                ["id"] = "ami-0123456789abcdef0",
                ["imageId"] = "ami-0123456789abcdef0",
                ["architecture"] = "x86_64",
                ["name"] = "al2023-ami-2023.6.20241212.0-kernel-6.1-x86_64",
            },
            // The ELB account of each region, as published in the AWS docs ("Enable access logs for your
            // Application Load Balancer", step 2); regions without one make the provider fail, as here.
            "aws:elb/getServiceAccount:getServiceAccount" => ElbServiceAccount(args.Args.TryGetValue("region", out var r) && r is string asked ? asked : region),
            _ => throw new NotSupportedException($"RecordingMocks has no answer for invoke '{args.Token}'; add it to {nameof(RecordingMocks)}."),
        };
        return Task.FromResult(result);
    }

    private static Dictionary<string, object> ElbServiceAccount(string region)
        => Infra.Components.Monitoring.Aws.ElbLogDeliveryAccounts.ByRegion.TryGetValue(region, out var account)
            ? new Dictionary<string, object>
            {
                ["id"] = account,
                ["arn"] = $"arn:{(region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov" : "aws")}:iam::{account}:root",
                ["region"] = region,
            }
            : throw new NotSupportedException($"aws:elb/getServiceAccount: no Elastic Load Balancing account in region {region}; grant {Infra.Components.Monitoring.Aws.ElbLogDeliveryAccounts.ServicePrincipal} instead.");

    /// <summary>A hash that is the same in every run (string.GetHashCode is randomized per process).</summary>
    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
                hash = (hash ^ c) * 16777619;
            return hash;
        }
    }

    /// <inheritdoc />
    public Task RegisterResourceOutputs(MockRegisterResourceOutputsRequest args)
    {
        _registeredOutputs.AddOrUpdate(args.Urn, args.Outputs, (_, existing) => existing.SetItems(args.Outputs));
        return Task.CompletedTask;
    }
}
