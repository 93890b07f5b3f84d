using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pulumi.Codegen.Schema;

/// <summary>One correction, as written on <see cref="Line"/> of <see cref="File"/>.</summary>
public sealed record SchemaCorrection(string Action, string Place, string Token, string Property, string? Type, string File, int Line);

/// <summary>
/// Known errors of a package schema, fixed in its JSON before binding. Read from a package's
/// <c>schema-corrections.txt</c>: one correction per line, each ending in a <c>#</c> comment that cites the
/// real generated source it comes from (blank and whole-line comment lines are ignored):
/// <code>
/// type     types|resources                                &lt;token&gt; &lt;property&gt; integer|number|string|boolean  # citation
/// required types|type-outputs|resources|resource-outputs  &lt;token&gt; &lt;property&gt;  # citation
/// optional types|type-outputs|resources|resource-outputs  &lt;token&gt; &lt;property&gt;  # citation
/// </code>
/// <c>types</c> is an object type's <c>properties</c> and <c>required</c>; <c>type-outputs</c> its
/// <c>language.nodejs.requiredOutputs</c> (output nullability; copied from <c>required</c> when absent);
/// <c>resources</c> a resource's <c>inputProperties</c> and <c>requiredInputs</c> (the token
/// <c>pulumi:providers:&lt;package&gt;</c> names the provider); <c>resource-outputs</c> its <c>properties</c>
/// and <c>required</c>. A <c>type</c> correction of a resource property changes it wherever the resource
/// declares it (inputs, outputs, state inputs); of an array or map property, its element type. A correction
/// that names an unknown token or property, or that would change nothing, is an error.
/// </summary>
public sealed class SchemaCorrections
{
    private static readonly string[] Actions = ["type", "required", "optional"];
    private static readonly string[] Places = ["types", "type-outputs", "resources", "resource-outputs"];
    private static readonly string[] Primitives = ["integer", "number", "string", "boolean"];

    private SchemaCorrections(IReadOnlyList<SchemaCorrection> entries) => Entries = entries;

    public static SchemaCorrections None { get; } = new([]);

    public IReadOnlyList<SchemaCorrection> Entries { get; }

    public static SchemaCorrections Parse(string path)
    {
        var entries = new List<SchemaCorrection>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var hash = lines[i].IndexOf('#');
            var fields = (hash >= 0 ? lines[i][..hash] : lines[i]).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                continue;
            }

            var line = i + 1;
            var action = fields[0];
            var arity = action == "type" ? 5 : 4;
            if (!Actions.Contains(action) || fields.Length != arity || !Places.Contains(fields[1]))
            {
                throw new CodegenException(path, line, $"expected '<type|required|optional> <{string.Join('|', Places)}> <token> <property>' " +
                    $"(and the new type after a 'type' correction), found '{string.Join(' ', fields)}'");
            }
            if (action == "type" && fields[1] is not ("types" or "resources"))
            {
                throw new CodegenException(path, line, "a 'type' correction applies to 'types' or 'resources'");
            }
            if (action == "type" && !Primitives.Contains(fields[4]))
            {
                throw new CodegenException(path, line, $"type '{fields[4]}' is not one of {string.Join(", ", Primitives)}");
            }
            if (hash < 0 || lines[i][(hash + 1)..].Trim().Length == 0)
            {
                throw new CodegenException(path, line, "end the correction with '# <the real source file it comes from>'");
            }
            entries.Add(new SchemaCorrection(action, fields[1], fields[2], fields[3], action == "type" ? fields[4] : null, path, line));
        }
        return new SchemaCorrections(entries);
    }

    /// <summary>Reads a schema file with these corrections applied.</summary>
    public JsonElement Load(string schemaPath)
    {
        if (Entries.Count == 0)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(schemaPath));
            return document.RootElement.Clone();
        }
        var root = JsonNode.Parse(File.ReadAllBytes(schemaPath)) ?? throw new InvalidDataException($"{schemaPath}: empty schema");
        Apply(root);
        using var corrected = JsonDocument.Parse(root.ToJsonString());
        return corrected.RootElement.Clone();
    }

    /// <summary>Applies every correction to a schema's JSON, in file order.</summary>
    public void Apply(JsonNode root)
    {
        foreach (var c in Entries)
        {
            var owner = Owner(root, c) ?? throw Error(c, c.Place.StartsWith("type", StringComparison.Ordinal)
                ? $"'{c.Token}' is not an object type in the schema"
                : $"'{c.Token}' is not a resource in the schema");
            if (c.Action == "type")
            {
                SetType(owner, c);
            }
            else
            {
                SetRequired(owner, c);
            }
        }
    }

    private static JsonObject? Owner(JsonNode root, SchemaCorrection c)
    {
        if (c.Place.StartsWith("type", StringComparison.Ordinal))
        {
            return root["types"]?[c.Token] is JsonObject type && type["enum"] is null ? type : null;
        }
        return c.Token == "pulumi:providers:" + root["name"]?.GetValue<string>()
            ? root["provider"] as JsonObject
            : root["resources"]?[c.Token] as JsonObject;
    }

    private static void SetType(JsonObject owner, SchemaCorrection c)
    {
        // Every declaration of the property: an object type has one; a resource may declare it as an
        // input, an output and a state input.
        JsonNode?[] declarations = c.Place == "types"
            ? [owner["properties"]?[c.Property]]
            : [owner["inputProperties"]?[c.Property], owner["properties"]?[c.Property], owner["stateInputs"]?["properties"]?[c.Property]];
        var specs = declarations.OfType<JsonObject>()
            .Select(spec => spec["items"] as JsonObject ?? spec["additionalProperties"] as JsonObject ?? spec)
            .ToList();
        if (specs.Count == 0)
        {
            throw UnknownProperty(c);
        }
        if (specs.Any(spec => spec["type"] is null || spec["$ref"] is not null || spec["oneOf"] is not null))
        {
            throw Error(c, $"'{c.Property}' of '{c.Token}' is not of a primitive type");
        }
        if (specs.All(spec => spec["type"]!.GetValue<string>() == c.Type))
        {
            throw Error(c, $"the schema already gives '{c.Property}' of '{c.Token}' type '{c.Type}'; remove this correction");
        }
        foreach (var spec in specs)
        {
            spec["type"] = c.Type;
        }
    }

    private static void SetRequired(JsonObject owner, SchemaCorrection c)
    {
        var (properties, list) = c.Place switch
        {
            "types" => (owner["properties"], RequiredList(owner, "required")),
            "type-outputs" => (owner["properties"], RequiredOutputs(owner)),
            "resources" => (owner["inputProperties"], RequiredList(owner, "requiredInputs")),
            _ => (owner["properties"], RequiredList(owner, "required")),
        };
        if (properties?[c.Property] is null)
        {
            throw UnknownProperty(c);
        }

        var existing = list.FirstOrDefault(n => n?.GetValue<string>() == c.Property);
        if ((existing is not null) == (c.Action == "required"))
        {
            throw Error(c, $"the schema already has '{c.Property}' of '{c.Token}' {c.Action} in {c.Place}; remove this correction");
        }
        if (existing is null)
        {
            list.Add(c.Property);
        }
        else
        {
            list.Remove(existing);
        }
    }

    private static JsonArray RequiredList(JsonObject owner, string name)
    {
        if (owner[name] is not JsonArray list)
        {
            owner[name] = list = [];
        }
        return list;
    }

    /// <summary><c>language.nodejs.requiredOutputs</c>, created from <c>required</c> (which it defaults to) if absent.</summary>
    private static JsonArray RequiredOutputs(JsonObject owner)
    {
        var language = owner["language"] as JsonObject ?? (JsonObject)(owner["language"] = new JsonObject());
        var nodejs = language["nodejs"] as JsonObject ?? (JsonObject)(language["nodejs"] = new JsonObject());
        if (nodejs["requiredOutputs"] is not JsonArray list)
        {
            nodejs["requiredOutputs"] = list = owner["required"]?.DeepClone() as JsonArray ?? [];
        }
        return list;
    }

    private static CodegenException UnknownProperty(SchemaCorrection c) =>
        Error(c, $"'{c.Token}' has no property '{c.Property}' in {c.Place}");

    private static CodegenException Error(SchemaCorrection c, string message) => new(c.File, c.Line, message);
}
