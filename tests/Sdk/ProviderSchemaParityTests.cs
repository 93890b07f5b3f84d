using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using Infra.Tests.Harness;
using Pulumi;
using Pulumi.Codegen;
using Pulumi.Codegen.Schema;
using Xunit;

namespace Infra.Tests.Sdk;

/// <summary>
/// The provider classes we compile against agree with ../shared/pulumi-schemas, read as the generator
/// reads them: with the package's sdk/Pulumi.&lt;Pkg&gt;/schema-corrections.txt applied. Every resource of a
/// schema has a class carrying its type token; every input of a resource or (Terraform-based providers)
/// of an object type is an [Input] of its args class with the same wire name, required flag and scalar
/// type; every output is an [Output] of the matching C# type. Offline this checks our generator (and the
/// hand-written KubernetesResource base); against the real packages it checks that the corrected schemas
/// describe them, corrections included.
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

    private static readonly ImmutableDictionary<string, string> Projects = new Dictionary<string, string>
    {
        ["aws"] = "Pulumi.Aws",
        ["azure"] = "Pulumi.Azure",
        ["kubernetes"] = "Pulumi.Kubernetes",
        ["random"] = "Pulumi.Random",
    }.ToImmutableDictionary();

    private static string SchemaPath(string package) => Path.Combine(RepoPaths.Root, "..", "shared", "pulumi-schemas", $"{package}.json");

    /// <summary>The package's corrections file, read with the generator's parser; none if it has no file.</summary>
    private static SchemaCorrections Corrections(string package)
    {
        var path = Path.Combine(RepoPaths.Root, "sdk", Projects[package], "schema-corrections.txt");
        return File.Exists(path) ? SchemaCorrections.Parse(path) : SchemaCorrections.None;
    }

    private static JsonElement Schema(string package) => Corrections(package).Load(SchemaPath(package));

    private static ImmutableDictionary<string, Type> ResourceClasses(string package)
        => Assemblies[package].GetTypes()
            .Where(t => t.IsClass && typeof(CustomResource).IsAssignableFrom(t))
            .Select(t => (Type: t, Attribute: t.GetCustomAttribute<ResourceTypeAttribute>(inherit: true)))
            .Where(t => t.Attribute != null)
            .GroupBy(t => t.Attribute!.Type)
            .ToImmutableDictionary(g => g.Key, g => g.First().Type);

    /// <summary>[Input] wire names of an args class, with their required flag and member type, read through reflection.</summary>
    private static ImmutableDictionary<string, (bool Required, Type Type)> Inputs(Type args)
    {
        var result = new Dictionary<string, (bool, Type)>();
        for (var type = args; type != null && type != typeof(object); type = type.BaseType)
        {
            const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
            foreach (var member in type.GetFields(flags).Cast<MemberInfo>().Concat(type.GetProperties(flags)))
            {
                var input = member.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType == typeof(InputAttribute));
                if (input == null)
                    continue;
                var required = input.ConstructorArguments.Count > 1 && (bool)input.ConstructorArguments[1].Value!;
                var memberType = member is FieldInfo field ? field.FieldType : ((PropertyInfo)member).PropertyType;
                result[(string)input.ConstructorArguments[0].Value!] = (required, memberType);
            }
        }
        return result.ToImmutableDictionary();
    }

    /// <summary>The C# type of a schema scalar (an array's or map's element): null for refs and unions, which are not compared.</summary>
    private static Type? ScalarType(JsonElement spec)
    {
        if (spec.TryGetProperty("items", out var items))
            return ScalarType(items);
        if (spec.TryGetProperty("additionalProperties", out var values))
            return ScalarType(values);
        return (spec.TryGetProperty("type", out var type) ? type.GetString() : null) switch
        {
            "integer" => typeof(int),
            "number" => typeof(double),
            "boolean" => typeof(bool),
            "string" => typeof(string),
            _ => null,
        };
    }

    /// <summary>T of Input&lt;T&gt;, InputList&lt;T&gt;, InputMap&lt;T&gt; (or a plain T), without Nullable.</summary>
    private static Type ElementType(Type member)
    {
        var element = member.IsGenericType && member.GetGenericTypeDefinition() is var definition
            && (definition == typeof(Input<>) || definition == typeof(InputList<>) || definition == typeof(InputMap<>))
            ? member.GetGenericArguments()[0]
            : member;
        return Nullable.GetUnderlyingType(element) ?? element;
    }

    /// <summary>How an args class differs from a schema property list: missing inputs, required flags, scalar types.</summary>
    private static IEnumerable<string> InputProblems(string owner, Type args, JsonElement properties, IReadOnlySet<string> required)
    {
        var inputs = Inputs(args);
        foreach (var property in properties.EnumerateObject())
        {
            if (!inputs.TryGetValue(property.Name, out var input))
            {
                yield return $"{owner}: {args.Name} has no [Input(\"{property.Name}\")]";
                continue;
            }
            if (input.Required != required.Contains(property.Name))
                yield return $"{owner}: {args.Name} input '{property.Name}' required={input.Required}, schema says {required.Contains(property.Name)}";
            if (ScalarType(property.Value) is { } expected && ElementType(input.Type) != expected)
                yield return $"{owner}: {args.Name} input '{property.Name}' is {input.Type}, schema element type {expected.Name}";
        }
    }

    private static IReadOnlySet<string> Strings(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var list) ? list.EnumerateArray().Select(e => e.GetString()!).ToHashSet() : [];

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
    public void Every_schema_input_is_an_input_of_the_args_class_with_the_same_required_flag_and_type(string package)
    {
        var classes = ResourceClasses(package);
        var problems = new List<string>();
        foreach (var resource in Schema(package).GetProperty("resources").EnumerateObject())
        {
            var constructor = classes[resource.Name].GetConstructors().Single(c => c.GetParameters().Length == 3 && c.GetParameters()[0].ParameterType == typeof(string));
            var args = constructor.GetParameters()[1];
            var required = Strings(resource.Value, "requiredInputs");
            // Pulumi's generator makes args optional when no input is required (always, for kubernetes).
            if (package != "kubernetes" && args.HasDefaultValue == required.Count > 0)
                problems.Add($"{resource.Name}: the args parameter is {(args.HasDefaultValue ? "optional" : "required")}, but the schema has {required.Count} required inputs");
            if (resource.Value.TryGetProperty("inputProperties", out var inputProperties))
                problems.AddRange(InputProblems(resource.Name, args.ParameterType, inputProperties, required));
        }
        Assert.Empty(problems);
    }

    /// <summary>
    /// Object types' input classes (<c>&lt;Ns&gt;.Inputs.&lt;Name&gt;Args</c>), for the Terraform-based providers whose
    /// namespaces follow the schema's map; types without such a class (output- or function-only) are skipped.
    /// </summary>
    [Theory]
    [InlineData("aws")]
    [InlineData("azure")]
    public void Every_object_type_input_is_an_input_of_its_args_class_with_the_same_required_flag_and_type(string package)
    {
        var schema = Schema(package);
        var namespaces = schema.GetProperty("language").GetProperty("csharp").GetProperty("namespaces");
        var root = Assemblies[package].GetTypes().Single(t => t.Name == "Provider" && typeof(ProviderResource).IsAssignableFrom(t)).Namespace;
        var problems = new List<string>();
        var compared = 0;
        foreach (var type in schema.GetProperty("types").EnumerateObject().Where(t => t.Value.TryGetProperty("properties", out _)))
        {
            var parts = type.Name.Split(':');
            var module = parts[1][..parts[1].LastIndexOf('/')];
            // Config types (module "config", not in the map) are nested in the Config class: no input class.
            var ns = module == "index" ? root : namespaces.TryGetProperty(module, out var name) ? $"{root}.{name.GetString()}" : null;
            if (ns == null || Assemblies[package].GetType($"{ns}.Inputs.{parts[2]}Args") is not { } args)
                continue;
            compared++;
            problems.AddRange(InputProblems(type.Name, args, type.Value.GetProperty("properties"), Strings(type.Value, "required")));
        }
        Assert.Empty(problems);
        Assert.True(compared > 20, $"only {compared} object types of {package} have an input class; is the namespace rule right?");
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Every_schema_correction_names_an_existing_token_and_property_and_changes_it(string package)
    {
        // Load applies each correction and throws, naming the file and line, on an unknown token or
        // property or a correction that changes nothing.
        var corrections = Corrections(package);
        var exception = Record.Exception(() => corrections.Load(SchemaPath(package)));
        Assert.True(exception is null, (exception as CodegenException)?.Format() ?? exception?.ToString());
        Assert.All(corrections.Entries, c => Assert.True(File.Exists(c.File)));
    }

    /// <summary>
    /// Config object types (module "config") are nested classes of <c>Config.Types</c> with plain
    /// properties: a required scalar is a plain value type, an optional one Nullable. Only azure: its
    /// Config.cs was compared property by property with pulumi-azure v6.39.0 sdk/dotnet/Config/Config.cs,
    /// which declares FeaturesTemplateDeployment.DeleteNestedItemsDuringDeletion as <c>bool</c>
    /// (sdk/Pulumi.Azure/schema-corrections.txt).
    /// </summary>
    [Theory]
    [InlineData("azure")]
    public void Every_config_type_scalar_is_nullable_exactly_when_the_schema_makes_it_optional(string package)
    {
        var schema = Schema(package);
        var config = Assemblies[package].GetTypes().Single(t => t.Name == "Config" && t.IsAbstract && t.IsSealed && t.DeclaringType == null && t.Namespace == Projects[package]);
        var types = config.GetNestedType("Types")!;
        var problems = new List<string>();
        var compared = 0;
        foreach (var type in schema.GetProperty("types").EnumerateObject().Where(t => t.Name.Split(':')[1].StartsWith("config/", StringComparison.Ordinal)))
        {
            var name = type.Name.Split(':')[2];
            var nested = types.GetNestedType(char.ToUpperInvariant(name[0]) + name[1..]);
            if (nested == null)
            {
                problems.Add($"{type.Name}: no Config.Types class");
                continue;
            }
            var required = Strings(type.Value, "required");
            if (!type.Value.TryGetProperty("properties", out var properties))
                continue;
            foreach (var property in properties.EnumerateObject())
            {
                if (property.Value.TryGetProperty("items", out _) || property.Value.TryGetProperty("additionalProperties", out _)
                    || ScalarType(property.Value) is not { IsValueType: true } scalar)
                    continue;
                var member = nested.GetProperty(char.ToUpperInvariant(property.Name[0]) + property.Name[1..]);
                if (member == null)
                {
                    problems.Add($"{type.Name}: {nested.Name} has no property for '{property.Name}'");
                    continue;
                }
                compared++;
                var expected = required.Contains(property.Name) ? scalar : typeof(Nullable<>).MakeGenericType(scalar);
                if (member.PropertyType != expected)
                    problems.Add($"{type.Name}: {nested.Name}.{member.Name} is {member.PropertyType}, schema says {expected}");
            }
        }
        Assert.Empty(problems);
        Assert.True(compared > 10, $"only {compared} config type scalars of {package} compared");
    }

    [Fact]
    public void A_correction_of_an_unknown_property_is_refused_naming_the_file_and_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"schema-corrections-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(path,
        [
            "# comment",
            "type types aws:autoscaling/PolicyStepAdjustment:PolicyStepAdjustment scalingAdjustments number  # cited",
        ]);
        try
        {
            var error = Assert.Throws<CodegenException>(() => SchemaCorrections.Parse(path).Load(SchemaPath("aws")));
            Assert.Equal($"{path}(2): error PCG001: 'aws:autoscaling/PolicyStepAdjustment:PolicyStepAdjustment' has no property 'scalingAdjustments' in types", error.Format());
        }
        finally
        {
            File.Delete(path);
        }
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
