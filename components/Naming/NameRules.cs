using System.Text.RegularExpressions;

namespace Infra.Components.Naming;

/// <summary>The name rules of each kind of resource whose name the components choose.</summary>
public static partial class NameRules
{
    /// <summary>Characters Pulumi's auto-naming appends to a logical name: "-" and 7 random characters.</summary>
    public const int PulumiAutoSuffix = 8;

    /// <summary>AWS load balancer names: 1 to 32 letters, digits and hyphens, no hyphen at either end
    /// (Elastic Load Balancing API reference, CreateLoadBalancer, Name).</summary>
    public static readonly NameRule AwsLoadBalancer = new("AWS load balancer", 32, AwsElbName(), PulumiAutoSuffix, false,
        "Elastic Load Balancing API reference, CreateLoadBalancer: Name");

    /// <summary>AWS target group names: the same rule as load balancers (CreateTargetGroup, Name).</summary>
    public static readonly NameRule AwsTargetGroup = new("AWS target group", 32, AwsElbName(), PulumiAutoSuffix, false,
        "Elastic Load Balancing API reference, CreateTargetGroup: Name");

    /// <summary>CloudWatch dashboard names: up to 255 letters, digits, '-' and '_', unique per account and
    /// region (CloudWatch API reference, PutDashboard, DashboardName). Given explicitly.</summary>
    public static readonly NameRule CloudWatchDashboard = new("CloudWatch dashboard", 255, CloudWatchDashboardName(), 0, false,
        "CloudWatch API reference, PutDashboard: DashboardName");

    /// <summary>Kubernetes object names that are DNS-1123 labels (Services, and the names derived from them):
    /// up to 63 lower-case letters, digits and '-', starting with a letter, ending with a letter or digit
    /// (Kubernetes docs, "Object Names and IDs": RFC 1035 label names).</summary>
    public static readonly NameRule KubernetesLabel = new("Kubernetes object", 63, DnsLabel(), 0, true,
        "Kubernetes documentation, Object Names and IDs: RFC 1035 Label Names");

    /// <summary>Azure public IP DNS name labels: 3 to 63 lower-case letters, digits and hyphens, starting
    /// with a letter and ending with a letter or digit, unique in the location (Azure docs, "Public IP
    /// addresses": DNS name label).</summary>
    public static readonly NameRule AzureDnsLabel = new("Azure public IP DNS label", 63, DnsLabel(), 0, true,
        "Azure documentation, Public IP addresses: DNS name label");

    /// <summary>Azure storage account names: 3 to 24 lower-case letters and digits, globally unique (Azure
    /// docs, "Naming rules and restrictions for Azure resources": Microsoft.Storage/storageAccounts).</summary>
    public static readonly NameRule AzureStorageAccount = new("Azure storage account", 24, StorageAccountName(), 0, true,
        "Azure documentation, Naming rules and restrictions for Azure resources: Microsoft.Storage storageAccounts");

    /// <summary>Azure resource group names: 1 to 90 letters, digits, '_', '-', '.', '(' and ')', not ending
    /// in '.' (same page: Microsoft.Resources resourcegroups). Auto-named by Pulumi.</summary>
    public static readonly NameRule AzureResourceGroup = new("Azure resource group", 90, ResourceGroupName(), PulumiAutoSuffix, false,
        "Azure documentation, Naming rules and restrictions for Azure resources: Microsoft.Resources resourcegroups");

    /// <summary>Every rule, for tests and messages.</summary>
    public static readonly IReadOnlyList<NameRule> All =
        [AwsLoadBalancer, AwsTargetGroup, CloudWatchDashboard, KubernetesLabel, AzureDnsLabel, AzureStorageAccount, AzureResourceGroup];

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$")]
    private static partial Regex AwsElbName();

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex CloudWatchDashboardName();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[a-z0-9]{3,24}$")]
    private static partial Regex StorageAccountName();

    [GeneratedRegex(@"^[-\w._()]*[-\w_()]$")]
    private static partial Regex ResourceGroupName();
}
