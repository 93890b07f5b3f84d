using System.Text.RegularExpressions;
using Infra.Components.Common;
using Infra.Components.LoadBalancing;
using Infra.Settings;

namespace Infra.Sites;

/// <summary>
/// Validates a whole stack before anything is created, in <c>plan</c> and under <c>pulumi up</c>
/// alike: the cloud-neutral service description once, then what each cloud in use refuses in it,
/// then each site's own settings, then failover. Every problem is keyed from the stack file's root.
/// </summary>
public static partial class StackValidation
{
    private const string ServiceAt = "infra:service";

    /// <summary>Fewest instances a prod stack may run: one per zone of the two zones every network has at least.</summary>
    public const int ProdMinSize = 2;

    /// <summary>Most instances a site's group may grow to: an Azure scale set holds at most 1000 VMs
    /// (https://learn.microsoft.com/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-placement-groups),
    /// and an AWS group that large needs an EC2 vCPU quota far above any account's default; a larger
    /// maxSize is a typo, not a plan.</summary>
    public const int MaxInstancesPerSite = 1000;

    /// <summary>Every problem in <paramref name="stack"/>.</summary>
    public static IEnumerable<SpecProblem> FindProblems(StackSettings stack)
    {
        var problems = new List<SpecProblem>();
        var service = stack.Service;

        // A stack named for an environment is that environment: prod's file saying dev would plan prod
        // with dev's relaxed checks (and tag its resources dev).
        if (StackSettings.EnvironmentOfStackName(stack.StackName) is { } named && stack.Environment.Length > 0 && stack.Environment != named)
            problems.Add(new SpecProblem("infra:environment", stack.Environment,
                $"stack '{stack.StackName}' is the {named} environment; set infra:environment to {named} (or run this file as another stack)"));
        if (stack.Environment == "prod" && service.Scaling is { } prodScaling && prodScaling.MinSize < ProdMinSize)
            problems.Add(new SpecProblem($"{ServiceAt}.scaling.minSize", prodScaling.MinSize,
                $"prod keeps at least {ProdMinSize} instances, so that losing one instance or one zone leaves the service running; raise it to {ProdMinSize} or more"));

        if (string.IsNullOrWhiteSpace(service.Name))
            problems.Add(new SpecProblem($"{ServiceAt}.name", service.Name, "name the service, e.g. web; it prefixes every resource"));
        else if (!NamePart().IsMatch(service.Name))
            problems.Add(new SpecProblem($"{ServiceAt}.name", service.Name, NamePartFix));
        if (service.LoadBalancer is null)
            problems.Add(new SpecProblem($"{ServiceAt}.loadBalancer", null, "describe the load balancer: listeners, pools, who may connect"));
        else if (stack.Sites.Count == 0)
            problems.AddRange(service.LoadBalancer.FindProblems($"{ServiceAt}.loadBalancer"));
        else
            // Validated as each site runs it, since a site fills in its own certificate; a problem of the
            // description itself is the same for every site and is reported once.
            foreach (var site in stack.Sites)
                problems.AddRange(SiteAdapters.For(site).LoadBalancerOf(stack, site)!.FindProblems($"{ServiceAt}.loadBalancer"));
        if (service.Scaling is null)
            problems.Add(new SpecProblem($"{ServiceAt}.scaling", null, "set minSize, maxSize and at least one scaling policy"));
        else
            problems.AddRange(ForecastPointed(service, stack.ScalingWithSchedule()!.FindProblems($"{ServiceAt}.scaling")));
        if (service.Scaling is { MaxSize: > MaxInstancesPerSite } large)
            problems.Add(new SpecProblem($"{ServiceAt}.scaling.maxSize", large.MaxSize,
                $"at most {MaxInstancesPerSite} instances per site (an Azure scale set's limit; far beyond AWS's default vCPU quotas); lower it"));
        if (service.LoadBalancer is { } exposed)
        {
            problems.AddRange(ListenerExposure.FindProblems(exposed, $"{ServiceAt}.loadBalancer"));
            for (var i = 0; i < exposed.AllowedCidrs.Count; i++)
                problems.AddRange(Cidrs.FindCanonicalProblems(exposed.AllowedCidrs[i], $"{ServiceAt}.loadBalancer.allowedCidrs[{i}]"));
        }
        if (service.Alerts is null)
            problems.Add(new SpecProblem($"{ServiceAt}.alerts", null, "remove the empty alerts key, or set thresholds"));
        else
            problems.AddRange(service.Alerts.FindProblems($"{ServiceAt}.alerts"));

        if (stack.Sites.Count == 0)
            problems.Add(new SpecProblem(stack.SitesAt, "[]", "list at least one site, e.g. {cloud: aws, region: us-east-1, network: {...}}"));
        for (var i = 0; i < stack.Sites.Count; i++)
        {
            var site = stack.Sites[i];
            var at = $"{stack.SitesAt}[{i}]";
            if (stack.Sites.Take(i).FirstOrDefault(s => s.Key == site.Key && site.Key.Length > 0) is { } first)
                problems.Add(new SpecProblem(site.Name is null ? $"{at}.{WhereKey(site)}" : $"{at}.name", site.Key,
                    $"{stack.SitesAt}[{IndexOf(stack, first)}] has the same key; give one of them a distinct name (its resources are named after it)"));
            if (site.Name is not null && !NamePart().IsMatch(site.Name))
                problems.Add(new SpecProblem($"{at}.name", site.Name, NamePartFix));
            else if (site.Name is null && site.Where is { Length: > 0 } where && !NamePart().IsMatch(where))
                problems.Add(new SpecProblem($"{at}.name", null,
                    $"the site's {WhereKey(site)} \"{where}\" cannot name its resources; give the site a name: {NamePartFix[4..]}"));
            problems.AddRange(SiteAdapters.For(site).FindSiteProblems(stack, site, at));
        }

        // Only what the neutral description lets through is worth each cloud's own refusals.
        if (service.LoadBalancer is not null && service.Scaling is not null)
            foreach (var adapter in stack.Sites.Select(SiteAdapters.For).Distinct())
                problems.AddRange(adapter.FindServiceProblems(stack));

        if (stack.Failover is not null)
            problems.AddRange(FailoverDesign.FindProblems(stack));

        // The same problem found for two sites of one cloud is reported once.
        return problems.DistinctBy(p => (p.Key, p.Fix));
    }

    // Service and site names become parts of names on every cloud: the common ground of AWS load
    // balancer names, Azure DNS labels and Kubernetes DNS-1123 labels.
    private const string NamePartFix = "use 1 to 32 lower-case letters, digits and inner hyphens, starting with a letter; it becomes part of resource names on every cloud";

    [GeneratedRegex("^[a-z]([a-z0-9-]{0,30}[a-z0-9])?$")]
    private static partial Regex NamePart();

    /// <summary>The key naming where a site runs: region or location.</summary>
    public static string WhereKey(SiteSettings site) => site switch
    {
        AwsSiteSettings => "region",
        KubernetesSiteSettings => "cluster",
        _ => "location",
    };

    private static int IndexOf(StackSettings stack, SiteSettings site) => stack.Sites.ToList().IndexOf(site);

    /// <summary>A stack file gets its schedule from <c>infra:service.forecast</c>, so a missing one
    /// points there; when the forecast block exists, its own problems already say why no schedule came.</summary>
    private static IEnumerable<SpecProblem> ForecastPointed(ServiceSettings service, IEnumerable<SpecProblem> problems)
    {
        const string schedule = "infra:service.scaling.predictive.schedule";
        foreach (var problem in problems)
        {
            if (problem.Key != schedule || problem.Value is not null)
                yield return problem;
            else if (service.Forecast is null)
                yield return new SpecProblem("infra:service.forecast", null,
                    $"scaling.predictive.source {service.Scaling?.Predictive?.Source} follows a schedule planned from load history; " +
                    "add a forecast block (history: a timestamp,value CSV, capacityPerInstance, timeZone) or use source native");
        }
    }
}
