using System.Collections.Immutable;

namespace Infra.Components.Monitoring.Aws;

/// <summary>
/// Who writes load balancer access logs into a bucket, per region (AWS docs, "Enable access logs for your
/// Application Load Balancer", step 2 "Attach a policy to your S3 bucket"): in regions available before
/// August 2022 the regional Elastic Load Balancing account; in newer regions the log-delivery service principal.
/// </summary>
public static class ElbLogDeliveryAccounts
{
    /// <summary>The service principal that delivers logs in regions without an ELB account.</summary>
    public const string ServicePrincipal = "logdelivery.elasticloadbalancing.amazonaws.com";

    /// <summary>The Elastic Load Balancing account of each region that has one, as the AWS docs list them
    /// (the same table the AWS provider's <c>aws:elb/getServiceAccount</c> answers from).</summary>
    public static readonly ImmutableSortedDictionary<string, string> ByRegion = new Dictionary<string, string>
    {
        ["us-east-1"] = "127311923021",
        ["us-east-2"] = "033677994240",
        ["us-west-1"] = "027434742980",
        ["us-west-2"] = "797873946194",
        ["af-south-1"] = "098369216593",
        ["ap-east-1"] = "754344448648",
        ["ap-southeast-3"] = "589379963580",
        ["ap-south-1"] = "718504428378",
        ["ap-northeast-3"] = "383597477331",
        ["ap-northeast-2"] = "600734575887",
        ["ap-southeast-1"] = "114774131450",
        ["ap-southeast-2"] = "783225319266",
        ["ap-northeast-1"] = "582318560864",
        ["ca-central-1"] = "985666609251",
        ["eu-central-1"] = "054676820928",
        ["eu-west-1"] = "156460612806",
        ["eu-west-2"] = "652711504416",
        ["eu-south-1"] = "635631232127",
        ["eu-west-3"] = "009996457667",
        ["eu-north-1"] = "897822967062",
        ["me-south-1"] = "076674570225",
        ["sa-east-1"] = "507241528517",
        ["us-gov-west-1"] = "048591011584",
        ["us-gov-east-1"] = "190560391635",
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);

    /// <summary>Whether logs in <paramref name="region"/> are written by a regional ELB account (else by <see cref="ServicePrincipal"/>).</summary>
    public static bool HasAccount(string region) => ByRegion.ContainsKey(region);
}
