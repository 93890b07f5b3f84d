using System.Text.Json;

namespace Pulumi.Codegen.Schema;

// The bound form of a Pulumi package schema, shaped like the Go `schema` package that Pulumi's own
// code generators consume: property types carry explicit Input/Optional wrappers, and every object
// type exists in two shapes (plain, and "input shape" whose properties are Input-wrapped).

/// <summary>A bound property type.</summary>
public abstract record TypeRef;

public enum PrimitiveKind { Bool, Int, Number, String, Any, Json, Archive, Asset }

public sealed record PrimitiveRef(PrimitiveKind Kind) : TypeRef;

public sealed record ArrayRef(TypeRef Element) : TypeRef;

/// <summary>A map with string keys.</summary>
public sealed record MapRef(TypeRef Element) : TypeRef;

/// <summary>A reference to an object type in one of its two shapes.</summary>
public sealed record ObjectRef(ObjectTypeDef Type, bool InputShape) : TypeRef;

public sealed record EnumRef(EnumTypeDef Type) : TypeRef;

public sealed record UnionRef(IReadOnlyList<TypeRef> Elements) : TypeRef;

/// <summary>A reference to the package's provider resource (the <c>__self__</c> of provider methods).</summary>
public sealed record ProviderRef : TypeRef;

/// <summary>A value that may also be given as an Output (Input&lt;T&gt; and friends).</summary>
public sealed record InputRef(TypeRef Element) : TypeRef;

/// <summary>A property that is not required.</summary>
public sealed record OptionalRef(TypeRef Element) : TypeRef;

/// <summary>One bound property: a wire name plus its type in a given context.</summary>
public sealed class PropertyDef
{
    public required string WireName { get; init; }

    /// <summary><c>language.csharp.name</c>, when the schema overrides the C# member name.</summary>
    public string? CSharpName { get; init; }

    public required TypeRef Type { get; init; }

    public bool Secret { get; init; }

    public string? DeprecationMessage { get; init; }

    public JsonElement? ConstValue { get; init; }

    public JsonElement? DefaultValue { get; init; }

    public IReadOnlyList<string> DefaultEnvironment { get; init; } = [];

    public bool WillReplaceOnChanges { get; init; }

    public bool IsRequired => Type is not OptionalRef;

    public bool HasDefault => DefaultValue is not null || DefaultEnvironment.Count > 0;
}

/// <summary>How an object type's properties are bound.</summary>
public enum ObjectShape
{
    /// <summary>Input-shaped: properties are Input-wrapped; used by resource and invoke args.</summary>
    Input,

    /// <summary>Plain values read with the <c>required</c> list: plain invoke args.</summary>
    PlainInput,

    /// <summary>Plain values read as outputs: <c>language.nodejs.requiredOutputs</c>, else <c>required</c>.</summary>
    Output,
}

public sealed class ObjectTypeDef
{
    private readonly Dictionary<ObjectShape, IReadOnlyList<PropertyDef>> _bound = [];
    private readonly Func<ObjectTypeDef, ObjectShape, IReadOnlyList<PropertyDef>> _binder;

    public ObjectTypeDef(string token, Func<ObjectTypeDef, ObjectShape, IReadOnlyList<PropertyDef>> binder)
    {
        Token = token;
        _binder = binder;
    }

    public string Token { get; }

    /// <summary>Properties bound for a shape, sorted by wire name (ordinal), as Pulumi's binder does.</summary>
    public IReadOnlyList<PropertyDef> Properties(ObjectShape shape)
    {
        if (!_bound.TryGetValue(shape, out var props))
        {
            props = _binder(this, shape);
            _bound[shape] = props;
        }
        return props;
    }

    public override string ToString() => Token;
}

public sealed record EnumValueDef(string? Name, JsonElement Value, string? DeprecationMessage);

public sealed class EnumTypeDef
{
    public required string Token { get; init; }

    public required PrimitiveKind ElementType { get; init; }

    public required IReadOnlyList<EnumValueDef> Values { get; init; }

    public override string ToString() => Token;
}

public sealed class ResourceDef
{
    public required string Token { get; init; }

    public bool IsProvider { get; init; }

    /// <summary><c>language.csharp.name</c> of the resource, if any.</summary>
    public string? CSharpName { get; init; }

    public string? DeprecationMessage { get; init; }

    public required IReadOnlyList<PropertyDef> Properties { get; init; }

    public required IReadOnlyList<PropertyDef> InputProperties { get; init; }

    /// <summary>Null when the resource has no <c>stateInputs</c> (then <c>Get</c> takes no state).</summary>
    public IReadOnlyList<PropertyDef>? StateInputs { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Method name → function token (e.g. the provider's <c>terraformConfig</c>).</summary>
    public IReadOnlyDictionary<string, string> Methods { get; init; } = new Dictionary<string, string>();
}

public sealed class FunctionDef
{
    public required string Token { get; init; }

    public string? DeprecationMessage { get; init; }

    /// <summary>Plain-shaped inputs (the <c>XArgs</c> class); null when the function takes none.</summary>
    public IReadOnlyList<PropertyDef>? Inputs { get; init; }

    /// <summary>Input-shaped inputs (the <c>XInvokeArgs</c> class).</summary>
    public IReadOnlyList<PropertyDef>? InputsInputShape { get; init; }

    /// <summary>Result properties; null when the function returns nothing.</summary>
    public IReadOnlyList<PropertyDef>? Outputs { get; init; }

    /// <summary>True for provider/resource methods, which are not emitted as static classes.</summary>
    public bool IsMethod { get; init; }
}

/// <summary>The <c>language.csharp</c> block.</summary>
public sealed class CSharpPackageInfo
{
    public IReadOnlyDictionary<string, string> Namespaces { get; init; } = new Dictionary<string, string>();

    /// <summary><c>tfbridge20</c>, <c>kubernetes20</c> or empty.</summary>
    public string Compatibility { get; init; } = "";

    public bool DictionaryConstructors { get; init; }
}

public sealed class PackageDef
{
    public required string Name { get; init; }

    public required string SchemaPath { get; init; }

    public required CSharpPackageInfo CSharp { get; init; }

    public required Func<string, string> TokenToModule { get; init; }

    public required ResourceDef Provider { get; init; }

    public required IReadOnlyDictionary<string, ResourceDef> Resources { get; init; }

    public required IReadOnlyDictionary<string, FunctionDef> Functions { get; init; }

    public required IReadOnlyDictionary<string, ObjectTypeDef> ObjectTypes { get; init; }

    public required IReadOnlyDictionary<string, EnumTypeDef> EnumTypes { get; init; }

    public required IReadOnlyList<PropertyDef> Config { get; init; }
}
