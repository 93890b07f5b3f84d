using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pulumi.Codegen.Schema;

/// <summary>
/// Reads a Pulumi package schema (JSON) and binds it into <see cref="PackageDef"/>, following the
/// rules of Pulumi's Go schema binder: properties sorted by wire name, non-required properties
/// wrapped in Optional, input-shaped properties wrapped in Input unless <c>plain</c>.
/// </summary>
public sealed class SchemaReader
{
    private const string TypesPrefix = "#/types/";

    private readonly string _path;
    private readonly JsonElement _root;
    private readonly Dictionary<string, ObjectTypeDef> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EnumTypeDef> _enums = new(StringComparer.Ordinal);

    private SchemaReader(string path, JsonElement root)
    {
        _path = path;
        _root = root;
    }

    /// <summary>Reads and binds a schema, with <paramref name="corrections"/> (if any) applied to its JSON first.</summary>
    public static PackageDef Read(string path, SchemaCorrections? corrections = null)
    {
        // A detached element, so the bound model can keep it (object shapes are bound lazily).
        var reader = new SchemaReader(path, (corrections ?? SchemaCorrections.None).Load(path));
        return reader.Bind();
    }

    private PackageDef Bind()
    {
        var name = _root.GetProperty("name").GetString() ?? throw Error("schema has no name");
        var csharp = ReadCSharpInfo();
        var tokenToModule = ModuleResolver(ReadModuleFormat());

        DeclareTypes();

        var methodTokens = new HashSet<string>(StringComparer.Ordinal);
        var provider = BindResource("pulumi:providers:" + name, Child(_root, "provider"), isProvider: true);
        methodTokens.UnionWith(provider.Methods.Values);

        var resources = new SortedDictionary<string, ResourceDef>(StringComparer.Ordinal);
        foreach (var (token, spec) in Members(Child(_root, "resources")))
        {
            var resource = BindResource(token, spec, isProvider: false);
            methodTokens.UnionWith(resource.Methods.Values);
            resources.Add(token, resource);
        }

        var functions = new SortedDictionary<string, FunctionDef>(StringComparer.Ordinal);
        foreach (var (token, spec) in Members(Child(_root, "functions")))
        {
            functions.Add(token, BindFunction(token, spec, methodTokens.Contains(token)));
        }

        var configSpec = Child(_root, "config");
        var config = BindProperties(Child(configSpec, "variables"), Strings(Child(configSpec, "required")), inputShape: false);

        return new PackageDef
        {
            Name = name,
            SchemaPath = _path,
            CSharp = csharp,
            TokenToModule = tokenToModule,
            Provider = provider,
            Resources = resources,
            Functions = functions,
            ObjectTypes = _objects,
            EnumTypes = _enums,
            Config = config,
        };
    }

    private CSharpPackageInfo ReadCSharpInfo()
    {
        var csharp = Child(Child(_root, "language"), "csharp");
        var namespaces = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (module, ns) in Members(Child(csharp, "namespaces")))
        {
            namespaces[module] = ns.GetString() ?? "";
        }
        return new CSharpPackageInfo
        {
            Namespaces = namespaces,
            Compatibility = StringOrNull(csharp, "compatibility") ?? "",
            DictionaryConstructors = Bool(csharp, "dictionaryConstructors"),
        };
    }

    private string ReadModuleFormat() => StringOrNull(Child(_root, "meta"), "moduleFormat") ?? "(.*)";

    /// <summary>Pulumi's <c>Package.TokenToModule</c>: <c>index</c> and provider tokens map to the root module.</summary>
    private static Func<string, string> ModuleResolver(string moduleFormat)
    {
        var regex = new Regex(moduleFormat, RegexOptions.CultureInvariant);
        return token =>
        {
            var parts = token.Split(':');
            if (parts.Length != 3 || parts[1] == "providers")
            {
                return "";
            }
            var match = regex.Match(parts[1]);
            if (!match.Success || match.Groups.Count < 2 || match.Groups[1].Value.StartsWith("index", StringComparison.Ordinal))
            {
                return "";
            }
            return match.Groups[1].Value;
        };
    }

    private void DeclareTypes()
    {
        foreach (var (token, spec) in Members(Child(_root, "types")))
        {
            if (spec.TryGetProperty("enum", out var values))
            {
                _enums.Add(token, new EnumTypeDef
                {
                    Token = token,
                    ElementType = PrimitiveOf(StringOrNull(spec, "type") ?? "string", token),
                    Values = [.. values.EnumerateArray().Select(v => new EnumValueDef(
                        StringOrNull(v, "name"), v.GetProperty("value").Clone(), StringOrNull(v, "deprecationMessage")))],
                });
            }
            else
            {
                var captured = spec;
                _objects.Add(token, new ObjectTypeDef(token, (_, shape) => BindObjectShape(captured, shape)));
            }
        }
    }

    private IReadOnlyList<PropertyDef> BindObjectShape(JsonElement spec, ObjectShape shape)
    {
        var required = Strings(Child(spec, "required"));
        var requiredOutputs = Child(Child(Child(spec, "language"), "nodejs"), "requiredOutputs");
        if (shape == ObjectShape.Output && requiredOutputs.ValueKind == JsonValueKind.Array)
        {
            // The rebuilt schemas record C# output nullability here (see the schema README).
            required = Strings(requiredOutputs);
        }
        return BindProperties(Child(spec, "properties"), required, inputShape: shape == ObjectShape.Input);
    }

    private ResourceDef BindResource(string token, JsonElement spec, bool isProvider)
    {
        var methods = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (method, functionToken) in Members(Child(spec, "methods")))
        {
            methods.Add(method, functionToken.GetString() ?? throw Error($"{token}: method {method} has no token"));
        }

        IReadOnlyList<PropertyDef>? state = null;
        if (spec.TryGetProperty("stateInputs", out var stateSpec))
        {
            state = BindProperties(Child(stateSpec, "properties"), [], inputShape: true);
        }

        return new ResourceDef
        {
            Token = token,
            IsProvider = isProvider,
            CSharpName = StringOrNull(Child(Child(spec, "language"), "csharp"), "name"),
            DeprecationMessage = StringOrNull(spec, "deprecationMessage"),
            Properties = BindProperties(Child(spec, "properties"), Strings(Child(spec, "required")), inputShape: false),
            InputProperties = BindProperties(Child(spec, "inputProperties"), Strings(Child(spec, "requiredInputs")), inputShape: true),
            StateInputs = state,
            Aliases = [.. Items(Child(spec, "aliases")).Select(a => StringOrNull(a, "type")).OfType<string>()],
            Methods = methods,
        };
    }

    private FunctionDef BindFunction(string token, JsonElement spec, bool isMethod)
    {
        IReadOnlyList<PropertyDef>? inputs = null, inputsInputShape = null, outputs = null;
        if (spec.TryGetProperty("inputs", out var inputSpec))
        {
            var required = Strings(Child(inputSpec, "required"));
            inputs = BindProperties(Child(inputSpec, "properties"), required, inputShape: false);
            inputsInputShape = BindProperties(Child(inputSpec, "properties"), required, inputShape: true);
        }
        if (spec.TryGetProperty("outputs", out var outputSpec))
        {
            if (!outputSpec.TryGetProperty("properties", out var outputProperties))
            {
                throw Error($"{token}: only object-typed function outputs are supported");
            }
            outputs = BindProperties(outputProperties, Strings(Child(outputSpec, "required")), inputShape: false);
        }
        return new FunctionDef
        {
            Token = token,
            DeprecationMessage = StringOrNull(spec, "deprecationMessage"),
            Inputs = inputs,
            InputsInputShape = inputsInputShape,
            Outputs = outputs,
            IsMethod = isMethod,
        };
    }

    private IReadOnlyList<PropertyDef> BindProperties(JsonElement properties, IReadOnlyCollection<string> required, bool inputShape)
    {
        var result = new List<PropertyDef>();
        foreach (var (name, spec) in Members(properties))
        {
            var type = BindType(spec, inputShape, name);
            if (!required.Contains(name))
            {
                type = new OptionalRef(type);
            }

            var defaultInfo = Child(spec, "defaultInfo");
            result.Add(new PropertyDef
            {
                WireName = name,
                CSharpName = StringOrNull(Child(Child(spec, "language"), "csharp"), "name"),
                Type = type,
                Secret = Bool(spec, "secret"),
                DeprecationMessage = StringOrNull(spec, "deprecationMessage"),
                ConstValue = spec.TryGetProperty("const", out var constValue) ? constValue.Clone() : null,
                DefaultValue = spec.TryGetProperty("default", out var defaultValue) ? defaultValue.Clone() : null,
                DefaultEnvironment = Strings(Child(defaultInfo, "environment")),
                WillReplaceOnChanges = Bool(spec, "willReplaceOnChanges"),
            });
        }
        result.Sort((a, b) => string.CompareOrdinal(a.WireName, b.WireName));
        return result;
    }

    /// <summary>Pulumi's <c>bindTypeSpec</c>: Input-wraps every level of an input-shaped type unless <c>plain</c>.</summary>
    private TypeRef BindType(JsonElement spec, bool inputShape, string context)
    {
        var type = BindTypeCore(spec, inputShape, context);
        return inputShape && !Bool(spec, "plain") ? new InputRef(type) : type;
    }

    private TypeRef BindTypeCore(JsonElement spec, bool inputShape, string context)
    {
        if (spec.ValueKind != JsonValueKind.Object)
        {
            throw Error($"{context}: expected a type specification object");
        }
        if (StringOrNull(spec, "$ref") is { } reference)
        {
            return BindReference(reference, inputShape, context);
        }
        if (spec.TryGetProperty("oneOf", out var oneOf))
        {
            return new UnionRef([.. oneOf.EnumerateArray().Select(e => BindType(e, inputShape, context))]);
        }

        var type = StringOrNull(spec, "type") ?? throw Error($"{context}: property type has neither 'type', '$ref' nor 'oneOf'");
        switch (type)
        {
            case "array":
                return new ArrayRef(BindType(Child(spec, "items"), inputShape, context));
            case "object":
                return spec.TryGetProperty("additionalProperties", out var values)
                    ? new MapRef(BindType(values, inputShape, context))
                    : new MapRef(inputShape ? new InputRef(new PrimitiveRef(PrimitiveKind.String)) : new PrimitiveRef(PrimitiveKind.String));
            default:
                return new PrimitiveRef(PrimitiveOf(type, context));
        }
    }

    private TypeRef BindReference(string reference, bool inputShape, string context)
    {
        switch (reference)
        {
            case "pulumi.json#/Any": return new PrimitiveRef(PrimitiveKind.Any);
            case "pulumi.json#/Json": return new PrimitiveRef(PrimitiveKind.Json);
            case "pulumi.json#/Archive": return new PrimitiveRef(PrimitiveKind.Archive);
            case "pulumi.json#/Asset": return new PrimitiveRef(PrimitiveKind.Asset);
            case "#/provider": return new ProviderRef();
        }
        if (!reference.StartsWith(TypesPrefix, StringComparison.Ordinal))
        {
            throw Error($"{context}: unsupported $ref '{reference}'");
        }

        var token = Uri.UnescapeDataString(reference[TypesPrefix.Length..]);
        if (_objects.TryGetValue(token, out var objectType))
        {
            return new ObjectRef(objectType, inputShape);
        }
        if (_enums.TryGetValue(token, out var enumType))
        {
            return new EnumRef(enumType);
        }
        throw Error($"{context}: $ref to unknown type '{token}'");
    }

    private PrimitiveKind PrimitiveOf(string type, string context) => type switch
    {
        "boolean" => PrimitiveKind.Bool,
        "integer" => PrimitiveKind.Int,
        "number" => PrimitiveKind.Number,
        "string" => PrimitiveKind.String,
        _ => throw Error($"{context}: unsupported type '{type}'"),
    };

    private InvalidDataException Error(string message) => new($"{_path}: {message}");

    private static JsonElement Child(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child) ? child : default;

    private static IEnumerable<(string Name, JsonElement Value)> Members(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? element.EnumerateObject().Select(p => (p.Name, p.Value)) : [];

    private static IEnumerable<JsonElement> Items(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : [];

    private static IReadOnlyList<string> Strings(JsonElement element) =>
        [.. Items(element).Select(e => e.GetString()).OfType<string>()];

    private static string? StringOrNull(JsonElement element, string name) =>
        Child(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static bool Bool(JsonElement element, string name) =>
        Child(element, name).ValueKind == JsonValueKind.True;
}
