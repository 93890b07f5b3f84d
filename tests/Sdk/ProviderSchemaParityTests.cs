using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using Infra.Tests.Harness;
using Pulumi;
using Xunit;

namespace Infra.Tests.Sdk;

/// <summary>
/// The provider classes we compile against agree with ../shared/pulumi-schemas: every resource of a
/// schema has a class carrying its type token, every input is an [Input] of its args class with the
/// same wire name and required flag, and every output is an [Output] of the matching C# type. Offline
/// this checks our generator (and the hand-written KubernetesResource base); against the real
/// packages it checks that the schemas describe them.
/// </summary>
public sealed class ProviderSchemaParityTests
{
    public static TheoryData<string> Packages => new() { "aws", "azure", "kubernetes", "random" };

    private static readonly ImmutableDictionary<string, Assembly> Assemblies = new Dictionary<string, Assembly>
    {
        ["aws"] = typeof(Pulumi.Aws.Provider).Assembly,
        ["azure"] = typeof(Pulumi.Azure.Provider).Assembly,
        ["kubernetes"] = typeof(Pulumi.Kubernetes.Provider).Assembly,
        ["random"] = typeof(Pulumi.Random.Provider).Assembly,
    }.ToImmutableDictionary();

    private static JsonElement Schema(string package)
    {
        var path = Path.Combine(RepoPaths.Root, "..", "shared", "pulumi-schemas", $"{package}.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    private static ImmutableDictionary<string, Type> ResourceClasses(string package)
        => Assemblies[package].GetTypes()
            .Where(t => t.IsClass && typeof(CustomResource).IsAssignableFrom(t))
            .Select(t => (Type: t, Attribute: t.GetCustomAttribute<ResourceTypeAttribute>(inherit: true)))
            .Where(t => t.Attribute != null)
            .GroupBy(t => t.Attribute!.Type)
            .ToImmutableDictionary(g => g.Key, g => g.First().Type);

    /// <summary>[Input] wire names of an args class, with their required flag, read through public reflection.</summary>
    private static ImmutableDictionary<string, bool> Inputs(Type args)
    {
        var result = new Dictionary<string, bool>();
        for (var type = args; type != null && type != typeof(object); type = type.BaseType)
        {
            const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
            foreach (var member in type.GetFields(flags).Cast<MemberInfo>().Concat(type.GetProperties(flags)))
            {
                var input = member.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType == typeof(InputAttribute));
                if (input == null)
                    continue;
                var required = input.ConstructorArguments.Count > 1 && (bool)input.ConstructorArguments[1].Value!;
                result[(string)input.ConstructorArguments[0].Value!] = required;
            }
        }
        return result.ToImmutableDictionary();
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Every_schema_resource_has_a_class_with_its_type_token(string package)
    {
        var classes = ResourceClasses(package);
        var missing = Schema(package).GetProperty("resources").EnumerateObject().Select(r => r.Name).Where(t => !classes.ContainsKey(t)).ToList();
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Every_schema_input_is_an_input_of_the_args_class_with_the_same_required_flag(string package)
    {
        var classes = ResourceClasses(package);
        var problems = new List<string>();
        foreach (var resource in Schema(package).GetProperty("resources").EnumerateObject())
        {
            var argsType = classes[resource.Name].GetConstructors().Single(c => c.GetParameters().Length == 3 && c.GetParameters()[0].ParameterType == typeof(string)).GetParameters()[1].ParameterType;
            var inputs = Inputs(argsType);
            var required = resource.Value.TryGetProperty("requiredInputs", out var r) ? r.EnumerateArray().Select(e => e.GetString()!).ToHashSet() : [];
            if (!resource.Value.TryGetProperty("inputProperties", out var inputProperties))
                continue;
            foreach (var input in inputProperties.EnumerateObject())
            {
                if (!inputs.TryGetValue(input.Name, out var isRequired))
                    problems.Add($"{resource.Name}: {argsType.Name} has no [Input(\"{input.Name}\")]");
                else if (isRequired != required.Contains(input.Name))
                    problems.Add($"{resource.Name}: {argsType.Name} input '{input.Name}' required={isRequired}, schema says {required.Contains(input.Name)}");
            }
        }
        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Every_schema_output_is_an_output_property_of_the_matching_type(string package)
    {
        var classes = ResourceClasses(package);
        var problems = new List<string>();
        foreach (var resource in Schema(package).GetProperty("resources").EnumerateObject())
        {
            var outputs = classes[resource.Name].GetProperties()
                .Select(p => (Property: p, Attribute: p.GetCustomAttribute<OutputAttribute>()))
                .Where(p => p.Attribute?.Name != null)
                .ToDictionary(p => p.Attribute!.Name!, p => p.Property.PropertyType.GetGenericArguments()[0]);
            foreach (var property in resource.Value.GetProperty("properties").EnumerateObject())
            {
                if (!outputs.TryGetValue(property.Name, out var type))
                {
                    problems.Add($"{resource.Name}: no [Output(\"{property.Name}\")]");
                    continue;
                }
                var expected = property.Value.TryGetProperty("type", out var t) ? t.GetString() : null;
                var actual = Nullable.GetUnderlyingType(type) ?? type;
                var matches = expected switch
                {
                    "string" => actual == typeof(string),
                    "integer" => actual == typeof(int),
                    "number" => actual == typeof(double),
                    "boolean" => actual == typeof(bool),
                    "array" => actual.IsGenericType && actual.GetGenericTypeDefinition() == typeof(ImmutableArray<>),
                    "object" => actual.IsGenericType && actual.GetGenericTypeDefinition() == typeof(ImmutableDictionary<,>),
                    _ => true, // $ref and oneOf: object and union types, checked by name above
                };
                if (!matches)
                    problems.Add($"{resource.Name}: output '{property.Name}' is {type}, schema type {expected}");
            }
        }
        Assert.Empty(problems);
    }
}
