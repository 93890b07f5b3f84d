using Pulumi.Codegen.Schema;

namespace Pulumi.Codegen;

/// <summary>
/// Spells bound schema types as C# types — a port of pulumi-language-dotnet's <c>typeString</c>,
/// <c>unionTypeString</c> and <c>typeName</c>.
/// </summary>
public sealed class TypeMapper
{
    private readonly Naming _naming;
    private readonly TypeUsage _usage;

    public TypeMapper(Naming naming, TypeUsage usage)
    {
        _naming = naming;
        _usage = usage;
    }

    /// <param name="type">The bound type.</param>
    /// <param name="context">Where the text is used.</param>
    public string TypeString(TypeRef type, TypeContext context)
    {
        switch (type)
        {
            case OptionalRef optional:
                var element = TypeString(optional.Element, context);
                return IgnoreOptional(optional, context.RequireInitializers) ? element : element + "?";

            case InputRef input:
                var wrapper = "Input";
                var inner = input.Element;
                switch (inner)
                {
                    case ArrayRef array:
                        (wrapper, inner) = ("InputList", PlainType(array.Element));
                        break;
                    case MapRef map:
                        (wrapper, inner) = ("InputMap", PlainType(map.Element));
                        break;
                    case PrimitiveRef { Kind: PrimitiveKind.Json }:
                        return "InputJson";
                }
                if (inner is UnionRef innerUnion)
                {
                    var simplified = SimplifyInputUnion(innerUnion);
                    if (wrapper == "Input")
                    {
                        return UnionTypeString(simplified, context, wrapInput: true);
                    }
                    inner = simplified;
                }
                return $"{wrapper}<{TypeString(inner, context)}>";

            case EnumRef enumRef:
                return _naming.TokenToNamespace(enumRef.Type.Token, "") + "." + Naming.TokenToName(enumRef.Type.Token);

            case ArrayRef array:
                var list = context.RequireInitializers ? "List" : "ImmutableArray";
                return $"{list}<{TypeString(array.Element, context with { RequireInitializers = false })}>";

            case MapRef map:
                var dictionary = context.RequireInitializers ? "Dictionary" : "ImmutableDictionary";
                return $"{dictionary}<string, {TypeString(map.Element, context with { RequireInitializers = false })}>";

            case ObjectRef obj:
                var ns = _naming.TokenToNamespace(obj.Type.Token, context.Qualifier);
                if ((ns == context.ModuleNamespace && context.Qualifier.Length == 0)
                    || ns == context.ModuleNamespace + "." + context.Qualifier)
                {
                    ns = context.Qualifier;
                }
                var prefix = ns.Length > 0 ? ns + "." : "";
                return prefix + TypeName(obj.Type, obj.InputShape, context.State, context.Input, args: obj.InputShape);

            case UnionRef union:
                return UnionTypeString(union, context, wrapInput: false);

            case ProviderRef:
                return _naming.RootNamespace + ".Provider";

            case PrimitiveRef primitive:
                return PrimitiveName(primitive.Kind);

            default:
                throw new InvalidOperationException($"unexpected type {type}");
        }
    }

    /// <summary>
    /// The class name of one shape of an object type: <c>XArgs</c>, <c>XInputArgs</c>, <c>XGetArgs</c>,
    /// <c>XResult</c> or <c>X</c>.
    /// </summary>
    public string TypeName(ObjectTypeDef type, bool inputShape, bool state, bool input, bool args)
    {
        var name = Naming.TokenToName(type.Token);
        if (state)
        {
            return name + "GetArgs";
        }
        if (!_naming.IsTerraform && !_naming.IsKubernetes)
        {
            return args ? name + "Args" : name;
        }

        var details = _usage.Details(type, inputShape);
        if (input && args && details.UsedInFunctionOutputVersionInputs)
        {
            return name + "InputArgs";
        }
        if (input)
        {
            return name + "Args";
        }
        return details.PlainType ? name + "Result" : name;
    }

    public static bool IsValueType(TypeRef type) => type switch
    {
        OptionalRef optional => IsValueType(optional.Element),
        EnumRef => true,
        PrimitiveRef { Kind: PrimitiveKind.Bool or PrimitiveKind.Int or PrimitiveKind.Number } => true,
        _ => false,
    };

    public static bool IsInputType(TypeRef type) => (type is OptionalRef optional ? optional.Element : type) is InputRef;

    /// <summary>Strips Optional and Input wrappers at the top: the "required" form of a property type.</summary>
    public static TypeRef RequiredType(PropertyDef property) =>
        property.Type is OptionalRef optional ? optional.Element : property.Type;

    /// <summary>Strips every Optional and Input wrapper at the top.</summary>
    public static TypeRef Unwrap(TypeRef type) => type switch
    {
        OptionalRef optional => Unwrap(optional.Element),
        InputRef input => Unwrap(input.Element),
        _ => type,
    };

    /// <summary>Pulumi's <c>codegen.PlainType</c>: removes Input wrappers everywhere, keeping object shapes.</summary>
    public static TypeRef PlainType(TypeRef type) => type switch
    {
        InputRef input => PlainType(input.Element),
        OptionalRef optional => new OptionalRef(PlainType(optional.Element)),
        ArrayRef array => new ArrayRef(PlainType(array.Element)),
        MapRef map => new MapRef(PlainType(map.Element)),
        UnionRef union => new UnionRef([.. union.Elements.Select(PlainType)]),
        _ => type,
    };

    public static string PrimitiveName(PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.Bool => "bool",
        PrimitiveKind.Int => "int",
        PrimitiveKind.Number => "double",
        PrimitiveKind.String => "string",
        PrimitiveKind.Any => "object",
        PrimitiveKind.Json => "System.Text.Json.JsonElement",
        PrimitiveKind.Archive => "Archive",
        PrimitiveKind.Asset => "AssetOrArchive",
        _ => throw new InvalidOperationException($"unexpected primitive {kind}"),
    };

    private string UnionTypeString(UnionRef union, TypeContext context, bool wrapInput)
    {
        var elements = new List<string>();
        foreach (var element in union.Elements)
        {
            // An output never exposes a "relaxed" enum: Output<string>, not Output<Union<string, E>>.
            if (element is EnumRef enumRef && !context.Input)
            {
                return TypeString(new PrimitiveRef(enumRef.Type.ElementType), context);
            }
            var text = TypeString(element, context with { RequireInitializers = false });
            if (!elements.Contains(text))
            {
                elements.Add(text);
            }
        }

        return elements.Count switch
        {
            1 => wrapInput ? $"Input<{elements[0]}>" : elements[0],
            2 => $"{(wrapInput ? "InputUnion" : "Union")}<{elements[0]}, {elements[1]}>",
            _ => "object",
        };
    }

    private static bool IgnoreOptional(OptionalRef optional, bool requireInitializers) => optional.Element switch
    {
        InputRef { Element: ArrayRef or MapRef } => true,
        ArrayRef => !requireInitializers,
        _ => false,
    };

    private static UnionRef SimplifyInputUnion(UnionRef union) => new([.. union.Elements.Select(element => element switch
    {
        InputRef { Element: ArrayRef or MapRef } input => PlainType(input.Element),
        InputRef input => input.Element,
        _ => element,
    })]);
}

/// <summary>The arguments of <c>typeString</c> other than the type itself.</summary>
/// <param name="ModuleNamespace">Namespace of the module being generated; types there are written relative to it.</param>
/// <param name="Qualifier"><c>Inputs</c>, <c>Outputs</c>, <c>Types</c> or empty.</param>
/// <param name="Input">True when spelling an input (args) type.</param>
/// <param name="State">True inside a resource's <c>XState</c> and its <c>XGetArgs</c> types.</param>
/// <param name="RequireInitializers">True for plain collections, which become <c>List</c>/<c>Dictionary</c>.</param>
public sealed record TypeContext(
    string ModuleNamespace,
    string Qualifier,
    bool Input,
    bool State = false,
    bool RequireInitializers = false);
