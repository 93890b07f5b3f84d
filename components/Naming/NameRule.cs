using System.Text.RegularExpressions;

namespace Infra.Components.Naming;

/// <summary>
/// What a cloud accepts as one kind of name: its length, its characters and whether Pulumi appends a
/// random suffix to it (auto-naming), with the documentation that says so.
/// </summary>
/// <param name="Target">What is named, e.g. "AWS target group".</param>
/// <param name="MaxLength">Longest name the cloud accepts.</param>
/// <param name="Pattern">The shape a whole name must have.</param>
/// <param name="AutoSuffixLength">Characters Pulumi's auto-naming adds to a logical name ("-" and 7
/// random characters), which the logical name must leave room for; 0 for explicit names.</param>
/// <param name="LowerCase">Whether the cloud takes lower case only.</param>
/// <param name="Source">Where the rule is documented.</param>
public sealed record NameRule(string Target, int MaxLength, Regex Pattern, int AutoSuffixLength, bool LowerCase, string Source)
{
    /// <summary>Longest name the caller may give: the limit less Pulumi's suffix.</summary>
    public int MaxGivenLength => MaxLength - AutoSuffixLength;

    /// <summary>Whether <paramref name="name"/> as given (before any suffix) fits this rule.</summary>
    public bool Fits(string name) => name.Length <= MaxGivenLength && Pattern.IsMatch(name) && (!LowerCase || name == name.ToLowerInvariant());
}
