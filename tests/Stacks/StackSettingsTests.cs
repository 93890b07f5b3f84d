using Infra.Plan;
using Infra.Tests.Harness;
using Infra.Tests.Sdk;
using Pulumi;
using Xunit;

namespace Infra.Tests.Stacks;

/// <summary>Bad stack files fail at plan time, before anything is created, with every problem at once,
/// each naming the key as written in the stack file, the value and the fix.</summary>
[Collection(EngineCollection.Name)]
public sealed class StackSettingsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("infra-stack-").FullName;

    public StackSettingsTests()
    {
        File.WriteAllText(Path.Combine(_root, "Pulumi.yaml"), "name: infra\nruntime: dotnet\nstackConfigDir: stacks\n");
        Directory.CreateDirectory(Path.Combine(_root, "stacks"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private const string ValidService = """
          infra:service:
            name: web
            imageId: ami-0123456789abcdef0
            loadBalancer:
              public: true
              allowedCidrs: [0.0.0.0/0]
              listeners:
                https: {protocol: https, port: 443, certificateId: "arn:aws:acm:us-east-1:111122223333:certificate/x"}
              pools:
                web: {port: 8080}
            scaling:
              minSize: 2
              maxSize: 4
              targetTracking:
                cpu: {metric: cpu, targetValue: 50}
        """;

    private const string ValidRegions = """
          infra:regions:
            - region: us-east-1
              network: {availabilityZones: [us-east-1a, us-east-1b]}
        """;

    private async Task<string> FailureOf(string config)
    {
        File.WriteAllText(Path.Combine(_root, "stacks", "Pulumi.t.yaml"), "config:\n" + config + "\n");
        var layout = ProjectLayout.Find(_root);
        var e = await Assert.ThrowsAsync<Infra.Components.Common.InvalidSpecException>(() => StackPlanner.PlanAsync(layout, "t"));
        return e.Message;
    }

    private async Task<StackPlan> PlanOf(string config)
    {
        File.WriteAllText(Path.Combine(_root, "stacks", "Pulumi.t.yaml"), "config:\n" + config + "\n");
        return await StackPlanner.PlanAsync(ProjectLayout.Find(_root), "t");
    }

    [Fact]
    public async Task A_valid_minimal_stack_plans()
    {
        var plan = await PlanOf("  infra:environment: dev\n" + ValidRegions + "\n" + ValidService);
        Assert.Single(plan.Resources, r => r.Type == "aws:lb/loadBalancer:LoadBalancer");
    }

    [Fact]
    public async Task Missing_keys_are_all_reported_at_once()
    {
        var message = await FailureOf("  aws:region: us-east-1\n");

        Assert.StartsWith("Stack 't' has 3 problems:", message, StringComparison.Ordinal);
        Assert.Contains("infra:environment = (not set): set it to one of dev, staging, prod", message, StringComparison.Ordinal);
        Assert.Contains("infra:sites = (not set): list the sites to run in", message, StringComparison.Ordinal);
        Assert.Contains("infra:service = (not set): describe the service", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_environment_names_the_allowed_ones()
    {
        var message = await FailureOf("  infra:environment: qa\n" + ValidRegions + "\n" + ValidService);
        Assert.Contains("infra:environment = \"qa\": use one of dev, staging, prod", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_key_is_refused_not_ignored()
    {
        var message = await FailureOf("  infra:environment: dev\n" + ValidRegions + "\n" + ValidService.Replace("imageId:", "imageID:", StringComparison.Ordinal));
        Assert.Contains("infra:service.imageID = \"(unknown key)\": not a setting here; check the spelling. Settings here: alarmTopicArn, alerts, forecast, imageId,", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_names_its_path()
    {
        var message = await FailureOf("  infra:environment: dev\n" + ValidRegions + "\n" + ValidService.Replace("{port: 8080}", "{port: eighty}", StringComparison.Ordinal));
        Assert.Contains("infra:service.loadBalancer.pools.web.port = \"eighty\": use a whole number", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spec_and_aws_problems_are_keyed_as_in_the_stack_file()
    {
        var service = ValidService
            .Replace("{port: 8080}", "{port: 8080, healthCheck: {intervalSeconds: 10, timeoutSeconds: 10}}", StringComparison.Ordinal)
            .Replace("maxSize: 4", "maxSize: 1", StringComparison.Ordinal);
        var regions = ValidRegions.Replace("[us-east-1a, us-east-1b]", "[us-east-1a]", StringComparison.Ordinal);

        var message = await FailureOf("  infra:environment: prod\n" + regions + "\n" + service);

        Assert.Contains("infra:service.loadBalancer.pools.web.healthCheck.timeoutSeconds = 10: must be shorter than", message, StringComparison.Ordinal);
        Assert.Contains("infra:service.scaling.maxSize = 1: must be at least minSize (2)", message, StringComparison.Ordinal);
        Assert.Contains("infra:regions[0].network.availabilityZones", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_algorithm_the_backend_cannot_run_is_refused_with_the_alternative()
    {
        var service = ValidService.Replace("public: true", "public: true\n      algorithm: least-connections\n      layer: network", StringComparison.Ordinal)
            .Replace("{protocol: https, port: 443,", "{protocol: tls, port: 443,", StringComparison.Ordinal)
            .Replace("{port: 8080}", "{port: 8080, protocol: tcp}", StringComparison.Ordinal);

        var message = await FailureOf("  infra:environment: dev\n" + ValidRegions + "\n" + service);

        Assert.Contains("infra:service.loadBalancer.algorithm = \"least-connections\":", message, StringComparison.Ordinal);
        Assert.Contains("flow-hash", message, StringComparison.Ordinal);
    }

    // ---- sites ---------------------------------------------------------------------------------

    private const string ValidSites = """
          infra:sites:
            - cloud: aws
              region: us-east-1
              network: {availabilityZones: [us-east-1a, us-east-1b]}
        """;

    [Fact]
    public async Task Sites_name_their_cloud_and_plan_like_the_legacy_regions()
    {
        var sites = await PlanOf("  infra:environment: dev\n" + ValidSites + "\n" + ValidService);
        var regions = await PlanOf("  infra:environment: dev\n" + ValidRegions + "\n" + ValidService);

        Assert.Equal(regions.Resources.Select(r => (r.Type, r.Name)), sites.Resources.Select(r => (r.Type, r.Name)));
    }

    [Fact]
    public async Task A_site_of_an_unknown_cloud_is_refused_with_the_clouds_there_are()
    {
        var message = await FailureOf("  infra:environment: dev\n" + ValidSites.Replace("cloud: aws", "cloud: gcp", StringComparison.Ordinal) + "\n" + ValidService);

        Assert.Contains("infra:sites[0].cloud = \"gcp\": name the site's cloud: one of aws, azure", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_without_its_cloud_is_refused()
    {
        var message = await FailureOf("  infra:environment: dev\n" + ValidSites.Replace("- cloud: aws\n      ", "- ", StringComparison.Ordinal) + "\n" + ValidService);

        Assert.Contains("infra:sites[0].cloud = (not set): name the site's cloud", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sites_and_legacy_regions_together_are_refused()
    {
        var message = await FailureOf("  infra:environment: dev\n" + ValidSites + "\n" + ValidRegions + "\n" + ValidService);

        Assert.Contains("infra:regions = \"(set)\": infra:sites replaces infra:regions", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_sites_with_one_key_are_refused_because_their_resources_would_share_names()
    {
        var twice = ValidSites + "\n" + ValidSites.Replace("  infra:sites:\n", "", StringComparison.Ordinal);

        var message = await FailureOf("  infra:environment: dev\n" + twice + "\n" + ValidService);

        Assert.Contains("infra:sites[1].region = \"us-east-1\": infra:sites[0] has the same key; give one of them a distinct name", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_topic_or_certificate_of_another_region_is_refused_where_it_is_used()
    {
        var sites = ValidSites + "\n" + """
                - cloud: aws
                  region: us-west-2
                  network: {availabilityZones: [us-west-2a, us-west-2b]}
                  alarmTopicArn: arn:aws:sns:us-east-1:111122223333:oncall
            """;

        var message = await FailureOf("  infra:environment: dev\n" + sites + "\n" + ValidService);

        Assert.Contains("infra:sites[1].alarmTopicArn = \"arn:aws:sns:us-east-1:111122223333:oncall\": this sns ARN is in us-east-1, but it is used in us-west-2", message, StringComparison.Ordinal);
        Assert.Contains("infra:service.loadBalancer.listeners.https.certificateId = \"arn:aws:acm:us-east-1:111122223333:certificate/x\": this acm ARN is in us-east-1, but it is used in us-west-2", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_arn_of_the_wrong_service_is_refused()
    {
        var service = ValidService.Replace("arn:aws:acm:us-east-1:111122223333:certificate/x", "arn:aws:iam::111122223333:server-certificate/x", StringComparison.Ordinal);

        var message = await FailureOf("  infra:environment: dev\n" + ValidSites + "\n" + service);

        Assert.Contains("infra:service.loadBalancer.listeners.https.certificateId = \"arn:aws:iam::111122223333:server-certificate/x\": this is an iam resource", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_without_an_image_names_the_site_key()
    {
        var service = ValidService.Replace("    imageId: ami-0123456789abcdef0\n", "", StringComparison.Ordinal);

        var message = await FailureOf("  infra:environment: dev\n" + ValidSites + "\n" + service);

        Assert.Contains("infra:sites[0].imageId = (not set): name the AMI the instances boot from in this region", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_instance_family_that_cannot_run_the_sites_image_is_refused_at_the_key_that_sets_it()
    {
        var sites = """
              infra:sites:
                - cloud: aws
                  region: us-east-1
                  network: {availabilityZones: [us-east-1a, us-east-1b]}
                  imageId: resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64
                - cloud: aws
                  region: us-west-2
                  network: {availabilityZones: [us-west-2a, us-west-2b]}
                  imageId: resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64
                  instanceType: m7g.large
            """;
        var service = ValidService.Replace("    imageId: ami-0123456789abcdef0\n", "    instanceType: t3.small\n", StringComparison.Ordinal);

        var message = await FailureOf("  infra:environment: dev\n" + sites + "\n" + service);

        Assert.Contains("infra:service.instanceType = \"t3.small\": t3.small is x86_64 but infra:sites[0].imageId (resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64) is an arm64 image, which EC2 cannot launch on it; use a Graviton type", message, StringComparison.Ordinal);
        Assert.Contains("infra:sites[1].instanceType = \"m7g.large\": m7g.large is arm64 but infra:sites[1].imageId", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_that_is_neither_an_ami_nor_an_ssm_parameter_is_refused()
    {
        var service = ValidService.Replace("imageId: ami-0123456789abcdef0", "imageId: al2023-latest", StringComparison.Ordinal);

        var message = await FailureOf("  infra:environment: dev\n" + ValidSites + "\n" + service);

        Assert.Contains("infra:service.imageId = \"al2023-latest\": use an AMI id (ami- and 8 or 17 hex digits) or a Systems Manager parameter", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_aws_cannot_take_is_refused_before_anything_is_registered()
    {
        var service = ValidService.Replace("name: web", "name: web_v2", StringComparison.Ordinal);

        var message = await FailureOf("  infra:environment: dev\n" + ValidSites + "\n" + service);

        // Reported by the stack's validation, keyed in the stack file, not by a component after the network was registered.
        Assert.StartsWith("Stack 't' has", message, StringComparison.Ordinal);
        Assert.Contains("infra:service.name = \"web_v2\": use 1 to 32 lower-case letters, digits and inner hyphens", message, StringComparison.Ordinal);
    }

    // ---- Azure sites ---------------------------------------------------------------------------

    private const string AzureSite = """
            - cloud: azure
              location: westeurope
              certificateId: https://web-dev-certs.vault.azure.net/secrets/www
              identityId: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/appgw
              sshPublicKey: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKey ops@example.com
              typicalRequestsPerMinute: 60
        """;

    private static readonly string AzureService = ValidService.Replace("{port: 8080}", "{port: 8080, healthCheck: {gracePeriodSeconds: 600}}", StringComparison.Ordinal);

    [Fact]
    public async Task An_azure_site_beside_an_aws_one_plans_both_clouds()
    {
        var plan = await PlanOf("  infra:environment: dev\n" + ValidSites + "\n" + AzureSite + "\n" + AzureService);

        Assert.Single(plan.Resources, r => r.Type == "aws:lb/loadBalancer:LoadBalancer");
        var gateway = Assert.Single(plan.Resources, r => r.Type == "azure:network/applicationGateway:ApplicationGateway");
        // The Azure listener serves the site's Key Vault certificate, the AWS one its ACM certificate.
        Assert.Equal("https://web-dev-certs.vault.azure.net/secrets/www", gateway.Input("sslCertificates[0].keyVaultSecretId"));
        Assert.StartsWith("arn:aws:acm:", (string)Assert.Single(plan.Resources, r => r.Type == "aws:lb/listener:Listener" && Equals(r.Inputs["protocol"], "HTTPS")).Inputs["certificateArn"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secure_boot_script_reaches_an_azure_scale_set_as_a_secret_never_as_the_placeholder()
    {
        var service = AzureService.Replace("    imageId: ami-0123456789abcdef0\n", "    userData:\n      secure: AAABADECRYPTME\n", StringComparison.Ordinal);

        var plan = await PlanOf("  infra:environment: dev\n  infra:sites:\n" + AzureSite + "\n" + service);

        var set = Assert.Single(plan.Resources, r => r.Type == "azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet");
        Assert.Equal("[secret]", set.Inputs["customData"]);
        var json = Infra.Plan.PlanJson.Write(plan);
        Assert.DoesNotContain("AAABADECRYPTME", json, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("[secret]")), json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Azure_site_problems_are_keyed_at_the_site()
    {
        var site = AzureSite.Replace("location: westeurope", "location: mars-north", StringComparison.Ordinal)
            .Replace("certificateId: https://web-dev-certs.vault.azure.net/secrets/www", "vmSize: Big", StringComparison.Ordinal)
            .Replace("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKey ops@example.com", "hunter2", StringComparison.Ordinal);

        var message = await FailureOf("  infra:environment: dev\n  infra:sites:\n" + site + "\n" + AzureService);

        Assert.Contains("infra:sites[0].location = \"mars-north\":", message, StringComparison.Ordinal);
        Assert.Contains("infra:sites[0].vmSize = \"Big\": use an Azure VM size name", message, StringComparison.Ordinal);
        Assert.Contains("infra:sites[0].sshPublicKey = \"hunter2\": write an OpenSSH public key line", message, StringComparison.Ordinal);
        // The listener's certificate is an ACM ARN, which Application Gateway cannot serve.
        Assert.Contains("infra:sites[0].certificateId = (not set): Application Gateway serves listener https's certificate from Key Vault", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_azure_refuses_in_the_service_description_is_keyed_in_the_service()
    {
        var service = ValidService.Replace("public: true", "public: true\n      algorithm: least-connections", StringComparison.Ordinal);

        var message = await FailureOf("  infra:environment: dev\n  infra:sites:\n" + AzureSite + "\n" + service);

        Assert.Contains("infra:service.loadBalancer.algorithm = \"least-connections\": ", message, StringComparison.Ordinal);
        // The neutral default grace period (300 s) is shorter than Azure's repair allows.
        Assert.Contains("infra:service.loadBalancer.pools.web.healthCheck.gracePeriodSeconds = 300:", message, StringComparison.Ordinal);
    }

    // ---- Kubernetes sites ----------------------------------------------------------------------

    private const string KubernetesSite = """
            - cloud: kubernetes
              cluster: staging-eu
              namespace: web
              image: registry.example.com/web:1.4.2
              gatewayName: public
              tlsSecretName: web-tls
        """;

    [Fact]
    public async Task A_kubernetes_site_plans_a_service_through_its_own_provider()
    {
        var plan = await PlanOf("  infra:environment: dev\n  infra:sites:\n" + KubernetesSite + "\n" + ValidService);

        var provider = Assert.Single(plan.Resources, r => r.Type == "pulumi:providers:kubernetes");
        Assert.Equal("staging-eu", provider.Inputs["context"]);
        Assert.Single(plan.Resources, r => r.Type == "infra:workloads:KubernetesService");
        Assert.Single(plan.Resources, r => r.Type == "kubernetes:gateway.networking.k8s.io/v1:HTTPRoute" && r.Name == "web-staging-eu-route");
    }

    [Fact]
    public async Task A_kubeconfig_in_the_stack_reaches_the_clusters_provider_as_a_secret_and_is_never_printed()
    {
        var plan = await PlanOf("  infra:environment: dev\n  infra:kubeconfig: \"apiVersion: v1 # token-abc123\"\n  infra:sites:\n" + KubernetesSite + "\n" + ValidService);

        var provider = Assert.Single(plan.Resources, r => r.Type == "pulumi:providers:kubernetes");
        Assert.Equal("[secret]", provider.Inputs["kubeconfig"]);
        Assert.DoesNotContain("token-abc123", Infra.Plan.PlanJson.Write(plan), StringComparison.Ordinal);
        Assert.DoesNotContain("token-abc123", Infra.Plan.PlanRenderer.Render(plan), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubernetes_refusals_are_keyed_at_the_site_or_the_service()
    {
        var site = KubernetesSite.Replace("registry.example.com/web:1.4.2", "registry.example.com/web", StringComparison.Ordinal)
            .Replace("namespace: web", "namespace: Web_1", StringComparison.Ordinal);
        var service = ValidService.Replace("public: true", "public: true\n      algorithm: least-connections", StringComparison.Ordinal);

        var message = await FailureOf("  infra:environment: dev\n  infra:sites:\n" + site + "\n" + service);

        Assert.Contains("infra:sites[0].image = \"registry.example.com/web\": pin the image by tag or digest", message, StringComparison.Ordinal);
        Assert.Contains("infra:sites[0].namespace = \"Web_1\":", message, StringComparison.Ordinal);
        // Without a mesh no standard field picks the least-loaded pod.
        Assert.Contains("infra:service.loadBalancer.algorithm = \"least-connections\":", message, StringComparison.Ordinal);
        Assert.Contains("mesh", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kubernetes_site_behind_failover_dns_names_its_gateway_address()
    {
        var failover = "\n  infra:failover: {recordName: www.example.com, zoneId: Z0123456789EXAMPLE}";
        var twoClusters = KubernetesSite + "\n" + KubernetesSite.Replace("staging-eu", "staging-us", StringComparison.Ordinal);

        var message = await FailureOf("  infra:environment: dev\n  infra:sites:\n" + twoClusters + "\n" + ValidService + failover);

        Assert.Contains("infra:sites[0].hostname = (not set): failover DNS points at the address the cluster's gateway publishes", message, StringComparison.Ordinal);
        Assert.Contains("infra:sites[1].hostname = (not set)", message, StringComparison.Ordinal);
    }

    // ---- forecast ------------------------------------------------------------------------------

    private const string CpuPolicy = "        cpu: {metric: cpu, targetValue: 50}";

    /// <summary>The valid service following a forecast planned from <paramref name="forecast"/>
    /// (lines of the forecast block) with predictive <paramref name="source"/>.</summary>
    private static string ForecastService(string source, params string[] forecast)
        => ValidService.Replace(CpuPolicy, CpuPolicy + $"\n      predictive: {{source: {source}}}" +
            (forecast.Length == 0 ? "" : "\n    forecast:" + string.Concat(forecast.Select(line => "\n      " + line))), StringComparison.Ordinal);

    /// <summary>Three weeks of hourly load in Berlin time: 100 on weekdays from 09:00 to 17:00, 20 otherwise.</summary>
    private void WriteHistory(string relativePath)
    {
        var rows = Enumerable.Range(0, 21 * 24).Select(h =>
        {
            var time = new DateTime(2024, 3, 4).AddHours(h);
            bool busy = time.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && time.Hour is >= 9 and < 17;
            return $"{time:yyyy-MM-ddTHH:mm:ss},{(busy ? 100 : 20)}";
        });
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, ["timestamp,requests", .. rows]);
    }

    private static readonly string[] BerlinForecast =
        ["history: data/history.csv", "timeZone: Europe/Berlin", "capacityPerInstance: 25", "headroom: 0", "quantile: 0.5"];

    [Fact]
    public async Task A_forecast_block_plans_scheduled_actions_from_a_history_relative_to_the_project_root()
    {
        WriteHistory("data/history.csv");

        var plan = await PlanOf("  infra:environment: prod\n" + ValidRegions + "\n" + ForecastService("both", BerlinForecast));

        // Named by the whole entry (time of week, minimum, hash of the rest), so a change replaces it.
        var actions = plan.Resources.Where(r => r.Type == "aws:autoscaling/schedule:Schedule")
            .ToDictionary(r => r.Name[..^"-0123abcd".Length]);
        Assert.Equal(["web-us-east-1-schedule-mon-fri-0850-min4", "web-us-east-1-schedule-mon-fri-1700-min2"], actions.Keys.Order());
        Assert.Equal(("50 8 * * 1-5", 4.0), ((string)actions["web-us-east-1-schedule-mon-fri-0850-min4"].Inputs["recurrence"]!, (double)actions["web-us-east-1-schedule-mon-fri-0850-min4"].Inputs["minSize"]!));
        Assert.Equal(("0 17 * * 1-5", 2.0), ((string)actions["web-us-east-1-schedule-mon-fri-1700-min2"].Inputs["recurrence"]!, (double)actions["web-us-east-1-schedule-mon-fri-1700-min2"].Inputs["minSize"]!));
        Assert.All(actions.Values, a => Assert.Equal("Europe/Berlin", a.Inputs["timeZone"]));
    }

    [Fact]
    public async Task A_history_logged_in_UTC_is_converted_to_the_schedules_zone_with_sourceTimeZone()
    {
        // The same rows (busy 09:00-17:00 on weekdays), now read as UTC: in Berlin (UTC+1 in March
        // 2024, before the clock change) the busy hours are 10:00-18:00.
        WriteHistory("data/history.csv");

        var plan = await PlanOf("  infra:environment: prod\n" + ValidRegions + "\n" + ForecastService("both", [.. BerlinForecast, "sourceTimeZone: UTC"]));

        var actions = plan.Resources.Where(r => r.Type == "aws:autoscaling/schedule:Schedule")
            .ToDictionary(r => r.Name[..^"-0123abcd".Length]);
        Assert.Equal(["web-us-east-1-schedule-mon-fri-0950-min4", "web-us-east-1-schedule-mon-fri-1800-min2"], actions.Keys.Order());
        Assert.Equal("50 9 * * 1-5", (string)actions["web-us-east-1-schedule-mon-fri-0950-min4"].Inputs["recurrence"]!);
        Assert.All(actions.Values, a => Assert.Equal("Europe/Berlin", a.Inputs["timeZone"]));
    }

    [Fact]
    public async Task A_bad_sourceTimeZone_is_a_problem_at_its_key()
    {
        WriteHistory("data/history.csv");

        var message = await FailureOf("  infra:environment: prod\n" + ValidRegions + "\n" + ForecastService("both", [.. BerlinForecast, "sourceTimeZone: Mars/Olympus"]));

        Assert.StartsWith("Stack 't' has 1 problem:", message, StringComparison.Ordinal);
        Assert.Contains("infra:service.forecast.sourceTimeZone = \"Mars/Olympus\": use the IANA time zone the history's offset-less timestamps were written in", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_history_file_is_a_problem_at_its_key()
    {
        var message = await FailureOf("  infra:environment: prod\n" + ValidRegions + "\n" + ForecastService("both", BerlinForecast));

        Assert.StartsWith("Stack 't' has 1 problem:", message, StringComparison.Ordinal);
        Assert.Contains($"infra:service.forecast.history = \"data/history.csv\": no such file ({Path.Combine(_root, "data", "history.csv")})", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_history_row_is_reported_with_its_line()
    {
        WriteHistory("data/history.csv");
        var path = Path.Combine(_root, "data", "history.csv");
        var lines = File.ReadAllLines(path);
        lines[2] = "2024-03-04T01:00:00,lots";
        File.WriteAllLines(path, lines);

        var message = await FailureOf("  infra:environment: prod\n" + ValidRegions + "\n" + ForecastService("both", BerlinForecast));

        // The line number only: the row itself is not echoed (a file that is no trace is never quoted).
        Assert.Contains("infra:service.forecast.history = \"data/history.csv\": line 3 is not a timestamp,value row", message, StringComparison.Ordinal);
        Assert.DoesNotContain("lots", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_forecast_options_are_all_reported_with_their_keys()
    {
        var message = await FailureOf("  infra:environment: prod\n" + ValidRegions + "\n" + ForecastService("both",
            "history: data/history.csv", "timeZone: Eastern Standard Time", "stepMinutes: 7", "quantile: 2", "daysAhead: 30", "raiseAheadMinutes: -5", "headroom: -1"));

        Assert.StartsWith("Stack 't' has 7 problems:", message, StringComparison.Ordinal);
        Assert.Contains("infra:service.forecast.timeZone = \"Eastern Standard Time\": use an IANA time zone", message, StringComparison.Ordinal);
        Assert.Contains("infra:service.forecast.stepMinutes = 7: use a step that divides a day", message, StringComparison.Ordinal);
        Assert.Contains("infra:service.forecast.capacityPerInstance = (not set): set the load one instance serves", message, StringComparison.Ordinal);
        Assert.Contains("infra:service.forecast.daysAhead = 30: forecast 1 to 14 days", message, StringComparison.Ordinal);
        Assert.Contains("infra:service.forecast.raiseAheadMinutes = -5: use 0 to 240 minutes", message, StringComparison.Ordinal);
        Assert.Contains("infra:service.forecast.quantile = 2: must lie between 0.5", message, StringComparison.Ordinal);
        Assert.Contains("infra:service.forecast.headroom = -1: must be a fraction between 0 and 10", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_forecast_key_is_refused_not_ignored()
    {
        var message = await FailureOf("  infra:environment: prod\n" + ValidRegions + "\n" + ForecastService("both", [.. BerlinForecast, "daysAheda: 3"]));

        Assert.Contains("infra:service.forecast.daysAheda = \"(unknown key)\": not a setting here; check the spelling. Settings here: capacityPerInstance, daysAhead,", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forecast_the_predictive_policy_would_not_follow_is_refused()
    {
        WriteHistory("data/history.csv");

        var message = await FailureOf("  infra:environment: prod\n" + ValidRegions + "\n" + ForecastService("native", BerlinForecast));

        Assert.StartsWith("Stack 't' has 1 problem:", message, StringComparison.Ordinal);
        Assert.Contains("infra:service.forecast = \"data/history.csv\": infra:service.scaling.predictive.source is native, so no group would follow the forecast", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forecast_source_without_a_forecast_block_points_to_it()
    {
        var message = await FailureOf("  infra:environment: prod\n" + ValidRegions + "\n" + ForecastService("forecast"));

        Assert.StartsWith("Stack 't' has 1 problem:", message, StringComparison.Ordinal);
        Assert.Contains("infra:service.forecast = (not set): scaling.predictive.source forecast follows a schedule planned from load history; add a forecast block", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forecast_block_and_a_hand_written_schedule_are_not_both_taken()
    {
        WriteHistory("data/history.csv");
        var service = ForecastService("both", BerlinForecast)
            .Replace("predictive: {source: both}", "predictive: {source: both, schedule: {entries: [{start: \"Mon 08:00\", minSize: 3}]}}", StringComparison.Ordinal);

        var message = await FailureOf("  infra:environment: prod\n" + ValidRegions + "\n" + service);

        Assert.Contains("infra:service.scaling.predictive.schedule = \"1 entry\": infra:service.forecast plans the schedule from load history; remove this one", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secure_values_in_a_stack_file_plan_as_secret_and_the_placeholder_never_becomes_a_planned_value()
    {
        var service = ValidService
            .Replace("imageId: ami-0123456789abcdef0", "imageId: ami-0123456789abcdef0\n    userData:\n      secure: AAABADECRYPTME", StringComparison.Ordinal)
            .Replace("certificateId: \"arn:aws:acm:us-east-1:111122223333:certificate/x\"", "certificateId: {secure: AAABACERTIFICATE}", StringComparison.Ordinal);
        var plan = await PlanOf("  infra:environment: dev\n" + ValidRegions + "\n" + service);

        // Before: userData planned as base64("[secret]") and the listener's certificateArn as "[secret]" itself.
        var template = Assert.Single(plan.Resources, r => r.Type == "aws:ec2/launchTemplate:LaunchTemplate");
        Assert.Equal("[secret]", template.Inputs["userData"]);
        var https = Assert.Single(plan.Resources, r => r.Type == "aws:lb/listener:Listener" && r.Inputs.GetValueOrDefault("protocol") as string == "HTTPS");
        Assert.Equal("[secret]", https.Inputs["certificateArn"]);
        var json = Infra.Plan.PlanJson.Write(plan);
        Assert.DoesNotContain("AAABADECRYPTME", json, StringComparison.Ordinal);
        Assert.DoesNotContain("AAABACERTIFICATE", json, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("[secret]")), json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_user_data_also_plans_as_secret()
    {
        var plan = await PlanOf("  infra:environment: dev\n" + ValidRegions + "\n" +
                                ValidService.Replace("imageId: ami-0123456789abcdef0", "imageId: ami-0123456789abcdef0\n    userData: \"#!/bin/bash\"", StringComparison.Ordinal));

        var template = Assert.Single(plan.Resources, r => r.Type == "aws:ec2/launchTemplate:LaunchTemplate");
        Assert.Equal("[secret]", template.Inputs["userData"]);
    }

    [Fact]
    public async Task A_secure_site_certificate_is_not_refused_as_no_arn_and_plans_as_secret()
    {
        var sites = ValidSites + "\n" + "      certificateArn: {secure: AAABASITECERT}";

        var plan = await PlanOf("  infra:environment: dev\n" + sites + "\n" + ValidService);

        var https = Assert.Single(plan.Resources, r => r.Type == "aws:lb/listener:Listener" && r.Inputs.GetValueOrDefault("protocol") as string == "HTTPS");
        Assert.Equal("[secret]", https.Inputs["certificateArn"]);
    }
}
