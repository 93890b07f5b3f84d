using System.Reflection;
using System.Text.Json;
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

    /// <summary>A structured setting read with <see cref="Config.GetObject{T}(string, JsonSerializerOptions)"/>;
    /// null (with a problem) when it does not parse, or when required and missing.</summary>
    public T? Object<T>(string key, bool required, string fix) where T : class
    {
        if (_config.Get(key) == null)
        {
            if (required)
                Problems.Add(new SpecProblem(Key(key), null, fix));
            return null;
        }
        try
        {
            return _config.GetObject<T>(key, JsonOptions);
        }
        catch (RunException e) when (e.InnerException is JsonException json)
        {
            Problems.Add(Describe<T>(key, json));
            return null;
        }
    }

    /// <summary>One entry of a structured setting (already read as JSON) as <typeparamref name="T"/>;
    /// null, with a problem keyed under <paramref name="at"/> (e.g. <c>infra:sites[1]</c>), when it does not fit.</summary>
    public T? Element<T>(JsonElement element, string at) where T : class
    {
        try
        {
            return element.Deserialize<T>(JsonOptions);
        }
        catch (JsonException json)
        {
            Problems.Add(Describe(typeof(T), at, element.GetRawText(), json));
            return null;
        }
    }

    private SpecProblem Describe<T>(string key, JsonException json) => Describe(typeof(T), Key(key), _config.Get(key), json);

    private static SpecProblem Describe(Type root, string at, string? text, JsonException json)
    {
        // "$.loadBalancer.pools['web'].port" -> ["loadBalancer", "pools", "web", "port"]
        var segments = (json.Path ?? "$").TrimStart('$')
            .Replace("['", ".", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal)
            .Replace("[", ".[", StringComparison.Ordinal)
            .Split('.', StringSplitOptions.RemoveEmptyEntries);
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
