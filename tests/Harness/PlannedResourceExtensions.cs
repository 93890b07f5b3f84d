using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Infra.Plan;

namespace Infra.Tests.Harness;

/// <summary>Reads nested inputs of a recorded resource by path: <c>healthCheck.path</c>, <c>ingress[0].fromPort</c>.</summary>
public static partial class PlannedResourceExtensions
{
    /// <summary>The input at <paramref name="path"/>, or null when absent.</summary>
    public static object? Input(this PlannedResource resource, string path)
    {
        object? current = resource.Inputs;
        foreach (Match part in PathPart().Matches(path))
        {
            if (part.Groups["name"].Success)
                current = current is IReadOnlyDictionary<string, object?> map && map.TryGetValue(part.Groups["name"].Value, out var v) ? v : null;
            else
            {
                var index = int.Parse(part.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
                current = current is ImmutableArray<object?> list && index < list.Length ? list[index] : null;
            }
        }
        return current;
    }

    /// <summary>The list input at <paramref name="path"/> (empty when absent).</summary>
    public static ImmutableArray<object?> List(this PlannedResource resource, string path)
        => resource.Input(path) is ImmutableArray<object?> list ? list : ImmutableArray<object?>.Empty;

    /// <summary>The number input at <paramref name="path"/>; the engine sends every number as a double.</summary>
    public static double? Number(this PlannedResource resource, string path) => resource.Input(path) as double?;

    [GeneratedRegex(@"(?<name>[^.\[\]]+)|\[(?<index>\d+)\]")]
    private static partial Regex PathPart();
}
