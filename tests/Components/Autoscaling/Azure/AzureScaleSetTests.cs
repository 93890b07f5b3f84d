using System.Text;
using System.Text.Json;
using Infra.Components.Autoscaling;
using Infra.Components.Autoscaling.Azure;
using Infra.Components.HealthChecks;
using Infra.Plan;
using Infra.Tests.Harness;
using Xunit;
using static Infra.Tests.Components.Autoscaling.Azure.AzureScaleSetSpecs;

namespace Infra.Tests.Components.Autoscaling.Azure;

[Collection(Infra.Tests.Sdk.EngineCollection.Name)]
public sealed class AzureScaleSetTests
{
    private const string Component = "infra:autoscaling:AzureScaleSet";
    private const string ScaleSet = "azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet";
    private const string Autoscale = "azure:monitoring/autoscaleSetting:AutoscaleSetting";
    private const string ScaleSetIdOfMock = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/compute/web-vmss";

    private static Task<TestRun> Run(AzureScaleSetArgs args, bool preview = false)
        => PulumiTest.RunAsync(() => new AzureScaleSet("web", args), preview);

    private static Task<string> Failure(AzureScaleSetArgs args)
        => PulumiTest.FailureAsync(() => new AzureScaleSet("web", args));

    private static Dictionary<string, JsonElement> ExtensionSettings(PlannedResource scaleSet)
        => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Assert.IsType<string>(scaleSet.Input("extensions[0].settings")))!;

    // ---- shape -------------------------------------------------------------------------------

    [Fact]
    public async Task Creates_a_scale_set_and_an_autoscale_setting_parented_to_the_component()
    {
        var run = await Run(Web());

        Assert.Equal(1, run.Count(Component));
        Assert.Equal(1, run.Count(ScaleSet));
        Assert.Equal(1, run.Count(Autoscale));
        foreach (var (type, name) in new[] { (ScaleSet, "web-vmss"), (Autoscale, "web-autoscale") })
        {
            var resource = run.Single(type, name);
            Assert.Equal(Component, resource.ParentType);
            Assert.Equal("web", resource.ParentName);
        }
    }

    [Fact]
    public async Task Outputs_name_the_scale_set_and_the_autoscale_setting()
    {
        var run = await Run(Web());
        var component = run.Object<AzureScaleSet>("web");

        Assert.Equal(ScaleSetIdOfMock, await TestRun.ValueAsync(component.ScaleSetId));
        Assert.Equal("web-vmss", await TestRun.ValueAsync(component.ScaleSetName));
        Assert.EndsWith("/web-autoscale", await TestRun.ValueAsync(component.AutoscaleSettingId));
    }

    [Fact]
    public async Task Construction_completes_in_preview()
    {
        var args = Web(s =>
        {
            s.StepScaling["burst"] = new StepScalingPolicySpec { Steps = { new ScalingStepSpec { LowerBound = 0, Adjustment = 2 } } };
            s.Predictive = new PredictiveScalingPolicy { Source = PredictiveScalingPolicy.Both, Schedule = OfficeHours() };
        });

        var run = await Run(args, preview: true);

        Assert.Equal(Component, run.Single(ScaleSet, "web-vmss").ParentType);
        Assert.Equal(Component, run.Single(Autoscale, "web-autoscale").ParentType);
    }

    // ---- scale set ---------------------------------------------------------------------------

    [Fact]
    public async Task Scale_set_spreads_over_the_zones_balanced_and_starts_at_min_size_ignoring_later_changes()
    {
        var vmss = (await Run(Web())).Single(ScaleSet, "web-vmss");

        Assert.Equal(new object?[] { "1", "2", "3" }, vmss.List("zones"));
        Assert.Equal(true, vmss.Input("zoneBalance"));
        Assert.Equal(2, vmss.Number("instances"));
        Assert.Equal(new[] { "instances" }, vmss.IgnoreChanges);
        Assert.Equal("westeurope", vmss.Input("location"));
        Assert.Equal(ResourceGroup, vmss.Input("resourceGroupName"));
        Assert.Equal("Standard_B2s", vmss.Input("sku"));
    }

    [Fact]
    public async Task A_single_zone_set_does_not_ask_for_zone_balance()
    {
        var args = Web();
        args.Zones = ["2"];
        var vmss = (await Run(args)).Single(ScaleSet, "web-vmss");

        Assert.Equal(new object?[] { "2" }, vmss.List("zones"));
        Assert.False(vmss.Inputs.ContainsKey("zoneBalance"));
    }

    [Fact]
    public async Task Desired_capacity_when_set_is_the_first_instance_count_and_is_ignored_afterwards()
    {
        var vmss = (await Run(Web(s => s.DesiredCapacity = 4))).Single(ScaleSet, "web-vmss");

        Assert.Equal(4, vmss.Number("instances"));
        Assert.Equal(new[] { "instances" }, vmss.IgnoreChanges);
    }

    [Fact]
    public async Task Password_login_is_off_and_the_admin_logs_in_with_the_ssh_key()
    {
        var vmss = (await Run(Web())).Single(ScaleSet, "web-vmss");

        Assert.Equal(true, vmss.Input("disablePasswordAuthentication"));
        Assert.False(vmss.Inputs.ContainsKey("adminPassword"));
        Assert.Equal("azureuser", vmss.Input("adminUsername"));
        Assert.Single(vmss.List("adminSshKeys"));
        Assert.Equal("azureuser", vmss.Input("adminSshKeys[0].username"));
        Assert.Equal(SshKey, vmss.Input("adminSshKeys[0].publicKey"));
    }

    [Fact]
    public async Task Disks_are_ssd_and_encrypted_at_host_and_boot_diagnostics_use_managed_storage()
    {
        var vmss = (await Run(Web())).Single(ScaleSet, "web-vmss");

        Assert.Equal(true, vmss.Input("encryptionAtHostEnabled"));
        Assert.Equal("Premium_LRS", vmss.Input("osDisk.storageAccountType"));
        Assert.Equal("ReadWrite", vmss.Input("osDisk.caching"));
        var diagnostics = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(vmss.Input("bootDiagnostics"));
        Assert.False(diagnostics.ContainsKey("storageAccountUri"));
    }

    [Fact]
    public async Task Boots_ubuntu_22_04_gen2_by_default()
    {
        var vmss = (await Run(Web())).Single(ScaleSet, "web-vmss");

        Assert.Equal("Canonical", vmss.Input("sourceImageReference.publisher"));
        Assert.Equal("0001-com-ubuntu-server-jammy", vmss.Input("sourceImageReference.offer"));
        Assert.Equal("22_04-lts-gen2", vmss.Input("sourceImageReference.sku"));
        Assert.Equal("latest", vmss.Input("sourceImageReference.version"));
    }

    [Fact]
    public async Task Instances_join_the_backend_subnet_and_pools_without_public_addresses()
    {
        var args = Web();
        args.LoadBalancerBackendAddressPoolIds.Add(LoadBalancerPoolId);
        var vmss = (await Run(args)).Single(ScaleSet, "web-vmss");

        Assert.Single(vmss.List("networkInterfaces"));
        Assert.Equal(true, vmss.Input("networkInterfaces[0].primary"));
        Assert.Equal(SubnetId, vmss.Input("networkInterfaces[0].ipConfigurations[0].subnetId"));
        Assert.Equal(new object?[] { GatewayPoolId }, vmss.List("networkInterfaces[0].ipConfigurations[0].applicationGatewayBackendAddressPoolIds"));
        Assert.Equal(new object?[] { LoadBalancerPoolId }, vmss.List("networkInterfaces[0].ipConfigurations[0].loadBalancerBackendAddressPoolIds"));
        Assert.Empty(vmss.List("networkInterfaces[0].ipConfigurations[0].publicIpAddresses"));
    }

    [Fact]
    public async Task Upgrades_roll_in_batches_and_unhealthy_instances_are_repaired_after_the_grace_period()
    {
        var args = Web();
        args.HealthCheck.GracePeriodSeconds = 900;
        args.RollingUpgradeMaxBatchPercent = 25;
        args.RollingUpgradePauseSeconds = 90;
        var vmss = (await Run(args)).Single(ScaleSet, "web-vmss");

        Assert.Equal("Rolling", vmss.Input("upgradeMode"));
        Assert.Equal(25, vmss.Number("rollingUpgradePolicy.maxBatchInstancePercent"));
        Assert.Equal(25, vmss.Number("rollingUpgradePolicy.maxUnhealthyInstancePercent"));
        Assert.Equal(25, vmss.Number("rollingUpgradePolicy.maxUnhealthyUpgradedInstancePercent"));
        Assert.Equal("PT1M30S", vmss.Input("rollingUpgradePolicy.pauseTimeBetweenBatches"));
        Assert.Equal(true, vmss.Input("automaticInstanceRepair.enabled"));
        Assert.Equal("Replace", vmss.Input("automaticInstanceRepair.action"));
        Assert.Equal("PT15M", vmss.Input("automaticInstanceRepair.gracePeriod"));
    }

    [Fact]
    public async Task Without_a_probe_the_application_health_extension_checks_instances_as_the_health_check_says()
    {
        var args = Web();
        args.HealthCheck.Path = "/ready";
        args.HealthCheck.Port = 8080;
        args.HealthCheck.IntervalSeconds = 10;
        args.HealthCheck.UnhealthyThreshold = 4;
        var vmss = (await Run(args)).Single(ScaleSet, "web-vmss");

        Assert.False(vmss.Inputs.ContainsKey("healthProbeId"));
        Assert.Single(vmss.List("extensions"));
        Assert.Equal("application-health", vmss.Input("extensions[0].name"));
        Assert.Equal("Microsoft.ManagedServices", vmss.Input("extensions[0].publisher"));
        Assert.Equal("ApplicationHealthLinux", vmss.Input("extensions[0].type"));
        Assert.Equal("1.0", vmss.Input("extensions[0].typeHandlerVersion"));
        var settings = ExtensionSettings(vmss);
        Assert.Equal("http", settings["protocol"].GetString());
        Assert.Equal(8080, settings["port"].GetInt32());
        Assert.Equal("/ready", settings["requestPath"].GetString());
        Assert.Equal(10, settings["intervalInSeconds"].GetInt32());
        Assert.Equal(4, settings["numberOfProbes"].GetInt32());
    }

    [Fact]
    public async Task The_extension_probes_the_protocols_default_port_and_path_and_tcp_sends_no_path()
    {
        var https = (await Run(Web(), preview: false)).Single(ScaleSet, "web-vmss");
        var tcpArgs = Web();
        tcpArgs.HealthCheck.Protocol = HealthCheckProtocols.Tcp;
        tcpArgs.HealthCheck.Port = 9000;
        var tcp = (await Run(tcpArgs)).Single(ScaleSet, "web-vmss");

        Assert.Equal(80, ExtensionSettings(https)["port"].GetInt32());
        Assert.Equal("/healthz", ExtensionSettings(https)["requestPath"].GetString());
        Assert.Equal("tcp", ExtensionSettings(tcp)["protocol"].GetString());
        Assert.Equal(9000, ExtensionSettings(tcp)["port"].GetInt32());
        Assert.False(ExtensionSettings(tcp).ContainsKey("requestPath"));
    }

    [Fact]
    public async Task A_load_balancer_probe_replaces_the_extension()
    {
        var args = Web();
        args.HealthProbeId = ProbeId;
        var vmss = (await Run(args)).Single(ScaleSet, "web-vmss");

        Assert.Equal(ProbeId, vmss.Input("healthProbeId"));
        Assert.Empty(vmss.List("extensions"));
    }

    [Fact]
    public async Task User_data_is_sent_base64_encoded_as_custom_data()
    {
        var args = Web();
        args.UserData = "#cloud-config\nruncmd:\n  - echo héllo\n";
        var run = await Run(args);

        // Secret (Pulumi.Azure marks customData secret, and the component does too): the plan shows no text.
        Assert.Equal("[secret]", run.Single(ScaleSet, "web-vmss").Input("customData"));
        var customData = run.Object<Pulumi.Azure.Compute.LinuxVirtualMachineScaleSet>("web-vmss").CustomData;
        Assert.Equal(args.UserData, Encoding.UTF8.GetString(Convert.FromBase64String((await TestRun.ValueAsync(customData))!)));
    }

    [Fact]
    public async Task Tags_reach_the_scale_set_and_the_autoscale_setting()
    {
        var args = Web();
        args.Tags = new() { ["team"] = "payments" };
        var run = await Run(args);

        Assert.Equal("payments", run.Single(ScaleSet, "web-vmss").Input("tags.team"));
        Assert.Equal("payments", run.Single(Autoscale, "web-autoscale").Input("tags.team"));
    }

    [Fact]
    public async Task A_set_that_may_grow_past_100_instances_leaves_the_single_placement_group()
    {
        var small = (await Run(Web())).Single(ScaleSet, "web-vmss");
        var large = (await Run(Web(s => s.MaxSize = 300))).Single(ScaleSet, "web-vmss");

        Assert.False(small.Inputs.ContainsKey("singlePlacementGroup"));
        Assert.Equal(false, large.Input("singlePlacementGroup"));
    }

    // ---- autoscale ---------------------------------------------------------------------------

    [Fact]
    public async Task Autoscale_targets_the_scale_set_with_min_and_max_capacity()
    {
        var setting = (await Run(Web())).Single(Autoscale, "web-autoscale");

        Assert.Equal(ScaleSetIdOfMock, setting.Input("targetResourceId"));
        Assert.Equal(ResourceGroup, setting.Input("resourceGroupName"));
        Assert.Equal("westeurope", setting.Input("location"));
        Assert.Equal(true, setting.Input("enabled"));
        Assert.Single(setting.List("profiles"));
        Assert.Equal("default", setting.Input("profiles[0].name"));
        Assert.Equal(2, setting.Number("profiles[0].capacity.default"));
        Assert.Equal(2, setting.Number("profiles[0].capacity.minimum"));
        Assert.Equal(6, setting.Number("profiles[0].capacity.maximum"));
        Assert.False(setting.Inputs.ContainsKey("predictive"));
    }

    [Fact]
    public async Task Cpu_target_tracking_becomes_a_scale_out_rule_above_the_target_and_a_scale_in_rule_below_70_percent_of_it()
    {
        var args = Web();
        args.Scaling.InstanceWarmupSeconds = 150;
        var setting = (await Run(args)).Single(Autoscale, "web-autoscale");

        Assert.Equal(2, setting.List("profiles[0].rules").Length);
        const string Out = "profiles[0].rules[0]";
        Assert.Equal("Percentage CPU", setting.Input($"{Out}.metricTrigger.metricName"));
        Assert.Equal("microsoft.compute/virtualmachinescalesets", setting.Input($"{Out}.metricTrigger.metricNamespace"));
        Assert.Equal(ScaleSetIdOfMock, setting.Input($"{Out}.metricTrigger.metricResourceId"));
        Assert.Equal("GreaterThan", setting.Input($"{Out}.metricTrigger.operator"));
        Assert.Equal(50, setting.Number($"{Out}.metricTrigger.threshold"));
        Assert.Equal("Average", setting.Input($"{Out}.metricTrigger.statistic"));
        Assert.Equal("Average", setting.Input($"{Out}.metricTrigger.timeAggregation"));
        Assert.Equal("PT1M", setting.Input($"{Out}.metricTrigger.timeGrain"));
        Assert.Equal("PT5M", setting.Input($"{Out}.metricTrigger.timeWindow"));
        Assert.Equal("Increase", setting.Input($"{Out}.scaleAction.direction"));
        Assert.Equal("ChangeCount", setting.Input($"{Out}.scaleAction.type"));
        Assert.Equal(1, setting.Number($"{Out}.scaleAction.value"));
        // 150 s of warm-up, in whole minutes.
        Assert.Equal("PT3M", setting.Input($"{Out}.scaleAction.cooldown"));

        const string In = "profiles[0].rules[1]";
        Assert.Equal("LessThan", setting.Input($"{In}.metricTrigger.operator"));
        Assert.Equal(35, setting.Number($"{In}.metricTrigger.threshold"));
        Assert.Equal("PT10M", setting.Input($"{In}.metricTrigger.timeWindow"));
        Assert.Equal("Decrease", setting.Input($"{In}.scaleAction.direction"));
        Assert.Equal(1, setting.Number($"{In}.scaleAction.value"));
    }

    [Fact]
    public async Task Target_tracking_without_scale_in_gets_only_the_scale_out_rule()
    {
        var setting = (await Run(Web(s => s.TargetTracking["cpu"].DisableScaleIn = true))).Single(Autoscale, "web-autoscale");

        Assert.Single(setting.List("profiles[0].rules"));
        Assert.Equal("Increase", setting.Input("profiles[0].rules[0].scaleAction.direction"));
    }

    [Fact]
    public async Task A_custom_metric_reads_its_namespace_name_statistic_and_dimensions()
    {
        var args = Web(s => s.TargetTracking["queue"] = new TargetTrackingPolicySpec
        {
            Metric = ScalingMetrics.Custom,
            TargetValue = 100,
            CustomMetric = new CustomMetricSpec { Namespace = "azure.vm.linux.guestmetrics", Name = "queue_depth", Statistic = "Maximum", Dimensions = { ["queue"] = "orders" } },
        });
        var setting = (await Run(args)).Single(Autoscale, "web-autoscale");

        const string Out = "profiles[0].rules[2]";
        Assert.Equal("queue_depth", setting.Input($"{Out}.metricTrigger.metricName"));
        Assert.Equal("azure.vm.linux.guestmetrics", setting.Input($"{Out}.metricTrigger.metricNamespace"));
        Assert.Equal("Max", setting.Input($"{Out}.metricTrigger.statistic"));
        Assert.Equal("Maximum", setting.Input($"{Out}.metricTrigger.timeAggregation"));
        Assert.Equal("queue", setting.Input($"{Out}.metricTrigger.dimensions[0].name"));
        Assert.Equal("Equals", setting.Input($"{Out}.metricTrigger.dimensions[0].operator"));
        Assert.Equal(new object?[] { "orders" }, setting.List($"{Out}.metricTrigger.dimensions[0].values"));
    }

    [Fact]
    public async Task Step_scaling_becomes_a_rule_per_step_at_the_threshold_plus_its_lower_bound()
    {
        var args = Web(s => s.StepScaling["burst"] = new StepScalingPolicySpec
        {
            Threshold = 80,
            PeriodSeconds = 120,
            EvaluationPeriods = 3,
            Steps =
            {
                new ScalingStepSpec { LowerBound = 0, UpperBound = 10, Adjustment = 1 },
                new ScalingStepSpec { LowerBound = 10, Adjustment = 3 },
            },
        });
        var setting = (await Run(args)).Single(Autoscale, "web-autoscale");

        var rules = setting.List("profiles[0].rules");
        Assert.Equal(4, rules.Length);
        Assert.Equal("GreaterThan", setting.Input("profiles[0].rules[2].metricTrigger.operator"));
        Assert.Equal(80, setting.Number("profiles[0].rules[2].metricTrigger.threshold"));
        Assert.Equal(1, setting.Number("profiles[0].rules[2].scaleAction.value"));
        Assert.Equal("PT2M", setting.Input("profiles[0].rules[2].metricTrigger.timeGrain"));
        Assert.Equal("PT6M", setting.Input("profiles[0].rules[2].metricTrigger.timeWindow"));
        Assert.Equal("GreaterThanOrEqual", setting.Input("profiles[0].rules[3].metricTrigger.operator"));
        Assert.Equal(90, setting.Number("profiles[0].rules[3].metricTrigger.threshold"));
        Assert.Equal(3, setting.Number("profiles[0].rules[3].scaleAction.value"));
        Assert.Equal("Increase", setting.Input("profiles[0].rules[3].scaleAction.direction"));
    }

    [Fact]
    public async Task A_below_step_scales_in_below_the_threshold_over_at_least_five_minutes()
    {
        var args = Web(s => s.StepScaling["idle"] = new StepScalingPolicySpec
        {
            Comparison = StepScalingPolicySpec.Below,
            Threshold = 20,
            Steps = { new ScalingStepSpec { UpperBound = 0, Adjustment = -2 } },
        });
        var setting = (await Run(args)).Single(Autoscale, "web-autoscale");

        Assert.Equal("LessThan", setting.Input("profiles[0].rules[2].metricTrigger.operator"));
        Assert.Equal(20, setting.Number("profiles[0].rules[2].metricTrigger.threshold"));
        Assert.Equal("PT5M", setting.Input("profiles[0].rules[2].metricTrigger.timeWindow"));
        Assert.Equal("Decrease", setting.Input("profiles[0].rules[2].scaleAction.direction"));
        Assert.Equal(2, setting.Number("profiles[0].rules[2].scaleAction.value"));
    }

    [Fact]
    public async Task Native_predictive_scaling_forecasts_only_by_default_with_the_buffer_as_look_ahead()
    {
        var forecastOnly = (await Run(Web(s => s.Predictive = new PredictiveScalingPolicy()))).Single(Autoscale, "web-autoscale");
        var acting = (await Run(Web(s => s.Predictive = new PredictiveScalingPolicy
        {
            Mode = PredictiveScalingPolicy.ForecastAndScale,
            SchedulingBufferSeconds = 900,
        }))).Single(Autoscale, "web-autoscale");

        Assert.Equal("ForecastOnly", forecastOnly.Input("predictive.scaleMode"));
        Assert.Equal("PT5M", forecastOnly.Input("predictive.lookAheadTime"));
        Assert.Equal("Enabled", acting.Input("predictive.scaleMode"));
        Assert.Equal("PT15M", acting.Input("predictive.lookAheadTime"));
    }

    [Fact]
    public async Task A_forecast_schedule_becomes_recurring_profiles_in_windows_time_with_the_same_rules()
    {
        var args = Web(s => s.Predictive = new PredictiveScalingPolicy { Source = PredictiveScalingPolicy.Forecast, Schedule = OfficeHours() });
        var setting = (await Run(args)).Single(Autoscale, "web-autoscale");

        var profiles = setting.List("profiles");
        Assert.Equal(3, profiles.Length);
        Assert.False(setting.Inputs.ContainsKey("predictive"));

        // Raised ten minutes ahead of 07:00 to 5 instances.
        Assert.Equal("forecast-mon-fri-0650", setting.Input("profiles[1].name"));
        Assert.Equal(new object?[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }, setting.List("profiles[1].recurrence.days"));
        Assert.Equal(6, setting.Number("profiles[1].recurrence.hours"));
        Assert.Equal(50, setting.Number("profiles[1].recurrence.minutes"));
        Assert.Equal("Eastern Standard Time", setting.Input("profiles[1].recurrence.timezone"));
        Assert.Equal(5, setting.Number("profiles[1].capacity.minimum"));
        Assert.Equal(5, setting.Number("profiles[1].capacity.default"));
        Assert.Equal(6, setting.Number("profiles[1].capacity.maximum"));
        Assert.Equal(2, setting.List("profiles[1].rules").Length);

        // Back to the set's own minimum (2, not the schedule's 1) at 19:00.
        Assert.Equal("forecast-mon-fri-1900", setting.Input("profiles[2].name"));
        Assert.Equal(19, setting.Number("profiles[2].recurrence.hours"));
        Assert.Equal(0, setting.Number("profiles[2].recurrence.minutes"));
        Assert.Equal(2, setting.Number("profiles[2].capacity.minimum"));
    }

    [Fact]
    public async Task Source_both_gets_the_predictive_block_and_the_recurring_profiles()
    {
        var args = Web(s => s.Predictive = new PredictiveScalingPolicy { Source = PredictiveScalingPolicy.Both, Schedule = OfficeHours() });
        var setting = (await Run(args)).Single(Autoscale, "web-autoscale");

        Assert.Equal(3, setting.List("profiles").Length);
        Assert.Equal("ForecastOnly", setting.Input("predictive.scaleMode"));
    }

    // ---- refusals ----------------------------------------------------------------------------

    [Fact]
    public async Task Missing_wiring_is_refused_all_at_once()
    {
        var args = Web();
        args.ResourceGroupName = null;
        args.SubnetId = null;
        args.SshPublicKey = null;
        args.Location = "";

        var error = await Failure(args);

        Assert.Contains("AzureScaleSet \"web\" has 4 problems", error);
        Assert.Contains("resourceGroupName = (not set): pass the resource group", error);
        Assert.Contains("location = \"\": name the Azure region", error);
        Assert.Contains("subnetId = (not set): pass the network's backend subnet id", error);
        Assert.Contains("sshPublicKey = (not set): pass the admin's OpenSSH public key; password login is always off", error);
    }

    [Fact]
    public async Task Instance_settings_azure_refuses_are_reported_with_their_fix()
    {
        var args = Web();
        args.VmSize = "t3.small";
        args.AdminUsername = "admin";
        args.OsDiskType = "Standard_LRS";
        args.Zones = ["1", "4", "1"];
        args.UserData = new string('x', 70000);
        args.RollingUpgradeMaxBatchPercent = 0;
        args.RollingUpgradePauseSeconds = 7200;

        var error = await Failure(args);

        Assert.Contains("has 8 problems", error);
        Assert.Contains("vmSize = \"t3.small\": use an Azure VM size name such as Standard_B2s", error);
        Assert.Contains("adminUsername = \"admin\": Azure refuses this reserved name", error);
        Assert.Contains("osDiskType = \"Standard_LRS\": use one of Premium_LRS, StandardSSD_LRS", error);
        Assert.Contains("zones = \"4\": Azure availability zones are \"1\", \"2\" and \"3\"", error);
        Assert.Contains("zones = [\"1\",\"4\",\"1\"]: list each zone once", error);
        Assert.Contains("userData = \"70000 bytes\": Azure accepts at most 65535 bytes of custom data", error);
        Assert.Contains("rollingUpgradeMaxBatchPercent = 0: Azure takes 5 to 100 percent", error);
        Assert.Contains("rollingUpgradePauseSeconds = 7200: Azure accepts a rolling upgrade pause", error);
    }

    [Fact]
    public async Task Root_is_refused_as_admin_and_upper_case_names_are_not_linux_user_names()
    {
        var root = Web();
        root.AdminUsername = "root";
        var upper = Web();
        upper.AdminUsername = "Ops";

        Assert.Contains("adminUsername = \"root\": Azure refuses this reserved name", await Failure(root));
        Assert.Contains("adminUsername = \"Ops\": use 1 to 64 lower-case letters", await Failure(upper));
    }

    [Fact]
    public async Task A_repair_grace_period_outside_10_to_90_minutes_is_refused_including_the_neutral_default()
    {
        var neutralDefault = Web();
        neutralDefault.HealthCheck.GracePeriodSeconds = 300;
        var tooLong = Web();
        tooLong.HealthCheck.GracePeriodSeconds = 7200;

        Assert.Contains("healthCheck.gracePeriodSeconds = 300: Azure accepts a automatic repair grace period (AutomaticRepairsPolicy.gracePeriod) of 10 minutes to 90 minutes; use 600 to 5400 seconds",
            await Failure(neutralDefault));
        Assert.Contains("healthCheck.gracePeriodSeconds = 7200: Azure accepts", await Failure(tooLong));
    }

    [Fact]
    public async Task Requests_per_target_scaling_is_refused_because_a_scale_set_has_no_request_metric()
    {
        var error = await Failure(Web(s => s.TargetTracking["requests"] =
            new TargetTrackingPolicySpec { Metric = ScalingMetrics.RequestsPerTarget, TargetValue = 1000 }));

        Assert.Contains("has 1 problem", error);
        Assert.Contains("scaling.targetTracking.requests.metric = \"requests-per-target\": Azure autoscale has no requests-per-instance metric", error);
        Assert.Contains("scale on cpu or a custom metric", error);
    }

    [Fact]
    public async Task A_sample_count_custom_metric_is_refused()
    {
        var error = await Failure(Web(s => s.TargetTracking["queue"] = new TargetTrackingPolicySpec
        {
            Metric = ScalingMetrics.Custom,
            CustomMetric = new CustomMetricSpec { Namespace = "app", Name = "jobs", Statistic = "SampleCount" },
        }));

        Assert.Contains("scaling.targetTracking.queue.customMetric.statistic = \"SampleCount\": Azure autoscale combines instances by Average, Sum, Min or Max", error);
    }

    [Fact]
    public async Task Native_predictive_scaling_azure_cannot_do_is_refused_with_each_fix()
    {
        var error = await Failure(Web(s =>
        {
            s.TargetTracking.Clear();
            s.StepScaling["burst"] = new StepScalingPolicySpec { Steps = { new ScalingStepSpec { LowerBound = 0, Adjustment = 1 } } };
            s.Predictive = new PredictiveScalingPolicy
            {
                Metric = ScalingMetrics.RequestsPerTarget,
                MaxCapacityBehavior = PredictiveScalingPolicy.IncreaseMaxCapacity,
                MaxCapacityBufferPercent = 10,
                SchedulingBufferSeconds = 90,
            };
        }));

        Assert.Contains("has 4 problems", error);
        Assert.Contains("scaling.predictive.metric = \"requests-per-target\": Azure predictive autoscale forecasts only Percentage CPU", error);
        Assert.Contains("scaling.predictive.source = \"native\": Azure predictive autoscale scales out by the profile's Percentage CPU scale-out rule; add a targetTracking policy on cpu", error);
        Assert.Contains("scaling.predictive.maxCapacityBehavior = \"increase\": Azure predictive autoscale never exceeds the profile's maximum", error);
        Assert.Contains("scaling.predictive.schedulingBufferSeconds = 90: Azure takes the look-ahead time in whole minutes", error);
    }

    [Fact]
    public async Task A_look_ahead_of_zero_or_a_predictive_target_unlike_the_cpu_rule_is_refused()
    {
        var error = await Failure(Web(s => s.Predictive = new PredictiveScalingPolicy { TargetValue = 60, SchedulingBufferSeconds = 0 }));

        Assert.Contains("has 2 problems", error);
        Assert.Contains("scaling.predictive.targetValue = 60: Azure forecasts against the CPU scale-out rule's threshold (50); set targetValue to 50", error);
        Assert.Contains("scaling.predictive.schedulingBufferSeconds = 0: Azure accepts a predictive look-ahead time (predictive.lookAheadTime) of 1 minute to 1 hour", error);
    }

    [Fact]
    public async Task Step_shapes_azure_cannot_express_are_refused()
    {
        var error = await Failure(Web(s =>
        {
            s.StepScaling["idle"] = new StepScalingPolicySpec
            {
                Comparison = StepScalingPolicySpec.Below,
                Threshold = 20,
                Steps = { new ScalingStepSpec { UpperBound = -10, Adjustment = -2 }, new ScalingStepSpec { LowerBound = -10, UpperBound = 0, Adjustment = -1 } },
            };
            s.StepScaling["burst"] = new StepScalingPolicySpec { Steps = { new ScalingStepSpec { LowerBound = 0, UpperBound = 20, Adjustment = 2 } } };
        }));

        Assert.Contains("has 2 problems", error);
        Assert.Contains("scaling.stepScaling.idle.steps = 2: Azure scales in only when every scale-in rule holds", error);
        Assert.Contains("scaling.stepScaling.burst.steps[0].upperBound = 20: an Azure rule holds for every value above its threshold", error);
    }

    [Fact]
    public async Task More_than_ten_rules_or_a_thousand_instances_are_refused()
    {
        var error = await Failure(Web(s =>
        {
            s.MaxSize = 1500;
            for (var i = 0; i < 5; i++)
                s.TargetTracking[$"cpu{i}"] = new TargetTrackingPolicySpec { TargetValue = 40 + i };
        }));

        Assert.Contains("has 2 problems", error);
        Assert.Contains("scaling.maxSize = 1500: Azure autoscale manages at most 1000 instances per scale set", error);
        Assert.Contains("scaling.targetTracking = 12: these policies need 12 autoscale rules", error);
        Assert.Contains("Azure allows 10 per profile", error);
    }

    [Fact]
    public async Task A_schedule_needing_more_than_twenty_profiles_is_refused_with_the_fix()
    {
        var schedule = new ForecastScheduleSpec { TimeZone = "Europe/Berlin", RaiseAheadMinutes = 0 };
        string[] days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
        for (int day = 0; day < 7; day++)
            for (int slot = 0; slot < 6; slot++)
                schedule.Entries.Add(new() { Start = $"{days[day]} {slot * 4:00}:{day * 5:00}", MinSize = 2 + (day + slot) % 4 });

        var error = await Failure(Web(s => s.Predictive = new PredictiveScalingPolicy { Source = PredictiveScalingPolicy.Forecast, Schedule = schedule }));

        Assert.Contains("has 1 problem", error);
        Assert.Contains("scaling.predictive.schedule.entries = \"42 entries\"", error);
        Assert.Contains("more than the 20 Azure autoscale allows", error);
        Assert.Contains("raise the plan's hysteresisInstances or plan at a coarser step", error);
    }

    [Fact]
    public async Task Extension_limits_are_refused_only_when_the_extension_probes()
    {
        var args = Web();
        args.HealthCheck.Protocol = HealthCheckProtocols.Tcp;
        args.HealthCheck.IntervalSeconds = 120;
        var withProbe = Web();
        withProbe.HealthCheck.IntervalSeconds = 120;
        withProbe.HealthProbeId = ProbeId;
        var codes = Web();
        codes.HealthCheck.ExpectedStatusCodes = "204";

        var error = await Failure(args);
        var run = await Run(withProbe);

        Assert.Contains("has 2 problems", error);
        Assert.Contains("healthCheck.port = (not set): the Application Health extension probes a port on the instance itself", error);
        Assert.Contains("healthCheck.intervalSeconds = 120: the Application Health extension probes at most every 60 s", error);
        Assert.Equal(1, run.Count(ScaleSet));
        Assert.Contains("healthCheck.expectedStatusCodes = \"204\": the Application Health extension (Binary Health States) counts only HTTP 200", await Failure(codes));
    }

    [Fact]
    public void FindAzureProblems_keys_problems_under_the_given_prefixes()
    {
        var scaling = new ScalingSpec { MaxSize = 2000, TargetTracking = { ["rpm"] = new() { Metric = ScalingMetrics.RequestsPerTarget } } };
        var health = new HealthCheckSpec { GracePeriodSeconds = 60 };

        var problems = AzureScaleSetArgs.FindAzureProblems(scaling, health, "infra:service.scaling", "infra:service.healthCheck").ToList();

        Assert.Equal(
            ["infra:service.scaling.maxSize", "infra:service.scaling.targetTracking.rpm.metric", "infra:service.healthCheck.gracePeriodSeconds"],
            problems.Select(p => p.Key));
    }
}
