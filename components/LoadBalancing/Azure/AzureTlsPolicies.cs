namespace Infra.Components.LoadBalancing.Azure;

/// <summary>
/// The predefined Application Gateway TLS policies HTTPS listeners negotiate with clients (Azure docs,
/// "Application Gateway TLS policy overview", predefined policies and their minimum protocol version).
/// </summary>
public static class AzureTlsPolicies
{
    /// <summary>The policy used when a listener names none: TLS 1.2 minimum, TLS 1.3 supported, forward-secret
    /// ciphers only (the strict variant of the 2022 policy).</summary>
    public const string Default = "AppGwSslPolicy20220101S";

    /// <summary>Policy type of a predefined policy in the gateway's <c>SslPolicy</c>.</summary>
    public const string PredefinedType = "Predefined";

    /// <summary>Predefined policies whose lowest protocol is TLS 1.2.</summary>
    public static readonly IReadOnlyList<string> Tls12OrNewer = ["AppGwSslPolicy20220101S", "AppGwSslPolicy20220101", "AppGwSslPolicy20170401S"];

    /// <summary>Predefined policies that still accept TLS 1.0 (20150501) or TLS 1.1 (20170401).</summary>
    public static readonly IReadOnlyList<string> BelowTls12 = ["AppGwSslPolicy20150501", "AppGwSslPolicy20170401"];

    /// <summary>Whether <paramref name="policy"/> is a predefined App Gateway policy at all.</summary>
    public static bool IsPredefined(string policy) => Tls12OrNewer.Contains(policy) || BelowTls12.Contains(policy);

    /// <summary>Whether <paramref name="policy"/> is a predefined policy with TLS 1.2 as its floor.</summary>
    public static bool IsTls12OrNewer(string policy) => Tls12OrNewer.Contains(policy);
}
