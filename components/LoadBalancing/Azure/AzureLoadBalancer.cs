using System.Collections.Immutable;
using Infra.Components.Common;
using Infra.Components.HealthChecks.Azure;
using Pulumi;
using Pulumi.Azure.Lb;
using Pulumi.Azure.Lb.Inputs;
using Pulumi.Azure.Network;
using Pulumi.Random;

namespace Infra.Components.LoadBalancing.Azure;

/// <summary>
/// An Azure Application Gateway v2 (layer "application") or Standard Load Balancer (layer "network")
/// built from a cloud-neutral <see cref="LoadBalancerSpec"/>, with a zone-redundant Standard public IP
/// (or, for an internal network load balancer, a private frontend in the gateway subnet), a backend pool
/// and probe per pool, and inbound rules in the network's security groups that admit only what the
/// listeners and pools need. See README.md beside this file for the mappings and refusals.
/// </summary>
public sealed class AzureLoadBalancer : ComponentResource
{
    /// <summary>Type token of this component.</summary>
    public const string TypeToken = "infra:loadbalancing:AzureLoadBalancer";

    /// <summary>Name of the Standard Load Balancer's frontend IP configuration.</summary>
    public const string FrontendName = "frontend";

    /// <summary>The name clients resolve: the public IP's <c>&lt;label&gt;.&lt;location&gt;.cloudapp.azure.com</c>;
    /// for an internal load balancer, its private IP address.</summary>
    [Output("fqdn")] public Output<string> Fqdn { get; private set; }

    /// <summary>Address of the public IP; null for an internal load balancer.</summary>
    [Output("publicIpAddress")] public Output<string?> PublicIpAddress { get; private set; }

    /// <summary>Id of the public IP (Traffic Manager Azure endpoints target it); null for an internal load balancer.</summary>
    [Output("publicIpId")] public Output<string?> PublicIpId { get; private set; }

    /// <summary>Id of the Application Gateway or Standard Load Balancer, for metric alerts.</summary>
    [Output("loadBalancerId")] public Output<string> LoadBalancerId { get; private set; }

    /// <summary>Id of each pool's backend address pool, by pool key: for an Application Gateway the nested ids
    /// <c>&lt;gatewayId&gt;/backendAddressPools/pool-&lt;key&gt;</c> (scale-set NICs take them as
    /// <c>ApplicationGatewayBackendAddressPoolIds</c>), for a Standard Load Balancer the pool resources' ids
    /// (<c>LoadBalancerBackendAddressPoolIds</c>).</summary>
    [Output("backendAddressPoolIds")] public Output<StringMap> BackendAddressPoolIds { get; private set; }

    private Output<ImmutableDictionary<string, string>> _backendAddressPoolIds = null!;

    /// <summary><see cref="BackendAddressPoolIds"/> as an immutable dictionary, for C# callers.</summary>
    /// <remarks>A method, not a property: every public property of a component is part of the package schema
    /// (see <see cref="StringMap"/>).</remarks>
    public Output<ImmutableDictionary<string, string>> BackendAddressPoolIdsByPool() => _backendAddressPoolIds;

    /// <summary>Id of each pool's Standard Load Balancer probe, by pool key (a scale set's <c>HealthProbeId</c>);
    /// empty for an Application Gateway, whose probes are not resources.</summary>
    [Output("healthProbeIds")] public Output<StringMap> HealthProbeIds { get; private set; }

    private Output<ImmutableDictionary<string, string>> _healthProbeIds = null!;

    /// <summary><see cref="HealthProbeIds"/> as an immutable dictionary, for C# callers.</summary>
    /// <remarks>A method, not a property: every public property of a component is part of the package schema
    /// (see <see cref="StringMap"/>).</remarks>
    public Output<ImmutableDictionary<string, string>> HealthProbeIdsByPool() => _healthProbeIds;

    private readonly AzureLoadBalancerFacts _facts;

    /// <summary>Plain facts about this load balancer for C# callers (which backend, pool ports, public or not).</summary>
    /// <remarks>A method rather than a property: every public property of a component is package schema.</remarks>
    public AzureLoadBalancerFacts Facts() => _facts;

    /// <summary>Validates <paramref name="args"/>, reporting every problem at once, then creates the
    /// load balancer's resources as children of this component.</summary>
    public AzureLoadBalancer(string name, AzureLoadBalancerArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        InvalidSpecException.ThrowIfAny($"AzureLoadBalancer \"{name}\"", args.FindProblems(name));
        var spec = args.Spec;
        var child = new CustomResourceOptions { Parent = this };
        var resourceGroupName = args.ResourceGroupName!;
        _facts = new AzureLoadBalancerFacts(args.IsApplication, spec.Pools.ToDictionary(p => p.Key, p => p.Value.Port), spec.Public);

        foreach (var rule in AzureSecurityRules.For(spec, args.SecurityRulePriorityBase))
            _ = new NetworkSecurityRule($"{name}-nsg-{rule.Key}", AzureSecurityRules.ToArgs(rule, resourceGroupName,
                rule.OnGatewaySubnet ? args.GatewaySecurityGroupName! : args.BackendSecurityGroupName!, args.GatewaySubnetCidr), child);

        PublicIp? publicIp = null;
        if (spec.Public)
        {
            Input<string> label = args.DomainNameLabel ?? (Input<string>)new RandomString($"{name}-dns-suffix", new RandomStringArgs
            {
                Length = AzureDnsLabels.SuffixLength,
                Special = false,
                Upper = false,
                Lower = true,
                Numeric = true,
            }, child).Result.Apply(suffix => $"{name}-{suffix}");
            publicIp = new PublicIp($"{name}-pip", new PublicIpArgs
            {
                ResourceGroupName = resourceGroupName,
                Location = args.Location,
                AllocationMethod = "Static",
                Sku = "Standard",
                // All three zones: zone-redundant, so the frontend survives losing a zone.
                Zones = args.EffectiveZones.ToList(),
                DomainNameLabel = label,
                Tags = args.Tags.ToDictionary(),
            }, child);
            PublicIpAddress = publicIp.IpAddress.Apply(ip => (string?)ip);
            PublicIpId = publicIp.Id.Apply(id => (string?)id);
        }
        else
        {
            PublicIpAddress = Output.Create((string?)null);
            PublicIpId = Output.Create((string?)null);
        }

        if (args.IsApplication)
        {
            if (spec.Stickiness is { } stickiness)
                Log.Warn($"AzureLoadBalancer \"{name}\": Application Gateway's affinity cookie lasts for the browser session; " +
                         $"spec.stickiness.durationSeconds ({stickiness.DurationSeconds}) is not applied.", this);
            foreach (var (key, listener) in spec.Listeners.Where(l => l.Value.Protocol == ListenerProtocols.Http && !l.Value.RedirectToHttps))
                Log.Warn($"Listener \"{key}\" of AzureLoadBalancer \"{name}\" serves plain HTTP (redirectToHttps is false).", this);

            var gateway = new ApplicationGateway($"{name}-agw", AzureApplicationGateway.For(args, publicIp!.Id), child);
            var poolKeys = spec.Pools.Keys.ToDictionary(AzureApplicationGateway.PoolName, key => key);
            Fqdn = publicIp.Fqdn;
            LoadBalancerId = gateway.Id;
            _backendAddressPoolIds = gateway.BackendAddressPools.Apply(pools => pools
                .Where(p => poolKeys.ContainsKey(p.Name) && p.Id is not null)
                .ToImmutableDictionary(p => poolKeys[p.Name], p => p.Id!));
            _healthProbeIds = Output.Create(ImmutableDictionary<string, string>.Empty);
        }
        else
        {
            var frontend = new LoadBalancerFrontendIpConfigurationArgs { Name = FrontendName };
            if (publicIp is not null)
                frontend.PublicIpAddressId = publicIp.Id;
            else
            {
                frontend.SubnetId = args.GatewaySubnetId!;
                frontend.PrivateIpAddressAllocation = "Dynamic";
                // An internal frontend takes its zones itself: all of them makes it zone-redundant.
                frontend.Zones = args.EffectiveZones.ToList();
            }
            var balancer = new Pulumi.Azure.Lb.LoadBalancer($"{name}-lb", new Pulumi.Azure.Lb.LoadBalancerArgs
            {
                ResourceGroupName = resourceGroupName,
                Location = args.Location,
                Sku = "Standard",
                FrontendIpConfigurations = { frontend },
                Tags = args.Tags.ToDictionary(),
            }, child);

            var pools = new Dictionary<string, BackendAddressPool>();
            var probes = new Dictionary<string, Probe>();
            foreach (var (key, pool) in spec.Pools)
            {
                pools[key] = new BackendAddressPool($"{name}-pool-{key}", new BackendAddressPoolArgs { LoadbalancerId = balancer.Id }, child);
                probes[key] = new Probe($"{name}-probe-{key}", AzureProbeSettings.ForLoadBalancer(pool.HealthCheck, pool.Port, balancer.Id), child);
            }
            // Without the weighted algorithm (refused on Azure) the spec allows exactly one pool.
            var (poolKey, onlyPool) = spec.Pools.Single();
            foreach (var (key, listener) in spec.Listeners)
                _ = new Rule($"{name}-rule-{key}", new RuleArgs
                {
                    LoadbalancerId = balancer.Id,
                    FrontendIpConfigurationName = FrontendName,
                    Protocol = "Tcp",
                    FrontendPort = listener.Port,
                    BackendPort = onlyPool.Port,
                    BackendAddressPoolIds = { pools[poolKey].Id },
                    ProbeId = probes[poolKey].Id,
                    LoadDistribution = AzureAlgorithmMapping.LoadDistribution(spec),
                    IdleTimeoutInMinutes = spec.IdleTimeoutSeconds / 60,
                    // Egress comes from the subnet's NAT gateway or an explicit outbound rule, never implicit SNAT.
                    DisableOutboundSnat = true,
                    // Tell both ends when an idle flow is dropped instead of letting them time out silently.
                    TcpResetEnabled = true,
                }, child);
            if (args.OutboundRule)
                foreach (var (key, pool) in pools)
                    _ = new OutboundRule($"{name}-outbound-{key}", new OutboundRuleArgs
                    {
                        LoadbalancerId = balancer.Id,
                        BackendAddressPoolId = pool.Id,
                        Protocol = "All",
                        FrontendIpConfigurations = { new OutboundRuleFrontendIpConfigurationArgs { Name = FrontendName } },
                        TcpResetEnabled = true,
                    }, child);

            LoadBalancerId = balancer.Id;
            Fqdn = publicIp?.Fqdn ?? balancer.PrivateIpAddress;
            _backendAddressPoolIds = ByPoolKey(pools, p => p.Id);
            _healthProbeIds = ByPoolKey(probes, p => p.Id);
        }

        BackendAddressPoolIds = _backendAddressPoolIds.Apply(value => new StringMap(value));
        HealthProbeIds = _healthProbeIds.Apply(value => new StringMap(value));
        RegisterOutputs();
    }

    private static Output<ImmutableDictionary<string, string>> ByPoolKey<T>(IReadOnlyDictionary<string, T> byKey, Func<T, Output<string>> select)
        => Output.All(byKey.Select(kv => select(kv.Value).Apply(value => new KeyValuePair<string, string>(kv.Key, value))))
            .Apply(pairs => pairs.ToImmutableDictionary());
}
