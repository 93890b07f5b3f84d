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

    /// <summary>Reads a plan written by <see cref="Write"/>; <see cref="InvalidDataException"/> (one line,
    /// saying what is wrong) when <paramref name="json"/> is not one: not JSON, JSON of another shape
    /// (null, a list, an object without the plan's keys), or a resource without its type or name.</summary>
    public static StackPlan Read(string json)
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not JSON (line {e.LineNumber + 1}); give a file written by plan --out");
        }
        if (parsed is not JsonObject root)
            throw new InvalidDataException($"holds {Kind(parsed)}, not a plan (a JSON object with project, stack and resources); give a file written by plan --out");
        try
        {
            if (root["resources"] is not JsonArray list)
                throw new InvalidDataException("has no 'resources' list, so it is not a plan; give a file written by plan --out");
            var resources = list.Select((node, i) =>
            {
                if (node is not JsonObject o)
                    throw new InvalidDataException($"resources[{i}] is {Kind(node)}, not a resource");
                return new PlannedResource(
                    Text(o, "type", $"resources[{i}]"),
                    Text(o, "name", $"resources[{i}]"),
                    (string?)o["parent"],
                    FromNode(o["inputs"]) as ImmutableSortedDictionary<string, object?> ?? ImmutableSortedDictionary<string, object?>.Empty,
                    (string?)o["provider"] ?? "",
                    (bool?)o["custom"] ?? true)
                {
                    Protect = (bool?)o["protect"] ?? false,
                    IgnoreChanges = o["ignoreChanges"] is JsonArray ignore ? [.. ignore.Select(x => (string?)x ?? "")] : [],
                };
            }).ToImmutableArray();
            var outputs = FromNode(root["outputs"]) as ImmutableSortedDictionary<string, object?> ?? ImmutableSortedDictionary<string, object?>.Empty;
            return new StackPlan(Text(root, "project", "the plan"), Text(root, "stack", "the plan"), resources, outputs);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            // A value of the wrong JSON kind, e.g. a number where a name belongs.
            throw new InvalidDataException($"is not a plan written by plan --out: {e.Message}");
        }
    }

    private static string Text(JsonObject o, string key, string where)
        => o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw new InvalidDataException($"{where} has no '{key}' text, so this is not a plan written by plan --out");

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "a list",
        JsonObject => "an object",
        _ when node.GetValueKind() is JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => $"a {node.GetValueKind().ToString().ToLowerInvariant()}",
    };

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
