using Pulumi.Codegen.Schema;

namespace Pulumi.Codegen.Emit;

/// <summary>One args-like class: resource args/state, invoke args, or an <c>Inputs.*</c> type.</summary>
/// <param name="Name">Class name.</param>
/// <param name="BaseClass"><c>ResourceArgs</c> or <c>InvokeArgs</c>.</param>
/// <param name="Properties">The properties, already bound for the right shape.</param>
/// <param name="Args">True when the properties are input-shaped (Input-wrapped).</param>
/// <param name="State">True for a resource's <c>XState</c> and the <c>XGetArgs</c> types it uses.</param>
/// <param name="IsProviderArgs">True for <c>ProviderArgs</c>: non-string inputs are sent as JSON.</param>
/// <param name="ModuleNamespace">Namespace of the module the class belongs to.</param>
public sealed record InputClass(
    string Name,
    string BaseClass,
    IReadOnlyList<PropertyDef> Properties,
    bool Args,
    bool State,
    bool IsProviderArgs,
    string ModuleNamespace);

/// <summary>Emits args classes (pulumi-language-dotnet's <c>plainType.genInputType</c>).</summary>
public sealed class InputClassEmitter(GeneratorContext context)
{
    public void Emit(CodeWriter w, InputClass c)
    {
        // Kubernetes args classes are open for extension; everything else is sealed.
        var modifier = context.Naming.IsKubernetes && !c.IsProviderArgs ? "" : "sealed ";
        using (w.Block($"public {modifier}class {c.Name} : global::Pulumi.{c.BaseClass}"))
        {
            foreach (var property in c.Properties)
            {
                EmitProperty(w, c, property);
                w.Line();
            }

            using (w.Block($"public {c.Name}()"))
            {
                foreach (var property in c.Properties.Where(p => p.HasDefault))
                {
                    w.Line($"{Naming.PropertyName(property)} = {DefaultValue(property, c.ModuleNamespace)};");
                }
            }
            w.Line($"public static new {c.Name} Empty => new {c.Name}();");
        }
    }

    private void EmitProperty(CodeWriter w, InputClass c, PropertyDef property)
    {
        var name = Naming.PropertyName(property);
        var typeContext = new TypeContext(c.ModuleNamespace, "Inputs", Input: true, State: c.State);
        var unwrapped = TypeMapper.Unwrap(property.Type);
        var isCollection = unwrapped is ArrayRef or MapRef;

        if (!isCollection && !property.Secret)
        {
            // Pulumi's generator writes [Obsolete] only on properties with a backing field (below), so a
            // deprecated scalar input (e.g. random's `number`) stays unmarked here, as in the real packages.
            var initializer = property.IsRequired && !TypeMapper.IsValueType(property.Type) ? " = null!;" : "";
            w.Line(InputAttribute(c, property));
            w.Line($"public {context.Types.TypeString(property.Type, typeContext)} {name} {{ get; set; }}{initializer}");
            return;
        }

        // Collections get a lazily created, never-null getter (so collection initialisers work);
        // secrets get a setter that marks the value secret. Both need a private backing field.
        var field = "_" + property.WireName;
        var requireInitializers = !c.Args || !TypeMapper.IsInputType(property.Type);
        var fieldType = context.Types.TypeString(
            TypeMapper.RequiredType(property), typeContext with { RequireInitializers = requireInitializers });

        w.Line(InputAttribute(c, property));
        w.Line($"private {fieldType}? {field};");
        if (Literals.Obsolete(property.DeprecationMessage) is { } obsolete)
        {
            w.Line(obsolete);
        }

        using (w.Block(isCollection ? $"public {fieldType} {name}" : $"public {fieldType}? {name}"))
        {
            w.Line(isCollection ? $"get => {field} ?? ({field} = new {fieldType}());" : $"get => {field};");
            if (property.Secret && TypeMapper.IsInputType(property.Type))
            {
                using (w.Block("set"))
                {
                    EmitSecretAssignment(w, field, fieldType, unwrapped, typeContext);
                }
            }
            else
            {
                w.Line($"set => {field} = value;");
            }
        }
    }

    /// <summary>
    /// An Input cannot be marked secret directly, so the value is combined with an empty secret
    /// (Output.All/Tuple) and the result, which carries the secret flag, is stored.
    /// </summary>
    private void EmitSecretAssignment(CodeWriter w, string field, string fieldType, TypeRef unwrapped, TypeContext typeContext)
    {
        switch (unwrapped)
        {
            case ArrayRef array:
                var element = context.Types.TypeString(TypeMapper.PlainType(array.Element), typeContext);
                w.Line($"var emptySecret = Output.CreateSecret(ImmutableArray.Create<{element}>());");
                w.Line($"{field} = Output.All(value, emptySecret).Apply(v => v[0]);");
                break;
            case MapRef map:
                var value = context.Types.TypeString(TypeMapper.PlainType(map.Element), typeContext);
                w.Line($"var emptySecret = Output.CreateSecret(ImmutableDictionary.Create<string, {value}>());");
                w.Line($"{field} = Output.All(value, emptySecret).Apply(v => v[0]);");
                break;
            default:
                w.Line("var emptySecret = Output.CreateSecret(0);");
                w.Line($"{field} = Output.Tuple<{fieldType}?, int>(value, emptySecret).Apply(t => t.Item1);");
                break;
        }
    }

    private static string InputAttribute(InputClass c, PropertyDef property)
    {
        var arguments = property.IsRequired ? ", required: true" : "";
        // Provider configuration travels as strings: anything that is not a string is JSON-encoded.
        if (c.IsProviderArgs && TypeMapper.Unwrap(property.Type) is not PrimitiveRef { Kind: PrimitiveKind.String })
        {
            arguments += ", json: true";
        }
        return $"[Input({Literals.String(property.WireName)}{arguments})]";
    }

    /// <summary>Pulumi's <c>getDefaultValue</c>: the schema default, behind any environment variables.</summary>
    public string DefaultValue(PropertyDef property, string moduleNamespace)
    {
        var type = TypeMapper.Unwrap(property.Type);
        var value = "";
        if (property.DefaultValue is { } defaultValue)
        {
            if (type is EnumRef enumRef)
            {
                var enumName = Naming.TokenToName(enumRef.Type.Token);
                var member = enumRef.Type.Values.FirstOrDefault(v => v.Value.GetRawText() == defaultValue.GetRawText())
                    ?? throw new InvalidDataException($"default value {defaultValue.GetRawText()} is not in enum {enumName}");
                value = $"{moduleNamespace}.{enumName}.{Naming.EnumMemberName(member, enumName)}";
            }
            else
            {
                value = Literals.Primitive(defaultValue);
            }
        }

        if (property.DefaultEnvironment.Count > 0)
        {
            var getter = type switch
            {
                PrimitiveRef { Kind: PrimitiveKind.Bool } => "Boolean",
                PrimitiveRef { Kind: PrimitiveKind.Int } => "Int32",
                PrimitiveRef { Kind: PrimitiveKind.Number } => "Double",
                _ => "",
            };
            var getEnv = $"Utilities.GetEnv{getter}({string.Join(", ", property.DefaultEnvironment.Select(Literals.String))})";
            value = value.Length > 0 ? $"{getEnv} ?? {value}" : getEnv;
        }
        return value;
    }
}
