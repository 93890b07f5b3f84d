using System.Text.RegularExpressions;

namespace Infra.Components.LoadBalancing.Aws;

/// <summary>The TLS security policies HTTPS and TLS listeners negotiate with clients.</summary>
public static partial class AwsTlsPolicies
{
    /// <summary>The policy used when a listener names none: TLS 1.3 preferred, TLS 1.2 still
    /// accepted for older clients, forward-secret ciphers only.</summary>
    public const string Default = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    /// <summary>Whether <paramref name="policy"/> is an ELB policy whose lowest protocol is TLS 1.2 or
    /// newer. ELB names carry the floor: <c>TLS13-1-2</c>, <c>TLS13-1-3</c>, <c>TLS-1-2</c>, <c>FS-1-2</c>;
    /// the rest (e.g. <c>ELBSecurityPolicy-2016-08</c>, <c>TLS13-1-0</c>) still accept TLS 1.0 or 1.1.</summary>
    public static bool IsTls12OrNewer(string policy) => Tls12Floor().IsMatch(policy);

    /// <summary>Whether <paramref name="policy"/> is named like an ELB security policy at all.</summary>
    public static bool IsElbPolicy(string policy) => policy.StartsWith("ELBSecurityPolicy-", StringComparison.Ordinal);

    [GeneratedRegex(@"^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)-")]
    private static partial Regex Tls12Floor();
}
