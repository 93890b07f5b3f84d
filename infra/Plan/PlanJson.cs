using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Plan;

/// <summary>Saves and loads plans as JSON, for machines and for <c>plan --against</c>.</summary>
public static class PlanJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The plan as indented JSON.</summary>
    public static string Write(StackPlan plan)
    {
        var resources = new JsonArray();
        foreach (var resource in plan.Resources)
        {
            resources.Add(new JsonObject
            {
                ["type"] = resource.Type,
                ["name"] = resource.Name,
                ["parent"] = resource.Parent,
                ["custom"] = resource.Custom,
                ["provider"] = resource.Provider,
                ["protect"] = resource.Protect,
                ["ignoreChanges"] = new JsonArray(resource.IgnoreChanges.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
                ["inputs"] = ToNode(resource.Inputs),
            });
        }
        var root = new JsonObject
        {
            ["project"] = plan.Project,
            ["stack"] = plan.Stack,
            ["counts"] = ToNode(plan.CountsByPackage().ToImmutableSortedDictionary(kv => kv.Key, kv => (object?)kv.Value)),
            ["resources"] = resources,
            ["outputs"] = ToNode(plan.Outputs),
        };
        return root.ToJsonString(Indented);
    }

    /// <summary>Reads a plan written by <see cref="Write"/>.</summary>
    public static StackPlan Read(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new InvalidDataException("A plan file must hold a JSON object.");
        var resources = root["resources"]!.AsArray().Select(node =>
        {
            var o = node!.AsObject();
            return new PlannedResource(
                (string)o["type"]!,
                (string)o["name"]!,
                (string?)o["parent"],
                ((ImmutableSortedDictionary<string, object?>)FromNode(o["inputs"])!),
                (string?)o["provider"] ?? "",
                (bool?)o["custom"] ?? true)
            {
                Protect = (bool?)o["protect"] ?? false,
                IgnoreChanges = o["ignoreChanges"]?.AsArray().Select(i => (string)i!).ToImmutableArray() ?? [],
            };
        }).ToImmutableArray();
        var outputs = (ImmutableSortedDictionary<string, object?>?)FromNode(root["outputs"]) ?? ImmutableSortedDictionary<string, object?>.Empty;
        return new StackPlan((string)root["project"]!, (string)root["stack"]!, resources, outputs);
    }

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        double d => JsonValue.Create(d),
        int i => JsonValue.Create(i),
        IEnumerable<KeyValuePair<string, object?>> map => new JsonObject(map.Select(kv => KeyValuePair.Create(kv.Key, ToNode(kv.Value)))),
        ImmutableArray<object?> list => new JsonArray(list.Select(ToNode).ToArray()),
        _ => JsonValue.Create(value.ToString()),
    };

    private static object? FromNode(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToImmutableSortedDictionary(kv => kv.Key, kv => FromNode(kv.Value), StringComparer.Ordinal),
        JsonArray a => a.Select(FromNode).ToImmutableArray(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        _ => null,
    };
}
