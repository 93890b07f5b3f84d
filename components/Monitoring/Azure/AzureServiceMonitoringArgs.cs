using System.Text.RegularExpressions;
using Infra.Components.Common;
using Infra.Components.LoadBalancing;
using Pulumi;

namespace Infra.Components.Monitoring.Azure;

/// <summary>
/// Settings of an <see cref="AzureServiceMonitoring"/>: the cloud-neutral <see cref="AlertSpec"/>, the
/// ids of what a service runs on (Application Gateway or Standard Load Balancer, scale set, autoscale
/// setting) and who is told.
/// </summary>
public sealed partial class AzureServiceMonitoringArgs : ResourceArgs
{
    /// <summary>Longest action group short name (Azure Monitor: used in SMS and e-mail subjects).</summary>
    public const int MaxShortNameLength = 12;

    /// <summary>Longest portal dashboard name.</summary>
    public const int MaxDashboardNameLength = 160;

    /// <summary>Thresholds and evaluation windows of the alerts.</summary>
    /// <remarks>Default: 5 % server errors, p95 response time 1 s (as Maximum on Azure), any unhealthy backend, set at max, 3 × 60 s.</remarks>
    [Input("alerts")] public AlertSpec Alerts { get; set; } = new();

    /// <summary>Layer of the load balancer, one of <see cref="LoadBalancerLayers"/>: an Application
    /// Gateway (application) or a Standard Load Balancer (network, which has no HTTP metrics and so
    /// gets no server-error or response-time alert).</summary>
    /// <remarks>Default: "application".</remarks>
    [Input("layer")] public string Layer { get; set; } = LoadBalancerLayers.Application;

    /// <summary>Resource group of the alerts, action group and dashboard. Required.</summary>
    [Input("resourceGroupName")] public Input<string>? ResourceGroupName { get; set; }

    /// <summary>Azure region of the dashboard, e.g. "westeurope". Required.</summary>
    [Input("location")] public string Location { get; set; } = "";

    /// <summary>Id of the Application Gateway (layer application) or Standard Load Balancer (layer network).</summary>
    /// <remarks>Default: none; no load-balancer alerts or tiles.</remarks>
    [Input("loadBalancerId")] public Input<string>? LoadBalancerId { get; set; }

    /// <summary>Id of the scale set (<c>AzureScaleSet.ScaleSetId</c>), for its CPU tile.</summary>
    /// <remarks>Default: none.</remarks>
    [Input("scaleSetId")] public Input<string>? ScaleSetId { get; set; }

    /// <summary>Id of the autoscale setting (<c>AzureScaleSet.AutoscaleSettingId</c>), whose
    /// ObservedCapacity the at-max-capacity alert reads.</summary>
    /// <remarks>Default: none; no at-max alert.</remarks>
    [Input("autoscaleSettingId")] public Input<string>? AutoscaleSettingId { get; set; }

    /// <summary>The set's maximum size, which the at-max-capacity alert compares with.</summary>
    /// <remarks>Default: none; required with <see cref="AutoscaleSettingId"/> while <see cref="AlertSpec.AtMaxCapacity"/> is on.</remarks>
    [Input("scaleSetMaxSize")] public int? ScaleSetMaxSize { get; set; }

    /// <summary>Typical requests per minute the Application Gateway serves. Azure metric alerts
    /// cannot divide one metric by another, so the server-error alert compares the 5xx count with
    /// <see cref="AlertSpec.ServerErrorRatePercent"/> of this many requests per minute over the window.</summary>
    /// <remarks>Default: none; required for layer application with a load balancer.</remarks>
    [Input("typicalRequestsPerMinute")] public int? TypicalRequestsPerMinute { get; set; }

    /// <summary>Addresses e-mailed by a new action group for every alert and its resolution.</summary>
    /// <remarks>Default: none.</remarks>
    [Input("alertEmails")] public List<string> AlertEmails { get; set; } = [];

    /// <summary>An existing action group to notify instead of creating one from <see cref="AlertEmails"/>.</summary>
    /// <remarks>Default: none; with neither, alerts only show in the portal.</remarks>
    [Input("actionGroupId")] public Input<string>? ActionGroupId { get; set; }

    /// <summary>Name of the portal dashboard.</summary>
    /// <remarks>Default: the component's name.</remarks>
    [Input("dashboardName")] public string? DashboardName { get; set; }

    /// <summary>Tags for the action group, alerts and dashboard.</summary>
    /// <remarks>Default: none.</remarks>
    [Input("tags")] public Dictionary<string, string> Tags { get; set; } = [];

    /// <summary>The action group short name derived from <paramref name="componentName"/>: its letters
    /// and digits, at most <see cref="MaxShortNameLength"/>.</summary>
    public static string ShortNameFor(string componentName)
    {
        var letters = new string((componentName ?? "").Where(char.IsAsciiLetterOrDigit).ToArray());
        return letters.Length > MaxShortNameLength ? letters[..MaxShortNameLength] : letters;
    }

    /// <summary>Every problem in these settings; <paramref name="componentName"/> stands in for an unset
    /// dashboard name and gives the action group's short name.</summary>
    public IEnumerable<SpecProblem> FindProblems(string componentName)
    {
        if (Alerts is null)
            yield return new("alerts", null, "set alerts; its defaults are 5 % server errors, 1 s response time and any unhealthy backend");
        else
        {
            foreach (var problem in Alerts.FindProblems("alerts"))
                yield return problem;
            foreach (var problem in FindAzureProblems(Alerts, Layer, "alerts"))
                yield return problem;
        }

        if (!LoadBalancerLayers.All.Contains(Layer))
            yield return new("layer", Layer, $"use one of {string.Join(", ", LoadBalancerLayers.All)}");
        if (ResourceGroupName is null)
            yield return new("resourceGroupName", null, "pass the resource group the alerts and dashboard go in");
        if (string.IsNullOrWhiteSpace(Location))
            yield return new("location", Location, "name the Azure region of the dashboard, e.g. westeurope");

        if (LoadBalancerId is null && ScaleSetId is null && AutoscaleSettingId is null)
            yield return new("loadBalancerId", null, "nothing to monitor; set loadBalancerId, scaleSetId, autoscaleSettingId or several");
        if (AutoscaleSettingId is not null && ScaleSetMaxSize is null && Alerts is { AtMaxCapacity: true })
            yield return new("scaleSetMaxSize", null,
                "the at-max-capacity alert compares with the set's maximum; pass scaling.maxSize or turn alerts.atMaxCapacity off");
        if (ScaleSetMaxSize is not null && AutoscaleSettingId is null)
            yield return new("autoscaleSettingId", null, "a maximum size without an autoscale setting watches nothing; pass AzureScaleSet.AutoscaleSettingId or remove the size");
        if (ScaleSetMaxSize is < 1)
            yield return new("scaleSetMaxSize", ScaleSetMaxSize, "use the set's maximum size, 1 or more");

        foreach (var problem in FindNotificationProblems(Layer, LoadBalancerId is not null, TypicalRequestsPerMinute, AlertEmails,
                     ActionGroupId is not null, componentName, key => key))
            yield return problem;

        var dashboard = DashboardName ?? componentName;
        if (dashboard is null || dashboard.Length > MaxDashboardNameLength || !DashboardNamePattern().IsMatch(dashboard))
            yield return new("dashboardName", dashboard,
                $"Azure dashboard names hold 1 to {MaxDashboardNameLength} letters, digits and '-'; set dashboardName");
    }

    /// <summary>
    /// Problems of the plain settings that decide what alerts say and whom they reach: the typical
    /// request rate the server-error alert needs, the e-mail receivers, an existing action group. Each
    /// is keyed by <paramref name="at"/> from its argument name, so that a program can check the values
    /// it will pass, as written in its own settings, before anything exists.
    /// </summary>
    public static IEnumerable<SpecProblem> FindNotificationProblems(string layer, bool monitorsLoadBalancer, int? typicalRequestsPerMinute,
        IReadOnlyList<string>? alertEmails, bool hasActionGroup, string componentName, Func<string, string> at)
    {
        ArgumentNullException.ThrowIfNull(at);
        if (layer == LoadBalancerLayers.Application && monitorsLoadBalancer && typicalRequestsPerMinute is null)
            yield return new(at("typicalRequestsPerMinute"), null,
                "Azure metric alerts cannot divide 5xx responses by requests; give the gateway's typical requests per minute so alerts.serverErrorRatePercent becomes a 5xx count");
        if (typicalRequestsPerMinute is < 1)
            yield return new(at("typicalRequestsPerMinute"), typicalRequestsPerMinute, "use 1 or more requests per minute");

        var emails = alertEmails ?? [];
        if (emails.Count > 0 && hasActionGroup)
            yield return new(at("actionGroupId"), "(set)", "alertEmails would create a second action group; pass either alertEmails or actionGroupId");
        foreach (var email in emails.Where(e => e is null || !EmailAddress().IsMatch(e)))
            yield return new(at("alertEmails"), email, "list e-mail addresses such as oncall@example.com");
        if (emails.Distinct(StringComparer.OrdinalIgnoreCase).Count() != emails.Count)
            yield return new(at("alertEmails"), emails, "list each address once");
        if (emails.Count > 0 && ShortNameFor(componentName).Length == 0)
            yield return new(at("alertEmails"), emails,
                $"the action group's short name comes from the component's letters and digits (at most {MaxShortNameLength}), and \"{componentName}\" has none; rename the component");
    }

    /// <summary>What Azure Monitor metric alerts cannot do with <paramref name="alerts"/> for a load
    /// balancer of <paramref name="layer"/>, keyed under <paramref name="at"/>. Only problems the spec's
    /// own validation does not report are returned, so call both.</summary>
    /// <remarks>Mapped, not refused: the evaluation window (periodSeconds × evaluationPeriods) rounds
    /// up to the next window Azure allows (PT1M, PT5M, PT15M, PT30M, PT1H, PT6H, PT12H, P1D), the
    /// frequency is the longest allowed one (PT1M … PT1H) not above the period, p95/p99 response
    /// times are alerted on as Maximum, and the server-error rate becomes a 5xx count.</remarks>
    public static IEnumerable<SpecProblem> FindAzureProblems(AlertSpec alerts, string layer, string at)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        if (layer == LoadBalancerLayers.Network && alerts.UnhealthyHosts > 0)
            yield return new($"{at}.unhealthyHosts", alerts.UnhealthyHosts,
                "a Standard Load Balancer reports backend health as a percentage (DipAvailability), not a count of hosts; use 0 to alert when any backend fails its probe");
    }

    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex DashboardNamePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailAddress();
}
