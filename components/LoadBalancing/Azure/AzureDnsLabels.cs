using System.Text.RegularExpressions;

namespace Infra.Components.LoadBalancing.Azure;

/// <summary>
/// The DNS name label of a public IP (<c>&lt;label&gt;.&lt;location&gt;.cloudapp.azure.com</c>). Azure docs,
/// "Public IP addresses", DNS name label, and the Network resource provider's rule for
/// <c>domainNameLabel</c>: 3 to 63 characters, lower-case letters, digits and hyphens, starting with a
/// letter and ending with a letter or digit; unique within the location.
/// </summary>
public static partial class AzureDnsLabels
{
    /// <summary>Shortest and longest label.</summary>
    public const int MinLength = 3, MaxLength = 63;

    /// <summary>Length of the random suffix of a default label: 36^6 ≈ 2 billion, so two stacks that share a
    /// component name do not collide in a location.</summary>
    public const int SuffixLength = 6;

    /// <summary>Whether <paramref name="label"/> is a valid DNS name label.</summary>
    public static bool IsValid(string label) => Label().IsMatch(label);

    /// <summary>Why a default label <c>&lt;name&gt;-&lt;suffix&gt;</c> cannot be made from <paramref name="name"/>, or null.</summary>
    public static string? WhyNoDefault(string name)
        => IsValid($"{name}-{new string('a', SuffixLength)}")
            ? null
            : $"the default label \"{name}-<6 random characters>\" breaks Azure's rule (3 to 63 lower-case letters, digits and hyphens, " +
              "starting with a letter); set domainNameLabel, or rename the component";

    [GeneratedRegex("^[a-z][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex Label();
}
