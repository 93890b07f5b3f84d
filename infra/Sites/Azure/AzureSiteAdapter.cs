using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Infra.Components.Autoscaling.Azure;
using Infra.Components.Common;
using Infra.Components.Dns;
using Infra.Components.LoadBalancing;
using Infra.Components.LoadBalancing.Azure;
using Infra.Components.Monitoring.Azure;
using Infra.Components.Naming;
using Infra.Components.Networking.Azure;
using Infra.Settings;
using Pulumi;

namespace Infra.Sites.Azure;

/// <summary>
/// Runs a site in an Azure location: an explicit provider, an <see cref="AzureNetwork"/>, an
/// <see cref="AzureLoadBalancer"/> (Application Gateway v2 or Standard Load Balancer), an
/// <see cref="AzureScaleSet"/> with its autoscale setting, and an <see cref="AzureServiceMonitoring"/>.
/// </summary>
public sealed partial class AzureSiteAdapter : SiteAdapter
{
    private const string ServiceAt = "infra:service";

    /// <inheritdoc />
    public override string Cloud => SiteClouds.Azure;

    /// <inheritdoc />
    public override IEnumerable<SpecProblem> FindServiceProblems(StackSettings stack)
    {
        var service = stack.Service;
        if (service.LoadBalancer is { } balancer)
            foreach (var problem in AzureLoadBalancerArgs.FindAzureProblems(balancer, $"{ServiceAt}.loadBalancer"))
                yield return problem;
        if (stack.ScalingWithSchedule() is { } scaling && service.LoadBalancer?.Pools.GetValueOrDefault(stack.FirstPool()) is { HealthCheck: { } check })
            foreach (var problem in AzureScaleSetArgs.FindAzureProblems(scaling, check, $"{ServiceAt}.scaling",
                         $"{ServiceAt}.loadBalancer.pools.{stack.FirstPool()}.healthCheck"))
                yield return problem;
        if (service.Alerts is { } alerts && service.LoadBalancer is { } spec)
            foreach (var problem in AzureServiceMonitoringArgs.FindAzureProblems(alerts, spec.Layer, $"{ServiceAt}.alerts"))
                yield return problem;
    }

    /// <inheritdoc />
    public override IEnumerable<SpecProblem> FindSiteProblems(StackSettings stack, SiteSettings site, string at)
    {
        var azure = (AzureSiteSettings)site;
        var network = NetworkOf(azure);
        if (azure.Network is { Location.Length: > 0 } written)
            yield return new($"{at}.network.location", written.Location, "the network is in the site's location; remove this and set location on the site");
        // The network's location is the site's, so its problems are keyed there.
        foreach (var problem in network.FindProblems($"{at}.network", $"{at}.location"))
            yield return problem;
        if (azure.Network is { } own)
            foreach (var problem in Cidrs.FindCanonicalProblems(own.AddressSpace, $"{at}.network.addressSpace"))
                yield return problem;
        // The component name prefixes the Application Gateway's public DNS label ("<name>-<6 random>", 3 to
        // 63 lower-case letters, digits and hyphens, a letter first) and the dashboard's name: checked here,
        // keyed where the name is written, before the components would refuse it by their own argument names.
        // The characters of service and site names are checked once for every cloud (StackValidation).
        var name = ComponentName(stack, site);
        if (name.Length > MaxComponentNameLength)
            yield return new(site.Name is null ? $"{ServiceAt}.name" : $"{at}.name", site.Name ?? stack.Service.Name,
                $"Azure names the site's public DNS label and dashboard \"{(name.Length > 60 ? name[..60] + "..." : name)}\"; use lower-case letters, digits and inner hyphens, a letter first, " +
                $"at most {MaxComponentNameLength} characters with the site's key");

        var layer = stack.Service.LoadBalancer?.Layer ?? LoadBalancerLayers.Application;
        // The zones are the network's, checked with it above.
        foreach (var problem in AzureScaleSetArgs.FindInstanceProblems(zones: null, azure.VmSize, AzureScaleSetArgs.DefaultOsDiskType, azure.Image, azure.AdminUsername,
                     SecretValues.IsUndecrypted(stack.Service.UserData) ? null : stack.Service.UserData,
                     key => key == "userData" ? $"{ServiceAt}.userData" : key == "zones" ? $"{at}.network.zones" : $"{at}.{key}"))
            yield return problem;
        if (string.IsNullOrWhiteSpace(azure.SshPublicKey))
            yield return new($"{at}.sshPublicKey", azure.SshPublicKey, "give the admin's OpenSSH public key (ssh-ed25519 or ssh-rsa ...); password login is always off");
        else if (!SshPublicKeyShape().IsMatch(azure.SshPublicKey))
            yield return new($"{at}.sshPublicKey", azure.SshPublicKey.Length > 40 ? azure.SshPublicKey[..40] + "..." : azure.SshPublicKey,
                "write an OpenSSH public key line: its type (ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256...) and base64 key");
        foreach (var problem in AzureServiceMonitoringArgs.FindNotificationProblems(layer, monitorsLoadBalancer: true, azure.TypicalRequestsPerMinute,
                     azure.AlertEmails, azure.ActionGroupId is not null, ComponentName(stack, site), key => $"{at}.{key}"))
            yield return problem;

        // Certificates: each HTTPS listener needs a Key Vault secret id here, and the identity that reads it.
        var https = stack.Service.LoadBalancer?.Listeners.Where(l => l.Value?.Protocol is ListenerProtocols.Https or ListenerProtocols.Tls).ToList() ?? [];
        if (https.Count > 0)
        {
            if (azure.CertificateId is { } certificate)
            {
                if (!KeyVaultSecretId().IsMatch(certificate))
                    yield return new($"{at}.certificateId", certificate, "give the Key Vault secret id of the certificate, e.g. https://web-prod.vault.azure.net/secrets/www");
            }
            else
                foreach (var (key, _) in https)
                    if (!stack.ListenerCertificates.TryGetValue(key, out var onListener) || !KeyVaultSecretId().IsMatch(onListener))
                        yield return new($"{at}.certificateId", null,
                            $"Application Gateway serves listener {key}'s certificate from Key Vault; set the site's certificateId to its secret id, e.g. https://web-prod.vault.azure.net/secrets/www");
            if (azure.IdentityId is null)
                yield return new($"{at}.identityId", null,
                    "Application Gateway reads Key Vault certificates as a user-assigned managed identity; give its resource id (/subscriptions/.../userAssignedIdentities/<name>)");
            else if (!UserAssignedIdentityId().IsMatch(azure.IdentityId))
                yield return new($"{at}.identityId", azure.IdentityId, "give a user-assigned identity's resource id: /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>");
        }
    }

    /// <inheritdoc />
    /// <remarks>On Azure a listener's certificate is a Key Vault secret id: the site's, when it gives one.</remarks>
    public override LoadBalancerSpec? LoadBalancerOf(StackSettings stack, SiteSettings site)
        => ((AzureSiteSettings)site).CertificateId is { } certificate ? stack.Service.LoadBalancer?.WithCertificate(certificate) : stack.Service.LoadBalancer;

    /// <inheritdoc />
    public override DnsEndpointSpec FailoverEndpoint(StackSettings stack, SiteSettings site, SiteEdge edge) => new()
    {
        Name = site.Key,
        Kind = DnsEndpointKinds.AzureEndpoint,
        Hostname = edge.Hostname,
        ResourceId = edge.ResourceId,
        Region = ((AzureSiteSettings)site).Location,
        LoadBalancer = stack.Service.LoadBalancer,
    };

    /// <inheritdoc />
    public override BuiltSite Build(StackSettings stack, SiteSettings site)
    {
        var azure = (AzureSiteSettings)site;
        var service = stack.Service;
        var name = ComponentName(stack, site);
        var tags = stack.ServiceTags();
        tags["environment"] = stack.Environment;
        tags["managed-by"] = "infra";

        // An explicit provider per site, so that no resource comes from ambient defaults; the location is
        // passed to every resource (the classic provider has none of its own).
        var provider = new Pulumi.Azure.Provider($"azure-{site.Key}", new Pulumi.Azure.ProviderArgs());
        var inLocation = new ComponentResourceOptions { Provider = provider };
        var edge = new ComponentResourceOptions { Provider = provider, Protect = stack.Protect ? true : null };

        var networkArgs = NetworkOf(azure);
        networkArgs.Tags = tags;
        var network = new AzureNetwork(name, networkArgs, inLocation);
        var spec = LoadBalancerOf(stack, site)!;
        var zones = ZonesOf(azure);
        var balancer = new AzureLoadBalancer(name, new AzureLoadBalancerArgs
        {
            Spec = spec,
            ResourceGroupName = network.ResourceGroupName,
            Location = azure.Location!,
            Zones = [.. zones],
            GatewaySubnetId = network.GatewaySubnetId,
            GatewaySecurityGroupName = network.GatewaySecurityGroupName,
            BackendSecurityGroupName = network.BackendSecurityGroupName,
            GatewaySubnetCidr = network.GatewaySubnetCidr,
            IdentityId = azure.IdentityId is { } identity ? (Input<string>)identity : null,
            Tags = tags,
        }, edge);

        // The gateway's access log goes to a storage account of the site's (the AWS sites' logs go to S3).
        if (spec.AccessLogs && spec.Layer != LoadBalancerLayers.Network)
            _ = new AzureAccessLogStorage(name, new AzureAccessLogStorageArgs
            {
                ResourceGroupName = network.ResourceGroupName,
                Location = azure.Location!,
                NamePrefix = AccessLogStoragePrefix(stack, azure),
                GatewayId = balancer.LoadBalancerId,
                Replication = zones.Count > 1 ? "ZRS" : "LRS",
                Tags = tags,
            }, edge);

        var pools = balancer.BackendAddressPoolIdsByPool().Apply(ids => ids.Values.ToImmutableArray());
        var application = spec.Layer != LoadBalancerLayers.Network;
        var firstPool = stack.FirstPool();
        var scaleSet = new AzureScaleSet(name, new AzureScaleSetArgs
        {
            Scaling = stack.ScalingWithSchedule()!,
            HealthCheck = spec.Pools[firstPool].HealthCheck,
            ResourceGroupName = network.ResourceGroupName,
            Location = azure.Location!,
            Zones = [.. zones],
            SubnetId = network.BackendSubnetId,
            VmSize = azure.VmSize,
            Image = azure.Image,
            AdminUsername = azure.AdminUsername,
            SshPublicKey = azure.SshPublicKey!,
            // A script the plan cannot decrypt reaches the scale set as an unknown secret, never as the placeholder.
            UserData = SecretValues.IsUndecrypted(service.UserData) ? null : service.UserData,
            SecretUserData = SecretValues.IsUndecrypted(service.UserData) ? (Input<string>)SecretValues.Unknown() : null,
            ApplicationGatewayBackendAddressPoolIds = application ? pools : new InputList<string>(),
            LoadBalancerBackendAddressPoolIds = application ? new InputList<string>() : pools,
            // A Standard Load Balancer's probe decides instance health; behind an Application Gateway the
            // scale set's own health extension does.
            HealthProbeId = application ? null : (Input<string>)balancer.HealthProbeIdsByPool().Apply(ids => ids[firstPool]),
            Tags = tags,
        }, inLocation);

        var monitoring = new AzureServiceMonitoring(name, new AzureServiceMonitoringArgs
        {
            Alerts = service.Alerts,
            Layer = spec.Layer,
            ResourceGroupName = network.ResourceGroupName,
            Location = azure.Location!,
            LoadBalancerId = balancer.LoadBalancerId,
            ScaleSetId = scaleSet.ScaleSetId,
            AutoscaleSettingId = scaleSet.AutoscaleSettingId,
            ScaleSetMaxSize = service.Scaling!.MaxSize,
            TypicalRequestsPerMinute = azure.TypicalRequestsPerMinute,
            AlertEmails = azure.AlertEmails,
            ActionGroupId = azure.ActionGroupId is { } group ? (Input<string>)group : null,
            Tags = tags,
        }, inLocation);

        var hostname = balancer.Fqdn;
        return new BuiltSite(site, provider, new SiteEdge(null, null, hostname, balancer.PublicIpId.Apply(id => id ?? "")),
            new Dictionary<string, object?>
            {
                ["url"] = Output.Format($"https://{hostname}"),
                ["dashboard"] = monitoring.DashboardId,
            })
        {
            ResourceGroupName = network.ResourceGroupName,
        };
    }

    /// <summary>Start of the access-log storage account's name: service, stack and location, fitted to
    /// Azure's lower-case letters and digits (a random suffix ends the name).</summary>
    public static string AccessLogStoragePrefix(StackSettings stack, AzureSiteSettings site)
        => NameFitting.Fit(NameRules.AzureStorageAccount with { MaxLength = AzureAccessLogStorageArgs.MaxNamePrefixLength },
            Letters($"{stack.Service.Name}{stack.StackName}{site.Key}"),
            Letters($"{stack.Service.Name}{stack.StackName}{SiteAbbreviations.ForAzureLocation(site.Location ?? "") ?? site.Key}"));

    private static string Letters(string text) => new([.. text.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);

    /// <summary>Name of the site's components, e.g. web-eastus.</summary>
    public static string ComponentName(StackSettings stack, SiteSettings site) => $"{stack.Service.Name}-{site.Key}";

    /// <summary>The network args of the site: its own, in the site's location.</summary>
    private static AzureNetworkArgs NetworkOf(AzureSiteSettings site)
    {
        var written = site.Network ?? new AzureNetworkArgs();
        return new AzureNetworkArgs
        {
            Location = site.Location ?? "",
            ResourceGroupName = written.ResourceGroupName,
            AddressSpace = written.AddressSpace,
            Zones = written.Zones,
            NatGateway = written.NatGateway,
            Tags = written.Tags,
        };
    }

    /// <summary>The zones the site's resources use: the network's, or the location's default.</summary>
    private static IReadOnlyList<string> ZonesOf(AzureSiteSettings site)
        => site.Network?.Zones ?? AzureLocations.DefaultZones(site.Location ?? "");

    /// <summary>Longest site component name: Azure's 63-character DNS label minus the 7-character random suffix.</summary>
    public const int MaxComponentNameLength = 63 - 7;

    [GeneratedRegex(@"^(ssh-(ed25519|rsa|dss)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com) [A-Za-z0-9+/]+={0,3}( .*)?$")]
    private static partial Regex SshPublicKeyShape();

    [GeneratedRegex(@"^https://[a-z0-9-]{3,24}\.vault\.(azure\.net|azure\.cn|usgovcloudapi\.net)/secrets/[A-Za-z0-9-]{1,127}(/[a-f0-9]{32})?/?$")]
    private static partial Regex KeyVaultSecretId();

    [GeneratedRegex(@"^/subscriptions/[0-9a-fA-F-]{36}/resourceGroups/[^/]+/providers/Microsoft\.ManagedIdentity/userAssignedIdentities/[^/]+$", RegexOptions.IgnoreCase)]
    private static partial Regex UserAssignedIdentityId();
}
