using System.Text.RegularExpressions;
using Infra.Components.Common;
using Infra.Components.Naming;

namespace Infra.Components.LoadBalancing.Aws;

/// <summary>
/// The names of load balancers and target groups. Pulumi auto-names them <c>&lt;logical name&gt;-&lt;7
/// random characters&gt;</c> within AWS's 32-character limit, so a logical name longer than 24
/// characters would fail only when the engine reaches it: the logical names are fitted to it instead
/// (<see cref="NameFitting"/>), readable where they fit as they are.
/// </summary>
public static partial class AwsResourceNames
{
    /// <summary>Longest logical name whose auto-name still fits AWS's 32 characters.</summary>
    public const int MaxLogicalNameLength = 32 - NameRules.PulumiAutoSuffix;

    /// <summary>Logical name of the load balancer of component <paramref name="name"/>: <c>&lt;name&gt;-alb</c>
    /// (or <c>-nlb</c>), fitted to what Pulumi's auto-name leaves of AWS's 32 characters.</summary>
    public static string LoadBalancer(string name, bool application)
        => NameFitting.Fit(NameRules.AwsLoadBalancer, $"{name}-{(application ? "alb" : "nlb")}");

    /// <summary>Logical name of the target group of pool <paramref name="poolKey"/>: <c>&lt;name&gt;-tg-&lt;pool&gt;</c>,
    /// fitted the same way (a short stable hash ends it only where the readable form is too long).</summary>
    public static string TargetGroup(string name, string poolKey) => NameFitting.Fit(NameRules.AwsTargetGroup, $"{name}-tg-{poolKey}");

    /// <summary>Whether the names derived from component <paramref name="name"/> fit without a hash,
    /// so that a caller can prefer a shorter readable component name (an abbreviated region) instead.</summary>
    public static bool FitReadably(string name, LoadBalancerSpec spec)
        => NameRules.AwsLoadBalancer.Fits($"{name}-{(spec.Layer != LoadBalancerLayers.Network ? "alb" : "nlb")}")
           && spec.Pools.Keys.All(key => NameRules.AwsTargetGroup.Fits($"{name}-tg-{key}"));

    /// <summary>Names that AWS would refuse or that cannot be auto-named, keyed by what to shorten.</summary>
    public static IEnumerable<SpecProblem> FindProblems(string name, AwsLoadBalancerArgs args)
        => FindProblems(name, args.Spec, "name", "spec.pools");

    /// <summary>Names that AWS would refuse or that cannot be auto-named for a component
    /// <paramref name="name"/> built from <paramref name="spec"/>: the name's problems keyed
    /// <paramref name="nameAt"/> (where it is set), a pool's under <paramref name="poolsAt"/>.</summary>
    public static IEnumerable<SpecProblem> FindProblems(string name, LoadBalancerSpec spec, string nameAt, string poolsAt)
    {
        // Lengths are fitted (NameFitting); only characters AWS never takes are the user's to change.
        if (!AwsNameCharacters().IsMatch(name))
            yield return new(nameAt, name, "AWS load balancer names take letters, digits and inner hyphens only; rename it");
        foreach (var key in spec.Pools.Keys)
            if (!AwsNameCharacters().IsMatch(key))
                yield return new($"{poolsAt}.{key}", key, "AWS target group names take letters, digits and inner hyphens only; rename the pool key");
    }

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$")]
    private static partial Regex AwsNameCharacters();
}
