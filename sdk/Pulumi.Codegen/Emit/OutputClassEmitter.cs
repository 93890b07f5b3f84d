using Pulumi.Codegen.Schema;

namespace Pulumi.Codegen.Emit;

/// <summary>
/// Emits <c>[OutputType]</c> classes — <c>Outputs.*</c> types and function/method results —
/// as pulumi-language-dotnet's <c>plainType.genOutputType</c> does: readonly fields plus a private
/// <c>[OutputConstructor]</c> whose parameters carry the wire names.
/// </summary>
public sealed class OutputClassEmitter(GeneratorContext context)
{
    public void Emit(CodeWriter w, string name, IReadOnlyList<PropertyDef> properties, string moduleNamespace, bool isInternal = false)
    {
        var typeContext = new TypeContext(moduleNamespace, "Outputs", Input: false);
        var fields = properties.Select(p => (Property: p, Type: context.Types.TypeString(FieldType(p), typeContext))).ToList();

        w.Line("[OutputType]");
        using (w.Block($"{(isInternal ? "internal" : "public")} sealed class {name}"))
        {
            foreach (var (property, type) in fields)
            {
                w.Line($"public readonly {type} {Naming.PropertyName(property)};");
            }
            if (fields.Count > 0)
            {
                w.Line();
            }

            w.Line("[OutputConstructor]");
            if (fields.Count <= 1)
            {
                var parameter = fields.Count == 1 ? $"{fields[0].Type} {Naming.ParameterName(fields[0].Property)}" : "";
                w.Line($"private {name}({parameter})");
            }
            else
            {
                w.Line($"private {name}(");
                for (var i = 0; i < fields.Count; i++)
                {
                    var separator = i == fields.Count - 1 ? ")" : ",";
                    w.Line($"    {fields[i].Type} {Naming.ParameterName(fields[i].Property)}{separator}");
                }
            }

            using (w.Block(""))
            {
                foreach (var (property, _) in fields)
                {
                    var parameter = Naming.ParameterName(property);
                    var field = Naming.Unhyphenate(Naming.PropertyName(property));
                    // Guard against a no-op self-assignment when field and parameter share a name.
                    w.Line($"{(field == parameter ? "this." + field : field)} = {parameter};");
                }
            }
        }
    }

    /// <summary>Kubernetes outputs are never nullable; other packages follow the required list.</summary>
    private TypeRef FieldType(PropertyDef property) =>
        context.Naming.IsKubernetes ? TypeMapper.RequiredType(property) : property.Type;
}
