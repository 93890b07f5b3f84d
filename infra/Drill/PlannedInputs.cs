using System.Collections.Immutable;
using System.Globalization;
using Infra.Plan;

namespace Infra.Drill;

/// <summary>Reads a planned resource's inputs as the engine recorded them: numbers as doubles, lists as
/// arrays, nested objects as maps.</summary>
internal static class PlannedInputs
{
    public static object? Value(this PlannedResource resource, string key) => resource.Inputs.GetValueOrDefault(key);

    public static string? Text(this PlannedResource resource, string key) => resource.Value(key) as string;

    public static int? Number(this PlannedResource resource, string key) => Number(resource.Value(key));

    public static bool? Flag(this PlannedResource resource, string key) => resource.Value(key) as bool?;

    /// <summary>The first element of a one-element list input, as a map (Route 53 routing policies, aliases).</summary>
    public static IReadOnlyDictionary<string, object?>? First(this PlannedResource resource, string key)
        => resource.Value(key) is ImmutableArray<object?> { Length: > 0 } list ? list[0] as IReadOnlyDictionary<string, object?> : null;

    /// <summary>A nested object input (Traffic Manager's dnsConfig, monitorConfig).</summary>
    public static IReadOnlyDictionary<string, object?>? Map(this PlannedResource resource, string key)
        => resource.Value(key) as IReadOnlyDictionary<string, object?>;

    /// <summary>The first string of a list input (a record's values).</summary>
    public static string? FirstText(this PlannedResource resource, string key)
        => resource.Value(key) is ImmutableArray<object?> { Length: > 0 } list ? list[0] as string : null;

    public static string? Text(this IReadOnlyDictionary<string, object?>? map, string key) => map?.GetValueOrDefault(key) as string;

    public static int? Number(this IReadOnlyDictionary<string, object?>? map, string key) => Number(map?.GetValueOrDefault(key));

    public static bool? Flag(this IReadOnlyDictionary<string, object?>? map, string key) => map?.GetValueOrDefault(key) as bool?;

    private static int? Number(object? value) => value switch
    {
        double d => (int)d,
        int i => i,
        long l => (int)l,
        string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
