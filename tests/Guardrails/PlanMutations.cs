using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Infra.Plan;

namespace Infra.Tests.Guardrails;

/// <summary>Changes to a recorded plan for the guardrail tests: one input of the resources of a type set by path.</summary>
public static partial class PlanMutations
{
    /// <summary><paramref name="plan"/> with <paramref name="change"/> applied to every resource of <paramref name="type"/>
    /// (whose name contains <paramref name="nameContains"/>, when given).</summary>
    public static StackPlan Change(this StackPlan plan, string type, Func<PlannedResource, PlannedResource> change, string? nameContains = null)
        => plan with
        {
            Resources = [.. plan.Resources.Select(r => r.Type == type && (nameContains == null || r.Name.Contains(nameContains, StringComparison.Ordinal)) ? change(r) : r)],
        };

    /// <summary><paramref name="plan"/> with the input at <paramref name="path"/> (<c>a.b[0].c</c>) of the matching resources set to
    /// <paramref name="value"/> (null removes it).</summary>
    public static StackPlan Set(this StackPlan plan, string type, string path, object? value, string? nameContains = null)
        => plan.Change(type, r => r.With(path, value), nameContains);

    /// <summary><paramref name="resource"/> with the input at <paramref name="path"/> set to <paramref name="value"/>.</summary>
    public static PlannedResource With(this PlannedResource resource, string path, object? value)
        => resource with { Inputs = (ImmutableSortedDictionary<string, object?>)SetAt(resource.Inputs, [.. Parts().Matches(path).Select(m => m.Value)], value)! };

    /// <summary>A map input.</summary>
    public static ImmutableSortedDictionary<string, object?> Map(params (string Key, object? Value)[] entries)
        => entries.ToImmutableSortedDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    /// <summary>A list input.</summary>
    public static ImmutableArray<object?> List(params object?[] items) => [.. items];

    private static object? SetAt(object? node, string[] parts, object? value)
    {
        if (parts.Length == 0)
            return value;
        var part = parts[0];
        if (part.StartsWith('['))
        {
            var index = int.Parse(part[1..^1], CultureInfo.InvariantCulture);
            var list = node is ImmutableArray<object?> l ? l : [];
            while (list.Length <= index)
                list = list.Add(ImmutableSortedDictionary<string, object?>.Empty);
            return list.SetItem(index, SetAt(list[index], parts[1..], value));
        }
        var map = node as IReadOnlyDictionary<string, object?> ?? ImmutableSortedDictionary<string, object?>.Empty;
        var sorted = map.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var child = SetAt(sorted.GetValueOrDefault(part), parts[1..], value);
        return parts.Length == 1 && value is null ? sorted.Remove(part) : sorted.SetItem(part, child);
    }

    [GeneratedRegex(@"[^.\[\]]+|\[\d+\]")]
    private static partial Regex Parts();
}
