using Infra.Plan;
using static Infra.Guardrails.GuardrailPlan;

namespace Infra.Guardrails;

/// <summary>Surviving a zone and noticing a dead backend: two zones at least, a health check on every pool.</summary>
public static class AvailabilityRules
{
    /// <summary>INFRA-HA-001.</summary>
    public static readonly GuardrailRule TwoZones = new(
        "INFRA-HA-001",
        "Load balancers and instance groups span at least 2 zones",
        "list at least two availabilityZones (AWS) or zones (Azure) in the site's network",
        Zones);

    /// <summary>INFRA-HC-001.</summary>
    public static readonly GuardrailRule HealthChecks = new(
        "INFRA-HC-001",
        "A health check on every pool",
        "give every pool a healthCheck (path for HTTP pools); the load balancer then stops sending traffic to dead backends",
        Health);

    private static IEnumerable<GuardrailFinding> Zones(GuardrailPlan plan)
    {
        IEnumerable<string> ZonesOf(IEnumerable<string> subnetIds) => subnetIds
            .Select(id => plan.ById(id)).OfType<PlannedResource>()
            .Select(s => Text(s.Inputs, "availabilityZone") ?? Text(s.Inputs, "availabilityZoneId")).OfType<string>().Distinct();

        foreach (var balancer in plan.OfType(PlannedTypes.AwsLoadBalancer))
        {
            var subnets = Strings(balancer.Inputs, "subnets").Concat(Blocks(balancer.Inputs, "subnetMappings").Select(m => Text(m, "subnetId")).OfType<string>()).ToList();
            var zones = ZonesOf(subnets).ToList();
            // Subnets not in the plan (existing ones) count by number: AWS refuses two subnets in one zone.
            var count = Math.Max(zones.Count, subnets.Count(id => plan.ById(id) == null) + zones.Count);
            if (count < 2)
                yield return new(balancer, $"spans {count} zone{(count == 1 ? "" : "s")}");
        }
        foreach (var group in plan.OfType(PlannedTypes.AwsAutoscalingGroup))
        {
            var subnets = Strings(group.Inputs, "vpcZoneIdentifiers").ToList();
            var zones = ZonesOf(subnets).Count() + subnets.Count(id => plan.ById(id) == null);
            var listed = Strings(group.Inputs, "availabilityZones").Count();
            var count = Math.Max(zones, listed);
            if (count < 2)
                yield return new(group, $"spans {count} zone{(count == 1 ? "" : "s")}");
        }
        foreach (var resource in plan.OfType(PlannedTypes.AzureApplicationGateway)
                     .Concat(plan.OfType(PlannedTypes.AzureLinuxScaleSet)).Concat(plan.OfType(PlannedTypes.AzureWindowsScaleSet)))
        {
            var count = Strings(resource.Inputs, "zones").Distinct().Count();
            if (count < 2)
                yield return new(resource, $"spans {count} zone{(count == 1 ? "" : "s")}");
        }
    }

    private static IEnumerable<GuardrailFinding> Health(GuardrailPlan plan)
    {
        foreach (var group in plan.OfType(PlannedTypes.AwsTargetGroup))
        {
            // Lambda targets have no port to probe; every other target type is checked.
            if (Text(group.Inputs, "targetType") == "lambda")
                continue;
            if (group.Inputs.GetValueOrDefault("healthCheck") is not IReadOnlyDictionary<string, object?> check || At(check, "enabled") is false || Equals(At(check, "enabled"), "false"))
                yield return new(group, "has no health check");
            else if (Text(check, "protocol") is "HTTP" or "HTTPS" && Text(check, "path")?.StartsWith('/') != true)
                yield return new(group, $"checks {Text(check, "protocol")} without a path starting with /");
        }
        foreach (var gateway in plan.OfType(PlannedTypes.AzureApplicationGateway))
        {
            var probes = Blocks(gateway.Inputs, "probes").Select(p => Text(p, "name")).OfType<string>().ToHashSet();
            foreach (var settings in Blocks(gateway.Inputs, "backendHttpSettings"))
                if (Text(settings, "probeName") is not { } probe || !probes.Contains(probe))
                    yield return new(gateway, $"backend settings {Text(settings, "name")} use no probe (pool health falls back to the default probe of /)");
        }
        foreach (var rule in plan.OfType(PlannedTypes.AzureLoadBalancerRule))
            if (Text(rule.Inputs, "probeId") == null)
                yield return new(rule, "has no probe: the load balancer keeps sending to dead backends");
    }
}
