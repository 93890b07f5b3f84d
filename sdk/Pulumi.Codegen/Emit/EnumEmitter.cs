using Pulumi.Codegen.Schema;

namespace Pulumi.Codegen.Emit;

/// <summary>
/// Emits a module's <c>Enums.cs</c>. String and number enums become <c>readonly struct</c>s with a private
/// constructor, static members, <c>==</c>/<c>!=</c>, an explicit conversion <em>to</em> the underlying type
/// and no conversion from it; integer enums become C# enums (pulumi-language-dotnet's <c>genEnum</c>).
/// </summary>
public static class EnumEmitter
{
    public static readonly string[] Usings = ["System", "System.ComponentModel", "Pulumi"];

    public static void Emit(CodeWriter w, IReadOnlyList<EnumTypeDef> enums)
    {
        for (var i = 0; i < enums.Count; i++)
        {
            if (i > 0)
            {
                w.Line();
            }
            Emit(w, enums[i]);
        }
    }

    private static void Emit(CodeWriter w, EnumTypeDef type)
    {
        var name = Naming.TokenToName(type.Token);
        var members = type.Values.Select(v => (Value: v, Name: Naming.EnumMemberName(v, name))).ToList();

        if (type.ElementType == PrimitiveKind.Int)
        {
            using (w.Block($"public enum {name}"))
            {
                foreach (var (value, member) in members)
                {
                    WriteObsolete(w, value);
                    w.Line($"{member} = {Naming.EnumValueText(value.Value)},");
                }
            }
            return;
        }
        if (type.ElementType is not (PrimitiveKind.String or PrimitiveKind.Number))
        {
            throw new InvalidDataException($"enum {type.Token}: enums of type {type.ElementType} are not supported");
        }

        var isString = type.ElementType == PrimitiveKind.String;
        var underlying = TypeMapper.PrimitiveName(type.ElementType);
        w.Line("[EnumType]");
        using (w.Block($"public readonly struct {name} : IEquatable<{name}>"))
        {
            w.Line($"private readonly {underlying} _value;");
            w.Line();
            using (w.Block($"private {name}({underlying} value)"))
            {
                w.Line(isString ? "_value = value ?? throw new ArgumentNullException(nameof(value));" : "_value = value;");
            }
            w.Line();

            foreach (var (value, member) in members)
            {
                WriteObsolete(w, value);
                var literal = isString ? Literals.String(value.Value.GetString()!) : Naming.EnumValueText(value.Value);
                w.Line($"public static {name} {member} {{ get; }} = new {name}({literal});");
            }
            w.Line();

            w.Line($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
            w.Line($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
            w.Line();
            w.Line($"public static explicit operator {underlying}({name} value) => value._value;");
            w.Line();
            w.Line("[EditorBrowsable(EditorBrowsableState.Never)]");
            w.Line($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
            w.Line(isString
                ? $"public bool Equals({name} other) => string.Equals(_value, other._value, StringComparison.Ordinal);"
                : $"public bool Equals({name} other) => _value == other._value;");
            w.Line();
            w.Line("[EditorBrowsable(EditorBrowsableState.Never)]");
            w.Line(isString
                ? "public override int GetHashCode() => _value?.GetHashCode() ?? 0;"
                : "public override int GetHashCode() => _value.GetHashCode();");
            w.Line();
            w.Line(isString
                ? "public override string ToString() => _value;"
                : "public override string ToString() => _value.ToString();");
        }
    }

    private static void WriteObsolete(CodeWriter w, EnumValueDef value)
    {
        if (Literals.Obsolete(value.DeprecationMessage) is { } obsolete)
        {
            w.Line(obsolete);
        }
    }
}
