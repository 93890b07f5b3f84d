using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Infra.Plan;

/// <summary>Prints a plan as a resource tree (component → children) with key properties and counts per cloud.</summary>
public static class PlanRenderer
{
    /// <summary>Inputs worth showing per type, in this order; other types show their first scalar inputs.</summary>
    private static readonly ImmutableDictionary<string, string[]> KeyInputs = new Dictionary<string, string[]>
    {
        ["aws:ec2/vpc:Vpc"] = ["cidrBlock"],
        ["aws:ec2/subnet:Subnet"] = ["cidrBlock", "availabilityZone", "mapPublicIpOnLaunch"],
        ["aws:lb/loadBalancer:LoadBalancer"] = ["loadBalancerType", "internal", "enableDeletionProtection", "idleTimeout"],
        ["aws:lb/targetGroup:TargetGroup"] = ["protocol", "port", "loadBalancingAlgorithmType", "healthCheck"],
        ["aws:lb/listener:Listener"] = ["protocol", "port", "sslPolicy"],
        ["aws:autoscaling/group:Group"] = ["minSize", "maxSize", "desiredCapacity", "healthCheckType"],
        ["aws:autoscaling/policy:Policy"] = ["policyType"],
        ["aws:autoscaling/schedule:Schedule"] = ["recurrence", "timeZone", "minSize"],
        ["aws:cloudwatch/metricAlarm:MetricAlarm"] = ["metricName", "comparisonOperator", "threshold"],
        ["aws:route53/record:Record"] = ["name", "type", "setIdentifier"],
        ["aws:route53/healthCheck:HealthCheck"] = ["type", "fqdn", "resourcePath", "requestInterval", "failureThreshold"],
        ["azure:network/applicationGateway:ApplicationGateway"] = ["sku.name", "zones", "sslPolicy.policyName", "autoscaleConfiguration.minCapacity", "autoscaleConfiguration.maxCapacity"],
        ["azure:lb/loadBalancer:LoadBalancer"] = ["sku", "location"],
        ["azure:lb/rule:Rule"] = ["protocol", "frontendPort", "backendPort", "loadDistribution"],
        ["azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet"] = ["sku", "instances", "zones", "upgradeMode", "disablePasswordAuthentication", "encryptionAtHostEnabled"],
        ["azure:monitoring/autoscaleSetting:AutoscaleSetting"] = ["profiles[0].capacity.minimum", "profiles[0].capacity.maximum", "predictive.scaleMode"],
        ["azure:monitoring/metricAlert:MetricAlert"] = ["criterias[0].metricName", "criterias[0].operator", "criterias[0].threshold", "windowSize"],
        ["azure:network/networkSecurityRule:NetworkSecurityRule"] = ["direction", "access", "sourceAddressPrefix", "destinationPortRange", "priority"],
        ["kubernetes:apps/v1:Deployment"] = ["metadata.namespace", "spec.replicas", "spec.template.spec.containers[0].image", "spec.template.spec.containers[0].readinessProbe.httpGet.path"],
        ["kubernetes:networking.istio.io/v1:DestinationRule"] = ["spec.trafficPolicy.loadBalancer.simple", "spec.trafficPolicy.outlierDetection.consecutive5xxErrors"],
        ["kubernetes:networking.istio.io/v1:VirtualService"] = ["spec.http[0].retries.attempts", "spec.http[0].retries.retryOn", "spec.http[0].timeout"],
        ["kubernetes:gateway.networking.k8s.io/v1:HTTPRoute"] = ["spec.parentRefs[0].name", "spec.parentRefs[0].sectionName", "spec.hostnames"],
        ["kubernetes:keda.sh/v1alpha1:ScaledObject"] = ["spec.minReplicaCount", "spec.maxReplicaCount", "spec.triggers[0].type", "spec.triggers[1].type"],
        ["kubernetes:autoscaling/v2:HorizontalPodAutoscaler"] = ["spec.minReplicas", "spec.maxReplicas"],
    }.ToImmutableDictionary();

    /// <summary>The tree and the counts, as printed by <c>plan</c>.</summary>
    public static string Render(StackPlan plan)
    {
        var text = new StringBuilder();
        text.AppendLine($"Plan for stack '{plan.Stack}' of project '{plan.Project}':");
        text.AppendLine();
        foreach (var resource in plan.ChildrenOf(null))
            RenderNode(plan, resource, "", text);
        text.AppendLine();
        var counts = plan.CountsByPackage();
        var custom = plan.Resources.Count(r => r.Custom && r.Package != "pulumi");
        var components = plan.Resources.Count(r => !r.Custom);
        var providers = plan.Resources.Count(r => r.Package == "pulumi");
        text.AppendLine($"Resources: {custom} to create ({string.Join(", ", counts.Select(kv => $"{kv.Key} {kv.Value}"))}), " +
                        $"{Plural(components, "component")}, {Plural(providers, "provider")}.");
        if (plan.Outputs.Count > 0)
        {
            text.AppendLine("Outputs:");
            foreach (var (key, value) in plan.Outputs)
                text.AppendLine($"    {key}: {Show(value)}");
        }
        return text.ToString();
    }

    private static void RenderNode(StackPlan plan, PlannedResource resource, string indent, StringBuilder text)
    {
        var properties = KeyPropertiesOf(resource);
        text.Append(indent).Append(resource.Custom ? "+ " : "▸ ").Append(resource.Type).Append("  ").Append(resource.Name);
        if (properties.Length > 0)
            text.Append("  ").Append(string.Join(" ", properties.Select(p => $"{p.Key}={Show(p.Value)}")));
        if (resource.Protect && (resource.Parent == null || plan.Resources.FirstOrDefault(r => r.Key == resource.Parent) is not { Protect: true }))
            text.Append("  [protected]");
        if (!resource.IgnoreChanges.IsEmpty)
            text.Append($"  [ignores changes to {string.Join(", ", resource.IgnoreChanges)}]");
        text.AppendLine();
        foreach (var child in plan.ChildrenOf(resource.Key))
            RenderNode(plan, child, indent + "    ", text);
    }

    private static ImmutableArray<KeyValuePair<string, object?>> KeyPropertiesOf(PlannedResource resource)
    {
        if (!resource.Custom)
            return ImmutableArray<KeyValuePair<string, object?>>.Empty;
        if (KeyInputs.TryGetValue(resource.Type, out var keys))
            return [.. keys.Select(k => (Key: k, Found: TryGet(resource.Inputs, k, out var value), Value: value))
                .Where(k => k.Found).Select(k => KeyValuePair.Create(k.Key, k.Value))];
        return resource.Inputs.Where(kv => kv.Value is string or double or bool && kv.Key != "tags").Take(3).ToImmutableArray();
    }

    /// <summary>The input at a dotted path with list indexes, e.g. <c>spec.http[0].retries.attempts</c>.</summary>
    private static bool TryGet(IReadOnlyDictionary<string, object?> inputs, string path, out object? value)
    {
        value = inputs;
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            if (value is not IReadOnlyDictionary<string, object?> map || !map.TryGetValue(name, out value))
                return false;
            if (bracket >= 0)
            {
                var index = int.Parse(part[(bracket + 1)..^1], CultureInfo.InvariantCulture);
                if (value is not ImmutableArray<object?> list || index >= list.Length)
                    return false;
                value = list[index];
            }
        }
        return true;
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>A compact one-line rendering of an input value.</summary>
    public static string Show(object? value) => value switch
    {
        null => "null",
        string s => s.Length > 60 ? $"\"{s[..57]}...\"" : $"\"{s}\"",
        bool b => b ? "true" : "false",
        double d => d.ToString(CultureInfo.InvariantCulture),
        ImmutableArray<object?> list => $"[{string.Join(", ", list.Select(Show))}]",
        IEnumerable<KeyValuePair<string, object?>> map => $"{{{string.Join(", ", map.Select(kv => $"{kv.Key}: {Show(kv.Value)}"))}}}",
        _ => value.ToString() ?? "",
    };
}
