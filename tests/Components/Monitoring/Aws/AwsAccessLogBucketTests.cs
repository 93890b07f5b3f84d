using System.Text.Json;
using Infra.Components.Monitoring.Aws;
using Infra.Tests.Harness;
using Xunit;

namespace Infra.Tests.Components.Monitoring.Aws;

[Collection(Infra.Tests.Sdk.EngineCollection.Name)]
public sealed class AwsAccessLogBucketTests
{
    private const string Component = "infra:monitoring:AwsAccessLogBucket::logs";

    private static AwsAccessLogBucketArgs Args(string region = "us-east-1") => new()
    {
        NamePrefix = "web-prod-us-east-1-lb-logs",
        Region = region,
        LogPrefix = "web-us-east-1",
        RetentionDays = 30,
        Tags = { ["service"] = "web" },
    };

    private static Task<TestRun> Run(AwsAccessLogBucketArgs args, bool preview = false)
        => PulumiTest.RunAsync(() => new AwsAccessLogBucket("logs", args), preview);

    private static JsonElement Policy(TestRun run)
        => JsonDocument.Parse((string)run.Single("aws:s3/bucketPolicy:BucketPolicy", "logs-policy").Input("policy")!).RootElement;

    [Fact]
    public async Task Creates_a_private_sse_s3_bucket_with_lifecycle_and_ownership_under_the_component()
    {
        var run = await Run(Args());

        var bucket = run.Single("aws:s3/bucket:Bucket", "logs-bucket");
        Assert.Equal(Component, bucket.Parent);
        var name = Assert.IsType<string>(bucket.Input("bucket"));
        Assert.Matches("^web-prod-us-east-1-lb-logs-[0-9a-f]{8}$", name);
        Assert.True(name.Length <= 63);
        Assert.Equal(4.0, run.Single("random:index/randomId:RandomId", "logs-suffix").Number("byteLength"));
        Assert.Equal("web", bucket.Input("tags.service"));
        Assert.Equal(false, bucket.Input("forceDestroy"));

        var block = run.Single("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "logs-public-access");
        Assert.All(new[] { "blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets" }, k => Assert.Equal(true, block.Input(k)));
        Assert.Equal("logs-bucket-id", block.Input("bucket"));
        Assert.Equal("AES256", run.Single("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "logs-encryption")
            .Input("rules[0].applyServerSideEncryptionByDefault.sseAlgorithm"));
        Assert.Equal("BucketOwnerEnforced", run.Single("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "logs-ownership").Input("rule.objectOwnership"));
        var lifecycle = run.Single("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "logs-lifecycle");
        Assert.Equal("Enabled", lifecycle.Input("rules[0].status"));
        Assert.Equal(30.0, lifecycle.Number("rules[0].expiration.days"));
        Assert.All(run.Resources.Where(r => r.Custom), r => Assert.Equal(Component, r.Parent));
    }

    [Theory]
    [InlineData("us-east-1", "arn:aws:iam::127311923021:root")]
    [InlineData("us-west-2", "arn:aws:iam::797873946194:root")]
    [InlineData("eu-west-1", "arn:aws:iam::156460612806:root")]
    public async Task Regions_with_an_elb_account_let_that_account_write(string region, string principal)
    {
        var run = await Run(Args(region));

        var allow = Policy(run).GetProperty("Statement")[0];
        Assert.Equal(principal, allow.GetProperty("Principal").GetProperty("AWS").GetString());
        Assert.Equal("s3:PutObject", allow.GetProperty("Action").GetString());
        // The bucket's ARN (the mocks' answer) followed by the load balancer's prefix.
        Assert.EndsWith(":logs-bucket/web-us-east-1/AWSLogs/*", allow.GetProperty("Resource").GetString(), StringComparison.Ordinal);
        Assert.Contains(run.Mocks.Calls, c => c.Token == "aws:elb/getServiceAccount:getServiceAccount");
    }

    [Fact]
    public async Task Newer_regions_let_the_log_delivery_service_principal_write_and_nobody_uses_the_bucket_without_tls()
    {
        var run = await Run(Args("ap-southeast-4"));

        var statements = Policy(run).GetProperty("Statement");
        Assert.Equal("logdelivery.elasticloadbalancing.amazonaws.com", statements[0].GetProperty("Principal").GetProperty("Service").GetString());
        Assert.DoesNotContain(run.Mocks.Calls, c => c.Token == "aws:elb/getServiceAccount:getServiceAccount");
        Assert.Equal("Deny", statements[1].GetProperty("Effect").GetString());
        Assert.Equal("false", statements[1].GetProperty("Condition").GetProperty("Bool").GetProperty("aws:SecureTransport").GetString());
    }

    [Fact]
    public async Task Refuses_bad_names_prefixes_and_retention_with_every_problem_at_once()
    {
        var error = await PulumiTest.FailureAsync(() => new AwsAccessLogBucket("logs", new AwsAccessLogBucketArgs
        {
            NamePrefix = "Web_Logs",
            Region = "",
            LogPrefix = "x/AWSLogs",
            RetentionDays = 0,
        }));

        Assert.Contains("namePrefix = \"Web_Logs\": use 3 to 54 lower-case letters, digits and hyphens", error, StringComparison.Ordinal);
        Assert.Contains("region = \"\": name the region of the load balancers", error, StringComparison.Ordinal);
        Assert.Contains("logPrefix = \"x/AWSLogs\": drop AWSLogs", error, StringComparison.Ordinal);
        Assert.Contains("retentionDays = 0: keep logs 1 to 3650 days", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_plans_the_same_children()
    {
        var run = await Run(Args(), preview: true);
        Assert.Equal(7, run.Resources.Count(r => r.Custom));
        Assert.Equal(1, run.Count("aws:s3/bucketPolicy:BucketPolicy"));
    }
}
