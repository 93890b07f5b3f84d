using System.Collections.Immutable;
using Infra.Components.Dns.Aws;
using Infra.Plan;

namespace Infra.Drill;

/// <summary>
/// Finds the Route 53 names of a plan that choose by health: records sharing zone, name and type
/// with a failover, weighted or latency policy, each linked to its planned health check by id.
/// </summary>
internal static class Route53PlanReader
{
    private const string RecordType = "aws:route53/record:Record";
    private const string HealthCheckType = "aws:route53/healthCheck:HealthCheck";

    // Route 53's defaults for a check that leaves them unset.
    private const int DefaultRequestInterval = 30, DefaultFailureThreshold = 3;

    public static IEnumerable<DrillTarget> Read(StackPlan plan)
    {
        var checks = plan.Resources.Where(r => r.Type == HealthCheckType)
            .ToDictionary(r => RecordingMocks.IdOf(r.Type, r.Name), StringComparer.Ordinal);
        var sets = plan.Resources
            .Where(r => r.Type == RecordType && RoutingOf(r) is not null)
            .GroupBy(r => (Zone: r.Text("zoneId") ?? "", Name: r.Text("name") ?? "", Type: r.Text("type") ?? ""))
            .ToList();
        var byName = sets.ToDictionary(set => (set.Key.Zone, set.Key.Name));
        // A failover list longer than two continues in another set of the zone: a secondary record whose
        // alias or CNAME names that set (Route53Records.TierName). Such sets are drilled inside the set
        // that links to them, as the later steps of one list.
        var linked = sets.SelectMany(set => set.Select(record => LinkOf(record, byName)))
            .Where(link => link is not null).Select(link => link!.Value).ToHashSet();
        foreach (var set in sets.Where(set => !linked.Contains((set.Key.Zone, set.Key.Name))))
        {
            var routing = RoutingOf(set.First())!;
            var seen = new List<(string, string)>();
            var endpoints = Flatten(set, routing, checks, byName, priorityBase: 0, seen).ToImmutableArray();
            var policy = routing == DrillRouting.Nearest ? "latency" : routing;
            var tiers = seen.Count > 1 ? $", chained through {string.Join(", ", seen.Skip(1).Select(s => s.Item2))}" : "";
            yield return new DrillTarget(set.Key.Name, $"Route 53 {policy} records ({set.Key.Type}) in zone {set.Key.Zone}{tiers}", routing, endpoints);
        }
    }

    /// <summary>The endpoints of <paramref name="set"/> in answer order, with each link to another set
    /// replaced by that set's endpoints, whose priorities follow the linking record's.</summary>
    private static IEnumerable<DrillEndpoint> Flatten(IGrouping<(string Zone, string Name, string Type), PlannedResource> set, string routing,
        IReadOnlyDictionary<string, PlannedResource> checks,
        IReadOnlyDictionary<(string Zone, string Name), IGrouping<(string Zone, string Name, string Type), PlannedResource>> byName,
        int priorityBase, List<(string, string)> seen)
    {
        seen.Add((set.Key.Zone, set.Key.Name));
        var ordered = set.Select((record, index) => (Record: record, Endpoint: Endpoint(record, index, routing, checks)))
            .OrderBy(e => e.Endpoint.Priority).ToList();
        var next = priorityBase;
        foreach (var (record, endpoint) in ordered)
        {
            if (routing == DrillRouting.Failover && LinkOf(record, byName) is { } link && !seen.Contains(link))
            {
                foreach (var inner in Flatten(byName[link], routing, checks, byName, next, seen))
                {
                    next = inner.Priority;
                    yield return inner;
                }
                continue;
            }
            next++;
            yield return endpoint with { Priority = next };
        }
    }

    /// <summary>The set a record points at inside its own zone (alias or CNAME), if it is a planned set.</summary>
    private static (string Zone, string Name)? LinkOf(PlannedResource record,
        IReadOnlyDictionary<(string Zone, string Name), IGrouping<(string Zone, string Name, string Type), PlannedResource>> byName)
    {
        var zone = record.Text("zoneId") ?? "";
        var alias = record.First("aliases");
        var target = alias is not null ? alias.Text("name") : record.Text("type") == "CNAME" ? record.FirstText("records") : null;
        return target is not null && alias?.Text("zoneId") is var aliasZone && (aliasZone is null || aliasZone == zone)
               && byName.ContainsKey((zone, target)) && target != record.Text("name")
            ? (zone, target)
            : null;
    }

    private static string? RoutingOf(PlannedResource record)
        => record.First("failoverRoutingPolicies") is not null ? DrillRouting.Failover
            : record.First("weightedRoutingPolicies") is not null ? DrillRouting.Weighted
            : record.First("latencyRoutingPolicies") is not null ? DrillRouting.Nearest
            : null;

    private static DrillEndpoint Endpoint(PlannedResource record, int index, string routing, IReadOnlyDictionary<string, PlannedResource> checks)
    {
        var alias = record.First("aliases");
        var target = alias is not null
            ? $"{alias.Text("name")} (alias)"
            : $"{record.FirstText("records")} ({record.Text("type")})";
        // An alias answers with the target's own records, which for a load balancer live 60 s.
        var ttl = alias is not null ? Route53Records.LoadBalancerAliasTtlSeconds : record.Number("ttl") ?? 0;

        var failoverType = record.First("failoverRoutingPolicies").Text("type");
        var weight = record.First("weightedRoutingPolicies").Number("weight") ?? 1;
        var (role, priority) = routing switch
        {
            DrillRouting.Failover => (failoverType?.ToLowerInvariant() ?? "?", failoverType == "PRIMARY" ? 1 : 2),
            DrillRouting.Weighted => ($"weight {weight}", index + 1),
            _ => (record.First("latencyRoutingPolicies").Text("region") ?? "?", index + 1),
        };

        var (check, monitored, detection) = record.Text("healthCheckId") is { } id && checks.TryGetValue(id, out var healthCheck)
            ? Describe(healthCheck)
            : alias.Flag("evaluateTargetHealth") == true
                ? ("target health of the alias target", true, (int?)null)
                : ("none", false, null);
        return new DrillEndpoint(record.Text("setIdentifier") ?? record.Name, role, target, priority, weight, check, monitored, detection, ttl);
    }

    private static (string Check, bool Monitored, int? DetectionSeconds) Describe(PlannedResource check)
    {
        var type = check.Text("type") ?? "?";
        if (type is not ("HTTP" or "HTTPS" or "HTTP_STR_MATCH" or "HTTPS_STR_MATCH" or "TCP"))
            // Calculated and alarm-based checks follow other signals; the drill cannot time them.
            return ($"{type} check {check.Name}", true, null);
        var interval = check.Number("requestInterval") ?? DefaultRequestInterval;
        var failures = check.Number("failureThreshold") ?? DefaultFailureThreshold;
        var port = check.Number("port") is { } p ? $" :{p}" : "";
        var path = check.Text("resourcePath") is { } resourcePath ? $" {resourcePath}" : "";
        return ($"{type}{port}{path} every {interval} s × {failures}", true, interval * failures);
    }
}
