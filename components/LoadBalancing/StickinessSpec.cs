using Infra.Components.Common;
using Pulumi;

namespace Infra.Components.LoadBalancing;

/// <summary>Keeps a client on the same backend for a while (sticky sessions).</summary>
public sealed class StickinessSpec : ResourceArgs
{
    /// <summary>Cookie issued by the load balancer.</summary>
    public const string LoadBalancerCookie = "lb-cookie";

    /// <summary>Cookie issued by the application (named by <see cref="CookieName"/>).</summary>
    public const string ApplicationCookie = "app-cookie";

    /// <summary>By client IP address (network layer).</summary>
    public const string SourceIp = "source-ip";

    /// <summary>One of "lb-cookie", "app-cookie", "source-ip". Default: "lb-cookie".</summary>
    [Input("mode")] public string Mode { get; set; } = LoadBalancerCookie;

    /// <summary>How long a client stays on its backend, in seconds (cookie modes). Default: 86400.</summary>
    [Input("durationSeconds")] public int DurationSeconds { get; set; } = 86400;

    /// <summary>Name of the application's cookie; only with "app-cookie".</summary>
    [Input("cookieName")] public string? CookieName { get; set; }

    /// <summary>Every problem in this setting, keyed under <paramref name="at"/>.</summary>
    public IEnumerable<SpecProblem> FindProblems(string at, string layer)
    {
        string[] modes = layer == LoadBalancerLayers.Network ? [SourceIp] : [LoadBalancerCookie, ApplicationCookie];
        if (!modes.Contains(Mode))
            yield return new($"{at}.mode", Mode, $"a {layer}-layer load balancer keeps sessions by {string.Join(" or ", modes)}");
        if (DurationSeconds is < 1 or > 604800)
            yield return new($"{at}.durationSeconds", DurationSeconds, "use 1 to 604800 seconds (7 days)");
        if (Mode == ApplicationCookie && string.IsNullOrEmpty(CookieName))
            yield return new($"{at}.cookieName", CookieName, "name the application's cookie");
        if (Mode != ApplicationCookie && CookieName is not null)
            yield return new($"{at}.cookieName", CookieName, "only app-cookie stickiness reads a cookie name; remove it");
    }
}
