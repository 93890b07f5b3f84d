using Pulumi.Codegen.Schema;

namespace Pulumi.Codegen.Emit;

/// <summary>
/// Emits the per-package support files: the internal <c>Utilities</c> class with the
/// <c>&lt;Pkg&gt;ResourceTypeAttribute</c>, and the static <c>Config</c> class.
/// </summary>
public sealed class SupportEmitter(GeneratorContext context)
{
    public void EmitUtilities(CodeWriter w)
    {
        var attribute = context.ResourceTypeAttribute + "Attribute";
        using (w.Block($"namespace {context.Naming.RootNamespace}"))
        {
            using (w.Block("static class Utilities"))
            {
                using (w.Block("public static string? GetEnv(params string[] names)"))
                {
                    using (w.Block("foreach (var n in names)"))
                    {
                        w.Line("var value = global::System.Environment.GetEnvironmentVariable(n);");
                        using (w.Block("if (value != null)"))
                        {
                            w.Line("return value;");
                        }
                    }
                    w.Line("return null;");
                }
                w.Line();
                w.Line("static string[] trueValues = { \"1\", \"t\", \"T\", \"true\", \"TRUE\", \"True\" };");
                w.Line("static string[] falseValues = { \"0\", \"f\", \"F\", \"false\", \"FALSE\", \"False\" };");
                using (w.Block("public static bool? GetEnvBoolean(params string[] names)"))
                {
                    w.Line("var s = GetEnv(names);");
                    using (w.Block("if (s != null)"))
                    {
                        using (w.Block("if (global::System.Array.IndexOf(trueValues, s) != -1)"))
                        {
                            w.Line("return true;");
                        }
                        using (w.Block("if (global::System.Array.IndexOf(falseValues, s) != -1)"))
                        {
                            w.Line("return false;");
                        }
                    }
                    w.Line("return null;");
                }
                w.Line();
                w.Line("public static int? GetEnvInt32(params string[] names) => int.TryParse(GetEnv(names), out int v) ? (int?)v : null;");
                w.Line();
                w.Line("public static double? GetEnvDouble(params string[] names) => double.TryParse(GetEnv(names), out double v) ? (double?)v : null;");
                w.Line();
                foreach (var options in new[] { "InvokeOptions", "InvokeOutputOptions" })
                {
                    using (w.Block($"public static global::Pulumi.{options} WithDefaults(this global::Pulumi.{options}? src)"))
                    {
                        // Pulumi's generator writes `new ...Options{}`; spaced here so `dotnet format whitespace`
                        // (CI, which runs after the build has generated this file) accepts it.
                        w.Line($"var dst = src ?? new global::Pulumi.{options} {{ }};");
                        w.Line("dst.Version = src?.Version ?? Version;");
                        w.Line("return dst;");
                    }
                    w.Line();
                }
                w.Line($"public static string Version => {Literals.String(context.Version)};");
            }
            w.Line();
            using (w.Block($"internal sealed class {attribute} : global::Pulumi.ResourceTypeAttribute"))
            {
                using (w.Block($"public {attribute}(string type) : base(type, Utilities.Version)"))
                {
                }
            }
        }
    }

    /// <summary>The static <c>Config</c> class (pulumi-language-dotnet's <c>genConfig</c>).</summary>
    public void EmitConfig(CodeWriter w)
    {
        var ns = context.Naming.RootNamespace;
        var typeContext = new TypeContext(ns, "Types", Input: false);
        var inputs = new InputClassEmitter(context);

        using (w.Block($"namespace {ns}"))
        using (w.Block("public static class Config"))
        {
            w.Line("[global::System.Diagnostics.CodeAnalysis.SuppressMessage(\"Microsoft.Design\", \"IDE1006\", Justification =");
            w.Line("    \"Double underscore prefix used to avoid conflicts with variable names.\")]");
            using (w.Block("private sealed class __Value<T>"))
            {
                w.Line("private readonly Func<T> _getter;");
                w.Line("private T _value = default!;");
                w.Line("private bool _set;");
                w.Line();
                using (w.Block("public __Value(Func<T> getter)"))
                {
                    w.Line("_getter = getter;");
                }
                w.Line();
                w.Line("public T Get() => _set ? _value : _getter();");
                w.Line();
                using (w.Block("public void Set(T value)"))
                {
                    w.Line("_value = value;");
                    w.Line("_set = true;");
                }
            }
            w.Line();
            w.Line($"private static readonly global::Pulumi.Config __config = new global::Pulumi.Config({Literals.String(context.Package.Name)});");
            w.Line();

            foreach (var variable in context.Package.Config)
            {
                var (type, getter) = ConfigGetter(variable.Type, typeContext);
                var initializer = $"__config.{getter}({Literals.String(variable.WireName)})";
                if (variable.HasDefault)
                {
                    initializer += " ?? " + inputs.DefaultValue(variable, ns);
                }
                var field = "_" + variable.WireName;
                w.Line($"private static readonly __Value<{type}> {field} = new __Value<{type}>(() => {initializer});");
                using (w.Block($"public static {type} {Naming.PropertyName(variable)}"))
                {
                    w.Line($"get => {field}.Get();");
                    w.Line($"set => {field}.Set(value);");
                }
                w.Line();
            }

            var types = ConfigObjectTypes();
            if (types.Count == 0)
            {
                return;
            }
            using (w.Block("public static class Types"))
            {
                foreach (var type in types)
                {
                    w.Line();
                    using (w.Block($"public class {Naming.TokenToName(type.Token)}"))
                    {
                        foreach (var property in type.Properties(ObjectShape.PlainInput))
                        {
                            var text = context.Types.TypeString(property.Type, typeContext);
                            var initializer = !property.IsRequired && !TypeMapper.IsValueType(property.Type)
                                && TypeMapper.Unwrap(property.Type) is not ArrayRef ? " = null!;" : "";
                            w.Line($"public {text} {Naming.PropertyName(property)} {{ get; set; }}{initializer}");
                        }
                    }
                }
            }
        }
    }

    /// <summary>Pulumi's <c>getConfigProperty</c>: the property type and the <c>Pulumi.Config</c> getter.</summary>
    private (string Type, string Getter) ConfigGetter(TypeRef type, TypeContext typeContext)
    {
        var unwrapped = TypeMapper.Unwrap(type);
        var text = context.Types.TypeString(unwrapped, typeContext);
        return unwrapped switch
        {
            PrimitiveRef { Kind: PrimitiveKind.String } => (text + "?", "Get"),
            PrimitiveRef { Kind: PrimitiveKind.Bool } => (text + "?", "GetBoolean"),
            PrimitiveRef { Kind: PrimitiveKind.Int } => (text + "?", "GetInt32"),
            PrimitiveRef { Kind: PrimitiveKind.Number } => (text + "?", "GetDouble"),
            ArrayRef => (text, $"GetObject<{text}>"),
            _ => (text + "?", $"GetObject<{text}>"),
        };
    }

    /// <summary>Object types reachable from the config variables, depth-first in variable order.</summary>
    private List<ObjectTypeDef> ConfigObjectTypes()
    {
        var result = new List<ObjectTypeDef>();
        void Visit(TypeRef type)
        {
            switch (type)
            {
                case OptionalRef optional: Visit(optional.Element); break;
                case InputRef input: Visit(input.Element); break;
                case ArrayRef array: Visit(array.Element); break;
                case MapRef map: Visit(map.Element); break;
                case UnionRef union:
                    foreach (var element in union.Elements)
                    {
                        Visit(element);
                    }
                    break;
                case ObjectRef obj when !result.Contains(obj.Type):
                    result.Add(obj.Type);
                    foreach (var property in obj.Type.Properties(ObjectShape.PlainInput))
                    {
                        Visit(property.Type);
                    }
                    break;
            }
        }
        foreach (var variable in context.Package.Config)
        {
            Visit(variable.Type);
        }
        return result;
    }
}
