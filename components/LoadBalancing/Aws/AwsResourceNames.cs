using System.Text.RegularExpressions;
using Infra.Components.Common;

namespace Infra.Components.LoadBalancing.Aws;

/// <summary>
/// Limits on the names Pulumi derives for load balancers and target groups. Pulumi auto-names them
/// <c>&lt;logical name&gt;-&lt;7 random characters&gt;</c> within AWS's 32-character limit, so a
/// logical name longer than 24 characters fails only when the engine reaches it; this finds it first.
/// </summary>
public static partial class AwsResourceNames
{
    /// <summary>Longest logical name whose auto-name still fits AWS's 32 characters.</summary>
    public const int MaxLogicalNameLength = 32 - 8;

    /// <summary>Logical name of the load balancer of component <paramref name="name"/>.</summary>
    public static string LoadBalancer(string name, bool application) => $"{name}-{(application ? "alb" : "nlb")}";

    /// <summary>Logical name of the target group of pool <paramref name="poolKey"/>.</summary>
    public static string TargetGroup(string name, string poolKey) => $"{name}-tg-{poolKey}";

    /// <summary>Names that AWS would refuse or that cannot be auto-named, keyed by what to shorten.</summary>
    public static IEnumerable<SpecProblem> FindProblems(string name, AwsLoadBalancerArgs args)
        => FindProblems(name, args.Spec, "name", "spec.pools");

    /// <summary>Names that AWS would refuse or that cannot be auto-named for a component
    /// <paramref name="name"/> built from <paramref name="spec"/>: the name's problems keyed
    /// <paramref name="nameAt"/> (where it is set), a pool's under <paramref name="poolsAt"/>.</summary>
    public static IEnumerable<SpecProblem> FindProblems(string name, LoadBalancerSpec spec, string nameAt, string poolsAt)
    {
        var loadBalancer = LoadBalancer(name, spec.Layer != LoadBalancerLayers.Network);
        if (!AwsNameCharacters().IsMatch(name))
            yield return new(nameAt, name, "AWS load balancer names take letters, digits and inner hyphens only; rename the component");
        else if (loadBalancer.Length > MaxLogicalNameLength)
            yield return new(nameAt, name,
                $"\"{loadBalancer}\" plus Pulumi's 8-character suffix exceeds AWS's 32 characters; shorten the component name to {MaxLogicalNameLength - (loadBalancer.Length - name.Length)} characters or fewer");
        foreach (var key in spec.Pools.Keys)
        {
            var targetGroup = TargetGroup(name, key);
            if (!AwsNameCharacters().IsMatch(key))
                yield return new($"{poolsAt}.{key}", key, "AWS target group names take letters, digits and inner hyphens only; rename the pool key");
            else if (targetGroup.Length > MaxLogicalNameLength && loadBalancer.Length <= MaxLogicalNameLength)
                yield return new($"{poolsAt}.{key}", key,
                    $"target group \"{targetGroup}\" plus Pulumi's 8-character suffix exceeds AWS's 32 characters; shorten the pool key or the component name");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$")]
    private static partial Regex AwsNameCharacters();
}
