using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Infra.Plan;

namespace Infra.Guardrails;

/// <summary>
/// A plan as the guardrail rules read it: resources by type and by id, nested inputs by path, the
/// environment the stack declares, and the default tags of the explicit AWS providers.
/// </summary>
public sealed partial class GuardrailPlan
{
    private readonly ImmutableDictionary<string, PlannedResource> _byId;
    private readonly ImmutableDictionary<string, PlannedResource> _byKey;

    /// <summary>Reads <paramref name="plan"/>.</summary>
    public GuardrailPlan(StackPlan plan)
    {
        Plan = plan;
        var custom = plan.Resources.Where(r => r.Custom).ToList();
        // The mocks give every custom resource a predictable id (RecordingMocks.IdOf), which is what
        // references between planned resources (securityGroupId, subnetId, ...) carry.
        _byId = custom.GroupBy(r => RecordingMocks.IdOf(r.Type, r.Name)).ToImmutableDictionary(g => g.Key, g => g.First());
        _byKey = plan.Resources.GroupBy(r => r.Key).ToImmutableDictionary(g => g.Key, g => g.First());
    }

    /// <summary>The plan read.</summary>
    public StackPlan Plan { get; }

    /// <summary>The environment the stack declares (its <c>environment</c> output), or null when it declares none.</summary>
    public string? Environment => Plan.Outputs.GetValueOrDefault("environment") as string;

    /// <summary>Planned resources of <paramref name="type"/>.</summary>
    public IEnumerable<PlannedResource> OfType(string type) => Plan.Resources.Where(r => r.Type == type);

    /// <summary>The custom resource whose id is <paramref name="id"/>, if planned.</summary>
    public PlannedResource? ById(object? id) => id is string text && _byId.TryGetValue(text, out var r) ? r : null;

    /// <summary>The resource with key <paramref name="key"/> (<c>type::name</c>), if planned.</summary>
    public PlannedResource? ByKey(string? key) => key != null && _byKey.TryGetValue(key, out var r) ? r : null;

    /// <summary>The id these plans give <paramref name="resource"/>.</summary>
    public static string IdOf(PlannedResource resource) => RecordingMocks.IdOf(resource.Type, resource.Name);

    /// <summary>The value at <paramref name="path"/> (<c>healthCheck.path</c>, <c>ingress[0].fromPort</c>) below <paramref name="root"/>.</summary>
    public static object? At(object? root, string path)
    {
        var current = root;
        foreach (Match part in PathPart().Matches(path))
        {
            if (part.Groups["name"].Success)
                current = current is IReadOnlyDictionary<string, object?> map && map.TryGetValue(part.Groups["name"].Value, out var v) ? v : null;
            else
            {
                var index = int.Parse(part.Groups["index"].Value, CultureInfo.InvariantCulture);
                current = current is ImmutableArray<object?> list && index < list.Length ? list[index] : null;
            }
        }
        return current;
    }

    /// <summary>The input at <paramref name="path"/> of <paramref name="resource"/>.</summary>
    public static object? Input(PlannedResource resource, string path) => At(resource.Inputs, path);

    /// <summary>The list at <paramref name="path"/> (empty when absent or not a list).</summary>
    public static ImmutableArray<object?> List(object? root, string path)
        => At(root, path) is ImmutableArray<object?> list ? list : [];

    /// <summary>The maps in the list at <paramref name="path"/>.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, object?>> Blocks(object? root, string path)
        => List(root, path).OfType<IReadOnlyDictionary<string, object?>>();

    /// <summary>The strings in the list at <paramref name="path"/>.</summary>
    public static IEnumerable<string> Strings(object? root, string path) => List(root, path).OfType<string>();

    /// <summary>The text at <paramref name="path"/>, or null.</summary>
    public static string? Text(object? root, string path) => At(root, path) as string;

    /// <summary>The number at <paramref name="path"/> (the engine sends numbers as doubles; some providers as text).</summary>
    public static double? Number(object? root, string path) => At(root, path) switch
    {
        double d => d,
        int i => i,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    /// <summary>Whether the value at <paramref name="path"/> is true (a bool, or "true" as some providers send it).</summary>
    public static bool IsTrue(object? root, string path) => At(root, path) switch
    {
        bool b => b,
        string s => string.Equals(s, "true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>
    /// Tags of <paramref name="resource"/>: its own <c>tags</c> (a map, or the autoscaling group's list of
    /// key/value blocks) merged over the default tags of the AWS provider it goes through.
    /// </summary>
    public IReadOnlyDictionary<string, string> EffectiveTags(PlannedResource resource, bool withProviderDefaults)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (withProviderDefaults)
            foreach (var (key, value) in ProviderDefaultTags(resource))
                tags[key] = value;
        switch (resource.Inputs.GetValueOrDefault("tags"))
        {
            case IReadOnlyDictionary<string, object?> map:
                foreach (var (key, value) in map)
                    if (value is string text)
                        tags[key] = text;
                break;
            case ImmutableArray<object?> list:
                foreach (var block in list.OfType<IReadOnlyDictionary<string, object?>>())
                    if (block.GetValueOrDefault("key") is string key && block.GetValueOrDefault("value") is string value)
                        tags[key] = value;
                break;
        }
        return tags;
    }

    /// <summary>The default tags of the explicit AWS provider <paramref name="resource"/> goes through
    /// (none for the default provider: its tags come from ambient config a plan cannot see).</summary>
    public IReadOnlyDictionary<string, string> ProviderDefaultTags(PlannedResource resource)
    {
        // Provider references read "<provider urn>::<provider id>"; the urn ends in "::<name>".
        var parts = resource.Provider.Split("::");
        if (parts.Length < 3)
            return ImmutableDictionary<string, string>.Empty;
        var provider = ByKey($"pulumi:providers:{resource.Package}::{parts[^2]}");
        return provider == null ? ImmutableDictionary<string, string>.Empty : DefaultTagsOf(provider);
    }

    /// <summary>The <c>defaultTags.tags</c> of a provider resource (providers receive nested inputs as JSON text).</summary>
    public static IReadOnlyDictionary<string, string> DefaultTagsOf(PlannedResource provider)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (provider.Inputs.GetValueOrDefault("defaultTags"))
        {
            case string json:
                try
                {
                    using var document = JsonDocument.Parse(json);
                    if (document.RootElement.ValueKind == JsonValueKind.Object
                        && document.RootElement.TryGetProperty("tags", out var map) && map.ValueKind == JsonValueKind.Object)
                        foreach (var tag in map.EnumerateObject())
                            if (tag.Value.ValueKind == JsonValueKind.String)
                                tags[tag.Name] = tag.Value.GetString()!;
                }
                catch (JsonException)
                {
                    // Not readable: no default tags.
                }
                break;
            case IReadOnlyDictionary<string, object?> block when block.GetValueOrDefault("tags") is IReadOnlyDictionary<string, object?> map:
                foreach (var (key, value) in map)
                    if (value is string text)
                        tags[key] = text;
                break;
        }
        return tags;
    }

    [GeneratedRegex(@"(?<name>[^.\[\]]+)|\[(?<index>\d+)\]")]
    private static partial Regex PathPart();
}
