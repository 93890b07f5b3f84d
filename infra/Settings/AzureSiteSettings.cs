using Infra.Components.Autoscaling.Azure;
using Infra.Components.Networking.Azure;

namespace Infra.Settings;

/// <summary>An Azure location the service runs in (<c>{cloud: azure, location: ..., network: ...}</c>).</summary>
public sealed class AzureSiteSettings : SiteSettings
{
    /// <summary>Azure location by its programmatic name, e.g. "eastus". Required.</summary>
    public string? Location { get; set; }

    /// <inheritdoc />
    public override string? Where => Location;

    /// <summary>The location's network: address space, zones, NAT gateway, an existing resource group
    /// (its location is the site's). Default: the <see cref="AzureNetworkArgs"/> defaults (10.0.0.0/16,
    /// every zone of the location, a NAT gateway, a resource group of its own).</summary>
    public AzureNetworkArgs? Network { get; set; }

    /// <summary>Key Vault secret id of the certificate the HTTPS listeners serve here, e.g.
    /// <c>https://web-prod.vault.azure.net/secrets/www</c>. Default: the certificateId written on the listener.</summary>
    public string? CertificateId { get; set; }

    /// <summary>Resource id of a user-assigned managed identity that may read <see cref="CertificateId"/>
    /// from its Key Vault (Application Gateway reads certificates only through one). Required with HTTPS listeners.</summary>
    public string? IdentityId { get; set; }

    /// <summary>VM size of the instances. Default: "Standard_B2s".</summary>
    public string VmSize { get; set; } = "Standard_B2s";

    /// <summary>Marketplace image of the instances. Default: Ubuntu 22.04 LTS (gen2).</summary>
    public AzureImageSpec Image { get; set; } = new();

    /// <summary>Admin user of the instances (password login is always off). Default: "azureuser".</summary>
    public string AdminUsername { get; set; } = "azureuser";

    /// <summary>OpenSSH public key of the admin user. Required.</summary>
    public string? SshPublicKey { get; set; }

    /// <summary>Addresses the alerts are mailed to (an action group is created). Default: none.</summary>
    public List<string> AlertEmails { get; set; } = [];

    /// <summary>An existing action group the alerts notify instead. Default: none.</summary>
    public string? ActionGroupId { get; set; }

    /// <summary>Requests per minute the Application Gateway typically serves: Azure metric alerts cannot
    /// divide two metrics, so infra:service.alerts.serverErrorRatePercent becomes a 5xx count from it.
    /// Required with layer application.</summary>
    public int? TypicalRequestsPerMinute { get; set; }
}
