using System.Security.Cryptography;
using System.Text;

namespace Infra.Components.Naming;

/// <summary>
/// Fits a name built from the parts that make it unique (service, stack, site, role, key) to a cloud's
/// <see cref="NameRule"/>: the first candidate that fits as it is (the full form, then shorter readable
/// ones such as an abbreviated region), else the last candidate cut and ended with a short hash of the
/// full name. The result depends only on the inputs, so a name never changes between runs, and a name
/// that fits today is kept as it is.
/// </summary>
public static class NameFitting
{
    /// <summary>Characters of the hash that ends a cut name.</summary>
    public const int HashLength = 6;

    /// <summary>The first of <paramref name="candidates"/> that fits <paramref name="rule"/>, else the last
    /// one cut to fit and ended with "-" and a hash of the first (the full name).</summary>
    public static string Fit(NameRule rule, params string[] candidates)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (candidates is null || candidates.Length == 0)
            throw new ArgumentException("give at least one candidate name", nameof(candidates));
        foreach (var candidate in candidates)
        {
            var cased = rule.LowerCase ? candidate.ToLowerInvariant() : candidate;
            if (rule.Fits(cased))
                return cased;
        }
        var last = rule.LowerCase ? candidates[^1].ToLowerInvariant() : candidates[^1];
        // Names that take no hyphen (storage accounts) join the hash directly.
        var separator = rule.Pattern.IsMatch("aaa-aaa") ? "-" : "";
        if (separator.Length == 0)
            last = new string(last.Where(char.IsAsciiLetterOrDigit).ToArray());
        var keep = Math.Max(1, rule.MaxGivenLength - HashLength - separator.Length);
        var head = new string(last.Take(keep).ToArray()).TrimEnd('-', '.', '_');
        return $"{head}{separator}{Hash(candidates[0])}";
    }

    /// <summary>A stable, lower-case base-36 hash of <paramref name="text"/>, <see cref="HashLength"/> characters.</summary>
    public static string Hash(string text)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(text ?? ""));
        var value = BitConverter.ToUInt64(bytes, 0);
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var hash = new StringBuilder();
        for (var i = 0; i < HashLength; i++)
        {
            hash.Append(digits[(int)(value % 36)]);
            value /= 36;
        }
        return hash.ToString();
    }
}
