using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Infra.Components.Autoscaling.Forecasting;
using Infra.Components.Common;
using Infra.Components.HealthChecks;
using Infra.Components.HealthChecks.Azure;
using Pulumi;

namespace Infra.Components.Autoscaling.Azure;

/// <summary>
/// Settings of an <see cref="AzureScaleSet"/>: the cloud-neutral scaling and health-check specs plus
/// the instance settings and the ids of the network and load balancer it joins.
/// </summary>
public sealed partial class AzureScaleSetArgs : ResourceArgs
{
    /// <summary>Largest custom data Azure accepts, in bytes before base64 encoding (Compute REST API,
    /// osProfile.customData: "The maximum length of the binary array is 65535 bytes").</summary>
    public const int MaxUserDataBytes = 65535;

    /// <summary>Longest Linux admin user name (Compute REST API, osProfile.adminUsername).</summary>
    public const int MaxAdminUsernameLength = 64;

    /// <summary>Instances a scale set with a single placement group may hold; above it Azure needs
    /// <c>singlePlacementGroup = false</c> (Azure docs "Working with large virtual machine scale sets").</summary>
    public const int SinglePlacementGroupMaxInstances = 100;

    /// <summary>Admin user names Azure refuses (Compute REST API, osProfile.adminUsername, "Disallowed values").</summary>
    public static readonly IReadOnlyList<string> ReservedAdminUsernames =
    [
        "administrator", "admin", "user", "user1", "test", "user2", "test1", "user3", "admin1", "1", "123", "a", "actuser",
        "adm", "admin2", "aspnet", "backup", "console", "david", "guest", "john", "owner", "root", "server", "sql",
        "support", "support_388945a0", "sys", "test2", "test3", "user4", "user5",
    ];

    /// <summary>OS disk storage types: SSDs only, locally or zone redundant.</summary>
    public static readonly IReadOnlyList<string> OsDiskTypes = ["Premium_LRS", "StandardSSD_LRS", "Premium_ZRS", "StandardSSD_ZRS"];

    /// <summary>How many instances run and which policies change that.</summary>
    /// <remarks>Default: 2 to 6 instances, no policy (which the spec refuses while the sizes differ).</remarks>
    [Input("scaling")] public ScalingSpec Scaling { get; set; } = new();

    /// <summary>How an instance proves it is healthy: the Application Health extension probes it
    /// this way when no <see cref="HealthProbeId"/> is given, and its grace period becomes the
    /// automatic repair grace period.</summary>
    /// <remarks>Default: HTTP GET /healthz every 15 s with a 300 s grace period — which Azure refuses
    /// as a repair grace period (10 to 90 minutes), so set gracePeriodSeconds to 600 or more.</remarks>
    [Input("healthCheck")] public HealthCheckSpec HealthCheck { get; set; } = new();

    /// <summary>Resource group of the scale set and its autoscale setting. Required.</summary>
    [Input("resourceGroupName")] public Input<string>? ResourceGroupName { get; set; }

    /// <summary>Azure region, e.g. "westeurope". Required.</summary>
    [Input("location")] public string Location { get; set; } = "";

    /// <summary>Availability zones the instances spread over, e.g. ["1", "2", "3"]; with more than
    /// one, Azure keeps them balanced.</summary>
    /// <remarks>Default: none (a regional set).</remarks>
    [Input("zones")] public List<string> Zones { get; set; } = [];

    /// <summary>The network's backend subnet the instances join. Required.</summary>
    [Input("subnetId")] public Input<string>? SubnetId { get; set; }

    /// <summary>VM size, e.g. "Standard_D2s_v5".</summary>
    /// <remarks>Default: "Standard_B2s".</remarks>
    [Input("vmSize")] public string VmSize { get; set; } = "Standard_B2s";

    /// <summary>Image the instances boot from.</summary>
    /// <remarks>Default: Ubuntu 22.04 LTS, generation 2, latest version.</remarks>
    [Input("image")] public AzureImageSpec Image { get; set; } = new();

    /// <summary>Storage type of the OS disk, one of <see cref="OsDiskTypes"/>.</summary>
    /// <remarks>Default: "Premium_LRS" (the VM size must support premium storage; the B2s does).</remarks>
    [Input("osDiskType")] public string OsDiskType { get; set; } = DefaultOsDiskType;

    /// <summary>The OS disk type used unless <see cref="OsDiskType"/> says otherwise.</summary>
    public const string DefaultOsDiskType = "Premium_LRS";

    /// <summary>Linux admin user that <see cref="SshPublicKey"/> logs in as.</summary>
    /// <remarks>Default: "azureuser".</remarks>
    [Input("adminUsername")] public string AdminUsername { get; set; } = "azureuser";

    /// <summary>OpenSSH public key of the admin user; password login is always off. Required.</summary>
    [Input("sshPublicKey")] public Input<string>? SshPublicKey { get; set; }

    /// <summary>Boot script (cloud-init) as plain text; the component base64-encodes it into the
    /// instances' custom data.</summary>
    /// <remarks>Default: none.</remarks>
    [Input("userData")] public string? UserData { get; set; }

    /// <summary>Boot script that is already a secret (e.g. read with the secret config APIs) when the plain
    /// text is not at hand; encoded like <see cref="UserData"/> but not size-checked here, so check it where
    /// it is read. The scale set takes either as a secret.</summary>
    /// <remarks>Default: none.</remarks>
    [Input("secretUserData")] public Input<string>? SecretUserData { get; set; }

    /// <summary>Application Gateway backend pools the instances join.</summary>
    /// <remarks>Default: none.</remarks>
    [Input("applicationGatewayBackendAddressPoolIds")]
    public InputList<string> ApplicationGatewayBackendAddressPoolIds
    {
        get => _applicationGatewayBackendAddressPoolIds ??= new InputList<string>();
        set => _applicationGatewayBackendAddressPoolIds = value;
    }
    private InputList<string>? _applicationGatewayBackendAddressPoolIds;

    /// <summary>Standard Load Balancer backend pools the instances join.</summary>
    /// <remarks>Default: none.</remarks>
    [Input("loadBalancerBackendAddressPoolIds")]
    public InputList<string> LoadBalancerBackendAddressPoolIds
    {
        get => _loadBalancerBackendAddressPoolIds ??= new InputList<string>();
        set => _loadBalancerBackendAddressPoolIds = value;
    }
    private InputList<string>? _loadBalancerBackendAddressPoolIds;

    /// <summary>Standard Load Balancer probe that judges instance health for rolling upgrades and
    /// repairs. Behind an Application Gateway leave it unset: the Application Health extension,
    /// built from <see cref="HealthCheck"/>, does the job.</summary>
    /// <remarks>Default: none (the Application Health extension).</remarks>
    [Input("healthProbeId")] public Input<string>? HealthProbeId { get; set; }

    /// <summary>Share of instances, in percent, a rolling upgrade replaces at once; also the share
    /// that may be unhealthy before it stops.</summary>
    /// <remarks>Default: 20.</remarks>
    [Input("rollingUpgradeMaxBatchPercent")] public int RollingUpgradeMaxBatchPercent { get; set; } = 20;

    /// <summary>Seconds a rolling upgrade waits between batches (0 to 3600).</summary>
    /// <remarks>Default: 60.</remarks>
    [Input("rollingUpgradePauseSeconds")] public int RollingUpgradePauseSeconds { get; set; } = 60;

    /// <summary>Tags for the scale set and its autoscale setting.</summary>
    /// <remarks>Default: none.</remarks>
    [Input("tags")] public Dictionary<string, string> Tags { get; set; } = [];

    /// <summary>Every problem in these settings: the neutral specs, what Azure cannot do with them,
    /// the instance settings and the wiring inputs.</summary>
    public IEnumerable<SpecProblem> FindProblems()
    {
        if (Scaling is null)
            yield return new("scaling", null, "set scaling (minSize, maxSize and at least one policy)");
        else
            foreach (var problem in Scaling.FindProblems("scaling"))
                yield return problem;

        if (HealthCheck is null)
            yield return new("healthCheck", null, "set healthCheck, with gracePeriodSeconds of 600 or more for Azure");
        else
        {
            foreach (var problem in HealthCheck.FindProblems("healthCheck"))
                yield return problem;
            if (HealthProbeId is null)
                foreach (var problem in AzureApplicationHealthExtension.FindProblems(HealthCheck, "healthCheck"))
                    yield return problem;
        }

        if (Scaling is not null && HealthCheck is not null)
            foreach (var problem in FindAzureProblems(Scaling, HealthCheck, "scaling", "healthCheck"))
                yield return problem;

        if (ResourceGroupName is null)
            yield return new("resourceGroupName", null, "pass the resource group the scale set goes in");
        if (string.IsNullOrWhiteSpace(Location))
            yield return new("location", Location, "name the Azure region, e.g. westeurope");
        if (SubnetId is null)
            yield return new("subnetId", null, "pass the network's backend subnet id; the instances get no public addresses");
        if (SshPublicKey is null)
            yield return new("sshPublicKey", null, "pass the admin's OpenSSH public key; password login is always off");

        foreach (var problem in FindInstanceProblems(Zones, VmSize, OsDiskType, Image, AdminUsername, UserData, key => key))
            yield return problem;
        if (UserData is not null && SecretUserData is not null)
            yield return new("secretUserData", "(set)", "set userData or secretUserData, not both: an instance boots from one script");
        if (RollingUpgradeMaxBatchPercent is < 5 or > 100)
            yield return new("rollingUpgradeMaxBatchPercent", RollingUpgradeMaxBatchPercent, "Azure takes 5 to 100 percent; 20 keeps most capacity serving");
        if (AzureDurations.Check(AzureDurations.RollingUpgradePause, "rollingUpgradePauseSeconds", RollingUpgradePauseSeconds,
                "use 0 to 3600 seconds") is { } pause)
            yield return pause;
        foreach (var key in (Tags ?? []).Keys.Where(k => k.IndexOfAny(['<', '>', '%', '&', '\\', '?', '/']) >= 0 || k.Length > 512))
            yield return new($"tags.{key}", key, "Azure tag names hold up to 512 characters and none of < > % & \\ ? /; rename the tag");
    }

    /// <summary>
    /// Problems of the instance settings (zones, VM size, OS disk, image, admin user, boot script),
    /// each keyed by <paramref name="at"/> from its argument name (e.g. "vmSize"), so that a program
    /// can check the values it will pass, as written in its own settings, before anything exists.
    /// </summary>
    public static IEnumerable<SpecProblem> FindInstanceProblems(IReadOnlyList<string>? zones, string? vmSize, string osDiskType,
        AzureImageSpec? image, string? adminUsername, string? userData, Func<string, string> at)
    {
        ArgumentNullException.ThrowIfNull(at);
        var zoneList = zones ?? [];
        foreach (var zone in zoneList.Where(z => z is not ("1" or "2" or "3")))
            yield return new(at("zones"), zone, "Azure availability zones are \"1\", \"2\" and \"3\"");
        if (zoneList.Distinct().Count() != zoneList.Count)
            yield return new(at("zones"), zoneList, "list each zone once");

        if (vmSize is null || !VmSizeName().IsMatch(vmSize))
            yield return new(at("vmSize"), vmSize, "use an Azure VM size name such as Standard_B2s or Standard_D2s_v5");
        if (!OsDiskTypes.Contains(osDiskType))
            yield return new(at("osDiskType"), osDiskType, $"use one of {string.Join(", ", OsDiskTypes)} (SSD-backed disks only)");
        if (image is null)
            yield return new(at("image"), null, "set image or leave it out for Ubuntu 22.04 LTS");
        else
            foreach (var problem in image.FindProblems(at("image")))
                yield return problem;

        if (string.IsNullOrEmpty(adminUsername) || adminUsername.Length > MaxAdminUsernameLength || !LinuxUserName().IsMatch(adminUsername))
            yield return new(at("adminUsername"), adminUsername,
                $"use 1 to {MaxAdminUsernameLength} lower-case letters, digits, '-' or '_', starting with a letter or '_', e.g. azureuser");
        else if (ReservedAdminUsernames.Contains(adminUsername.ToLowerInvariant()))
            yield return new(at("adminUsername"), adminUsername,
                "Azure refuses this reserved name (osProfile.adminUsername disallowed values such as admin, root, user, test); use e.g. azureuser");

        if (userData is not null && Encoding.UTF8.GetByteCount(userData) > MaxUserDataBytes)
            yield return new(at("userData"), $"{Encoding.UTF8.GetByteCount(userData)} bytes",
                $"Azure accepts at most {MaxUserDataBytes} bytes of custom data; fetch larger scripts from storage in a short cloud-init");
    }

    /// <summary>
    /// What Azure (a VM scale set with Azure Monitor autoscale) cannot do with the neutral specs,
    /// keyed under <paramref name="scalingAt"/> and <paramref name="healthCheckAt"/>. Only problems the
    /// specs' own validation does not report are returned, so call both.
    /// </summary>
    public static IEnumerable<SpecProblem> FindAzureProblems(ScalingSpec scaling, HealthCheckSpec healthCheck, string scalingAt, string healthCheckAt)
    {
        ArgumentNullException.ThrowIfNull(scaling);
        ArgumentNullException.ThrowIfNull(healthCheck);

        if (scaling.MaxSize > AzureScalingMapping.MaxInstances)
            yield return new($"{scalingAt}.maxSize", scaling.MaxSize,
                $"Azure autoscale manages at most {AzureScalingMapping.MaxInstances} instances per scale set; lower it or split the service over several sets");

        foreach (var (key, policy) in scaling.TargetTracking)
            foreach (var problem in MetricProblems($"{scalingAt}.targetTracking.{key}", policy.Metric, policy.CustomMetric))
                yield return problem;

        foreach (var (key, policy) in scaling.StepScaling)
        {
            var at = $"{scalingAt}.stepScaling.{key}";
            foreach (var problem in MetricProblems(at, policy.Metric, policy.CustomMetric))
                yield return problem;
            if (policy.PeriodSeconds > AzureDurations.TimeGrain.MaxSeconds)
                yield return new($"{at}.periodSeconds", policy.PeriodSeconds,
                    $"Azure autoscale reads metrics at a grain of {AzureDurations.TimeGrain.Range}; use a shorter period");
            else if ((long)policy.PeriodSeconds * policy.EvaluationPeriods > AzureDurations.TimeWindow.MaxSeconds)
                yield return new($"{at}.evaluationPeriods", policy.EvaluationPeriods,
                    $"periodSeconds × evaluationPeriods becomes the rule's time window, which Azure allows up to 12 hours; use fewer or shorter periods");
            if (policy.Comparison == StepScalingPolicySpec.Below && policy.Steps.Count > 1)
                yield return new($"{at}.steps", policy.Steps.Count,
                    "Azure scales in only when every scale-in rule holds and then removes the fewest instances, so deeper steps would never act; use one step");
            if (policy.Comparison == StepScalingPolicySpec.Above && policy.Steps.Count > 0 && policy.Steps[^1].UpperBound is { } upper)
                yield return new($"{at}.steps[{policy.Steps.Count - 1}].upperBound", upper,
                    "an Azure rule holds for every value above its threshold, so the last step is open-ended; remove its upper bound");
        }

        if (AzureScalingMapping.RuleCount(scaling) > AzureScalingMapping.MaxRulesPerProfile)
            yield return new($"{scalingAt}.targetTracking", AzureScalingMapping.RuleCount(scaling),
                $"these policies need {AzureScalingMapping.RuleCount(scaling)} autoscale rules (a target-tracking policy needs two, a step one per step) " +
                $"and Azure allows {AzureScalingMapping.MaxRulesPerProfile} per profile; drop or merge policies");

        if (scaling.Predictive is { } predictive)
            foreach (var problem in PredictiveProblems(scaling, predictive, $"{scalingAt}.predictive"))
                yield return problem;

        if (AzureDurations.Check(AzureDurations.RepairGracePeriod, $"{healthCheckAt}.gracePeriodSeconds", healthCheck.GracePeriodSeconds,
                $"use {AzureDurations.RepairGracePeriod.MinSeconds} to {AzureDurations.RepairGracePeriod.MaxSeconds} seconds") is { } grace)
            yield return grace;
    }

    private static IEnumerable<SpecProblem> MetricProblems(string at, string metric, CustomMetricSpec? custom)
    {
        if (metric == ScalingMetrics.RequestsPerTarget)
            yield return new($"{at}.metric", metric,
                "Azure autoscale has no requests-per-instance metric for a scale set (a Standard Load Balancer counts no requests, and the " +
                "Application Gateway's AvgRequestCountPerHealthyHost belongs to the gateway, not the set); scale on cpu or a custom metric the instances publish");
        if (metric == ScalingMetrics.Custom && custom is not null && !AzureScalingMapping.CustomStatistics.Contains(custom.Statistic))
            yield return new($"{at}.customMetric.statistic", custom.Statistic,
                $"Azure autoscale combines instances by Average, Sum, Min or Max; use one of {string.Join(", ", AzureScalingMapping.CustomStatistics)}");
    }

    private static IEnumerable<SpecProblem> PredictiveProblems(ScalingSpec scaling, PredictiveScalingPolicy predictive, string at)
    {
        if (predictive.UsesNative)
        {
            if (predictive.Metric != ScalingMetrics.Cpu)
                yield return new($"{at}.metric", predictive.Metric,
                    "Azure predictive autoscale forecasts only Percentage CPU (Average); use cpu, or source forecast to follow a schedule instead");
            var cpu = scaling.TargetTracking.Values.Where(p => p.Metric == ScalingMetrics.Cpu).ToList();
            if (cpu.Count == 0)
                yield return new($"{at}.source", predictive.Source,
                    "Azure predictive autoscale scales out by the profile's Percentage CPU scale-out rule; add a targetTracking policy on cpu");
            else if (predictive.Metric == ScalingMetrics.Cpu && cpu.All(p => p.TargetValue != predictive.TargetValue))
                yield return new($"{at}.targetValue", predictive.TargetValue,
                    $"Azure forecasts against the CPU scale-out rule's threshold ({Show(cpu[0].TargetValue)}); set targetValue to {Show(cpu[0].TargetValue)}");
            if (predictive.MaxCapacityBehavior == PredictiveScalingPolicy.IncreaseMaxCapacity)
                yield return new($"{at}.maxCapacityBehavior", predictive.MaxCapacityBehavior,
                    "Azure predictive autoscale never exceeds the profile's maximum; use honor and raise maxSize instead");
            if (predictive.SchedulingBufferSeconds % 60 != 0)
                yield return new($"{at}.schedulingBufferSeconds", predictive.SchedulingBufferSeconds,
                    "Azure takes the look-ahead time in whole minutes; use a multiple of 60");
            else if (AzureDurations.Check(AzureDurations.LookAheadTime, $"{at}.schedulingBufferSeconds", predictive.SchedulingBufferSeconds,
                         "use 60 to 3600 seconds") is { } lookAhead)
                yield return lookAhead;
        }

        // The count is only meaningful once the schedule itself is valid (its own problems come first).
        if (predictive is { UsesForecast: true, Schedule: { } schedule } && scaling.MinSize >= 0 && !schedule.FindProblems("schedule").Any())
        {
            IReadOnlyList<AzureRecurrenceProfile>? profiles = null;
            string? refusal = null;
            try
            {
                profiles = AzureScalingMapping.RecurrenceProfiles(schedule, scaling.MinSize);
            }
            catch (ArgumentException e)
            {
                refusal = e.Message.Split(" (Parameter", StringSplitOptions.None)[0];
            }
            if (refusal is not null)
                yield return new($"{at}.schedule.entries", $"{schedule.Entries.Count} entries", refusal);
            else if (profiles!.Count + 1 > AzureRecurrenceProfile.MaxProfiles)
                yield return new($"{at}.schedule.entries", $"{schedule.Entries.Count} entries",
                    $"the schedule needs {profiles.Count} recurring profiles plus the default one, more than the {AzureRecurrenceProfile.MaxProfiles} Azure autoscale allows; " +
                    "raise the plan's hysteresisInstances or plan at a coarser step");
        }
    }

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^Standard_[A-Za-z0-9]+(_[A-Za-z0-9-]+)*$")]
    private static partial Regex VmSizeName();

    [GeneratedRegex("^[a-z_][a-z0-9_-]*$")]
    private static partial Regex LinuxUserName();
}
