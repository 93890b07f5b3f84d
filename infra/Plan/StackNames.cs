using System.Text.RegularExpressions;

namespace Infra.Plan;

/// <summary>What a stack name given on the command line may be: Pulumi's rule (letters, digits,
/// <c>-</c>, <c>_</c>, <c>.</c>), which also keeps <c>--stack</c> from naming a file outside stacks/.</summary>
public static partial class StackNames
{
    /// <summary>The rule, as told to the user.</summary>
    public const string Rule = "stack names hold letters, digits, '-', '_' and '.', at most 100 characters, and do not start with '.'";

    /// <summary>Whether <paramref name="name"/> is a stack name.</summary>
    public static bool IsValid(string? name) => name is not null && Shape().IsMatch(name);

    /// <summary><paramref name="name"/> with control characters escaped and cut to 60 characters, for messages.</summary>
    public static string Show(string name)
    {
        var shown = string.Concat(name.Take(60).Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
        return name.Length > 60 ? shown + "..." : shown;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}$")]
    private static partial Regex Shape();
}
