using Infra.Components.Common;
using Pulumi;
using Pulumi.Azure.Monitoring;
using Pulumi.Azure.Monitoring.Inputs;
using Pulumi.Azure.Storage;
using Pulumi.Random;

namespace Infra.Components.Monitoring.Azure;

/// <summary>
/// Keeps an Application Gateway's access log: a storage account of its own (HTTPS only, TLS 1.2, no
/// public blobs, no shared-key access, named with a random suffix because storage account names are
/// global) and a diagnostic setting that sends the gateway's <c>ApplicationGatewayAccessLog</c> to it.
/// The Azure counterpart of the S3 bucket an AWS load balancer logs to.
/// </summary>
/// <remarks>Azure Monitor no longer applies a retention to logs kept in storage (the diagnostic setting's
/// retention policy was retired in 2025); expiring them takes a storage lifecycle management policy,
/// which this component does not create yet, so the logs are kept until deleted.</remarks>
public sealed class AzureAccessLogStorage : ComponentResource
{
    /// <summary>Type token of this component.</summary>
    public const string TypeToken = "infra:monitoring:AzureAccessLogStorage";

    /// <summary>The diagnostic log category of Application Gateway requests.</summary>
    public const string AccessLogCategory = "ApplicationGatewayAccessLog";

    /// <summary>Resource id of the storage account the log goes to.</summary>
    [Output("storageAccountId")] public Output<string> StorageAccountId { get; private set; }

    /// <summary>Name of the storage account.</summary>
    [Output("storageAccountName")] public Output<string> StorageAccountName { get; private set; }

    /// <summary>Validates <paramref name="args"/>, reporting every problem at once, then creates the
    /// storage account and the diagnostic setting as children of this component.</summary>
    public AzureAccessLogStorage(string name, AzureAccessLogStorageArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        InvalidSpecException.ThrowIfAny($"AzureAccessLogStorage \"{name}\"", args.FindProblems());
        var child = new CustomResourceOptions { Parent = this };

        var suffix = new RandomString($"{name}-suffix", new RandomStringArgs
        {
            Length = AzureAccessLogStorageArgs.SuffixLength,
            Special = false,
            Upper = false,
            Lower = true,
            Numeric = true,
        }, child);
        var accountArgs = new AccountArgs
        {
            Name = suffix.Result.Apply(random => args.NamePrefix + random),
            ResourceGroupName = args.ResourceGroupName!,
            Location = args.Location,
            AccountTier = "Standard",
            AccountReplicationType = args.Replication,
            AccountKind = "StorageV2",
            HttpsTrafficOnlyEnabled = true,
            MinTlsVersion = "TLS1_2",
            AllowNestedItemsToBePublic = false,
            // Azure Monitor writes with its own identity; nothing needs the account keys.
            SharedAccessKeyEnabled = false,
            CrossTenantReplicationEnabled = false,
        };
        foreach (var (key, value) in args.Tags)
            accountArgs.Tags[key] = value;
        var account = new Account($"{name}-logs", accountArgs, child);

        _ = new DiagnosticSetting($"{name}-access-log", new DiagnosticSettingArgs
        {
            Name = "access-log",
            TargetResourceId = args.GatewayId!,
            StorageAccountId = account.Id,
            EnabledLogs = { new DiagnosticSettingEnabledLogArgs { Category = AccessLogCategory } },
        }, child);

        StorageAccountId = account.Id;
        StorageAccountName = account.Name;
        RegisterOutputs();
    }
}
