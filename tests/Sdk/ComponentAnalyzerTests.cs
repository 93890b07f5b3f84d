using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pulumi;
using Pulumi.Experimental.Provider;
using Xunit;

namespace Infra.Tests.Sdk;

/// <summary>
/// What <c>ComponentAnalyzer.GenerateSchema</c> makes of a component class: the package schema the
/// component provider host serves to other languages. Each test mirrors a case of
/// pulumi/pulumi-dotnet sdk/Pulumi.Tests/Provider/ComponentAnalyzerTests.cs (or, where that file has no
/// case, the branch of sdk/Pulumi/Provider/ComponentAnalyzer.cs named in the test), so the offline
/// analyzer is held to what the real one returns. Schemas are compared as JSON, as the real tests do,
/// because the schema records hold immutable collections that compare by reference.
/// </summary>
public sealed class ComponentAnalyzerTests
{
    // Named arguments: the real Metadata record is (Name, Namespace, Version, DisplayName).
    private static readonly Metadata Package = new("my-component", Version: "0.0.1", DisplayName: "Test package");

    // The options the real ComponentProvider.GetSchema serialises with.
    private static readonly JsonSerializerOptions WireOptions = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    // ------------------------------------------------------------------ test components

    private sealed class SelfSignedCertificateArgs : ResourceArgs
    {
        [Input("algorithm", required: true)] public Input<string> Algorithm { get; set; } = null!;
        [Input("ecdsaCurve")] public Input<string>? EcdsaCurve { get; set; }
        [Input("bits")] public Input<int>? Bits { get; set; }
    }

    private sealed class SelfSignedCertificate : ComponentResource
    {
        [Output("pem")] public Output<string> Pem { get; private set; } = null!;
        [Output("privateKey")] public Output<string> PrivateKey { get; private set; } = null!;
        [Output("caCert")] public Output<string?> CaCert { get; private set; } = null!;
        [Output("validDays")] public Output<int> ValidDays { get; private set; } = null!;
        [Output("serial")] public Output<int?> Serial { get; private set; } = null!;

        public SelfSignedCertificate(string name, SelfSignedCertificateArgs args, ComponentResourceOptions? options = null)
            : base("pkg:index:SelfSignedCertificate", name, args, options)
        {
        }
    }

    private sealed class ComplexTypeArgs : ResourceArgs
    {
        [Input("aStr", required: true)] public string AStr { get; set; } = null!;
        [Input("aListStr")] public List<string>? AListStr { get; set; }
        [Input("aDictStr")] public Dictionary<string, string>? ADictStr { get; set; }
    }

    private sealed class PlainTypesArgs : ResourceArgs
    {
        [Input("aInt", required: true)] public int AInt { get; set; }
        [Input("aLong", required: true)] public long ALong { get; set; }
        [Input("aStr", required: true)] public string AStr { get; set; } = null!;
        [Input("aFloat", required: true)] public double AFloat { get; set; }
        [Input("aBool", required: true)] public bool ABool { get; set; }
        [Input("aOptional")] public string? AOptional { get; set; }
        [Input("aNullableInt")] public int? ANullableInt { get; set; }
        [Input("aInputInt")] public Input<int>? AInputInt { get; set; }
        [Input("aComplexType", required: true)] public ComplexTypeArgs AComplexType { get; set; } = null!;
        [Input("aInputComplexType", required: true)] public Input<ComplexTypeArgs> AInputComplexType { get; set; } = null!;
    }

    private sealed class PlainTypesComponent : ComponentResource
    {
        public PlainTypesComponent(string name, PlainTypesArgs args, ComponentResourceOptions? options = null)
            : base("my-component:index:PlainTypesComponent", name, args, options)
        {
        }
    }

    private sealed class ComplexListTypeArgs : ResourceArgs
    {
        [Input("name")] public Input<List<string>>? Name { get; set; }
    }

    private sealed class ComplexOutputListType
    {
        [Output("name")] public Output<List<string>> Name { get; set; } = null!;
    }

    private sealed class ListTypesArgs : ResourceArgs
    {
        [Input("plainList", required: true)] public List<string> PlainList { get; set; } = null!;
        [Input("listOfInputs", required: true)] public List<Input<string>> ListOfInputs { get; set; } = null!;
        [Input("requiredList", required: true)] public Input<List<string>> RequiredList { get; set; } = null!;
        [Input("array")] public Input<string[]>? Array { get; set; }
        [Input("complexList", required: true)] public Input<List<ComplexListTypeArgs>> ComplexList { get; set; } = null!;
        [Input("inputList", required: true)] public InputList<string> InputList { get; set; } = null!;
        [Input("complexInputList")] public InputList<ComplexListTypeArgs>? ComplexInputList { get; set; }
    }

    private sealed class ListTypesComponent : ComponentResource
    {
        [Output("simpleList")] public Output<List<string>> SimpleList { get; private set; } = null!;
        [Output("complexList")] public Output<ComplexOutputListType[]> ComplexList { get; private set; } = null!;

        public ListTypesComponent(string name, ListTypesArgs args, ComponentResourceOptions? options = null)
            : base("my-component:index:ListTypesComponent", name, args, options)
        {
        }
    }

    private sealed class ComplexDictTypeArgs : ResourceArgs
    {
        [Input("name")] public Input<Dictionary<string, int>>? Name { get; set; }
    }

    private sealed class ComplexDictOutputType
    {
        [Output("name")] public Output<Dictionary<string, int>> Name { get; set; } = null!;
    }

    private sealed class DictTypesArgs : ResourceArgs
    {
        [Input("plainDict", required: true)] public Dictionary<string, int> PlainDict { get; set; } = null!;
        [Input("dictOfInputs", required: true)] public Dictionary<string, Input<int>> DictOfInputs { get; set; } = null!;
        [Input("dictInput", required: true)] public Input<Dictionary<string, int>> DictInput { get; set; } = null!;
        [Input("complexDictInput", required: true)] public Input<Dictionary<string, ComplexDictTypeArgs>> ComplexDictInput { get; set; } = null!;
        [Input("inputMap", required: true)] public InputMap<string> InputMap { get; set; } = null!;
        [Input("complexInputMap", required: true)] public InputMap<ComplexDictTypeArgs> ComplexInputMap { get; set; } = null!;
    }

    private sealed class DictTypesComponent : ComponentResource
    {
        [Output("dictOutput")] public Output<Dictionary<string, int>> DictOutput { get; private set; } = null!;
        [Output("complexDictOutput")] public Output<Dictionary<string, ComplexDictOutputType>> ComplexDictOutput { get; private set; } = null!;

        public DictTypesComponent(string name, DictTypesArgs args, ComponentResourceOptions? options = null)
            : base("my-component:index:DictTypesComponent", name, args, options)
        {
        }
    }

    private sealed class RecursiveTypeArgs : ResourceArgs
    {
        [Input("rec")] public Input<RecursiveTypeArgs>? Rec { get; set; }
    }

    private sealed class RecursiveOutputType
    {
        [Output("rec")] public Output<RecursiveOutputType> Rec { get; set; } = null!;
    }

    private sealed class RecursiveTypeAArgs : ResourceArgs
    {
        [Input("b")] public Input<RecursiveTypeBArgs>? B { get; set; }
    }

    private sealed class RecursiveTypeBArgs : ResourceArgs
    {
        [Input("a")] public Input<RecursiveTypeAArgs>? A { get; set; }
    }

    private sealed class RecursiveComponentArgs : ResourceArgs
    {
        [Input("rec", required: true)] public Input<RecursiveTypeArgs> Rec { get; set; } = null!;
        [Input("mutual")] public RecursiveTypeAArgs? Mutual { get; set; }
    }

    private sealed class RecursiveComponent : ComponentResource
    {
        [Output("rec")] public Output<RecursiveOutputType> Rec { get; private set; } = null!;

        public RecursiveComponent(string name, RecursiveComponentArgs args, ComponentResourceOptions? options = null)
            : base("my-component:index:RecursiveComponent", name, args, options)
        {
        }
    }

    private sealed class SpecialTypesArgs : ResourceArgs
    {
        [Input("inputArchive", required: true)] public Input<Archive> InputArchive { get; set; } = null!;
        [Input("plainAsset")] public Asset? PlainAsset { get; set; }
        [Input("anything")] public Input<object>? Anything { get; set; }
    }

    private sealed class SpecialTypesComponent : ComponentResource
    {
        [Output("outputArchive")] public Output<Archive> OutputArchive { get; private set; } = null!;
        [Output("outputAsset")] public Output<Asset> OutputAsset { get; private set; } = null!;

        public SpecialTypesComponent(string name, SpecialTypesArgs args, ComponentResourceOptions? options = null)
            : base("my-component:index:SpecialTypesComponent", name, args, options)
        {
        }
    }

    private class BaseSettingsArgs : ResourceArgs
    {
        [Input("inherited")] public string? Inherited { get; set; }
    }

    private sealed class DerivedSettingsArgs : BaseSettingsArgs
    {
        [Input("own")] public string? Own { get; set; }
    }

    private sealed class InheritingComponent : ComponentResource
    {
        [Output("own")] public Output<string> Own { get; private set; } = null!;

        public InheritingComponent(string name, DerivedSettingsArgs args, ComponentResourceOptions? options = null)
            : base("my-component:index:InheritingComponent", name, args, options)
        {
        }
    }

    private abstract class BaseOutputsComponent : ComponentResource
    {
        [Output("baseOut")] public Output<string> BaseOut { get; private set; } = null!;

        protected BaseOutputsComponent(string type, string name, ResourceArgs args, ComponentResourceOptions? options)
            : base(type, name, args, options)
        {
        }
    }

    private sealed class DerivedOutputsComponent : BaseOutputsComponent
    {
        [Output("childOut")] public Output<string> ChildOut { get; private set; } = null!;

        public DerivedOutputsComponent(string name, DerivedSettingsArgs args, ComponentResourceOptions? options = null)
            : base("my-component:index:DerivedOutputsComponent", name, args, options)
        {
        }
    }

    // ------------------------------------------------------------------ tests

    [Fact]
    public void Package_carries_the_metadata_and_tells_every_language_to_respect_the_schema_version()
    {
        // TestGenerateSchemaWithMetadata and CreateBasePackageSpec; ComponentAnalyzer.cs private GenerateSchema.
        var minimal = ComponentAnalyzer.GenerateSchema(new Metadata("test"), typeof(SelfSignedCertificate));
        Assert.Equal("test", minimal.Name);
        Assert.Equal("test", minimal.DisplayName);
        Assert.Equal("", minimal.Version);
        Assert.Equal("", minimal.Namespace);
        Assert.Equal(["test:index:SelfSignedCertificate"], minimal.Resources.Keys);

        var full = ComponentAnalyzer.GenerateSchema(
            new Metadata("my-component", Namespace: "acme", Version: "0.0.1", DisplayName: "Test package"),
            typeof(SelfSignedCertificate));
        Assert.Equal(("my-component", "acme", "0.0.1", "Test package"), (full.Name, full.Namespace, full.Version, full.DisplayName));
        Assert.Equal(["csharp", "go", "java", "nodejs", "python"], full.Language.Keys);
        Assert.All(full.Language.Values, settings =>
        {
            Assert.Equal(["respectSchemaVersion"], settings.Keys);
            Assert.True(settings["respectSchemaVersion"] is true);
        });
        Assert.Empty(full.Types);
    }

    [Fact]
    public void Inputs_are_required_by_their_attribute_and_outputs_by_the_nullability_of_T()
    {
        // TestAnalyzeComponent and TestAnalyzeRequiredOptionalProperties: Input<T> is never plain;
        // Output<string?> and Output<int?> are optional, Output<string> and Output<int> required.
        var schema = ComponentAnalyzer.GenerateSchema(Package, typeof(SelfSignedCertificate));

        var expected = BasePackage(resources: new()
        {
            ["my-component:index:SelfSignedCertificate"] = new ResourceSpec(
                new Dictionary<string, PropertySpec>
                {
                    ["algorithm"] = PropertySpec.String,
                    ["ecdsaCurve"] = PropertySpec.String,
                    ["bits"] = PropertySpec.Integer,
                },
                ["algorithm"],
                new Dictionary<string, PropertySpec>
                {
                    ["pem"] = PropertySpec.String,
                    ["privateKey"] = PropertySpec.String,
                    ["caCert"] = PropertySpec.String,
                    ["validDays"] = PropertySpec.Integer,
                    ["serial"] = PropertySpec.Integer,
                },
                ["pem", "privateKey", "validDays"]),
        });
        AssertSchemaEqual(expected, schema);
    }

    [Fact]
    public void Plain_values_are_plain_inputs_and_nested_args_classes_become_object_types()
    {
        // TestAnalyzeComponentPlainTypes: int/long -> integer, double -> number, bool -> boolean, all
        // plain unless wrapped in Input<T>; a nested args class becomes my-component:index:<Name
        // without "Args">, referenced plain or not like any other value.
        var schema = ComponentAnalyzer.GenerateSchema(Package, typeof(PlainTypesComponent));

        var expected = BasePackage(
            resources: new()
            {
                ["my-component:index:PlainTypesComponent"] = new ResourceSpec(
                    new Dictionary<string, PropertySpec>
                    {
                        ["aInt"] = PropertySpec.CreateBuiltin(BuiltinTypeSpec.Integer, true),
                        ["aLong"] = PropertySpec.CreateBuiltin(BuiltinTypeSpec.Integer, true),
                        ["aStr"] = PropertySpec.CreateBuiltin(BuiltinTypeSpec.String, true),
                        ["aFloat"] = PropertySpec.CreateBuiltin(BuiltinTypeSpec.Number, true),
                        ["aBool"] = PropertySpec.CreateBuiltin(BuiltinTypeSpec.Boolean, true),
                        ["aOptional"] = PropertySpec.CreateBuiltin(BuiltinTypeSpec.String, true),
                        ["aNullableInt"] = PropertySpec.CreateBuiltin(BuiltinTypeSpec.Integer, true),
                        ["aInputInt"] = PropertySpec.Integer,
                        ["aComplexType"] = PropertySpec.CreateReference("#/types/my-component:index:ComplexType", true),
                        ["aInputComplexType"] = PropertySpec.CreateReference("#/types/my-component:index:ComplexType"),
                    },
                    ["aInt", "aLong", "aStr", "aFloat", "aBool", "aComplexType", "aInputComplexType"],
                    [],
                    []),
            },
            types: new()
            {
                ["my-component:index:ComplexType"] = ComplexTypeSpec.CreateObject(
                    new Dictionary<string, PropertySpec>
                    {
                        ["aStr"] = PropertySpec.CreateBuiltin(BuiltinTypeSpec.String, true),
                        ["aListStr"] = PropertySpec.CreateArray(TypeSpec.CreateBuiltin(BuiltinTypeSpec.String, true)),
                        ["aDictStr"] = PropertySpec.CreateDictionary(TypeSpec.CreateBuiltin(BuiltinTypeSpec.String, true)),
                    },
                    ["aStr"]),
            });
        AssertSchemaEqual(expected, schema);
    }

    [Fact]
    public void Lists_arrays_and_input_lists_become_arrays_whose_items_keep_their_own_plainness()
    {
        // TestAnalyzeList and TestAnalyzeComponentPlainTypes (aList, aListInput): the array itself
        // never carries "plain"; its items are plain unless they are Input<T> or the list is an
        // InputList<T>; output lists and arrays of output classes are never plain.
        var schema = ComponentAnalyzer.GenerateSchema(Package, typeof(ListTypesComponent));

        var expected = BasePackage(
            resources: new()
            {
                ["my-component:index:ListTypesComponent"] = new ResourceSpec(
                    new Dictionary<string, PropertySpec>
                    {
                        ["plainList"] = PropertySpec.CreateArray(TypeSpec.CreateBuiltin(BuiltinTypeSpec.String, true)),
                        ["listOfInputs"] = PropertySpec.CreateArray(TypeSpec.CreateBuiltin(BuiltinTypeSpec.String)),
                        ["requiredList"] = PropertySpec.CreateArray(TypeSpec.CreateBuiltin(BuiltinTypeSpec.String, true)),
                        ["array"] = PropertySpec.CreateArray(TypeSpec.CreateBuiltin(BuiltinTypeSpec.String, true)),
                        ["complexList"] = PropertySpec.CreateArray(
                            TypeSpec.CreateReference("#/types/my-component:index:ComplexListType", true)),
                        ["inputList"] = PropertySpec.CreateArray(TypeSpec.CreateBuiltin(BuiltinTypeSpec.String)),
                        ["complexInputList"] = PropertySpec.CreateArray(
                            TypeSpec.CreateReference("#/types/my-component:index:ComplexListType")),
                    },
                    ["plainList", "listOfInputs", "requiredList", "complexList", "inputList"],
                    new Dictionary<string, PropertySpec>
                    {
                        ["simpleList"] = PropertySpec.CreateArray(TypeSpec.CreateBuiltin(BuiltinTypeSpec.String)),
                        ["complexList"] = PropertySpec.CreateArray(
                            TypeSpec.CreateReference("#/types/my-component:index:ComplexOutputListType")),
                    },
                    ["simpleList", "complexList"]),
            },
            types: new()
            {
                ["my-component:index:ComplexListType"] = ComplexTypeSpec.CreateObject(
                    new Dictionary<string, PropertySpec>
                    {
                        ["name"] = PropertySpec.CreateArray(TypeSpec.CreateBuiltin(BuiltinTypeSpec.String, true)),
                    },
                    []),
                ["my-component:index:ComplexOutputListType"] = ComplexTypeSpec.CreateObject(
                    new Dictionary<string, PropertySpec>
                    {
                        ["name"] = PropertySpec.CreateArray(TypeSpec.CreateBuiltin(BuiltinTypeSpec.String)),
                    },
                    ["name"]),
            });
        AssertSchemaEqual(expected, schema);
    }

    [Fact]
    public void Dictionaries_and_input_maps_become_string_keyed_maps()
    {
        // TestAnalyzeDict and TestAnalyzeComponentPlainTypes (aDict, aDictInput): a map is
        // { type: object, additionalProperties: <value> } with the same plainness rule as lists.
        var schema = ComponentAnalyzer.GenerateSchema(Package, typeof(DictTypesComponent));

        var expected = BasePackage(
            resources: new()
            {
                ["my-component:index:DictTypesComponent"] = new ResourceSpec(
                    new Dictionary<string, PropertySpec>
                    {
                        ["plainDict"] = PropertySpec.CreateDictionary(TypeSpec.CreateBuiltin(BuiltinTypeSpec.Integer, true)),
                        ["dictOfInputs"] = PropertySpec.CreateDictionary(TypeSpec.CreateBuiltin(BuiltinTypeSpec.Integer)),
                        ["dictInput"] = PropertySpec.CreateDictionary(TypeSpec.CreateBuiltin(BuiltinTypeSpec.Integer, true)),
                        ["complexDictInput"] = PropertySpec.CreateDictionary(
                            TypeSpec.CreateReference("#/types/my-component:index:ComplexDictType", true)),
                        ["inputMap"] = PropertySpec.CreateDictionary(TypeSpec.CreateBuiltin(BuiltinTypeSpec.String)),
                        ["complexInputMap"] = PropertySpec.CreateDictionary(
                            TypeSpec.CreateReference("#/types/my-component:index:ComplexDictType")),
                    },
                    ["plainDict", "dictOfInputs", "dictInput", "complexDictInput", "inputMap", "complexInputMap"],
                    new Dictionary<string, PropertySpec>
                    {
                        ["dictOutput"] = PropertySpec.CreateDictionary(TypeSpec.CreateBuiltin(BuiltinTypeSpec.Integer)),
                        ["complexDictOutput"] = PropertySpec.CreateDictionary(
                            TypeSpec.CreateReference("#/types/my-component:index:ComplexDictOutputType")),
                    },
                    ["dictOutput", "complexDictOutput"]),
            },
            types: new()
            {
                ["my-component:index:ComplexDictType"] = ComplexTypeSpec.CreateObject(
                    new Dictionary<string, PropertySpec>
                    {
                        ["name"] = PropertySpec.CreateDictionary(TypeSpec.CreateBuiltin(BuiltinTypeSpec.Integer, true)),
                    },
                    []),
                ["my-component:index:ComplexDictOutputType"] = ComplexTypeSpec.CreateObject(
                    new Dictionary<string, PropertySpec>
                    {
                        ["name"] = PropertySpec.CreateDictionary(TypeSpec.CreateBuiltin(BuiltinTypeSpec.Integer)),
                    },
                    ["name"]),
            });
        AssertSchemaEqual(expected, schema);
    }

    [Fact]
    public void Self_and_mutually_recursive_types_are_defined_once_and_referenced_by_token()
    {
        // TestAnalyzeComponentSelfRecursiveComplexType and TestAnalyzeComponentMutuallyRecursiveComplexTypes.
        var schema = ComponentAnalyzer.GenerateSchema(Package, typeof(RecursiveComponent));

        var expected = BasePackage(
            resources: new()
            {
                ["my-component:index:RecursiveComponent"] = new ResourceSpec(
                    new Dictionary<string, PropertySpec>
                    {
                        ["rec"] = PropertySpec.CreateReference("#/types/my-component:index:RecursiveType"),
                        ["mutual"] = PropertySpec.CreateReference("#/types/my-component:index:RecursiveTypeA", true),
                    },
                    ["rec"],
                    new Dictionary<string, PropertySpec>
                    {
                        ["rec"] = PropertySpec.CreateReference("#/types/my-component:index:RecursiveOutputType"),
                    },
                    ["rec"]),
            },
            types: new()
            {
                ["my-component:index:RecursiveType"] = ComplexTypeSpec.CreateObject(
                    new Dictionary<string, PropertySpec>
                    {
                        ["rec"] = PropertySpec.CreateReference("#/types/my-component:index:RecursiveType"),
                    },
                    []),
                ["my-component:index:RecursiveTypeA"] = ComplexTypeSpec.CreateObject(
                    new Dictionary<string, PropertySpec>
                    {
                        ["b"] = PropertySpec.CreateReference("#/types/my-component:index:RecursiveTypeB"),
                    },
                    []),
                ["my-component:index:RecursiveTypeB"] = ComplexTypeSpec.CreateObject(
                    new Dictionary<string, PropertySpec>
                    {
                        ["a"] = PropertySpec.CreateReference("#/types/my-component:index:RecursiveTypeA"),
                    },
                    []),
                ["my-component:index:RecursiveOutputType"] = ComplexTypeSpec.CreateObject(
                    new Dictionary<string, PropertySpec>
                    {
                        ["rec"] = PropertySpec.CreateReference("#/types/my-component:index:RecursiveOutputType"),
                    },
                    ["rec"]),
            });
        AssertSchemaEqual(expected, schema);
    }

    [Fact]
    public void Archive_asset_and_object_map_to_pulumi_json_references()
    {
        // TestAnalyzeArchive and TestAnalyzeAsset; object -> pulumi.json#/Any from
        // GetSpecialTypeRef (pulumi/pulumi-dotnet#509).
        var schema = ComponentAnalyzer.GenerateSchema(Package, typeof(SpecialTypesComponent));

        var expected = BasePackage(resources: new()
        {
            ["my-component:index:SpecialTypesComponent"] = new ResourceSpec(
                new Dictionary<string, PropertySpec>
                {
                    ["inputArchive"] = PropertySpec.CreateReference("pulumi.json#/Archive"),
                    ["plainAsset"] = PropertySpec.CreateReference("pulumi.json#/Asset", true),
                    ["anything"] = PropertySpec.CreateReference("pulumi.json#/Any"),
                },
                ["inputArchive"],
                new Dictionary<string, PropertySpec>
                {
                    ["outputArchive"] = PropertySpec.CreateReference("pulumi.json#/Archive"),
                    ["outputAsset"] = PropertySpec.CreateReference("pulumi.json#/Asset"),
                },
                ["outputArchive", "outputAsset"]),
        });
        AssertSchemaEqual(expected, schema);
    }

    [Fact]
    public void Inherited_inputs_and_outputs_are_analysed_but_not_the_members_of_Pulumi_base_classes()
    {
        // mirrors pulumi-dotnet v3.112.1 sdk/Pulumi/Provider/ComponentAnalyzer.cs AnalyzeType (no DeclaredOnly,
        // IsPulumiBaseType filter; PR #930, since v3.102.1) and its test TestInheritedInputProperties in
        // sdk/Pulumi.Tests/Provider/ComponentAnalyzerTests.cs: a base args class's inputs are part of the
        // schema, Resource.Urn is not.
        var schema = ComponentAnalyzer.GenerateSchema(Package, typeof(InheritingComponent));

        var resource = schema.Resources["my-component:index:InheritingComponent"];
        Assert.Equal(["inherited", "own"], resource.InputProperties.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(resource.RequiredInputs);
        Assert.Equal(["own"], resource.Properties.Keys);
        Assert.Equal(["own"], resource.Required);
    }

    [Fact]
    public void Outputs_of_a_base_component_class_are_analysed()
    {
        // mirrors pulumi-dotnet v3.112.1 sdk/Pulumi/Provider/ComponentAnalyzer.cs AnalyzeType: the same
        // member scan reads the component type, so outputs declared on a user base component count.
        var schema = ComponentAnalyzer.GenerateSchema(Package, typeof(DerivedOutputsComponent));

        var resource = schema.Resources["my-component:index:DerivedOutputsComponent"];
        Assert.Equal(["baseOut", "childOut"], resource.Properties.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["baseOut", "childOut"], resource.Required.Order(StringComparer.Ordinal));
        Assert.Equal(["inherited", "own"], resource.InputProperties.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Schema_json_uses_the_package_schema_wire_names_and_omits_absent_fields()
    {
        // Schema.cs JsonPropertyName/JsonIgnore attributes, serialised with the options of
        // ComponentProvider.GetSchema: "$ref" instead of "type" for references, "plain" only when true.
        var schema = ComponentAnalyzer.GenerateSchema(Package, typeof(PlainTypesComponent));
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(schema, WireOptions));
        var root = json.RootElement;

        Assert.Equal(
            ["displayName", "language", "name", "namespace", "resources", "types", "version"],
            root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var resource = root.GetProperty("resources").GetProperty("my-component:index:PlainTypesComponent");
        Assert.True(resource.GetProperty("isComponent").GetBoolean());
        Assert.Equal("object", resource.GetProperty("type").GetString());
        Assert.Equal(
            ["inputProperties", "isComponent", "properties", "required", "requiredInputs", "type"],
            resource.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        var inputs = resource.GetProperty("inputProperties");
        Assert.Equal("""{"type":"integer","plain":true}""", Compact(inputs.GetProperty("aInt")));
        Assert.Equal("""{"type":"integer"}""", Compact(inputs.GetProperty("aInputInt")));
        Assert.Equal("""{"$ref":"#/types/my-component:index:ComplexType"}""", Compact(inputs.GetProperty("aInputComplexType")));
        Assert.Equal(
            """{"type":"object","additionalProperties":{"type":"string","plain":true}}""",
            Compact(root.GetProperty("types").GetProperty("my-component:index:ComplexType")
                .GetProperty("properties").GetProperty("aDictStr")));
        Assert.Equal("[\"aStr\"]", Compact(root.GetProperty("types").GetProperty("my-component:index:ComplexType").GetProperty("required")));
    }

    [Fact]
    public void Find_component_type_prefers_the_given_types_then_searches_the_assembly()
    {
        // ComponentAnalyzer.FindComponentType, used by ComponentProvider.Construct to map a token's
        // last segment back to a class.
        var assembly = typeof(ComponentAnalyzerTests).Assembly;

        Assert.Equal(typeof(ListTypesComponent), ComponentAnalyzer.FindComponentType("ListTypesComponent", assembly));
        Assert.Equal(typeof(DictTypesComponent), ComponentAnalyzer.FindComponentType("DictTypesComponent", assembly, [typeof(DictTypesComponent)]));
        Assert.Null(ComponentAnalyzer.FindComponentType("ListTypesArgs", assembly));
        Assert.Null(ComponentAnalyzer.FindComponentType("NoSuchComponent", assembly, [typeof(DictTypesComponent)]));
    }

    // ------------------------------------------------------------------ refusals

    private sealed class NotAComponent
    {
    }

    private sealed class NoArgsComponent : ComponentResource
    {
        public NoArgsComponent(string name, ComponentResourceOptions? options = null)
            : base("my-component:index:NoArgsComponent", name, ResourceArgs.Empty, options)
        {
        }

        public NoArgsComponent(string name, EmptyArgs args)
            : base("my-component:index:NoArgsComponent", name, args)
        {
        }
    }

    private sealed class EmptyArgs : ResourceArgs
    {
    }

    private sealed class NonStringMapKeyArgs : ResourceArgs
    {
        [Input("badDict", required: true)] public Dictionary<int, string> BadDict { get; set; } = null!;
    }

    private sealed class MyResource : CustomResource
    {
        public MyResource(string name)
            : base("my-component:index:MyResource", name, ResourceArgs.Empty, null)
        {
        }
    }

    private sealed class ResourceRefArgs : ResourceArgs
    {
        [Input("resource", required: true)] public Input<MyResource> Resource { get; set; } = null!;
    }

    private sealed class OutputAsInputArgs : ResourceArgs
    {
        [Input("value")] public Output<string> Value { get; set; } = null!;
    }

    private sealed class UnattributedArgs : ResourceArgs
    {
        [Input("named")] public string? Named { get; set; }
        public string? Helper { get; set; }
    }

    private sealed class ImmutableCollectionArgs : ResourceArgs
    {
        [Input("tags")] public ImmutableDictionary<string, string>? Tags { get; set; }
    }

    private enum Shade
    {
        Light,
        Dark,
    }

    private sealed class EnumArgs : ResourceArgs
    {
        [Input("shade")] public Shade Shade { get; set; }
    }

    private sealed class ArgsComponent<TArgs> : ComponentResource
        where TArgs : ResourceArgs
    {
        public ArgsComponent(string name, TArgs args, ComponentResourceOptions? options = null)
            : base("my-component:index:ArgsComponent", name, args, options)
        {
        }
    }

    private sealed class InputAsOutputComponent : ComponentResource
    {
        [Output("value")] public Input<string> Value { get; set; } = null!;

        public InputAsOutputComponent(string name, EmptyArgs args, ComponentResourceOptions? options = null)
            : base("my-component:index:InputAsOutputComponent", name, args, options)
        {
        }
    }

    private sealed class UnnamedOutputComponent : ComponentResource
    {
        [Output] public Output<string> Value { get; private set; } = null!;

        public UnnamedOutputComponent(string name, EmptyArgs args, ComponentResourceOptions? options = null)
            : base("my-component:index:UnnamedOutputComponent", name, args, options)
        {
        }
    }

    private sealed class PublicHelperComponent : ComponentResource
    {
        [Output("value")] public Output<string> Value { get; private set; } = null!;
        public string Label { get; } = "";

        public PublicHelperComponent(string name, EmptyArgs args, ComponentResourceOptions? options = null)
            : base("my-component:index:PublicHelperComponent", name, args, options)
        {
        }
    }

    public static TheoryData<string> RefusedShapes => new(Refusals.Keys);

    // Component type and the exact ArgumentException message the real analyzer throws for it.
    // Sources: TestAnalyzeComponentNoArgs, TestAnalyzeMapNonStringKey, TestAnalyzeResourceRef; the
    // other messages are the throw sites of ComponentAnalyzer.cs named in each key.
    private static readonly ImmutableDictionary<string, (Type Component, string Message)> Refusals =
        new Dictionary<string, (Type, string)>
        {
            ["GenerateSchema: not a ComponentResource"] = (typeof(NotAComponent),
                "Type NotAComponent must inherit from ComponentResource"),
            ["GetArgsType: no (name, args, options) constructor"] = (typeof(NoArgsComponent),
                "Component NoArgsComponent must have a constructor with exactly three parameters: " +
                "a string name, a parameter that extends ResourceArgs, and ComponentResourceOptions"),
            ["AnalyzeTypeParameter: dictionary key not string"] = (typeof(ArgsComponent<NonStringMapKeyArgs>),
                "Dictionary keys must be strings, got 'Int32' for 'NonStringMapKeyArgs.BadDict'"),
            ["AnalyzeTypeParameter: resource reference"] = (typeof(ArgsComponent<ResourceRefArgs>),
                "Resource references are not supported yet: found type 'MyResource' for 'ResourceRefArgs.Resource'"),
            ["AnalyzeTypeParameter: Output<T> as input"] = (typeof(ArgsComponent<OutputAsInputArgs>),
                "Output<T> can only be used for output properties: OutputAsInputArgs.Value"),
            ["AnalyzeTypeParameter: Input<T> as output"] = (typeof(InputAsOutputComponent),
                "Input<T> can only be used for input properties: InputAsOutputComponent.Value"),
            ["AnalyzeTypeParameter: System type other than List/Dictionary"] = (typeof(ArgsComponent<ImmutableCollectionArgs>),
                $"Type '{typeof(ImmutableDictionary<string, string>).FullName}' is not supported as a parameter type"),
            ["GetSchemaPropertyName: public member without [Input]"] = (typeof(ArgsComponent<UnattributedArgs>),
                "Property Helper has no Input or Output attribute"),
            ["GetSchemaPropertyName: public member without [Output]"] = (typeof(PublicHelperComponent),
                "Property Label has no Input or Output attribute"),
            ["GetSchemaPropertyName: [Output] without a name"] = (typeof(UnnamedOutputComponent),
                "Property Value has no Input or Output attribute"),
            // An enum is analysed as an object type, and its hidden instance field has no attribute.
            ["GetSchemaPropertyName: C# enum"] = (typeof(ArgsComponent<EnumArgs>),
                "Property value__ has no Input or Output attribute"),
        }.ToImmutableDictionary();

    [Theory]
    [MemberData(nameof(RefusedShapes))]
    public void Unsupported_shapes_are_refused_with_the_real_message(string shape)
    {
        var (component, message) = Refusals[shape];
        var exception = Assert.Throws<ArgumentException>(() => ComponentAnalyzer.GenerateSchema(Package, component));
        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public void Generating_without_component_types_is_refused()
    {
        // TestGenerateSchemaWithNoClasses.
        var exception = Assert.Throws<ArgumentException>(() => ComponentAnalyzer.GenerateSchema(new Metadata("test"), Array.Empty<Type>()));
        Assert.Equal("At least one component type must be provided", exception.Message);
    }

    [Theory]
    [InlineData("123test", "Package name must start with a letter and contain only letters, numbers, hyphens, and underscores")]
    [InlineData("test!", "Package name must start with a letter and contain only letters, numbers, hyphens, and underscores")]
    [InlineData("test space", "Package name must start with a letter and contain only letters, numbers, hyphens, and underscores")]
    [InlineData("", "Package name cannot be empty or whitespace")]
    [InlineData(" ", "Package name cannot be empty or whitespace")]
    [InlineData(null, "Package name cannot be empty or whitespace")]
    public void Invalid_package_names_are_refused(string? name, string message)
    {
        // TestInvalidPackageNames.
        var exception = Assert.Throws<ArgumentException>(() =>
            ComponentAnalyzer.GenerateSchema(new Metadata(name!), typeof(SelfSignedCertificate)));
        Assert.Equal($"{message} (Parameter 'metadata')", exception.Message);
    }

    [Theory]
    [InlineData("test")]
    [InlineData("test-package")]
    [InlineData("test_package")]
    [InlineData("test123")]
    [InlineData("myPackage")]
    public void Valid_package_names_are_accepted(string name)
    {
        // TestValidPackageNames.
        Assert.Equal(name, ComponentAnalyzer.GenerateSchema(new Metadata(name), typeof(SelfSignedCertificate)).Name);
    }

    [Theory]
    [InlineData("Acme", false)]
    [InlineData("1acme", false)]
    [InlineData("ac_me", false)]
    [InlineData("acme", true)]
    [InlineData("acme-corp2", true)]
    public void Namespaces_must_be_lowercase_letters_digits_and_hyphens(string @namespace, bool accepted)
    {
        // ComponentAnalyzer.GenerateSchema namespace check (^[a-z][-a-z0-9]*$), added with
        // namespace inference (pulumi/pulumi-dotnet#555).
        var metadata = new Metadata("test", Namespace: @namespace);
        if (accepted)
        {
            Assert.Equal(@namespace, ComponentAnalyzer.GenerateSchema(metadata, typeof(SelfSignedCertificate)).Namespace);
            return;
        }

        var exception = Assert.Throws<ArgumentException>(() => ComponentAnalyzer.GenerateSchema(metadata, typeof(SelfSignedCertificate)));
        Assert.Equal(
            "Namespace must start with a letter and contain only lowercase letters, numbers and hyphens (Parameter 'metadata')",
            exception.Message);
    }

    // ------------------------------------------------------------------ helpers

    // CreateBasePackageSpec of the real tests, for Package.
    private static PackageSpec BasePackage(
        Dictionary<string, ResourceSpec>? resources = null,
        Dictionary<string, ComplexTypeSpec>? types = null)
    {
        var settings = new Dictionary<string, object> { ["respectSchemaVersion"] = true }.ToImmutableSortedDictionary();
        var languages = new[] { "nodejs", "python", "csharp", "java", "go" }.ToDictionary(l => l, _ => settings);
        return new PackageSpec
        {
            Name = "my-component",
            Version = "0.0.1",
            DisplayName = "Test package",
            Language = languages.ToImmutableSortedDictionary(),
            Resources = resources?.ToImmutableSortedDictionary() ?? ImmutableSortedDictionary<string, ResourceSpec>.Empty,
            Types = types?.ToImmutableSortedDictionary() ?? ImmutableSortedDictionary<string, ComplexTypeSpec>.Empty,
        };
    }

    private static void AssertSchemaEqual(PackageSpec expected, PackageSpec actual)
        => Assert.Equal(JsonSerializer.Serialize(expected, WireOptions), JsonSerializer.Serialize(actual, WireOptions));

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);
}
