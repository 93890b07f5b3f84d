using System.Collections.Immutable;
using Infra.Plan;

namespace Infra.Drill;

/// <summary>
/// Finds the Traffic Manager profiles of a plan with their endpoints (linked by the profile's id),
/// routing method, TTL and monitor.
/// </summary>
internal static class TrafficManagerPlanReader
{
    private const string ProfileType = "azure:network/trafficManagerProfile:TrafficManagerProfile";
    private static readonly string[] EndpointTypes =
    [
        "azure:network/trafficManagerAzureEndpoint:TrafficManagerAzureEndpoint",
        "azure:network/trafficManagerExternalEndpoint:TrafficManagerExternalEndpoint",
    ];

    // Azure's defaults for a monitor that leaves them unset.
    private const int DefaultInterval = 30, DefaultToleratedFailures = 3;

    public static IEnumerable<DrillTarget> Read(StackPlan plan)
    {
        foreach (var profile in plan.Resources.Where(r => r.Type == ProfileType))
        {
            var id = RecordingMocks.IdOf(profile.Type, profile.Name);
            var method = profile.Text("trafficRoutingMethod") ?? "Priority";
            var routing = method switch
            {
                "Priority" => DrillRouting.Failover,
                "Weighted" => DrillRouting.Weighted,
                // Performance, MultiValue, Geographic and Subnet all answer with some healthy endpoint
                // chosen by where the client is.
                _ => DrillRouting.Nearest,
            };
            var dns = profile.Map("dnsConfig");
            var monitor = profile.Map("monitorConfig");
            var ttl = dns.Number("ttl") ?? 0;
            var interval = monitor.Number("intervalInSeconds") ?? DefaultInterval;
            // An endpoint is degraded after one failure more than the tolerated number.
            var failures = (monitor.Number("toleratedNumberOfFailures") ?? DefaultToleratedFailures) + 1;
            var port = monitor.Number("port") is { } p ? $" :{p}" : "";
            var path = monitor.Text("path") is { } monitorPath ? $" {monitorPath}" : "";
            var check = $"{monitor.Text("protocol") ?? "?"}{port}{path} every {interval} s × {failures}";

            var endpoints = plan.Resources
                .Where(r => EndpointTypes.Contains(r.Type) && r.Text("profileId") == id && r.Flag("enabled") != false)
                .Select((endpoint, index) =>
                {
                    var azure = endpoint.Type == EndpointTypes[0];
                    var priority = endpoint.Number("priority") ?? index + 1;
                    var weight = endpoint.Number("weight") ?? 1;
                    var role = routing switch
                    {
                        DrillRouting.Failover => $"priority {priority}",
                        DrillRouting.Weighted => $"weight {weight}",
                        _ => endpoint.Text("endpointLocation") ?? (azure ? "its resource's region" : "?"),
                    };
                    var target = azure ? $"{endpoint.Text("targetResourceId")} (Azure endpoint)" : $"{endpoint.Text("target")} (external)";
                    return new DrillEndpoint(endpoint.Text("name") ?? endpoint.Name, role, target, priority, weight, check, true, interval * failures, ttl);
                })
                .OrderBy(e => e.Priority)
                .ToImmutableArray();
            if (endpoints.IsEmpty)
                continue;
            var name = dns.Text("relativeName") is { } relative ? $"{relative}.trafficmanager.net" : profile.Name;
            yield return new DrillTarget(name, $"Traffic Manager profile {profile.Name} ({method} routing)", routing, endpoints);
        }
    }
}
