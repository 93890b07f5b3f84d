using System.Text.Json;
using Infra.Components.Common;
using Pulumi;
using Pulumi.Aws.S3;
using Pulumi.Aws.S3.Inputs;
using Pulumi.Random;

namespace Infra.Components.Monitoring.Aws;

/// <summary>
/// An S3 bucket load balancers write access logs to (AWS docs, "Enable access logs for your Application
/// Load Balancer"): private (public access blocked, ACLs disabled), encrypted with SSE-S3 (the only
/// encryption ELB log delivery supports), logs expired after the retention, and a policy letting only
/// Elastic Load Balancing write (the region's ELB account, or the log-delivery service principal in newer
/// regions) and refusing requests without TLS.
/// </summary>
public sealed class AwsAccessLogBucket : ComponentResource
{
    /// <summary>Name of the bucket, for a load balancer's <c>accessLogs.bucket</c>; it resolves once the bucket's
    /// policy and encryption are in place, so a load balancer using it is created after them (ELB checks it may write).</summary>
    [Output("bucketName")] public Output<string> BucketName { get; private set; }

    /// <summary>ARN of the bucket.</summary>
    [Output("bucketArn")] public Output<string> BucketArn { get; private set; }

    /// <summary>Validates <paramref name="args"/> and creates the bucket and its settings.</summary>
    public AwsAccessLogBucket(string name, AwsAccessLogBucketArgs args, ComponentResourceOptions? options = null)
        : base("infra:monitoring:AwsAccessLogBucket", name, options)
    {
        InvalidSpecException.ThrowIfAny($"AwsAccessLogBucket \"{name}\"", args.FindProblems());
        var child = new CustomResourceOptions { Parent = this };

        // Bucket names are global across all AWS accounts: a random suffix, fixed once created.
        var suffix = new RandomId($"{name}-suffix", new RandomIdArgs { ByteLength = 4 }, child);
        var bucket = new Bucket($"{name}-bucket", new BucketArgs
        {
            BucketName = Output.Format($"{args.NamePrefix}-{suffix.Hex}"),
            ForceDestroy = args.ForceDestroy,
            Tags = args.Tags.ToDictionary(),
        }, child);

        var publicAccess = new BucketPublicAccessBlock($"{name}-public-access", new BucketPublicAccessBlockArgs
        {
            Bucket = bucket.Id,
            BlockPublicAcls = true,
            BlockPublicPolicy = true,
            IgnorePublicAcls = true,
            RestrictPublicBuckets = true,
        }, child);

        // ACLs off: every log object belongs to the bucket owner.
        var ownership = new BucketOwnershipControls($"{name}-ownership", new BucketOwnershipControlsArgs
        {
            Bucket = bucket.Id,
            Rule = new BucketOwnershipControlsRuleArgs { ObjectOwnership = "BucketOwnerEnforced" },
        }, child);

        var encryption = new BucketServerSideEncryptionConfiguration($"{name}-encryption", new Pulumi.Aws.S3.BucketServerSideEncryptionConfigurationArgs
        {
            Bucket = bucket.Id,
            Rules =
            {
                new BucketServerSideEncryptionConfigurationRuleArgs
                {
                    // SSE-S3: ELB access log delivery supports no other encryption (SSE-KMS fails delivery).
                    ApplyServerSideEncryptionByDefault = new BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs { SseAlgorithm = "AES256" },
                },
            },
        }, child);

        new BucketLifecycleConfiguration($"{name}-lifecycle", new BucketLifecycleConfigurationArgs
        {
            Bucket = bucket.Id,
            Rules =
            {
                new BucketLifecycleConfigurationRuleArgs
                {
                    Id = "expire-access-logs",
                    Status = "Enabled",
                    Filter = new BucketLifecycleConfigurationRuleFilterArgs { Prefix = "" },
                    Expiration = new BucketLifecycleConfigurationRuleExpirationArgs { Days = args.RetentionDays },
                    AbortIncompleteMultipartUpload = new BucketLifecycleConfigurationRuleAbortIncompleteMultipartUploadArgs { DaysAfterInitiation = 1 },
                },
            },
        }, child);

        // Regions available before August 2022 deliver as the region's ELB account (asked of the provider,
        // aws:elb/getServiceAccount); newer regions as the log-delivery service principal.
        Output<Dictionary<string, object>> principal = ElbLogDeliveryAccounts.HasAccount(args.Region)
            ? Pulumi.Aws.Elb.GetServiceAccount.Invoke(new Pulumi.Aws.Elb.GetServiceAccountInvokeArgs { Region = args.Region }, new InvokeOptions { Parent = this })
                .Apply(account => new Dictionary<string, object> { ["AWS"] = account.Arn })
            : Output.Create(new Dictionary<string, object> { ["Service"] = ElbLogDeliveryAccounts.ServicePrincipal });
        var writable = args.LogPrefix is { } prefix ? $"{prefix}/AWSLogs/*" : "AWSLogs/*";
        var policy = new BucketPolicy($"{name}-policy", new BucketPolicyArgs
        {
            Bucket = bucket.Id,
            Policy = Output.Tuple(bucket.Arn, principal).Apply(t => PolicyDocument(t.Item1, t.Item2, writable)),
        }, new CustomResourceOptions { Parent = this, DependsOn = { publicAccess, ownership } });

        BucketName = Output.Tuple(bucket.BucketName, policy.Id, encryption.Id).Apply(t => t.Item1);
        BucketArn = bucket.Arn;
        RegisterOutputs(new Dictionary<string, object?> { ["bucketName"] = BucketName, ["bucketArn"] = BucketArn });
    }

    /// <summary>The bucket policy: ELB may put objects under <paramref name="writable"/>; nobody may use the bucket without TLS.</summary>
    public static string PolicyDocument(string bucketArn, IReadOnlyDictionary<string, object> principal, string writable)
        => JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new object[]
            {
                new Dictionary<string, object>
                {
                    ["Sid"] = "ElbLogDelivery",
                    ["Effect"] = "Allow",
                    ["Principal"] = principal,
                    ["Action"] = "s3:PutObject",
                    ["Resource"] = $"{bucketArn}/{writable}",
                },
                new Dictionary<string, object>
                {
                    ["Sid"] = "DenyInsecureTransport",
                    ["Effect"] = "Deny",
                    ["Principal"] = "*",
                    ["Action"] = "s3:*",
                    ["Resource"] = new[] { bucketArn, $"{bucketArn}/*" },
                    ["Condition"] = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, string> { ["aws:SecureTransport"] = "false" } },
                },
            },
        });
}
