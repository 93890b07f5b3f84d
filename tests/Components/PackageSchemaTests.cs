using System.Collections.Immutable;
using System.Reflection;
using Infra.Components.Common;
using Pulumi;
using Pulumi.Experimental.Provider;
using Xunit;

namespace Infra.Tests.Components;

/// <summary>
/// The package other languages get from provider/ (<c>pulumi package add</c>): the schema that
/// <c>ComponentProviderHost.Serve(args, typeof(SpecProblem).Assembly, "infra")</c> serves, built here
/// the same way with <c>ComponentAnalyzer.GenerateSchema</c>. Data-driven: every component class in
/// Infra.Components is checked, including ones added later, against what its C# shape says the
/// schema must contain (every [Input] of its args, every [Output], with the types and required flags
/// a C# caller sees). A failure names the component and the analyzer's reason.
/// </summary>
public sealed class PackageSchemaTests
{
    private const string PackageName = "infra";

    private static readonly Assembly ComponentsAssembly = typeof(SpecProblem).Assembly;

    // Found as the host finds them (ComponentAnalyzer.FindComponentTypes): every non-abstract
    // ComponentResource in the assembly, public or not.
    private static readonly ImmutableArray<Type> ComponentTypes = ComponentsAssembly.GetTypes()
        .Where(t => typeof(ComponentResource).IsAssignableFrom(t) && !t.IsAbstract)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToImmutableArray();

    public static TheoryData<string> ComponentNames => new(ComponentTypes.Select(t => t.FullName!));

    [Fact]
    public void Every_component_of_the_assembly_is_a_resource_of_the_infra_package()
    {
        Assert.NotEmpty(ComponentTypes);

        // The analyzer stops at the first bad component; analysing each alone names all of them.
        var analysed = ComponentTypes.Select(type => (type, Reason: Refusal(type))).ToList();
        var servable = analysed.Where(r => r.Reason == null).Select(r => r.type).ToArray();
        var refusals = analysed
            .Where(r => r.Reason != null)
            .Select(r => $"  {r.type.FullName}: {r.Reason}")
            .ToList();
        Assert.True(refusals.Count == 0,
            $"The component provider cannot serve {refusals.Count} of {ComponentTypes.Length} components:\n" +
            string.Join("\n", refusals) +
            "\n(ComponentAnalyzer stops at the first problem of each: every public field and property of a component, " +
            "its args and the classes they reach needs a named [Input] or [Output], and System types other than " +
            "List/IList/Dictionary/IDictionary are refused; tests/Sdk/ComponentAnalyzerTests.cs lists each rule.)");

        // Tokens are infra:index:<simple class name>, so two classes of the same name would collapse into one.
        var duplicates = ComponentTypes.GroupBy(t => t.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"Component class names must be unique across namespaces: {string.Join(", ", duplicates)}");

        Assert.Equal(ComponentTypes.Length, servable.Length);
        var schema = ComponentAnalyzer.GenerateSchema(new Metadata(PackageName), servable);
        Assert.Equal(
            servable.Select(t => $"{PackageName}:index:{t.Name}").Order(StringComparer.Ordinal),
            schema.Resources.Keys.Order(StringComparer.Ordinal));
        Assert.All(schema.Resources.Values, r => Assert.True(r.IsComponent));
    }

    [Theory]
    [MemberData(nameof(ComponentNames))]
    public void Component_inputs_and_outputs_appear_with_their_types(string componentName)
        => AssertServedAsDeclared(ComponentsAssembly.GetType(componentName, throwOnError: true)!);

    /// <summary>
    /// The other half of servability: Pulumi's engine checks every [Output] of every resource,
    /// components included, when the resource is constructed (Serialization/Converter.cs
    /// CheckTargetType via OutputCompletionSource.InitializeOutputs): generic types only as
    /// ImmutableArray/ImmutableDictionary, classes only with [OutputType] and an [OutputConstructor]
    /// whose parameters pass the same check. Collection outputs are StringList/StringMap for that.
    /// </summary>
    [Theory]
    [MemberData(nameof(ComponentNames))]
    public void Component_outputs_are_types_the_engine_accepts(string componentName)
    {
        var component = ComponentsAssembly.GetType(componentName, throwOnError: true)!;
        foreach (var property in component.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                     .Where(p => p.GetCustomAttribute<OutputAttribute>() != null))
        {
            Assert.True(property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(Output<>),
                $"{component.Name}.{property.Name} is not an Output<T>");
            AssertEngineAccepts($"{component.Name}.{property.Name}", property.PropertyType.GetGenericArguments()[0]);
        }
    }

    /// <summary>
    /// The provider's Construct (pulumi-dotnet v3.112.1 Provider/ComponentProvider.cs) takes the first
    /// public constructor and deserializes the inputs into its parameter named "args".
    /// </summary>
    [Theory]
    [MemberData(nameof(ComponentNames))]
    public void The_provider_finds_the_args_of_each_component(string componentName)
    {
        var component = ComponentsAssembly.GetType(componentName, throwOnError: true)!;
        var first = component.GetConstructors().First();
        var args = first.GetParameters().SingleOrDefault(p => p.Name == "args");
        Assert.True(args != null, $"{component.Name}: the first public constructor has no parameter named args");
        Assert.Equal(ArgsType(component), args.ParameterType);
    }

    [Fact]
    public void The_collection_wrappers_are_served_as_one_property_objects()
    {
        var schema = ComponentAnalyzer.GenerateSchema(new Metadata(PackageName), ComponentTypes.ToArray());
        Assert.Equal(["items: array<string>"], Actual(schema.Types["infra:index:StringList"].Properties, schema.Types["infra:index:StringList"].Required));
        Assert.Equal(["entries: map<string>"], Actual(schema.Types["infra:index:StringMap"].Properties, schema.Types["infra:index:StringMap"].Required));
        var balancer = schema.Resources["infra:index:AwsLoadBalancer"];
        Assert.Equal("#/types/infra:index:StringMap", balancer.Properties["targetGroupArns"].Ref);
        Assert.Contains("targetGroupArns", balancer.Required);
        Assert.Equal("#/types/infra:index:StringList", schema.Resources["infra:index:AwsNetwork"].Properties["publicSubnetIds"].Ref);
    }

    private static void AssertEngineAccepts(string context, Type type)
    {
        if (type == typeof(string) || type == typeof(int) || type == typeof(double) || type == typeof(bool) || type == typeof(object))
            return;
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            AssertEngineAccepts(context, underlying);
            return;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            Assert.True(definition == typeof(ImmutableArray<>) || (definition == typeof(ImmutableDictionary<,>) && type.GetGenericArguments()[0] == typeof(string)),
                $"{context}: the engine allows only ImmutableArray<...> and ImmutableDictionary<string, ...> as generic types, not {type}");
            AssertEngineAccepts(context, type.GetGenericArguments()[^1]);
            return;
        }

        Assert.True(type.GetCustomAttribute<OutputTypeAttribute>() != null, $"{context}: {type} is neither a primitive nor an [OutputType] class");
        var constructor = type.GetConstructors().SingleOrDefault(c => c.GetCustomAttribute<OutputConstructorAttribute>() != null);
        Assert.True(constructor != null, $"{context}: {type} has no [OutputConstructor]");
        foreach (var parameter in constructor.GetParameters())
            AssertEngineAccepts($"{type.Name}({parameter.Name})", parameter.ParameterType);
    }

    [Fact]
    public void A_well_formed_component_passes_these_checks()
    {
        // Keeps the per-component check honest: a component of every supported shape must pass it,
        // whatever the state of the real components.
        AssertServedAsDeclared(typeof(SampleService));

        // ... and says what a reader of the package expects (plain settings, Input-wrapped values).
        var resource = ComponentAnalyzer.GenerateSchema(new Metadata(PackageName), typeof(SampleService))
            .Resources[$"{PackageName}:index:SampleService"];
        Assert.Equal(
            [
                "allowedCidrs: array<string plain>",
                "fallback: #/types/infra:index:SamplePoolSpec",
                "pools: map<#/types/infra:index:SamplePoolSpec plain> [required]",
                "public: boolean plain",
                "subnetIds: array<string>",
                "tags: map<string>",
                "vpcId: string [required]",
            ],
            Actual(resource.InputProperties, resource.RequiredInputs));
        Assert.Equal(
            [
                "certificateArn: string",
                "dnsName: string [required]",
                "port: integer [required]",
                "subnetIds: array<string> [required]",
                "targetGroupArns: map<string> [required]",
            ],
            Actual(resource.Properties, resource.Required));
    }

    /// <summary>
    /// The schema of <paramref name="component"/> alone lists exactly its [Input]s and [Output]s with
    /// the types and required flags its C# shape gives them, and defines every object type reached.
    /// </summary>
    private static void AssertServedAsDeclared(Type component)
    {
        var reason = Refusal(component);
        Assert.True(reason == null, $"{component.Name} cannot be served by the component provider: {reason}");

        var schema = ComponentAnalyzer.GenerateSchema(new Metadata(PackageName), component);
        var resource = schema.Resources[$"{PackageName}:index:{component.Name}"];
        var expectations = new SchemaExpectations(component.Assembly);

        Assert.Equal(
            expectations.Members(ArgsType(component), MemberRole.Input),
            Actual(resource.InputProperties, resource.RequiredInputs));
        Assert.Equal(
            expectations.Members(component, MemberRole.Output),
            Actual(resource.Properties, resource.Required));

        // Every object type reached from the component, however deep, is defined with its own members.
        var verified = new HashSet<string>(StringComparer.Ordinal);
        while (expectations.ObjectTypes.Keys.FirstOrDefault(t => !verified.Contains(t)) is { } token)
        {
            verified.Add(token);
            Assert.True(schema.Types.ContainsKey(token), $"{component.Name}: object type {token} is referenced but not defined");
            var objectType = schema.Types[token];
            Assert.Equal("object", objectType.Type);
            Assert.Equal(
                expectations.Members(expectations.ObjectTypes[token], MemberRole.Either),
                Actual(objectType.Properties, objectType.Required));
        }

        Assert.Equal(verified.Order(StringComparer.Ordinal), schema.Types.Keys.Order(StringComparer.Ordinal));
    }

    // ------------------------------------------------------------------ a well-formed sample

    private sealed class SampleHealthSpec : ResourceArgs
    {
        [Input("path")] public string? Path { get; set; }
        [Input("intervalSeconds")] public int IntervalSeconds { get; set; } = 15;
    }

    private sealed class SamplePoolSpec : ResourceArgs
    {
        [Input("port", required: true)] public int Port { get; set; }
        [Input("weight")] public double Weight { get; set; } = 1;
        [Input("healthCheck")] public SampleHealthSpec HealthCheck { get; set; } = new();
    }

    private sealed class SampleServiceArgs : ResourceArgs
    {
        [Input("public")] public bool Public { get; set; }
        [Input("allowedCidrs")] public List<string> AllowedCidrs { get; set; } = [];
        [Input("pools", required: true)] public Dictionary<string, SamplePoolSpec> Pools { get; set; } = [];
        [Input("vpcId", required: true)] public Input<string> VpcId { get; set; } = null!;
        [Input("subnetIds")] public InputList<string> SubnetIds { get; set; } = new();
        [Input("tags")] public InputMap<string> Tags { get; set; } = new();
        [Input("fallback")] public Input<SamplePoolSpec>? Fallback { get; set; }
    }

    private sealed class SampleService : ComponentResource
    {
        [Output("dnsName")] public Output<string> DnsName { get; private set; } = null!;
        [Output("port")] public Output<int> Port { get; private set; } = null!;
        [Output("certificateArn")] public Output<string?> CertificateArn { get; private set; } = null!;
        [Output("targetGroupArns")] public Output<Dictionary<string, string>> TargetGroupArns { get; private set; } = null!;
        [Output("subnetIds")] public Output<List<string>> SubnetIds { get; private set; } = null!;

        public SampleService(string name, SampleServiceArgs args, ComponentResourceOptions? options = null)
            : base("infra:index:SampleService", name, args, options)
        {
        }
    }

    // ------------------------------------------------------------------ helpers

    /// <summary>The analyzer's reason for refusing <paramref name="component"/>, or null.</summary>
    private static string? Refusal(Type component)
    {
        try
        {
            ComponentAnalyzer.GenerateSchema(new Metadata(PackageName), component);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    // The args parameter of the (string name, XArgs args, ComponentResourceOptions? options) constructor.
    private static Type ArgsType(Type component) => component.GetConstructors()
        .Select(c => c.GetParameters())
        .Where(p => p.Length == 3 && p[0].ParameterType == typeof(string)
            && typeof(ResourceArgs).IsAssignableFrom(p[1].ParameterType)
            && p[2].ParameterType == typeof(ComponentResourceOptions))
        .Select(p => p[1].ParameterType)
        .First();

    /// <summary>One line per property, "name: type [required]", comparable with <see cref="SchemaExpectations.Members"/>.</summary>
    private static IEnumerable<string> Actual(
        ImmutableSortedDictionary<string, PropertySpec> properties, ImmutableSortedSet<string> required)
        => properties
            .Select(p => Line(p.Key, Describe(p.Value), required.Contains(p.Key)))
            .Order(StringComparer.Ordinal);

    private static string Line(string name, string type, bool required) => $"{name}: {type}{(required ? " [required]" : "")}";

    // "string plain", "array<integer>", "map<#/types/infra:index:Foo plain>", ...
    private static string Describe(TypeSpec spec)
    {
        var core = spec switch
        {
            { Ref: { } reference } => reference,
            { Type: "array", Items: { } items } => $"array<{Describe(items)}>",
            { Type: "object", AdditionalProperties: { } values } => $"map<{Describe(values)}>",
            _ => spec.Type ?? "?",
        };
        return spec.Plain == true ? $"{core} plain" : core;
    }

    private enum MemberRole
    {
        Input,
        Output,
        Either,
    }

    /// <summary>
    /// What the schema must say about a C# class, from its attributes and types: [Input] wire names,
    /// required flags and types (plain unless wrapped in Input/InputList/InputMap), [Output] wire
    /// names with required meaning "Output&lt;T&gt; of a non-nullable T". Records the object types it
    /// meets, by the token the package gives them.
    /// </summary>
    private sealed class SchemaExpectations(Assembly components)
    {
        private readonly NullabilityInfoContext nullability = new();

        public Dictionary<string, Type> ObjectTypes { get; } = new(StringComparer.Ordinal);

        public IEnumerable<string> Members(Type type, MemberRole role)
        {
            var lines = new List<string>();

            // Inherited members count too: a C# caller can set them, so the schema must offer them.
            // Pulumi's own base classes (Resource.Urn) are not part of a component's schema.
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance;
            var members = type.GetProperties(flags).Cast<MemberInfo>().Concat(type.GetFields(flags))
                .Where(m => m.DeclaringType?.Assembly == components);
            foreach (var member in members)
            {
                var memberType = member is PropertyInfo p ? p.PropertyType : ((FieldInfo)member).FieldType;
                var at = $"{type.Name}.{member.Name}";
                var input = member.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType == typeof(InputAttribute));
                var output = member.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType == typeof(OutputAttribute));

                if (input != null && role != MemberRole.Output)
                {
                    var required = input.ConstructorArguments.Count > 1 && (bool)input.ConstructorArguments[1].Value!;
                    lines.Add(Line((string)input.ConstructorArguments[0].Value!, Expect(memberType, output: false, at), required));
                }
                else if (output != null && role != MemberRole.Input)
                {
                    var name = output.ConstructorArguments.Count > 0 ? (string?)output.ConstructorArguments[0].Value : null;
                    lines.Add(Line(name ?? member.Name, Expect(memberType, output: true, at), IsRequiredOutput(member, memberType)));
                }
            }

            return lines.Order(StringComparer.Ordinal);
        }

        private bool IsRequiredOutput(MemberInfo member, Type memberType)
        {
            if (!memberType.IsGenericType || memberType.GetGenericTypeDefinition() != typeof(Output<>))
            {
                return false;
            }

            var value = memberType.GetGenericArguments()[0];
            if (value.IsValueType)
            {
                return Nullable.GetUnderlyingType(value) == null;
            }

            var info = member is PropertyInfo p ? nullability.Create(p) : nullability.Create((FieldInfo)member);
            return info.GenericTypeArguments[0].ReadState != NullabilityState.Nullable;
        }

        private string Expect(Type type, bool output, string at)
        {
            if (type.IsGenericType)
            {
                var definition = type.GetGenericTypeDefinition();
                var arguments = type.GetGenericArguments();
                if (definition == typeof(Output<>))
                    return Expect(arguments[0], output: true, at);
                if (definition == typeof(Input<>))
                    return NotPlain(Expect(arguments[0], output: false, at));
                if (definition == typeof(InputList<>))
                    return $"array<{NotPlain(Expect(arguments[0], output: false, at))}>";
                if (definition == typeof(InputMap<>))
                    return $"map<{NotPlain(Expect(arguments[0], output: false, at))}>";
                if (definition == typeof(Nullable<>))
                    return Expect(arguments[0], output, at);
                if (definition == typeof(List<>) || definition == typeof(IList<>))
                    return $"array<{Expect(arguments[0], output, at)}>";
                if ((definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>)) && arguments[0] == typeof(string))
                    return $"map<{Expect(arguments[1], output, at)}>";
            }

            if (type.IsArray)
            {
                return $"array<{Expect(type.GetElementType()!, output, at)}>";
            }

            var leaf = type switch
            {
                _ when type == typeof(string) => "string",
                _ when type == typeof(int) || type == typeof(long) => "integer",
                _ when type == typeof(double) || type == typeof(float) => "number",
                _ when type == typeof(bool) => "boolean",
                _ when type == typeof(Archive) => "pulumi.json#/Archive",
                _ when type == typeof(Asset) => "pulumi.json#/Asset",
                _ when type == typeof(object) => "pulumi.json#/Any",
                _ when type.IsClass && type.Assembly == components => "#/types/" + ObjectTypeToken(type, at),
                _ => throw new Xunit.Sdk.XunitException($"{at}: no package-schema type for {type}"),
            };
            return output ? leaf : $"{leaf} plain";
        }

        // Object types are infra:index:<class name without "Args">; two classes mapping to one token
        // would share one definition in the package.
        private string ObjectTypeToken(Type type, string at)
        {
            var name = type.Name.EndsWith("Args", StringComparison.Ordinal) ? type.Name[..^4] : type.Name;
            var token = $"{PackageName}:index:{name}";
            if (ObjectTypes.TryGetValue(token, out var existing) && existing != type)
            {
                throw new Xunit.Sdk.XunitException(
                    $"{at}: {type.FullName} and {existing.FullName} would both be the object type {token}");
            }

            ObjectTypes[token] = type;
            return token;
        }

        private static string NotPlain(string described)
            => described.EndsWith(" plain", StringComparison.Ordinal) ? described[..^" plain".Length] : described;
    }
}
