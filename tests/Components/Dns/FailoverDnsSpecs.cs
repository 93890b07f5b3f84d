using Infra.Components.Dns;
using Infra.Components.HealthChecks;
using Infra.Components.LoadBalancing;

namespace Infra.Tests.Components.Dns;

/// <summary>Failover DNS specs the DNS and drill tests start from, each a small valid stack that a test then bends.</summary>
public static class FailoverDnsSpecs
{
    /// <summary>Route 53 hosted zone of example.com.</summary>
    public const string ZoneId = "Z0123456789EXAMPLE";

    /// <summary>The name clients resolve.</summary>
    public const string RecordName = "www.example.com";

    /// <summary>DNS name and hosted zone of the us-east-1 load balancer (standing in for AwsLoadBalancer outputs).</summary>
    public const string EastDnsName = "web-use1-1234567890.us-east-1.elb.amazonaws.com", EastZoneId = "Z35SXDOTRQ7X7K";

    /// <summary>DNS name and hosted zone of the us-west-2 load balancer.</summary>
    public const string WestDnsName = "web-usw2-0987654321.us-west-2.elb.amazonaws.com", WestZoneId = "Z1H1FL5HABSF5";

    /// <summary>Hostname of the Azure deployment in West Europe.</summary>
    public const string AzureHostname = "web-weu.westeurope.cloudapp.azure.com";

    /// <summary>Resource id of the Azure deployment's public IP.</summary>
    public const string AzurePublicIpId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/web-weu/providers/Microsoft.Network/publicIPAddresses/web-weu";

    /// <summary>On-call topic of the other alarms.</summary>
    public const string TopicArn = "arn:aws:sns:us-east-1:123456789012:web-prod-oncall";

    /// <summary>The load balancer of each region: HTTP on 80 redirecting to HTTPS on 443, one pool on 8080 checked on /healthz.</summary>
    public static LoadBalancerSpec RegionalLoadBalancer() => new()
    {
        Public = true,
        AllowedCidrs = ["0.0.0.0/0"],
        Listeners =
        {
            ["http"] = new ListenerSpec { Protocol = ListenerProtocols.Http, Port = 80 },
            ["https"] = new ListenerSpec { Protocol = ListenerProtocols.Https, Port = 443, CertificateId = "arn:aws:acm:us-east-1:123456789012:certificate/web" },
        },
        Pools = { ["web"] = new BackendPoolSpec { Port = 8080, HealthCheck = new HealthCheckSpec { Path = "/healthz", IntervalSeconds = 10, UnhealthyThreshold = 2 } } },
    };

    /// <summary>The us-east-1 load balancer as an endpoint.</summary>
    public static DnsEndpointSpec East() => new()
    {
        Name = "use1",
        Kind = DnsEndpointKinds.AwsLoadBalancer,
        DnsName = EastDnsName,
        ZoneId = EastZoneId,
        Region = "us-east-1",
        LoadBalancer = RegionalLoadBalancer(),
    };

    /// <summary>The us-west-2 load balancer as an endpoint.</summary>
    public static DnsEndpointSpec West() => new()
    {
        Name = "usw2",
        Kind = DnsEndpointKinds.AwsLoadBalancer,
        DnsName = WestDnsName,
        ZoneId = WestZoneId,
        Region = "us-west-2",
        LoadBalancer = RegionalLoadBalancer(),
    };

    /// <summary>The Azure deployment given by its hostname.</summary>
    public static DnsEndpointSpec AzureByHostname() => new()
    {
        Name = "azure-weu",
        Kind = DnsEndpointKinds.AzureEndpoint,
        Hostname = AzureHostname,
        Region = "westeurope",
    };

    /// <summary>
    /// Prod: www.example.com in Route 53, primary in us-east-1 and secondary in us-west-2, both ALBs
    /// checked over HTTPS on /healthz every 10 s, unhealthy after 3 failures, failover within 2 minutes,
    /// a calculated check paging when no region is healthy, alarms to on-call.
    /// </summary>
    public static FailoverDnsArgs TwoAwsRegions() => new()
    {
        Spec = new FailoverDnsSpec
        {
            RecordName = RecordName,
            ZoneId = ZoneId,
            Endpoints = [East(), West()],
            HealthCheck = new HealthCheckSpec { Protocol = HealthCheckProtocols.Https, Path = "/healthz", IntervalSeconds = 10, UnhealthyThreshold = 3 },
            CheckerRegions = ["us-east-1", "us-west-2", "eu-west-1"],
            MinHealthyEndpoints = 1,
            TargetRtoSeconds = 120,
        },
        AlarmTopicArn = TopicArn,
    };

    /// <summary>Cross-cloud in Route 53: primary the us-east-1 ALB, secondary the Azure deployment by
    /// hostname; TTL 30 s so that failover takes a minute.</summary>
    public static FailoverDnsArgs AwsToAzure()
    {
        var args = TwoAwsRegions();
        args.Spec.Endpoints = [East(), AzureByHostname()];
        args.Spec.TtlSeconds = 30;
        args.Spec.MinHealthyEndpoints = null;
        return args;
    }

    /// <summary>The same cross-cloud failover answered by Traffic Manager in resource group rg-dns.</summary>
    public static FailoverDnsArgs AwsToAzureInTrafficManager()
    {
        var args = AwsToAzure();
        args.Spec.DnsHost = DnsHosts.TrafficManager;
        args.Spec.ZoneId = null;
        args.Spec.CheckerRegions = [];
        args.AlarmTopicArn = null;
        args.ResourceGroupName = "rg-dns";
        args.RelativeName = "web-example";
        return args;
    }
}
