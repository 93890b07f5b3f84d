using System.Net;
using System.Net.Sockets;
using Infra.Components.Common;
using Infra.Components.HealthChecks.Azure;
using Infra.Components.Networking.Azure;
using Pulumi;

namespace Infra.Components.LoadBalancing.Azure;

/// <summary>Settings of an <see cref="AzureLoadBalancer"/>: the cloud-neutral spec plus where it lives in Azure
/// (usually the outputs of an <see cref="AzureNetwork"/>).</summary>
public sealed class AzureLoadBalancerArgs : ResourceArgs
{
    /// <summary>App Gateway v2 autoscale bounds (Azure docs, "Autoscaling and Zone-redundant Application Gateway v2":
    /// minimum 0 to 125, maximum 2 to 125).</summary>
    public const int MaxGatewayInstances = 125, MinGatewayMaximum = 2;

    /// <summary>Standard Load Balancer rule idle timeout bounds, in minutes (azurerm <c>lb_rule</c> docs: 4 to 100).</summary>
    public const int MinIdleTimeoutMinutes = 4, MaxIdleTimeoutMinutes = 100;

    /// <summary>Range of <see cref="SecurityRulePriorityBase"/>: above the network's own rules (100, 110) and
    /// leaving room for the probe rules below Azure's highest custom priority (4096).</summary>
    public const int MinPriorityBase = 200, MaxPriorityBase = 3900;

    /// <summary>Most listeners (and so security rules per group) the priority scheme leaves room for.</summary>
    public const int MaxListeners = AzureSecurityRules.ProbeRuleOffset;

    /// <summary>What to build: layer, listeners, pools, algorithm, who may connect.</summary>
    /// <remarks>Default: an internal application load balancer with no listeners or pools, which is refused until both are added.</remarks>
    [Input("spec")] public LoadBalancerSpec Spec { get; set; } = new();

    /// <summary>Resource group of every resource, e.g. <c>AzureNetwork.resourceGroupName</c>.</summary>
    /// <remarks>Default: none; required.</remarks>
    [Input("resourceGroupName")] public Input<string>? ResourceGroupName { get; set; }

    /// <summary>Azure location, by programmatic name (e.g. "eastus"), the same as the network's.</summary>
    /// <remarks>Default: none; required.</remarks>
    [Input("location")] public string Location { get; set; } = "";

    /// <summary>Availability zones of the gateway, its public IP or the load balancer's private frontend.</summary>
    /// <remarks>Default: ["1", "2", "3"] where the location has zones (zone-redundant), none elsewhere; pass the network's zones.</remarks>
    [Input("zones")] public List<string>? Zones { get; set; }

    /// <summary>The gateway subnet: where Application Gateway instances (layer application) or an internal
    /// load balancer's frontend (layer network, not public) live.</summary>
    /// <remarks>Default: none; required for layer application and for an internal network load balancer.</remarks>
    [Input("gatewaySubnetId")] public Input<string>? GatewaySubnetId { get; set; }

    /// <summary>Network security group of the gateway subnet; the listener rules go into it (layer application).</summary>
    /// <remarks>Default: none; required for layer application.</remarks>
    [Input("gatewaySecurityGroupName")] public Input<string>? GatewaySecurityGroupName { get; set; }

    /// <summary>Network security group of the backend subnet; the pool rules go into it.</summary>
    /// <remarks>Default: none; required.</remarks>
    [Input("backendSecurityGroupName")] public Input<string>? BackendSecurityGroupName { get; set; }

    /// <summary>IPv4 range of the gateway subnet: the backends admit the Application Gateway from it.</summary>
    /// <remarks>Default: none; required for layer application.</remarks>
    [Input("gatewaySubnetCidr")] public Input<string>? GatewaySubnetCidr { get; set; }

    /// <summary>An existing user-assigned managed identity with get access to the Key Vault secrets named by
    /// the HTTPS listeners' <c>certificateId</c>; Application Gateway reads its certificates as it.</summary>
    /// <remarks>Default: none; required when any HTTPS listener exists (layer application).</remarks>
    [Input("identityId")] public Input<string>? IdentityId { get; set; }

    /// <summary>DNS name label of the public IP, giving <c>&lt;label&gt;.&lt;location&gt;.cloudapp.azure.com</c>;
    /// unique within the location.</summary>
    /// <remarks>Default: <c>&lt;component name&gt;-&lt;6 random lower-case letters and digits&gt;</c> (a RandomString
    /// child, fixed once created), so two stacks never collide.</remarks>
    [Input("domainNameLabel")] public string? DomainNameLabel { get; set; }

    /// <summary>Fewest Application Gateway instances autoscaling keeps (layer application).</summary>
    /// <remarks>Default: 2, one per zone of two so that losing a zone leaves capacity while autoscale reacts. 0 to 125.</remarks>
    [Input("minCapacity")] public int MinCapacity { get; set; } = 2;

    /// <summary>Most Application Gateway instances autoscaling adds (layer application).</summary>
    /// <remarks>Default: 10. 2 to 125, and at least <see cref="MinCapacity"/>.</remarks>
    [Input("maxCapacity")] public int MaxCapacity { get; set; } = 10;

    /// <summary>Give the backends egress through the load balancer's public IP with an outbound rule per pool
    /// (layer network, public only). Use it only when the backend subnet has no NAT gateway: a subnet's NAT
    /// gateway takes precedence over outbound rules.</summary>
    /// <remarks>Default: false, since <see cref="AzureNetwork"/> gives the backend subnet a NAT gateway.</remarks>
    [Input("outboundRule")] public bool OutboundRule { get; set; }

    /// <summary>Priority of the first security rule this load balancer adds; the others follow in key order.
    /// Two load balancers on one network need bases at least 200 apart.</summary>
    /// <remarks>Default: 1000. 200 to 3900.</remarks>
    [Input("securityRulePriorityBase")] public int SecurityRulePriorityBase { get; set; } = 1000;

    /// <summary>Tags put on every Azure resource the component creates that takes tags.</summary>
    /// <remarks>Default: none.</remarks>
    [Input("tags")] public Dictionary<string, string> Tags { get; set; } = [];

    /// <summary>Whether this is an Application Gateway (false: a Standard Load Balancer).</summary>
    internal bool IsApplication => Spec.Layer != LoadBalancerLayers.Network;

    /// <summary>The zones in use: <see cref="Zones"/>, or the location's default when unset.</summary>
    internal IReadOnlyList<string> EffectiveZones => Zones ?? AzureLocations.DefaultZones(Location);

    /// <summary>
    /// Every problem: the spec's own, then what Azure refuses although the spec allows it (keys the spec
    /// already reports are not repeated), then the wiring (ids, names, identity, label, capacities).
    /// </summary>
    /// <param name="name">The component's name, which the default DNS label starts with; "" skips that check.</param>
    public IEnumerable<SpecProblem> FindProblems(string name = "")
    {
        var problems = Spec.FindProblems("spec").ToList();
        // With an unknown layer nothing below has a meaning; the spec already names the fix.
        if (!LoadBalancerLayers.All.Contains(Spec.Layer))
            return problems;
        var reported = problems.Select(p => p.Key).ToHashSet();
        problems.AddRange(FindAzureProblems(Spec, "spec").Where(p => !reported.Contains(p.Key)));
        problems.AddRange(FindWiringProblems(name));
        return problems;
    }

    /// <summary>
    /// What Azure refuses in <paramref name="spec"/> although the neutral spec allows it, keyed under
    /// <paramref name="at"/> (e.g. <c>infra:service.loadBalancer</c> → <c>infra:service.loadBalancer.algorithm</c>).
    /// Pure: the program runs it on the stack settings before creating anything.
    /// </summary>
    public static IEnumerable<SpecProblem> FindAzureProblems(LoadBalancerSpec spec, string at)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!LoadBalancerLayers.All.Contains(spec.Layer))
            yield break;
        var application = spec.Layer == LoadBalancerLayers.Application;
        var backend = application ? "an Azure Application Gateway" : "an Azure Standard Load Balancer";

        if (AzureAlgorithmMapping.For(spec.Layer, spec.Algorithm) is { Refusal: { } refusal })
            yield return new($"{at}.algorithm", spec.Algorithm, refusal);

        // The resilience settings a mesh maps (see LoadBalancing/Kubernetes): Azure's balancers have
        // a backend request timeout (Application Gateway) and nothing else of them.
        if (spec.Retries is not null)
            yield return new($"{at}.retries", "(set)",
                $"{backend} does not retry a failed request for the client; remove retries and retry in the client, or run the site on Kubernetes with mesh istio");
        if (spec.OutlierDetection is not null)
            yield return new($"{at}.outlierDetection", "(set)",
                $"{backend} takes backends out only by their health probe; remove outlierDetection and tighten the pool's healthCheck");
        if (spec.ConnectionPool is not null)
            yield return new($"{at}.connectionPool", "(set)", $"{backend} has no per-backend connection or request limits; remove connectionPool");
        if (!application && spec.RequestTimeoutSeconds is not null)
            yield return new($"{at}.requestTimeoutSeconds", spec.RequestTimeoutSeconds,
                $"{backend} forwards TCP flows and sees no requests; remove requestTimeoutSeconds, or use layer application (Application Gateway's backend request timeout)");
        if (spec.AnomalyMitigation && spec.Algorithm == LoadBalancingAlgorithms.Random)
            yield return new($"{at}.anomalyMitigation", true,
                $"{backend} has no anomaly mitigation; remove it (failed backends leave rotation by their health probe)");

        // A v2 gateway needs a public frontend for Azure's management traffic unless the subscription has
        // enabled the "private Application Gateway deployment" feature (Azure docs, "Private Application Gateway deployment").
        if (application && !spec.Public)
            yield return new($"{at}.public", false,
                $"{backend} v2 needs a public frontend for Azure's management traffic unless the subscription enables private deployment, " +
                "which this component does not do; set public true with allowedCidrs limited to your ranges, or use layer network (internal Standard Load Balancer)");

        for (var i = 0; i < spec.AllowedCidrs.Count; i++)
            if (IsIpv6Cidr(spec.AllowedCidrs[i]))
                yield return new($"{at}.allowedCidrs[{i}]", spec.AllowedCidrs[i],
                    $"{backend} built here has an IPv4 frontend only, so an IPv6 range admits nobody; remove it");
            else if (spec.AllowedCidrs.IndexOf(spec.AllowedCidrs[i]) < i)
                yield return new($"{at}.allowedCidrs[{i}]", spec.AllowedCidrs[i], "this range is listed twice; list each range once");

        if (spec.Listeners.Count > MaxListeners)
            yield return new($"{at}.listeners", spec.Listeners.Count, $"this component gives at most {MaxListeners} listeners security rules; merge listeners");

        string? firstPolicy = null;
        foreach (var (key, listener) in spec.Listeners.OrderBy(l => l.Value.Port))
        {
            var listenerAt = $"{at}.listeners.{key}";
            if (!application && listener.Protocol == ListenerProtocols.Tls)
                yield return new($"{listenerAt}.protocol", listener.Protocol,
                    $"{backend} passes TCP through and cannot terminate TLS; use tcp and terminate TLS on the backends, or layer application");
            if (listener.TlsPolicy is { } policy && application)
            {
                if (!AzureTlsPolicies.IsPredefined(policy))
                    yield return new($"{listenerAt}.tlsPolicy", policy,
                        $"{backend} takes a predefined policy name ({string.Join(", ", AzureTlsPolicies.Tls12OrNewer)}); use {AzureTlsPolicies.Default}");
                else if (!AzureTlsPolicies.IsTls12OrNewer(policy))
                    yield return new($"{listenerAt}.tlsPolicy", policy, $"this policy still accepts TLS below 1.2; use {AzureTlsPolicies.Default}");
            }
            if (application && listener.Protocol == ListenerProtocols.Https)
            {
                // One SslPolicy covers the whole gateway; per-listener policies would need SSL profiles.
                var effective = listener.TlsPolicy ?? AzureTlsPolicies.Default;
                if (firstPolicy is null)
                    firstPolicy = effective;
                else if (effective != firstPolicy)
                    yield return new($"{listenerAt}.tlsPolicy", listener.TlsPolicy,
                        $"{backend} applies one TLS policy to every listener; use {firstPolicy} as the other https listeners do");
            }
            if (application && listener.Protocol == ListenerProtocols.Http && listener.RedirectToHttps && !HasHttpsOn443(spec))
                yield return new($"{listenerAt}.redirectToHttps", true,
                    "the redirect sends clients to the https listener on port 443, and there is none; add one or set redirectToHttps false");
        }

        foreach (var (key, pool) in spec.Pools)
        {
            var poolAt = $"{at}.pools.{key}";
            if (!application && pool.Protocol == ListenerProtocols.Tls)
                yield return new($"{poolAt}.protocol", pool.Protocol,
                    $"{backend} speaks no TLS to backends, it passes bytes through; use tcp (the backends still terminate TLS), or layer application");
            if (pool.SlowStartSeconds != 0)
                yield return new($"{poolAt}.slowStartSeconds", pool.SlowStartSeconds, $"{backend} has no slow start; set 0");
            if (pool.HealthCheck is not null)
                foreach (var problem in AzureProbeSettings.FindProblems(pool.HealthCheck, $"{poolAt}.healthCheck", application))
                    yield return problem;
        }

        if (spec.Stickiness is { Mode: StickinessSpec.ApplicationCookie } && application)
            yield return new($"{at}.stickiness.mode", StickinessSpec.ApplicationCookie,
                $"{backend} keeps sessions only with its own affinity cookie and cannot follow an application's cookie; use lb-cookie");

        if (!application)
        {
            var seconds = spec.IdleTimeoutSeconds;
            if (seconds < MinIdleTimeoutMinutes * 60 || seconds > MaxIdleTimeoutMinutes * 60)
                yield return new($"{at}.idleTimeoutSeconds", seconds,
                    $"{backend} keeps idle TCP flows {MinIdleTimeoutMinutes} to {MaxIdleTimeoutMinutes} minutes; use {MinIdleTimeoutMinutes * 60} to {MaxIdleTimeoutMinutes * 60} seconds");
            else if (seconds % 60 != 0)
                yield return new($"{at}.idleTimeoutSeconds", seconds,
                    $"{backend} counts idle timeouts in whole minutes; use {seconds / 60 * 60} or {(seconds / 60 + 1) * 60}");
        }
    }

    private IEnumerable<SpecProblem> FindWiringProblems(string name)
    {
        var hasHttps = Spec.Listeners.Values.Any(l => l.Protocol == ListenerProtocols.Https);
        var locationProblems = AzureLocations.FindLocationProblems(Location, "location").ToList();
        foreach (var problem in locationProblems)
            yield return problem;
        if (locationProblems.Count == 0)
            foreach (var problem in AzureLocations.FindZoneProblems(Location, EffectiveZones, "zones"))
                yield return problem;

        if (ResourceGroupName is null)
            yield return new("resourceGroupName", null, "name the resource group, e.g. an AzureNetwork's resourceGroupName");
        if (BackendSecurityGroupName is null)
            yield return new("backendSecurityGroupName", null, "the pool rules go into the backend subnet's security group; pass AzureNetwork.backendSecurityGroupName");
        if (IsApplication)
        {
            if (GatewaySubnetId is null)
                yield return new("gatewaySubnetId", null, "an Application Gateway needs its dedicated subnet; pass AzureNetwork.gatewaySubnetId");
            if (GatewaySecurityGroupName is null)
                yield return new("gatewaySecurityGroupName", null, "the listener rules go into the gateway subnet's security group; pass AzureNetwork.gatewaySecurityGroupName");
            if (GatewaySubnetCidr is null)
                yield return new("gatewaySubnetCidr", null, "the backends admit the gateway only from its subnet; pass AzureNetwork.gatewaySubnetCidr");
            if (hasHttps && IdentityId is null)
                yield return new("identityId", null,
                    "Application Gateway reads the https listeners' Key Vault certificates as a user-assigned identity; pass the id of one with get access to the secrets");
            if (MinCapacity is < 0 or > MaxGatewayInstances)
                yield return new("minCapacity", MinCapacity, $"use 0 to {MaxGatewayInstances} instances");
            if (MaxCapacity is < MinGatewayMaximum or > MaxGatewayInstances)
                yield return new("maxCapacity", MaxCapacity, $"use {MinGatewayMaximum} to {MaxGatewayInstances} instances");
            else if (MaxCapacity < MinCapacity)
                yield return new("maxCapacity", MaxCapacity, $"must be at least minCapacity ({MinCapacity})");
        }
        else if (!Spec.Public && GatewaySubnetId is null)
            yield return new("gatewaySubnetId", null, "an internal load balancer takes its private frontend address from the gateway subnet; pass AzureNetwork.gatewaySubnetId");

        if (OutboundRule && (IsApplication || !Spec.Public))
            yield return new("outboundRule", true,
                "outbound rules exist only on a public Standard Load Balancer (layer network, public true); remove it and give the backend subnet a NAT gateway");

        if (Spec.Public)
        {
            if (DomainNameLabel is { } label && !AzureDnsLabels.IsValid(label))
                yield return new("domainNameLabel", label,
                    "use 3 to 63 lower-case letters, digits and hyphens, starting with a letter and ending with a letter or digit");
            else if (DomainNameLabel is null && name.Length > 0 && AzureDnsLabels.WhyNoDefault(name) is { } fix)
                yield return new("domainNameLabel", null, fix);
        }
        else if (DomainNameLabel is not null)
            yield return new("domainNameLabel", DomainNameLabel, "an internal load balancer has no public IP to label; remove domainNameLabel");

        if (SecurityRulePriorityBase is < MinPriorityBase or > MaxPriorityBase)
            yield return new("securityRulePriorityBase", SecurityRulePriorityBase, $"use {MinPriorityBase} to {MaxPriorityBase}");

        foreach (var (key, value) in Tags)
            if (key.Length > 512 || value?.Length > 256 || key.IndexOfAny(['<', '>', '%', '&', '\\', '?', '/']) >= 0)
                yield return new($"tags.{key}", value,
                    "Azure tag names take at most 512 characters and none of < > % & \\ ? /, values at most 256 characters; rename or shorten the tag");
    }

    private static bool HasHttpsOn443(LoadBalancerSpec spec) => spec.Listeners.Values.Any(l => l.Protocol == ListenerProtocols.Https && l.Port == 443);

    private static bool IsIpv6Cidr(string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && IPAddress.TryParse(cidr[..slash], out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;
    }
}
