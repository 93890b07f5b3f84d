using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pulumi.Codegen.Emit;

/// <summary>C# literal text for schema values.</summary>
public static class Literals
{
    /// <summary>A regular (escaped) C# string literal.</summary>
    public static string String(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        return builder.Append('"').ToString();
    }

    /// <summary>A verbatim string literal, as used in <c>[Obsolete(@"...")]</c>.</summary>
    public static string Verbatim(string value) => "@\"" + value.Replace("\"", "\"\"") + "\"";

    /// <summary>The <c>[Obsolete(...)]</c> attribute line for a deprecation message, or null.</summary>
    public static string? Obsolete(string? deprecationMessage) =>
        string.IsNullOrEmpty(deprecationMessage) ? null : $"[Obsolete({Verbatim(deprecationMessage)})]";

    /// <summary>Pulumi's <c>primitiveValue</c>: a JSON scalar as a C# literal.</summary>
    public static string Primitive(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.String => String(value.GetString()!),
        JsonValueKind.Number => value.TryGetInt64(out var integer)
            ? integer.ToString(CultureInfo.InvariantCulture)
            : value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        _ => throw new InvalidDataException($"unsupported default value {value.GetRawText()}"),
    };
}
