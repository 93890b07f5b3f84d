using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pulumi.Codegen.Schema;

namespace Pulumi.Codegen;

/// <summary>
/// C# names for schema tokens and properties, following pulumi-language-dotnet's codegen
/// (<c>tokenToName</c>, <c>namespaceName</c>, <c>tokenToNamespace</c>, <c>makeSafeEnumName</c>, ...).
/// </summary>
public sealed partial class Naming
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    private static readonly HashSet<string> ContextualKeywords = new(StringComparer.Ordinal)
    {
        "add", "alias", "ascending", "async", "await", "by", "descending", "dynamic", "equals", "from", "get",
        "global", "group", "into", "join", "let", "nameof", "on", "orderby", "partial", "remove", "select", "set",
        "unmanaged", "value", "var", "when", "where", "yield",
    };

    private readonly PackageDef _package;

    public Naming(PackageDef package)
    {
        _package = package;
    }

    public bool IsKubernetes => _package.CSharp.Compatibility == "kubernetes20";

    public bool IsTerraform => _package.CSharp.Compatibility == "tfbridge20";

    /// <summary>The package's C# name, e.g. <c>Aws</c>; also the prefix of its resource-type attribute.</summary>
    public string PackageName => NamespaceName(_package.Name);

    /// <summary>The package's root namespace, e.g. <c>Pulumi.Aws</c>.</summary>
    public string RootNamespace => "Pulumi." + PackageName;

    public static string Title(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>The last token segment, title-cased: <c>aws:lb/targetGroup:TargetGroup</c> → <c>TargetGroup</c>.</summary>
    public static string TokenToName(string token)
    {
        var parts = token.Split(':');
        if (parts.Length != 3)
        {
            throw new InvalidDataException($"malformed token '{token}'");
        }
        return Title(parts[2]);
    }

    public static string ResourceName(ResourceDef resource) =>
        resource.IsProvider ? "Provider" : resource.CSharpName is { } name ? Title(name) : TokenToName(resource.Token);

    public string ModuleOf(string token) => _package.TokenToModule(token);

    /// <summary>Maps a module (or the package name) through <c>language.csharp.namespaces</c>.</summary>
    public string NamespaceName(string name)
    {
        if (_package.CSharp.Namespaces.TryGetValue(name, out var ns))
        {
            return ns;
        }
        return string.Join(".", name.Split('/').Select(part => string.Concat(part.Split('-').Select(Title))));
    }

    /// <summary>The namespace that holds a module's resources, functions and enums.</summary>
    public string ModuleNamespace(string module) =>
        module.Length == 0 ? RootNamespace : RootNamespace + "." + NamespaceName(module);

    /// <summary>
    /// Pulumi's <c>tokenToNamespace</c>: the namespace of a token, optionally qualified with <c>Inputs</c>,
    /// <c>Outputs</c> or <c>Types</c>. Kubernetes puts qualified types under <c>Pulumi.Kubernetes.Types.*</c>.
    /// </summary>
    public string TokenToNamespace(string token, string qualifier)
    {
        var module = ModuleOf(token);
        if (IsKubernetes && qualifier.Length > 0)
        {
            return RootNamespace + ".Types." + qualifier + "." + NamespaceName(module);
        }
        var ns = ModuleNamespace(module);
        return qualifier.Length > 0 ? ns + "." + qualifier : ns;
    }

    /// <summary>The C# member name of a property: <c>language.csharp.name</c> or the title-cased wire name.</summary>
    public static string PropertyName(PropertyDef property) =>
        property.CSharpName ?? Title(Unhyphenate(property.WireName));

    /// <summary>A parameter name for an output-type constructor: the wire name, escaped if it is a keyword.</summary>
    public static string ParameterName(PropertyDef property)
    {
        var name = property.WireName.StartsWith('$') ? property.WireName[1..] : property.WireName;
        return Unhyphenate(Keywords.Contains(name) ? "@" + name : name);
    }

    /// <summary><c>foo-bar</c> → <c>fooBar</c>.</summary>
    public static string Unhyphenate(string s)
    {
        if (!s.Contains('-'))
        {
            return s;
        }
        var parts = s.Split('-');
        return parts[0] + string.Concat(parts.Skip(1).Select(Title));
    }

    /// <summary>Pulumi's <c>makeSafeEnumName</c>.</summary>
    public static string EnumMemberName(EnumValueDef value, string enumName)
    {
        var name = value.Name ?? EnumValueText(value.Value);
        var safe = ExpandShortEnumName(name);
        if (safe.Length == 1 && !IsIdentifierStart(safe[0]))
        {
            throw new InvalidDataException($"enum {enumName}: name '{safe}' is not a valid identifier");
        }

        safe = TitleWords(MakeValidIdentifier(safe));
        safe = RepeatedUnderscores().Replace(safe, "_");
        if (safe.StartsWith('_'))
        {
            safe = enumName + safe;
        }
        return safe == "Equals" ? "EqualsValue" : safe;
    }

    /// <summary>The text of an enum value as Go's <c>%v</c> prints it.</summary>
    public static string EnumValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    private static string MakeValidIdentifier(string name)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i == 0 && c == '@')
            {
                builder.Append(c);
                continue;
            }
            if (!IsIdentifierPart(c))
            {
                builder.Append('_');
                continue;
            }
            if (i == 0 && !IsIdentifierStart(c))
            {
                builder.Append('_');
            }
            builder.Append(c);
        }
        var result = builder.ToString();
        return Keywords.Contains(result) || ContextualKeywords.Contains(result) ? "@" + result : result;
    }

    /// <summary>Go's <c>strings.Title</c>: upper-cases each letter that follows a non-letter, non-digit, non-underscore.</summary>
    private static string TitleWords(string s)
    {
        var chars = s.ToCharArray();
        var previousIsSeparator = true;
        for (var i = 0; i < chars.Length; i++)
        {
            if (previousIsSeparator)
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
            previousIsSeparator = !(char.IsLetterOrDigit(chars[i]) || chars[i] == '_');
        }
        return new string(chars);
    }

    /// <summary>Pulumi's <c>codegen.ExpandShortEnumName</c> for one-character enum names.</summary>
    private static string ExpandShortEnumName(string name) => name switch
    {
        "*" => "Asterisk",
        "0" => "Zero",
        "1" => "One",
        "2" => "Two",
        "3" => "Three",
        "4" => "Four",
        "5" => "Five",
        "6" => "Six",
        "7" => "Seven",
        "8" => "Eight",
        "9" => "Nine",
        _ => name,
    };

    private static bool IsIdentifierStart(char c) =>
        c == '_' || c == '@' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter
            or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;

    private static bool IsIdentifierPart(char c) =>
        c == '_' || IsIdentifierStart(c) && c != '@' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.Format;

    [GeneratedRegex("_+")]
    private static partial Regex RepeatedUnderscores();
}
