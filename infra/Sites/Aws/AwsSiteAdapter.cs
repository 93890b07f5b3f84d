using Infra.Components.Autoscaling.Aws;
using Infra.Components.Common;
using Infra.Components.Dns;
using Infra.Components.LoadBalancing;
using Infra.Components.LoadBalancing.Aws;
using Infra.Components.Monitoring.Aws;
using Infra.Components.Naming;
using Infra.Components.Networking.Aws;
using Infra.Settings;
using Pulumi;
using Pulumi.Aws.Ec2;
using Pulumi.Aws.Ec2.Inputs;

namespace Infra.Sites.Aws;

/// <summary>
/// Runs a site in an AWS region: an explicit provider for the region, an <see cref="AwsNetwork"/>, an
/// <see cref="AwsLoadBalancer"/>, the instances' security group, an <see cref="AwsAutoscalingGroup"/>
/// and an <see cref="AwsServiceMonitoring"/>.
/// </summary>
public sealed class AwsSiteAdapter : SiteAdapter
{
    private const string ServiceAt = "infra:service";

    /// <inheritdoc />
    public override string Cloud => SiteClouds.Aws;

    /// <inheritdoc />
    public override IEnumerable<SpecProblem> FindServiceProblems(StackSettings stack)
    {
        var service = stack.Service;
        if (service.LoadBalancer is { } balancer)
            foreach (var problem in AwsLoadBalancerArgs.FindAwsProblems(balancer, $"{ServiceAt}.loadBalancer"))
                yield return problem;
        if (stack.ScalingWithSchedule() is { } scaling)
            // The group is always given its load balancer and target group here.
            foreach (var problem in AwsAutoscalingGroupArgs.FindAwsProblems(scaling, $"{ServiceAt}.scaling", knowsLoadBalancer: true))
                yield return problem;
        if (SecretValues.IsUndecrypted(service.UserData))
            SecretValues.CannotDecide($"{ServiceAt}.userData", $"that it fits EC2's {AwsAutoscalingGroupArgs.MaxUserDataBytes} bytes");
        else
            foreach (var problem in AwsAutoscalingGroupArgs.FindUserDataProblems(service.UserData, $"{ServiceAt}.userData"))
                yield return problem;
    }

    /// <inheritdoc />
    public override IEnumerable<SpecProblem> FindSiteProblems(StackSettings stack, SiteSettings site, string at)
    {
        var aws = (AwsSiteSettings)site;
        var service = stack.Service;
        if (string.IsNullOrWhiteSpace(aws.Region))
            yield return new($"{at}.region", aws.Region, "name the AWS region, e.g. us-east-1");
        foreach (var problem in AwsRegions.FindRegionProblems(aws.Region, $"{at}.region"))
            yield return problem;
        if (aws.Network is null)
            yield return new($"{at}.network", null, "describe the region's network, at least its availabilityZones");
        else
        {
            foreach (var problem in aws.Network.FindProblems($"{at}.network"))
                yield return problem;
            foreach (var problem in Cidrs.FindCanonicalProblems(aws.Network.CidrBlock, $"{at}.network.cidrBlock"))
                yield return problem;
            if (AwsRegions.IsRegion(aws.Region))
                foreach (var problem in AwsRegions.FindZoneProblems(aws.Region!, aws.Network.AvailabilityZones, $"{at}.network.availabilityZones"))
                    yield return problem;
        }

        var region = aws.Region ?? "";
        if (aws.ImageId is { } written && string.IsNullOrWhiteSpace(written))
            yield return new($"{at}.imageId", written, "name the AMI, e.g. resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64, or remove the key to use infra:service.imageId");
        else if (aws.ImageId is null && service.ImageId is { } shared && string.IsNullOrWhiteSpace(shared))
            yield return new($"{ServiceAt}.imageId", shared, "name the AMI the instances boot from, e.g. resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64");
        else if (aws.ImageId is null && service.ImageId is null)
            yield return new($"{at}.imageId", null,
                "name the AMI the instances boot from in this region (AMI ids are regional), e.g. resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64");
        var typeAt = aws.InstanceType is null ? $"{ServiceAt}.instanceType" : $"{at}.instanceType";
        var imageAt = aws.ImageId is null ? $"{ServiceAt}.imageId" : $"{at}.imageId";
        foreach (var problem in AwsAutoscalingGroupArgs.FindInstanceTypeProblems(InstanceType(stack, aws), typeAt))
            yield return problem;
        // The launch template takes an AMI id or resolve:ssm:<parameter> as ImageId; the parameter's
        // path names the architecture, which the instance family must match.
        foreach (var problem in AwsArchitectures.FindImageProblems(aws.ImageId ?? service.ImageId, imageAt))
            yield return problem;
        foreach (var problem in AwsArchitectures.FindArchitectureProblems(aws.ImageId ?? service.ImageId, InstanceType(stack, aws), typeAt, imageAt))
            yield return problem;

        if (region.Length > 0)
        {
            if (SecretValues.IsUndecrypted(aws.CertificateArn))
                SecretValues.CannotDecide($"{at}.certificateArn", $"that it is an ACM certificate in {region}");
            else
                foreach (var problem in AwsArn.FindProblems(aws.CertificateArn, "acm", "certificate/", region, $"{at}.certificateArn",
                             $"an ACM certificate in {region}: arn:aws:acm:{region}:111122223333:certificate/..."))
                    yield return problem;
            if (aws.CertificateArn is null && service.LoadBalancer is { } balancer)
                foreach (var (key, certificateId) in stack.ListenerCertificates)
                    foreach (var problem in AwsArn.FindProblems(certificateId, "acm", "certificate/", region,
                                 $"{ServiceAt}.loadBalancer.listeners.{key}.certificateId",
                                 $"an ACM certificate in {region} (or set certificateArn on the {region} site)"))
                        yield return problem;
            foreach (var problem in AwsArn.FindProblems(aws.AlarmTopicArn, "sns", null, region, $"{at}.alarmTopicArn",
                         $"an SNS topic in {region}: arn:aws:sns:{region}:111122223333:oncall"))
                yield return problem;
            if (aws.AlarmTopicArn is null)
                foreach (var problem in AwsArn.FindProblems(service.AlarmTopicArn, "sns", null, region, $"{ServiceAt}.alarmTopicArn",
                             $"an SNS topic in {region} (alarm actions stay in their region: set alarmTopicArn on the {region} site)"))
                    yield return problem;
        }

        if (service.LoadBalancer is { } spec)
            foreach (var problem in AwsResourceNames.FindProblems(ComponentName(stack, site), spec,
                         site.Name is null ? $"{ServiceAt}.name" : $"{at}.name", $"{ServiceAt}.loadBalancer.pools"))
                yield return problem;
    }

    /// <inheritdoc />
    /// <remarks>ACM certificates are regional: each region's listeners take that region's certificate.</remarks>
    public override LoadBalancerSpec? LoadBalancerOf(StackSettings stack, SiteSettings site)
        => ((AwsSiteSettings)site).CertificateArn is { } certificate
            ? stack.Service.LoadBalancer?.WithCertificate(SecretValues.AsInput(certificate)!)
            : stack.Service.LoadBalancer;

    /// <inheritdoc />
    public override DnsEndpointSpec FailoverEndpoint(StackSettings stack, SiteSettings site, SiteEdge edge) => new()
    {
        Name = site.Key,
        Kind = DnsEndpointKinds.AwsLoadBalancer,
        DnsName = edge.DnsName,
        ZoneId = edge.ZoneId,
        Region = ((AwsSiteSettings)site).Region,
        // Lets the consistency check compare the DNS check with what the load balancer serves.
        LoadBalancer = stack.Service.LoadBalancer,
    };

    /// <inheritdoc />
    public override BuiltSite Build(StackSettings stack, SiteSettings site)
    {
        var aws = (AwsSiteSettings)site;
        var service = stack.Service;
        var name = ComponentName(stack, site);

        // One explicit provider per region, so region and default tags are visible in the plan and
        // never come from ambient credentials.
        var provider = AwsProviders.Create(stack, $"aws-{site.Key}", aws.Region!);
        var inRegion = new ComponentResourceOptions { Provider = provider };
        // Edge resources (the load balancer) are protected where the stack asks for it (prod).
        var edge = new ComponentResourceOptions { Provider = provider, Protect = stack.Protect ? true : null };

        var network = new AwsNetwork(name, aws.Network!, inRegion);
        var spec = LoadBalancerOf(stack, site)!;
        // Access logs go to a bucket of the site's own (ELB writes only to a bucket in its region); kept
        // (protected) where the load balancer is.
        var logs = spec.AccessLogs
            ? new AwsAccessLogBucket($"{name}-access-logs", new AwsAccessLogBucketArgs
            {
                NamePrefix = AccessLogBucketPrefix(stack, aws.Region!),
                Region = aws.Region!,
                LogPrefix = name,
                RetentionDays = spec.AccessLogRetentionDays,
                Tags = stack.ServiceTags(),
            }, edge)
            : null;
        var balancer = new AwsLoadBalancer(name, new AwsLoadBalancerArgs
        {
            AccessLogsBucket = logs is null ? null : (Input<string>)logs.BucketName,
            Spec = spec,
            VpcId = network.VpcId,
            VpcCidrBlock = network.VpcCidrBlock,
            SubnetIds = network.PublicSubnetIdsArray(),
            Tags = stack.ServiceTags(),
        }, edge);

        // Instances take traffic only from the load balancer on the pool ports, and reach out only over HTTPS.
        var ports = spec.Pools.Values.Select(p => p.Port).Distinct().Order().ToList();
        var instances = new SecurityGroup($"{name}-instances", new SecurityGroupArgs
        {
            VpcId = network.VpcId,
            Description = $"{name} instances: pool ports from the load balancer, HTTPS out",
            Ingress = ports.Select(port => new SecurityGroupIngressArgs
            {
                Protocol = "tcp",
                FromPort = port,
                ToPort = port,
                SecurityGroups = { balancer.SecurityGroupId },
                Description = "from the load balancer",
            }).ToList(),
            Egress = { new SecurityGroupEgressArgs { Protocol = "tcp", FromPort = 443, ToPort = 443, CidrBlocks = { "0.0.0.0/0" }, Description = "HTTPS to package mirrors and AWS APIs" } },
        }, new CustomResourceOptions { Provider = provider });

        var firstPool = stack.FirstPool();
        var targetGroups = balancer.TargetGroupsByPool();
        var group = new AwsAutoscalingGroup(name, new AwsAutoscalingGroupArgs
        {
            Scaling = stack.ScalingWithSchedule()!,
            HealthCheck = spec.Pools[firstPool].HealthCheck,
            ImageId = (aws.ImageId ?? service.ImageId)!,
            InstanceType = InstanceType(stack, aws),
            // The launch template takes user data as a secret; one the plan cannot decrypt stays unknown.
            UserData = SecretValues.IsUndecrypted(service.UserData) ? null : service.UserData,
            SecretUserData = SecretValues.IsUndecrypted(service.UserData) ? (Input<string>)SecretValues.Unknown() : null,
            SubnetIds = network.PrivateSubnetIdsArray(),
            SecurityGroupIds = { instances.Id },
            TargetGroupArns = targetGroups.Values.Select(t => t.Arn).ToList(),
            LoadBalancerArnSuffix = balancer.ArnSuffix,
            TargetGroupArnSuffix = targetGroups[firstPool].ArnSuffix,
            // The provider's default tags do not reach autoscaling groups (their tags are per-tag blocks;
            // HashiCorp tutorial "Propagate default tags to Auto Scaling group"), so the group names its environment.
            Tags = new Dictionary<string, string>(stack.ServiceTags()) { ["environment"] = stack.Environment },
        }, inRegion);

        var topic = aws.AlarmTopicArn ?? service.AlarmTopicArn;
        var monitoring = new AwsServiceMonitoring(name, new AwsServiceMonitoringArgs
        {
            Alerts = service.Alerts,
            Layer = spec.Layer,
            LoadBalancerArnSuffix = balancer.ArnSuffix,
            TargetGroupArnSuffixes = targetGroups.ToDictionary(t => t.Key, t => (Input<string>)t.Value.ArnSuffix),
            AutoscalingGroupName = group.GroupName,
            AutoscalingGroupMaxSize = service.Scaling!.MaxSize,
            AlarmTopicArn = topic is null ? null : (Input<string>)topic,
            // Dashboards are unique per account and region only: the stack's name keeps two stacks apart.
            DashboardName = SiteNames.PerStack(stack, site, NameRules.CloudWatchDashboard, SiteAbbreviations.ForAwsRegion(aws.Region!)),
        }, inRegion);

        return new BuiltSite(site, provider, new SiteEdge(balancer.DnsName, balancer.ZoneId, null, null), new Dictionary<string, object?>
        {
            ["url"] = Output.Format($"https://{balancer.DnsName}"),
            ["dashboard"] = monitoring.DashboardName,
        });
    }

    /// <summary>Start of the access-log bucket's name: service, environment, region (the bucket adds a random
    /// suffix), lower case, cut to <see cref="AwsAccessLogBucketArgs.MaxNamePrefixLength"/>.</summary>
    public static string AccessLogBucketPrefix(StackSettings stack, string region)
    {
        var text = new string($"{stack.Service.Name}-{stack.Environment}-{region}-lb-logs".ToLowerInvariant()
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        text = text[..Math.Min(text.Length, AwsAccessLogBucketArgs.MaxNamePrefixLength)].Trim('-');
        return text.Length >= 3 ? text : $"lb-logs-{text}".Trim('-');
    }

    /// <summary>Name of the site's components, e.g. web-us-east-1, or web-apse1 where the target group
    /// names of web-ap-southeast-1 would not fit AWS's 32 characters (see <see cref="SiteNames"/>).</summary>
    public static string ComponentName(StackSettings stack, SiteSettings site)
        => SiteNames.ComponentName(stack, site,
            name => stack.Service.LoadBalancer is not { } spec || AwsResourceNames.FitReadably(name, spec),
            SiteAbbreviations.ForAwsRegion(((AwsSiteSettings)site).Region ?? ""));

    private static string InstanceType(StackSettings stack, AwsSiteSettings site) => site.InstanceType ?? stack.Service.InstanceType;
}
