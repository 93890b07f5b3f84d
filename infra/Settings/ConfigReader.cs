using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Infra.Components.Common;
using Pulumi;

namespace Infra.Settings;

/// <summary>
/// Reads structured config values into typed settings and collects every problem (missing keys,
/// unknown keys, wrong types) as <see cref="SpecProblem"/>s keyed as in the stack file, e.g.
/// <c>infra:service.loadBalancer.pools.web.port</c>.
/// </summary>
public sealed class ConfigReader
{
    private readonly Config _config;
    private readonly string _namespace;

    /// <summary>Reads keys of <paramref name="config"/>, whose namespace is <paramref name="configNamespace"/>.</summary>
    public ConfigReader(Config config, string configNamespace)
    {
        _config = config;
        _namespace = configNamespace;
    }

    /// <summary>Problems found so far.</summary>
    public List<SpecProblem> Problems { get; } = [];

    /// <summary>Property names are the specs' [Input] wire names (camelCase otherwise); unknown keys are
    /// errors, so a typo in a stack file cannot be silently ignored.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new InputJsonConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { UseInputNames } },
    };

    private static void UseInputNames(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            var input = (property.AttributeProvider as MemberInfo)?.GetCustomAttributesData()
                .FirstOrDefault(a => a.AttributeType == typeof(InputAttribute));
            if (input != null)
                property.Name = (string)input.ConstructorArguments[0].Value!;
        }
    }

    /// <summary>The full key as written in the stack file.</summary>
    public string Key(string key) => $"{_namespace}:{key}";

    /// <summary>A plain string setting; a problem when required and missing.</summary>
    public string? String(string key, bool required, string fix)
    {
        var value = _config.Get(key);
        if (value == null && required)
            Problems.Add(new SpecProblem(Key(key), null, fix));
        return value;
    }

    /// <summary>A boolean setting, written exactly <c>true</c> or <c>false</c>; anything else (YAML 1.1's
    /// <c>yes</c>, <c>on</c>) is a problem, reported with the others instead of stopping the run.</summary>
    public bool? Boolean(string key)
    {
        var value = _config.Get(key);
        switch (value)
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                Problems.Add(new SpecProblem(Key(key), value, "write true or false"));
                return null;
        }
    }

    /// <summary>A structured setting, read as JSON into <typeparamref name="T"/>; null (with a problem)
    /// when it does not parse at all, or when required and missing. A value that parses in part is read
    /// without its bad parts, each reported (<see cref="Read{T}(JsonNode, string, string)"/>), so that
    /// one bad value does not hide the problems of the others.</summary>
    public T? Object<T>(string key, bool required, string fix) where T : class
    {
        var text = _config.Get(key);
        if (text == null)
        {
            if (required)
                Problems.Add(new SpecProblem(Key(key), null, fix));
            return null;
        }
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException)
        {
            // Plain text where a mapping or list belongs.
            Problems.Add(new SpecProblem(Key(key), text, $"use {Describe(typeof(T))}"));
            return null;
        }
        if (node is null)
        {
            Problems.Add(new SpecProblem(Key(key), null, required ? fix : "give it a value, or remove the key"));
            return null;
        }
        // The list of sites is read entry by entry (each typed by its cloud), and each entry is checked then.
        if (typeof(T) != typeof(List<JsonElement>))
            Sanitize(node, Key(key), null, null);
        return Read<T>(node, Key(key), text);
    }

    /// <summary>One entry of a structured setting (already read as JSON) as <typeparamref name="T"/>;
    /// null, with a problem keyed under <paramref name="at"/> (e.g. <c>infra:sites[1]</c>), when it does not fit.</summary>
    public T? Element<T>(JsonElement element, string at) where T : class
    {
        var node = JsonNode.Parse(element.GetRawText(), documentOptions: new JsonDocumentOptions { MaxDepth = 256 })!;
        Sanitize(node, at, null, null);
        return Read<T>(node, at, element.GetRawText());
    }

    /// <summary>Most problems one value may yield before reading it stops: each bad part found by the
    /// deserializer is removed and the rest read again.</summary>
    private const int MaxRepairs = 64;

    /// <summary>
    /// Reads <paramref name="node"/> as <typeparamref name="T"/>. Each part the deserializer refuses (an
    /// unknown key, a value of the wrong type) becomes a problem and is removed (a bad list entry removes
    /// its list), and the rest is read again: the result has the defaults where the stack file was wrong,
    /// and the problems say what was wrong.
    /// </summary>
    private T? Read<T>(JsonNode node, string at, string text) where T : class
    {
        for (var attempt = 0; attempt < MaxRepairs; attempt++)
        {
            try
            {
                return node.Deserialize<T>(JsonOptions);
            }
            catch (JsonException json)
            {
                Problems.Add(Describe(typeof(T), at, text, json));
                if (!Remove(node, Segments(json)))
                    return null;
            }
            catch (Exception e) when (e is InvalidOperationException or NotSupportedException or FormatException or OverflowException)
            {
                Problems.Add(new SpecProblem(at, "(unreadable)", $"use {Describe(typeof(T))}: {e.Message}"));
                return null;
            }
        }
        return null;
    }

    /// <summary>Removes the member at <paramref name="segments"/> (a list entry: its whole list); false
    /// when there is nothing to remove but the value itself.</summary>
    private static bool Remove(JsonNode root, IReadOnlyList<string> segments)
    {
        // A bad list entry takes its list: removing only the entry would renumber the others.
        var cut = segments.Count;
        while (cut > 0 && segments[cut - 1].StartsWith('['))
            cut--;
        if (cut == 0)
            return false;
        JsonNode? node = root;
        foreach (var segment in segments.Take(cut - 1))
        {
            node = segment.StartsWith('[') && node is JsonArray array && int.TryParse(segment[1..^1], CultureInfo.InvariantCulture, out var i) && i < array.Count
                ? array[i]
                : node is JsonObject obj && obj.TryGetPropertyValue(segment, out var child) ? child : null;
            if (node is null)
                return false;
        }
        return node is JsonObject owner && owner.Remove(segments[cut - 1]);
    }

    /// <summary>Longest text a setting takes, except <c>userData</c>: ARNs and resource ids are at most
    /// 2048 characters (IAM ARN limit), names far less.</summary>
    public const int MaxTextLength = 2048;

    /// <summary>Longest <c>userData</c>: EC2 takes at most 16 KB of user data, before base64 encoding.</summary>
    public const int MaxUserDataLength = 16 * 1024;

    /// <summary>
    /// Removes from <paramref name="node"/> what no setting may hold, each with a problem keyed under
    /// <paramref name="at"/>: an explicit null (YAML <c>~</c>, <c>null</c> or nothing after the colon;
    /// a missing key means "use the default", a null would reach checks as nothing at all), text with
    /// control characters (only <c>userData</c> may hold line breaks and tabs) and text longer than any
    /// setting takes. A list with a bad entry is removed whole, so the others keep their numbers.
    /// </summary>
    private void Sanitize(JsonNode node, string at, JsonObject? owner, string? name)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    var childAt = $"{at}.{key}";
                    if (child is null)
                    {
                        Problems.Add(new SpecProblem(childAt, null, "this key has no value; give it one, or remove the key to use its default"));
                        obj.Remove(key);
                    }
                    else
                        Sanitize(child, childAt, obj, key);
                }
                break;
            case JsonArray array:
                var bad = false;
                for (var i = 0; i < array.Count; i++)
                {
                    var itemAt = $"{at}[{i}]";
                    if (array[i] is null)
                    {
                        Problems.Add(new SpecProblem(itemAt, null, "an empty list entry; remove it or give it a value"));
                        bad = true;
                    }
                    else if (array[i] is JsonValue value && TextProblem(value, itemAt, userData: false) is { } problem)
                    {
                        Problems.Add(problem);
                        bad = true;
                    }
                    else
                        Sanitize(array[i]!, itemAt, null, null);
                }
                if (bad && owner is not null && name is not null)
                    owner.Remove(name);
                break;
            case JsonValue value when owner is not null && name is not null:
                if (TextProblem(value, at, userData: name == "userData") is { } textProblem)
                {
                    Problems.Add(textProblem);
                    owner.Remove(name);
                }
                break;
        }
    }

    /// <summary>The problem of a text value, if any: control characters or an absurd length.</summary>
    private static SpecProblem? TextProblem(JsonValue value, string at, bool userData)
    {
        if (!value.TryGetValue<string>(out var text))
            return null;
        var max = userData ? MaxUserDataLength : MaxTextLength;
        if (text.Length > max)
            return new SpecProblem(at, $"{text[..40]}... ({text.Length} characters)", $"at most {max} characters fit here; shorten it");
        var control = text.FirstOrDefault(c => char.IsControl(c) && !(userData && c is '\n' or '\r' or '\t'));
        if (control != default)
            return new SpecProblem(at, Printable(text),
                $"holds the control character U+{(int)control:X4}{(userData ? "" : " (line breaks and tabs belong only in userData)")}; remove it");
        return null;
    }

    /// <summary><paramref name="text"/> with control characters shown as \uXXXX, at most 80 characters.</summary>
    private static string Printable(string text)
    {
        var shown = string.Concat(text.Take(80).Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
        return text.Length > 80 ? shown + "..." : shown;
    }

    /// <summary>Problems found in <paramref name="later"/> (checks of the settings as read) that are
    /// not about a key this reader already reported, or a key above or below one: a value that could
    /// not be read was removed, so what a check says about its absence would repeat the problem.</summary>
    public IEnumerable<SpecProblem> Unreported(IEnumerable<SpecProblem> later)
    {
        var reported = Problems.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        return later.Where(p => !reported.Any(r => Related(r, p.Key)));
    }

    private static bool Related(string a, string b)
        => a == b || Below(a, b) || Below(b, a);

    private static bool Below(string key, string ancestor)
        => key.Length > ancestor.Length && key.StartsWith(ancestor, StringComparison.Ordinal) && key[ancestor.Length] is '.' or '[';

    private static IReadOnlyList<string> Segments(JsonException json)
        // "$.loadBalancer.pools['web'].port" -> ["loadBalancer", "pools", "web", "port"]
        => (json.Path ?? "$").TrimStart('$')
            .Replace("['", ".", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal)
            .Replace("[", ".[", StringComparison.Ordinal)
            .Split('.', StringSplitOptions.RemoveEmptyEntries);

    private static SpecProblem Describe(Type root, string at, string? text, JsonException json)
    {
        var segments = Segments(json).ToArray();
        var full = at + string.Concat(segments.Select(s => s.StartsWith('[') ? s : "." + s));

        if (json.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var owner = TypeAt(root, segments[..^1]);
            var known = owner == null ? Enumerable.Empty<string>() : JsonOptions.GetTypeInfo(owner).Properties.Select(p => p.Name).Order(StringComparer.Ordinal);
            return new SpecProblem(full, "(unknown key)", $"not a setting here; check the spelling. Settings here: {string.Join(", ", known)}");
        }

        var expected = TypeAt(root, segments);
        return new SpecProblem(full, ValueAt(text, segments), $"use {Describe(expected)}");
    }

    /// <summary>The settings type found at <paramref name="segments"/> below <paramref name="root"/>.</summary>
    private static Type? TypeAt(Type root, IEnumerable<string> segments)
    {
        Type? type = root;
        foreach (var segment in segments)
        {
            if (type == null)
                return null;
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
                type = type.GetGenericArguments()[1];
            else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
                type = type.GetGenericArguments()[0];
            else
                type = JsonOptions.GetTypeInfo(type).Properties.FirstOrDefault(p => p.Name == segment)?.PropertyType;
        }
        return type == null ? null : Nullable.GetUnderlyingType(type) ?? type;
    }

    private static object? ValueAt(string? json, IEnumerable<string> segments)
    {
        try
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(json ?? "null");
            foreach (var segment in segments)
                node = segment.StartsWith('[') ? node?[int.Parse(segment[1..^1], System.Globalization.CultureInfo.InvariantCulture)] : node?[segment];
            return node is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentOutOfRangeException)
        {
            return "(unreadable)";
        }
    }

    private static string Describe(Type? type) => type switch
    {
        null => "the documented type",
        _ when type == typeof(int) => "a whole number",
        _ when type == typeof(double) => "a number",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(string) || type == typeof(Input<string>) => "text",
        _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) => "a list",
        _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) => "a mapping of keys to settings",
        _ => $"a mapping with the settings of {type.Name}",
    };
}
