using Pulumi;
using Pulumi.Azure.Network;
using Pulumi.Azure.Network.Inputs;
using Infra.Components.HealthChecks.Azure;

namespace Infra.Components.LoadBalancing.Azure;

/// <summary>
/// The Application Gateway v2 of layer "application": one frontend on the public IP, a frontend port and
/// listener per spec listener, HTTPS certificates from Key Vault through the user-assigned identity, one
/// TLS policy, a backend pool, backend settings and probe per pool, and a request-routing rule per
/// listener that forwards to the pool or, for HTTP, redirects permanently to the HTTPS listener.
/// Every block is named after the spec key (<c>listener-https</c>, <c>pool-web</c>), never a position.
/// </summary>
public static class AzureApplicationGateway
{
    /// <summary>SKU name and tier (Standard v2: autoscaling, zone redundancy, Key Vault certificates).</summary>
    public const string Sku = "Standard_v2";

    /// <summary>Name of the public frontend IP configuration.</summary>
    public const string FrontendName = "public-frontend";

    /// <summary>Name of the gateway IP configuration (the subnet the instances live in).</summary>
    public const string GatewayIpName = "gateway-ip";

    /// <summary>Redirect type of the HTTP listeners: permanent (301), so browsers and crawlers remember HTTPS.</summary>
    public const string PermanentRedirect = "Permanent";

    /// <summary>Identity type that reads Key Vault certificates (App Gateway supports only user-assigned).</summary>
    public const string UserAssignedIdentity = "UserAssigned";

    /// <summary>Request-routing rule priority step: rules get 10, 20, … in listener-port order, leaving room between them (1 to 20000).</summary>
    public const int PriorityStep = 10;

    /// <summary>Name of the backend pool of <paramref name="poolKey"/>.</summary>
    public static string PoolName(string poolKey) => $"pool-{poolKey}";

    /// <summary>The gateway's arguments for <paramref name="args"/> (assumes no problems), in front of <paramref name="publicIpId"/>.</summary>
    public static ApplicationGatewayArgs For(AzureLoadBalancerArgs args, Input<string> publicIpId)
    {
        var spec = args.Spec;
        var gateway = new ApplicationGatewayArgs
        {
            ResourceGroupName = args.ResourceGroupName!,
            Location = args.Location,
            Sku = new ApplicationGatewaySkuArgs { Name = Sku, Tier = Sku },
            AutoscaleConfiguration = new ApplicationGatewayAutoscaleConfigurationArgs { MinCapacity = args.MinCapacity, MaxCapacity = args.MaxCapacity },
            Zones = args.EffectiveZones.ToList(),
            GatewayIpConfigurations = { new ApplicationGatewayGatewayIpConfigurationArgs { Name = GatewayIpName, SubnetId = args.GatewaySubnetId! } },
            FrontendIpConfigurations = { new ApplicationGatewayFrontendIpConfigurationArgs { Name = FrontendName, PublicIpAddressId = publicIpId } },
            Http2Enabled = true,
            Tags = args.Tags.ToDictionary(),
        };

        var https = spec.Listeners.Where(l => l.Value.Protocol == ListenerProtocols.Https).OrderBy(l => l.Value.Port).ToList();
        if (https.Count > 0)
        {
            gateway.Identity = new ApplicationGatewayIdentityArgs { Type = UserAssignedIdentity, IdentityIds = { args.IdentityId! } };
            gateway.SslPolicy = new ApplicationGatewaySslPolicyArgs
            {
                PolicyType = AzureTlsPolicies.PredefinedType,
                PolicyName = https[0].Value.TlsPolicy ?? AzureTlsPolicies.Default,
            };
        }
        // The HTTP redirect targets the HTTPS listener on 443 (validation guarantees there is one).
        var redirectTarget = https.Where(l => l.Value.Port == 443).Select(l => $"listener-{l.Key}").FirstOrDefault();

        foreach (var (key, pool) in spec.Pools.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            gateway.BackendAddressPools.Add(new ApplicationGatewayBackendAddressPoolArgs { Name = PoolName(key) });
            gateway.Probes.Add(AzureProbeSettings.ForApplicationGateway(pool.HealthCheck, $"probe-{key}"));
            gateway.BackendHttpSettings.Add(new ApplicationGatewayBackendHttpSettingArgs
            {
                Name = $"settings-{key}",
                Port = pool.Port,
                Protocol = pool.Protocol == ListenerProtocols.Https ? "Https" : "Http",
                CookieBasedAffinity = AzureAlgorithmMapping.CookieAffinity(spec),
                // How long the gateway waits for a backend's answer: the spec's request timeout when it
                // sets one, else its idle timeout (Azure's default is 20 s).
                RequestTimeout = spec.RequestTimeoutSeconds ?? spec.IdleTimeoutSeconds,
                ProbeName = $"probe-{key}",
                // Instances register by IP address; the probe and requests carry it as the host.
                PickHostNameFromBackendAddress = true,
                ConnectionDraining = new ApplicationGatewayBackendHttpSettingConnectionDrainingArgs
                {
                    Enabled = pool.DeregistrationDelaySeconds > 0,
                    // Azure requires 1 to 3600 even when draining is off.
                    DrainTimeoutSec = Math.Max(1, pool.DeregistrationDelaySeconds),
                },
            });
        }
        var poolKey = spec.Pools.Keys.Order(StringComparer.Ordinal).First();

        var listeners = spec.Listeners.OrderBy(l => l.Value.Port).ToList();
        for (var i = 0; i < listeners.Count; i++)
        {
            var (key, listener) = listeners[i];
            var isHttps = listener.Protocol == ListenerProtocols.Https;
            gateway.FrontendPorts.Add(new ApplicationGatewayFrontendPortArgs { Name = $"port-{key}", Port = listener.Port });
            if (isHttps)
                gateway.SslCertificates.Add(new ApplicationGatewaySslCertificateArgs { Name = $"cert-{key}", KeyVaultSecretId = listener.CertificateId! });
            gateway.HttpListeners.Add(new ApplicationGatewayHttpListenerArgs
            {
                Name = $"listener-{key}",
                FrontendIpConfigurationName = FrontendName,
                FrontendPortName = $"port-{key}",
                Protocol = isHttps ? "Https" : "Http",
                SslCertificateName = isHttps ? (Input<string>)$"cert-{key}" : null,
            });

            var rule = new ApplicationGatewayRequestRoutingRuleArgs
            {
                Name = $"rule-{key}",
                RuleType = "Basic",
                HttpListenerName = $"listener-{key}",
                Priority = (i + 1) * PriorityStep,
            };
            if (listener.Forwards)
            {
                rule.BackendAddressPoolName = PoolName(poolKey);
                rule.BackendHttpSettingsName = $"settings-{poolKey}";
            }
            else
            {
                gateway.RedirectConfigurations.Add(new ApplicationGatewayRedirectConfigurationArgs
                {
                    Name = $"redirect-{key}",
                    RedirectType = PermanentRedirect,
                    TargetListenerName = redirectTarget!,
                    IncludePath = true,
                    IncludeQueryString = true,
                });
                rule.RedirectConfigurationName = $"redirect-{key}";
            }
            gateway.RequestRoutingRules.Add(rule);
        }
        return gateway;
    }
}
