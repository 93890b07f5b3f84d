using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Plan;

/// <summary>
/// A stock Pulumi stack file (<c>stacks/Pulumi.&lt;stack&gt;.yaml</c>) read as the Pulumi CLI hands
/// config to a program: every value a string (structured values as JSON text), keys namespaced
/// (<c>project:key</c>). <c>secure:</c> values are never decrypted: they read as <c>[secret]</c>
/// and are listed as secret keys.
/// </summary>
public sealed record StackConfigFile(ImmutableSortedDictionary<string, string> Values, ImmutableSortedSet<string> SecretKeys)
{
    /// <summary>What a secure value reads as during a plan.</summary>
    public const string SecretPlaceholder = "[secret]";

    /// <summary>Reads <paramref name="path"/>; keys without a namespace belong to <paramref name="project"/>.</summary>
    public static StackConfigFile Load(string path, string project)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            try
            {
                yaml.Load(reader);
            }
            catch (YamlException e)
            {
                throw new InvalidDataException($"{path}:{e.Start.Line}: not valid YAML: {e.Message}", e);
            }
        }

        var values = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var secrets = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
            return new StackConfigFile(values.ToImmutable(), secrets.ToImmutable());

        if (!root.Children.TryGetValue(new YamlScalarNode("config"), out var configNode))
            return new StackConfigFile(values.ToImmutable(), secrets.ToImmutable());
        if (configNode is not YamlMappingNode config)
            throw new InvalidDataException($"{path}:{configNode.Start.Line}: 'config' must be a mapping of keys to values.");

        foreach (var (keyNode, valueNode) in config.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            var fullKey = key.Contains(':', StringComparison.Ordinal) ? key : $"{project}:{key}";
            var isSecret = false;
            var json = ToJson(valueNode, ref isSecret);
            // Scalars go as their text ("true", not a JSON true, which Pulumi's Config would read as "True").
            values[fullKey] = json is JsonValue scalar && scalar.TryGetValue<string>(out var text)
                ? text
                : json?.ToJsonString() ?? "";
            if (isSecret)
                secrets.Add(fullKey);
        }
        return new StackConfigFile(values.ToImmutable(), secrets.ToImmutable());
    }

    private static JsonNode? ToJson(YamlNode node, ref bool isSecret)
    {
        switch (node)
        {
            case YamlMappingNode mapping when mapping.Children.Count == 1 &&
                                              mapping.Children.Keys.Single() is YamlScalarNode { Value: "secure" }:
                isSecret = true;
                return JsonValue.Create(SecretPlaceholder);
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (k, v) in mapping.Children)
                    obj[((YamlScalarNode)k).Value ?? ""] = ToJson(v, ref isSecret);
                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                    array.Add(ToJson(item, ref isSecret));
                return array;
            case YamlScalarNode scalar:
                return ScalarToJson(scalar);
            default:
                return null;
        }
    }

    /// <summary>Plain YAML scalars keep their YAML type (bool, number, null); quoted ones are strings.</summary>
    private static JsonNode? ScalarToJson(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
            return JsonValue.Create(text);
        if (text is "true" or "True" or "TRUE")
            return JsonValue.Create(true);
        if (text is "false" or "False" or "FALSE")
            return JsonValue.Create(false);
        if (text is "" or "~" or "null" or "Null" or "NULL")
            return null;
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
            return JsonValue.Create(integer);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return JsonValue.Create(number);
        return JsonValue.Create(text);
    }

    /// <summary>The value of <c>PULUMI_CONFIG</c> for these values: a JSON object of strings.</summary>
    public string ToPulumiConfigJson() => JsonSerializer.Serialize(Values);

    /// <summary>The value of <c>PULUMI_CONFIG_SECRET_KEYS</c>.</summary>
    public string ToSecretKeysJson() => JsonSerializer.Serialize(SecretKeys.ToArray());
}
