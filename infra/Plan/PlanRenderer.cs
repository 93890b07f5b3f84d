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
            return keys.Where(resource.Inputs.ContainsKey).Select(k => KeyValuePair.Create(k, resource.Inputs[k])).ToImmutableArray();
        return resource.Inputs.Where(kv => kv.Value is string or double or bool && kv.Key != "tags").Take(3).ToImmutableArray();
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
