using System.Collections.Immutable;

namespace Infra.Plan;

/// <summary>What one stack would create: every resource with its inputs and parent, and the stack outputs.</summary>
public sealed record StackPlan(
    string Project,
    string Stack,
    ImmutableArray<PlannedResource> Resources,
    ImmutableSortedDictionary<string, object?> Outputs)
{
    /// <summary>Guardrail rules the stack waives (<c>infra:waivers</c>), by rule id, with the stack's reason.</summary>
    public ImmutableSortedDictionary<string, string> Waivers { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>The resource with this type and name, if planned.</summary>
    public PlannedResource? Find(string type, string name)
        => Resources.FirstOrDefault(r => r.Type == type && r.Name == name);

    /// <summary>Direct children of <paramref name="parentKey"/> (null: top level).</summary>
    public IEnumerable<PlannedResource> ChildrenOf(string? parentKey)
        => Resources.Where(r => r.Parent == parentKey);

    /// <summary>Resource count per package (cloud).</summary>
    public ImmutableSortedDictionary<string, int> CountsByPackage()
        => Resources.Where(r => r.Custom && r.Package != "pulumi")
            .GroupBy(r => r.Package)
            .ToImmutableSortedDictionary(g => g.Key, g => g.Count());
}
