using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Components.Common;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Plan;

/// <summary>
/// A stock Pulumi stack file (<c>stacks/Pulumi.&lt;stack&gt;.yaml</c>) read as the Pulumi CLI hands
/// config to a program: every value a string (structured values as JSON text), keys namespaced
/// (<c>project:key</c>). <c>secure:</c> values are never decrypted: they read as <c>[secret]</c>
/// and are listed as secret keys.
/// </summary>
/// <remarks>
/// What YAML allows but config cannot hold is refused, never crashed on: a problem of the file itself
/// (not YAML, a second document, a root or <c>config</c> that is no mapping, a key that is not text at
/// the top) throws <see cref="InvalidDataException"/> naming the file and line; a problem inside a value
/// (a number that is not finite or that overflows or underflows, a key that is not text, an alias that
/// contains itself, nesting deeper than <see cref="MaxDepth"/>, more than <see cref="MaxNodes"/> values
/// after aliases are expanded) throws one <see cref="InvalidSpecException"/> listing every such value,
/// keyed as the stack file writes it (<c>infra:service.scaling.maxSize</c>).
/// </remarks>
public sealed record StackConfigFile(ImmutableSortedDictionary<string, string> Values, ImmutableSortedSet<string> SecretKeys)
{
    /// <summary>What a secure value reads as during a plan.</summary>
    public const string SecretPlaceholder = "[secret]";

    /// <summary>Deepest nesting of mappings and lists a value may have; the real stack files nest 7 deep,
    /// and System.Text.Json refuses to write deeper than 1000.</summary>
    public const int MaxDepth = 64;

    /// <summary>Most values (after alias expansion) one stack file may hold: aliases of aliases can
    /// expand a few lines into billions of values ("billion laughs").</summary>
    public const int MaxNodes = 100_000;

    /// <summary>Reads <paramref name="path"/>; keys without a namespace belong to <paramref name="project"/>.</summary>
    public static StackConfigFile Load(string path, string project)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, path, project);
    }

    /// <summary>Reads stack file text from <paramref name="reader"/>; <paramref name="source"/> names it in errors.</summary>
    public static StackConfigFile Parse(TextReader reader, string source, string project)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var content = reader.ReadToEnd();
        var yaml = new YamlStream();
        try
        {
            // YamlDotNet builds its node tree recursively: deep nesting would overflow the stack, which
            // no handler can catch, so the depth is measured first with its (iterative) event parser.
            RefuseDeepNesting(content, source);
            yaml.Load(new StringReader(content));
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{source}:{e.Start.Line}: not valid YAML: {OneLine(e)}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or InsufficientExecutionStackException)
        {
            // YamlDotNet reports some malformed input (e.g. very deep nesting) with other exceptions.
            throw new InvalidDataException($"{source}: not valid YAML: {e.Message}", e);
        }

        var values = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var secrets = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        if (yaml.Documents.Count > 1)
            throw new InvalidDataException(
                $"{source}:{yaml.Documents[1].RootNode.Start.Line}: a second YAML document (after '---'); a stack file holds one, so merge its keys into the first or remove it");
        if (yaml.Documents.Count == 0)
            return new StackConfigFile(values.ToImmutable(), secrets.ToImmutable());
        if (yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            if (yaml.Documents[0].RootNode is YamlScalarNode { Value: "" or null, Style: ScalarStyle.Plain })
                return new StackConfigFile(values.ToImmutable(), secrets.ToImmutable());
            throw new InvalidDataException($"{source}:{yaml.Documents[0].RootNode.Start.Line}: a stack file is a mapping with a 'config' key");
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("config"), out var configNode))
            return new StackConfigFile(values.ToImmutable(), secrets.ToImmutable());
        if (configNode is YamlScalarNode { Value: "" or null, Style: ScalarStyle.Plain })
            return new StackConfigFile(values.ToImmutable(), secrets.ToImmutable());
        if (configNode is not YamlMappingNode config)
            throw new InvalidDataException($"{source}:{configNode.Start.Line}: 'config' must be a mapping of keys to values.");

        var reading = new Reading();
        foreach (var (keyNode, valueNode) in config.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
                throw new InvalidDataException($"{source}:{keyNode.Start.Line}: a config key must be plain text such as infra:service, not a list or mapping");
            var fullKey = key.Contains(':', StringComparison.Ordinal) ? key : $"{project}:{key}";
            var isSecret = false;
            var json = reading.ToJson(valueNode, fullKey, 0, ref isSecret);
            // Scalars go as their text ("true", not a JSON true, which Pulumi's Config would read as "True").
            values[fullKey] = json is JsonValue scalar && scalar.TryGetValue<string>(out var text)
                ? text
                : json?.ToJsonString() ?? "";
            if (isSecret)
                secrets.Add(fullKey);
        }
        InvalidSpecException.ThrowIfAny($"Stack file {Path.GetFileName(source)}", reading.Problems);
        return new StackConfigFile(values.ToImmutable(), secrets.ToImmutable());
    }

    /// <summary>Throws when mappings and lists nest deeper than <see cref="MaxDepth"/> anywhere in the file.</summary>
    private static void RefuseDeepNesting(string text, string source)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart:
                    // + 2: the document's root mapping and config's own mapping.
                    if (++depth > MaxDepth + 2)
                        throw new InvalidDataException(
                            $"{source}:{parser.Current.Start.Line}: lists and mappings nest more than {MaxDepth} levels deep here; no setting nests that deep, so flatten it");
                    break;
                case YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd:
                    depth--;
                    break;
            }
        }
    }

    private static string OneLine(YamlException e)
        => (e.InnerException is YamlException inner ? inner.Message : e.Message).ReplaceLineEndings(" ");

    /// <summary>The state of one file's conversion: problems found, values made so far, and the
    /// mappings and lists being converted (an alias to one of them would recurse forever).</summary>
    private sealed class Reading
    {
        private readonly HashSet<YamlNode> _open = new(ReferenceEqualityComparer.Instance);
        private int _nodes;

        public List<SpecProblem> Problems { get; } = [];

        public JsonNode? ToJson(YamlNode node, string at, int depth, ref bool isSecret)
        {
            if (++_nodes > MaxNodes)
            {
                if (_nodes == MaxNodes + 1)
                    Problems.Add(new SpecProblem(at, $"more than {MaxNodes} values",
                        "the file expands (through aliases) into too many values; write the settings out or use fewer aliases"));
                return null;
            }
            if (node is YamlMappingNode or YamlSequenceNode)
            {
                if (depth >= MaxDepth)
                {
                    Problems.Add(new SpecProblem(at, $"nested {MaxDepth}+ levels deep", $"no setting nests that deep; flatten it (at most {MaxDepth} levels)"));
                    return null;
                }
                if (!_open.Add(node))
                {
                    Problems.Add(new SpecProblem(at, $"*{node.Anchor}", "this alias refers to a value that contains it, which never ends; write the value out"));
                    return null;
                }
            }
            try
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
                        {
                            if (k is not YamlScalarNode { Value: { } name })
                            {
                                Problems.Add(new SpecProblem(at, "(a key that is a list or mapping)",
                                    "keys are plain text (a setting's name or a map key such as a pool name); rewrite the '? ...' key as text"));
                                continue;
                            }
                            obj[name] = ToJson(v, $"{at}.{name}", depth + 1, ref isSecret);
                        }
                        return obj;
                    case YamlSequenceNode sequence:
                        var array = new JsonArray();
                        for (var i = 0; i < sequence.Children.Count; i++)
                            array.Add(ToJson(sequence.Children[i], $"{at}[{i}]", depth + 1, ref isSecret));
                        return array;
                    case YamlScalarNode scalar:
                        return ScalarToJson(scalar, at);
                    default:
                        return null;
                }
            }
            finally
            {
                _open.Remove(node);
            }
        }

        /// <summary>Plain YAML scalars keep their YAML type (bool, number, null); quoted ones are strings.</summary>
        private JsonNode? ScalarToJson(YamlScalarNode scalar, string at)
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
            // YAML's special floats: config (JSON) has no way to hold them.
            if (text.TrimStart('+', '-') is ".nan" or ".NaN" or ".NAN" or ".inf" or ".Inf" or ".INF")
            {
                Problems.Add(new SpecProblem(at, text, "not a finite number; write a number (or quote it if it is text)"));
                return JsonValue.Create(text);
            }
            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
                return JsonValue.Create(integer);
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                if (!double.IsFinite(number))
                {
                    Problems.Add(new SpecProblem(at, text, "this number is too large to hold (beyond ±1.8e308), or not a number; write the value meant"));
                    return JsonValue.Create(text);
                }
                if (number == 0 && text.Split('e', 'E')[0].Any(c => c is >= '1' and <= '9'))
                {
                    Problems.Add(new SpecProblem(at, text, "this number is too small to hold and would read as 0; write 0 or the value meant"));
                    return JsonValue.Create(text);
                }
                return JsonValue.Create(number);
            }
            return JsonValue.Create(text);
        }
    }

    /// <summary>The value of <c>PULUMI_CONFIG</c> for these values: a JSON object of strings.</summary>
    public string ToPulumiConfigJson() => JsonSerializer.Serialize(Values);

    /// <summary>The value of <c>PULUMI_CONFIG_SECRET_KEYS</c>.</summary>
    public string ToSecretKeysJson() => JsonSerializer.Serialize(SecretKeys.ToArray());
}
