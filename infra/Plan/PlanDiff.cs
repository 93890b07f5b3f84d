using System.Collections.Immutable;
using System.Text;

namespace Infra.Plan;

/// <summary>The difference between a saved plan and a new one: resources added, removed and
/// changed (with each changed input), matched by type and name as Pulumi matches URNs.</summary>
public sealed record PlanDiff(
    ImmutableArray<PlannedResource> Added,
    ImmutableArray<PlannedResource> Removed,
    ImmutableArray<(PlannedResource Before, PlannedResource After, ImmutableArray<InputChange> Changes)> Changed)
{
    /// <summary>True when the two plans create the same resources with the same inputs.</summary>
    public bool IsEmpty => Added.IsEmpty && Removed.IsEmpty && Changed.IsEmpty;

    /// <summary>Compares <paramref name="before"/> (saved) with <paramref name="after"/> (new).</summary>
    public static PlanDiff Between(StackPlan before, StackPlan after)
    {
        var old = before.Resources.ToDictionary(r => r.Key);
        var now = after.Resources.ToDictionary(r => r.Key);
        var added = after.Resources.Where(r => !old.ContainsKey(r.Key)).ToImmutableArray();
        var removed = before.Resources.Where(r => !now.ContainsKey(r.Key)).ToImmutableArray();
        var changed = after.Resources
            .Where(r => old.ContainsKey(r.Key))
            .Select(r => (Before: old[r.Key], After: r, Changes: InputChange.Between(old[r.Key], r)))
            .Where(c => !c.Changes.IsEmpty)
            .ToImmutableArray();
        return new PlanDiff(added, removed, changed);
    }

    /// <summary>A readable summary, one line per resource and per changed input.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        foreach (var r in Added)
            text.AppendLine($"+ {r.Type}  {r.Name}");
        foreach (var r in Removed)
            text.AppendLine($"- {r.Type}  {r.Name}");
        foreach (var (_, after, changes) in Changed)
        {
            text.AppendLine($"~ {after.Type}  {after.Name}");
            foreach (var change in changes)
                text.AppendLine($"    {change.Path}: {PlanRenderer.Show(change.Before)} => {PlanRenderer.Show(change.After)}");
        }
        text.AppendLine($"{Added.Length} to add, {Changed.Length} to change, {Removed.Length} to delete.");
        return text.ToString();
    }
}

/// <summary>One input that differs between two plans of the same resource.</summary>
public sealed record InputChange(string Path, object? Before, object? After)
{
    /// <summary>Every changed leaf input, by dotted path; parent changes count too.</summary>
    public static ImmutableArray<InputChange> Between(PlannedResource before, PlannedResource after)
    {
        var changes = ImmutableArray.CreateBuilder<InputChange>();
        if (before.Parent != after.Parent)
            changes.Add(new InputChange("(parent)", before.Parent, after.Parent));
        if (before.Protect != after.Protect)
            changes.Add(new InputChange("(protect)", before.Protect, after.Protect));
        if (!before.IgnoreChanges.SequenceEqual(after.IgnoreChanges))
            changes.Add(new InputChange("(ignoreChanges)", string.Join(",", before.IgnoreChanges), string.Join(",", after.IgnoreChanges)));
        Compare("", before.Inputs, after.Inputs, changes);
        return changes.ToImmutable();
    }

    private static void Compare(string path, object? before, object? after, ImmutableArray<InputChange>.Builder changes)
    {
        if (before is IReadOnlyDictionary<string, object?> a && after is IReadOnlyDictionary<string, object?> b)
        {
            foreach (var key in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
            {
                a.TryGetValue(key, out var x);
                b.TryGetValue(key, out var y);
                Compare(path.Length == 0 ? key : $"{path}.{key}", x, y, changes);
            }
            return;
        }
        if (before is ImmutableArray<object?> l && after is ImmutableArray<object?> m && l.Length == m.Length)
        {
            for (var i = 0; i < l.Length; i++)
                Compare($"{path}[{i}]", l[i], m[i], changes);
            return;
        }
        if (!PlanRenderer.Show(before).Equals(PlanRenderer.Show(after), StringComparison.Ordinal))
            changes.Add(new InputChange(path, before, after));
    }
}
