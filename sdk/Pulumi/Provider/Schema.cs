using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json.Serialization;

// The package-schema model returned by ComponentAnalyzer. Mirrors pulumi/pulumi-dotnet
// sdk/Pulumi/Provider/Schema.cs: same records, members, defaults and JSON attributes, so that a schema
// serialised here is byte-for-byte the JSON the real component provider hands to the engine.
// The collections are sorted immutable ones, which keeps that JSON independent of reflection order.
namespace Pulumi.Experimental.Provider
{
    /// <summary>A whole Pulumi package schema: identity, resources, object types and language settings.</summary>
    public record PackageSpec
    {
        /// <summary>The package name, first segment of every token.</summary>
        [JsonPropertyName("name")]
        public string Name { get; init; } = "";

        /// <summary>The publisher namespace, or "".</summary>
        [JsonPropertyName("namespace")]
        public string Namespace { get; init; } = "";

        /// <summary>Human-readable name of the package.</summary>
        [JsonPropertyName("displayName")]
        public string DisplayName { get; init; } = "";

        /// <summary>Package version, or "".</summary>
        [JsonPropertyName("version")]
        public string Version { get; init; } = "";

        /// <summary>Resources keyed by type token (<c>pkg:index:Name</c>).</summary>
        [JsonPropertyName("resources")]
        public ImmutableSortedDictionary<string, ResourceSpec> Resources { get; init; } =
            ImmutableSortedDictionary<string, ResourceSpec>.Empty;

        /// <summary>Object types keyed by type token (<c>pkg:index:Name</c>).</summary>
        [JsonPropertyName("types")]
        public ImmutableSortedDictionary<string, ComplexTypeSpec> Types { get; init; } =
            ImmutableSortedDictionary<string, ComplexTypeSpec>.Empty;

        /// <summary>Per-language code generation settings.</summary>
        [JsonPropertyName("language")]
        public ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, object>> Language { get; init; } =
            ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, object>>.Empty;
    }

    /// <summary>A resource of the package; the analyzer only produces components.</summary>
    public record ResourceSpec : ObjectTypeSpec
    {
        /// <summary>True for component resources (always, for analyzed components).</summary>
        [JsonPropertyName("isComponent")]
        public bool IsComponent { get; init; }

        /// <summary>Inputs keyed by wire name.</summary>
        [JsonPropertyName("inputProperties")]
        public ImmutableSortedDictionary<string, PropertySpec> InputProperties { get; init; } =
            ImmutableSortedDictionary<string, PropertySpec>.Empty;

        /// <summary>Wire names of the required inputs.</summary>
        [JsonPropertyName("requiredInputs")]
        public ImmutableSortedSet<string> RequiredInputs { get; init; } =
            ImmutableSortedSet<string>.Empty;

        /// <summary>A component resource with the given inputs and outputs.</summary>
        public ResourceSpec(
            Dictionary<string, PropertySpec> inputProperties,
            HashSet<string> requiredInputs,
            Dictionary<string, PropertySpec> properties,
            HashSet<string> required)
        {
            IsComponent = true;
            Type = "object";
            InputProperties = inputProperties.ToImmutableSortedDictionary();
            RequiredInputs = requiredInputs.ToImmutableSortedSet();
            Properties = properties.ToImmutableSortedDictionary();
            Required = required.ToImmutableSortedSet();
        }
    }

    /// <summary>
    /// The type of a property or of a collection element: a builtin <see cref="Type"/>, a
    /// <see cref="Ref"/> to an object type or to <c>pulumi.json#/...</c>, an array (<see cref="Items"/>)
    /// or a map (<see cref="AdditionalProperties"/>).
    /// </summary>
    public record TypeSpec
    {
        /// <summary>Builtin type name, "array" or "object"; null for references.</summary>
        [JsonPropertyName("type")]
        public string? Type { get; init; }

        /// <summary>Element type of an array.</summary>
        [JsonPropertyName("items")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public TypeSpec? Items { get; init; }

        /// <summary>Value type of a map.</summary>
        [JsonPropertyName("additionalProperties")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public TypeSpec? AdditionalProperties { get; init; }

        /// <summary>Reference to a type, e.g. <c>#/types/pkg:index:Name</c>.</summary>
        [JsonPropertyName("$ref")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Ref { get; init; }

        /// <summary>True when the value is a plain (prompt) value, never an output; otherwise absent.</summary>
        [JsonPropertyName("plain")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
        public bool? Plain { get; init; }

        /// <summary>A builtin type; <paramref name="plain"/> other than true leaves <see cref="Plain"/> null.</summary>
        public static TypeSpec CreateBuiltin(string type, bool? plain = null) =>
            new() { Type = type, Plain = plain == true ? true : null };

        /// <summary>A reference; <paramref name="plain"/> other than true leaves <see cref="Plain"/> null.</summary>
        public static TypeSpec CreateReference(string reference, bool? plain = null) =>
            new() { Ref = reference, Plain = plain == true ? true : null };

        /// <summary>An array of <paramref name="items"/>.</summary>
        public static TypeSpec CreateArray(TypeSpec items) =>
            new() { Type = "array", Items = items };

        /// <summary>A string-keyed map of <paramref name="additionalProperties"/>.</summary>
        public static TypeSpec CreateDictionary(TypeSpec additionalProperties) =>
            new() { Type = "object", AdditionalProperties = additionalProperties };
    }

    /// <summary>The type of a named property of a resource or object type.</summary>
    public record PropertySpec : TypeSpec
    {
#pragma warning disable CA1720 // Identifier contains type name: the names are the schema's own.
        /// <summary>A non-plain string.</summary>
        public static PropertySpec String => CreateBuiltin(BuiltinTypeSpec.String);

        /// <summary>A non-plain integer.</summary>
        public static PropertySpec Integer => CreateBuiltin(BuiltinTypeSpec.Integer);
#pragma warning restore CA1720

        /// <summary>A non-plain number.</summary>
        public static PropertySpec Number => CreateBuiltin(BuiltinTypeSpec.Number);

        /// <summary>A non-plain boolean.</summary>
        public static PropertySpec Boolean => CreateBuiltin(BuiltinTypeSpec.Boolean);

        /// <inheritdoc cref="TypeSpec.CreateBuiltin"/>
        public new static PropertySpec CreateBuiltin(string type, bool? plain = null) =>
            new() { Type = type, Plain = plain == true ? true : null };

        /// <inheritdoc cref="TypeSpec.CreateReference"/>
        public new static PropertySpec CreateReference(string reference, bool? plain = null) =>
            new() { Ref = reference, Plain = plain == true ? true : null };

        /// <inheritdoc cref="TypeSpec.CreateArray"/>
        public new static PropertySpec CreateArray(TypeSpec items) =>
            new() { Type = "array", Items = items };

        /// <inheritdoc cref="TypeSpec.CreateDictionary"/>
        public new static PropertySpec CreateDictionary(TypeSpec additionalProperties) =>
            new() { Type = "object", AdditionalProperties = additionalProperties };
    }

    /// <summary>Properties shared by resources and object types.</summary>
    public record ObjectTypeSpec
    {
        /// <summary>Always "object" for what the analyzer produces.</summary>
        [JsonPropertyName("type")]
        public string Type { get; init; } = "";

        /// <summary>Properties (outputs, for a resource) keyed by wire name.</summary>
        [JsonPropertyName("properties")]
        public ImmutableSortedDictionary<string, PropertySpec> Properties { get; init; } =
            ImmutableSortedDictionary<string, PropertySpec>.Empty;

        /// <summary>Wire names of the required properties.</summary>
        [JsonPropertyName("required")]
        public ImmutableSortedSet<string> Required { get; init; } =
            ImmutableSortedSet<string>.Empty;
    }

    /// <summary>An object type of the package (a nested args or output class).</summary>
    public record ComplexTypeSpec : ObjectTypeSpec
    {
        private ComplexTypeSpec(string type)
        {
            Type = type;
        }

        /// <summary>An object type with the given properties.</summary>
        public static ComplexTypeSpec CreateObject(
            Dictionary<string, PropertySpec> properties,
            HashSet<string> required) =>
            new("object")
            {
                Properties = properties.ToImmutableSortedDictionary(),
                Required = required.ToImmutableSortedSet(),
            };
    }

    /// <summary>Names of the schema's builtin types.</summary>
    public static class BuiltinTypeSpec
    {
#pragma warning disable CA1720 // Identifier contains type name: the names are the schema's own.
        /// <summary>"object".</summary>
        public const string Object = "object";

        /// <summary>"string".</summary>
        public const string String = "string";

        /// <summary>"integer".</summary>
        public const string Integer = "integer";
#pragma warning restore CA1720

        /// <summary>"number".</summary>
        public const string Number = "number";

        /// <summary>"boolean".</summary>
        public const string Boolean = "boolean";
    }
}
