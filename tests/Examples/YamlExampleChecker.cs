using System.Globalization;
using System.Text.RegularExpressions;
using Pulumi.Experimental.Provider;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Examples;

/// <summary>
/// Checks a Pulumi YAML program against a package schema as the YAML language host would resolve it:
/// every resource's type is a resource of the package, every property an input of it with a value of
/// the input's type (scalars, lists, maps, object types, recursively), required inputs present, and every
/// <c>${resource.output.member...}</c> reference names an output (and object-type members) that exists,
/// with the referenced type where a whole value is one reference. Returns every problem with its path.
/// </summary>
public sealed partial class YamlExampleChecker(PackageSpec schema)
{
    private readonly Dictionary<string, string> resourceTypes = new(StringComparer.Ordinal);
    private readonly HashSet<string> configNames = new(StringComparer.Ordinal);
    private readonly List<string> problems = [];

    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex Interpolation();

    public IReadOnlyList<string> Check(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;

        if (Child(root, "config") is YamlMappingNode config)
            foreach (var name in config.Children.Keys)
                configNames.Add(((YamlScalarNode)name).Value!);

        var resources = Child(root, "resources") as YamlMappingNode;
        if (resources is null)
        {
            problems.Add("resources: missing");
            return problems;
        }

        foreach (var (key, node) in resources.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (Child((YamlMappingNode)node, "type") is YamlScalarNode { Value: { } type })
                resourceTypes[name] = type;
        }

        foreach (var (key, node) in resources.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            var at = $"resources.{name}";
            if (!resourceTypes.TryGetValue(name, out var type) || !schema.Resources.TryGetValue(type, out var resource))
            {
                problems.Add($"{at}.type: '{(resourceTypes.TryGetValue(name, out var t) ? t : null)}' is not a resource of package {schema.Name}");
                continue;
            }

            var properties = Child((YamlMappingNode)node, "properties") as YamlMappingNode ?? new YamlMappingNode();
            CheckObject($"{at}.properties", properties, resource.InputProperties, resource.RequiredInputs);
        }

        if (Child(root, "outputs") is YamlMappingNode outputs)
            foreach (var (key, value) in outputs.Children)
                CheckValue($"outputs.{((YamlScalarNode)key).Value}", value, expected: null);

        return problems;
    }

    private void CheckObject(string at, YamlMappingNode node, IReadOnlyDictionary<string, PropertySpec> properties, IEnumerable<string> required)
    {
        foreach (var (key, value) in node.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (!properties.TryGetValue(name, out var property))
                problems.Add($"{at}.{name}: not a property (known: {string.Join(", ", properties.Keys)})");
            else
                CheckValue($"{at}.{name}", value, property);
        }

        foreach (var name in required)
            if (!node.Children.ContainsKey(new YamlScalarNode(name)))
                problems.Add($"{at}.{name}: required but missing");
    }

    private void CheckValue(string at, YamlNode node, TypeSpec? expected)
    {
        if (node is YamlScalarNode { Value: { } text } && Interpolation().IsMatch(text))
        {
            var whole = Interpolation().Match(text) is { } m && m.Value == text;
            foreach (Match reference in Interpolation().Matches(text))
            {
                var resolved = Resolve(at, reference.Groups[1].Value);
                if (whole && expected != null && resolved != null && !Compatible(resolved, expected))
                    problems.Add($"{at}: ${{{reference.Groups[1].Value}}} is {Describe(resolved)}, the property wants {Describe(expected)}");
            }

            if (!whole && expected != null && expected.Type != BuiltinTypeSpec.String)
                problems.Add($"{at}: an interpolated string where {Describe(expected)} is wanted");
            return;
        }

        if (expected == null)
            return;

        if (expected.Ref is { } reference2)
        {
            if (!reference2.StartsWith("#/types/", StringComparison.Ordinal) || !schema.Types.TryGetValue(reference2["#/types/".Length..], out var objectType))
            {
                problems.Add($"{at}: type {reference2} is not defined by the package");
                return;
            }

            if (node is not YamlMappingNode mapping)
                problems.Add($"{at}: wants an object ({reference2})");
            else
                CheckObject(at, mapping, objectType.Properties, objectType.Required);
            return;
        }

        switch (expected.Type)
        {
            case "array":
                if (node is not YamlSequenceNode sequence)
                    problems.Add($"{at}: wants a list");
                else
                    for (var i = 0; i < sequence.Children.Count; i++)
                        CheckValue($"{at}[{i}]", sequence.Children[i], expected.Items);
                break;
            case "object":
                if (node is not YamlMappingNode map)
                    problems.Add($"{at}: wants a map");
                else
                    foreach (var (key, value) in map.Children)
                        CheckValue($"{at}.{((YamlScalarNode)key).Value}", value, expected.AdditionalProperties);
                break;
            case "string":
                if (node is not YamlScalarNode)
                    problems.Add($"{at}: wants a string");
                break;
            case "integer":
                if (node is not YamlScalarNode { Value: { } i2 } || !long.TryParse(i2, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                    problems.Add($"{at}: wants an integer");
                break;
            case "number":
                if (node is not YamlScalarNode { Value: { } n } || !double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                    problems.Add($"{at}: wants a number");
                break;
            case "boolean":
                if (node is not YamlScalarNode { Value: "true" or "false" })
                    problems.Add($"{at}: wants true or false");
                break;
        }
    }

    // resource.output.member... or a config name; ["key"] indexes a map.
    private TypeSpec? Resolve(string at, string expression)
    {
        var parts = Regex.Replace(expression, @"\[""[^""]*""\]|\[\d+\]", ".[]").Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1 && configNames.Contains(parts[0]))
            return new TypeSpec { Type = BuiltinTypeSpec.String };
        if (!resourceTypes.TryGetValue(parts[0], out var type) || !schema.Resources.TryGetValue(type, out var resource))
        {
            problems.Add($"{at}: ${{{expression}}} names no resource or config value");
            return null;
        }

        if (parts.Length == 1)
            return null;
        if (!resource.Properties.TryGetValue(parts[1], out var property))
        {
            problems.Add($"{at}: ${{{expression}}}: {type} has no output '{parts[1]}' (outputs: {string.Join(", ", resource.Properties.Keys)})");
            return null;
        }

        TypeSpec current = property;
        foreach (var part in parts.Skip(2))
        {
            if (part == "[]")
            {
                current = current.Items ?? current.AdditionalProperties ?? current;
                continue;
            }

            if (current.Ref is not { } reference || !schema.Types.TryGetValue(reference["#/types/".Length..], out var objectType) || !objectType.Properties.TryGetValue(part, out var member))
            {
                problems.Add($"{at}: ${{{expression}}}: '{part}' is not a member of {Describe(current)}");
                return null;
            }

            current = member;
        }

        return current;
    }

    private static bool Compatible(TypeSpec actual, TypeSpec expected)
        => actual.Ref != null || expected.Ref != null
            ? actual.Ref == expected.Ref
            : actual.Type == expected.Type
              && (actual.Items == null || expected.Items == null || Compatible(actual.Items, expected.Items))
              && (actual.AdditionalProperties == null || expected.AdditionalProperties == null || Compatible(actual.AdditionalProperties, expected.AdditionalProperties));

    private static string Describe(TypeSpec spec) => spec switch
    {
        { Ref: { } r } => r,
        { Type: "array", Items: { } items } => $"array<{Describe(items)}>",
        { Type: "object", AdditionalProperties: { } values } => $"map<{Describe(values)}>",
        _ => spec.Type ?? "?",
    };

    private static YamlNode? Child(YamlMappingNode node, string key)
        => node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;
}
