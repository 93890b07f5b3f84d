namespace Infra.Benchmarks;

/// <summary>One edit of a stack file, chosen by numbers so that a generator (CsCheck in the tests, a
/// seeded random in <c>bench-validation</c>) can draw it: <see cref="Kind"/> what is done,
/// <see cref="Target"/> which value (an index into the file's values, taken modulo their count),
/// <see cref="Variant"/> how (taken modulo the kind's choices).</summary>
public sealed record StackMutation(string Stack, string Kind, int Target, int Variant)
{
    /// <summary>A mapping key or list entry is deleted.</summary>
    public const string Delete = "delete";

    /// <summary>A key is misspelt.</summary>
    public const string Rename = "rename";

    /// <summary>A value becomes another YAML type (scalar, list, mapping).</summary>
    public const string TypeChange = "type";

    /// <summary>A value becomes null.</summary>
    public const string Null = "null";

    /// <summary>A scalar becomes a number at or beyond some bound.</summary>
    public const string Bound = "bound";

    /// <summary>A scalar becomes odd text (empty, control characters, very long, yes/no).</summary>
    public const string Text = "text";

    /// <summary>YAML the config cannot hold (aliases, second document, complex keys, deep nesting, .nan).</summary>
    public const string YamlOddity = "yaml";

    /// <summary>A change known to be dangerous or meaningless, which must be refused.</summary>
    public const string Dangerous = "dangerous";

    /// <summary>A change that keeps the meaning (order, comments, quoting), which must still plan.</summary>
    public const string Benign = "benign";

    /// <summary>Every kind.</summary>
    public static readonly IReadOnlyList<string> Kinds = [Delete, Rename, TypeChange, Null, Bound, Text, YamlOddity, Dangerous, Benign];
}
