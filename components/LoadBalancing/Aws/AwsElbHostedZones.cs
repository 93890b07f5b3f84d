using System.Collections.Immutable;

namespace Infra.Components.LoadBalancing.Aws;

/// <summary>
/// The Route 53 hosted zone of Elastic Load Balancing in each commercial AWS region: what a load
/// balancer reports as its <c>zoneId</c> and what a Route 53 alias to it must name. Application (and
/// Classic) and Network Load Balancers use different zones. Public facts, as published in the AWS
/// General Reference, "Elastic Load Balancing endpoints and quotas"
/// (https://docs.aws.amazon.com/general/latest/gr/elb.html#elb_region).
/// </summary>
public static class AwsElbHostedZones
{
    /// <summary>Hosted zone ids of Application (and Classic) Load Balancers, by region.</summary>
    public static readonly ImmutableSortedDictionary<string, string> Application = new Dictionary<string, string>
    {
        ["af-south-1"] = "Z268VQBMOI5EKX",
        ["ap-east-1"] = "Z3DQVH9N71FHZ0",
        ["ap-northeast-1"] = "Z14GRHDCWA56QT",
        ["ap-northeast-2"] = "ZWKZPGTI48KDX",
        ["ap-northeast-3"] = "Z5LXEXXYW11ES",
        ["ap-south-1"] = "ZP97RAFLXTNZK",
        ["ap-south-2"] = "Z0173938T07WNTVAEPZN",
        ["ap-southeast-1"] = "Z1LMS91P8CMLE5",
        ["ap-southeast-2"] = "Z1GM3OXH4ZPM65",
        ["ap-southeast-3"] = "Z08888821HLRG5A9ZRTER",
        ["ca-central-1"] = "ZQSVJUPU6J1EY",
        ["eu-central-1"] = "Z215JYRZR1TBD5",
        ["eu-central-2"] = "Z06391101F2ZOEP8P5EB3",
        ["eu-north-1"] = "Z23TAZ6LKFMNIO",
        ["eu-south-1"] = "Z3ULH7SSC9OV64",
        ["eu-south-2"] = "Z0956581394HF5D5LXGAP",
        ["eu-west-1"] = "Z32O12XQLNTSW2",
        ["eu-west-2"] = "ZHURV8PSTC4K8",
        ["eu-west-3"] = "Z3Q77PNBQS71R4",
        ["me-central-1"] = "Z08230872XQRWHG2XF6I",
        ["me-south-1"] = "ZS929ML54UICD",
        ["sa-east-1"] = "Z2P70J7HTTTPLU",
        ["us-east-1"] = "Z35SXDOTRQ7X7K",
        ["us-east-2"] = "Z3AADJGX6KTTL2",
        ["us-west-1"] = "Z368ELLRRE2KJ0",
        ["us-west-2"] = "Z1H1FL5HABSF5",
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);

    /// <summary>Hosted zone ids of Network Load Balancers, by region.</summary>
    public static readonly ImmutableSortedDictionary<string, string> Network = new Dictionary<string, string>
    {
        ["af-south-1"] = "Z203XCE67M25HM",
        ["ap-east-1"] = "Z12Y7K3UBGUAD1",
        ["ap-northeast-1"] = "Z31USIVHYNEOWT",
        ["ap-northeast-2"] = "ZIBE1TIR4HY56",
        ["ap-northeast-3"] = "Z1GWIQ4HH19I5X",
        ["ap-south-1"] = "ZVDDRBQ08TROA",
        ["ap-south-2"] = "Z0711778386UTO08407HT",
        ["ap-southeast-1"] = "ZKVM4W9LS7TM",
        ["ap-southeast-2"] = "ZCT6FZBF4DROD",
        ["ap-southeast-3"] = "Z01971771FYVNCOVWJU1G",
        ["ca-central-1"] = "Z2EPGBW3API2WT",
        ["eu-central-1"] = "Z3F0SRJ5LGBH90",
        ["eu-central-2"] = "Z02239872DOALSIDCX66S",
        ["eu-north-1"] = "Z1UDT6IFJ4EJM",
        ["eu-south-1"] = "Z23146JA1KNAFP",
        ["eu-south-2"] = "Z1011216NVTVYADP1SSV",
        ["eu-west-1"] = "Z2IFOLAFXWLO4F",
        ["eu-west-2"] = "ZD4D7Y8KGAS4G",
        ["eu-west-3"] = "Z1CMS0P5QUZ6D5",
        ["me-central-1"] = "Z00282643NTTLPANJJG2P",
        ["me-south-1"] = "Z3QSRYVP46NYYV",
        ["sa-east-1"] = "ZTK26PT1VY4CU",
        ["us-east-1"] = "Z26RNL4JYFTOTI",
        ["us-east-2"] = "ZLMOA37VPKANP",
        ["us-west-1"] = "Z24FKFUX50B4VW",
        ["us-west-2"] = "Z18D5FSROUN65G",
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);

    /// <summary>The hosted zone of a load balancer of <paramref name="loadBalancerType"/>
    /// ("application" or "network", as <c>aws.lb.LoadBalancer.loadBalancerType</c>) in
    /// <paramref name="region"/>, or null for a region not listed here.</summary>
    public static string? For(string region, string loadBalancerType)
        => (loadBalancerType == "network" ? Network : Application).GetValueOrDefault(region);
}
