using System.Collections.Immutable;
using Infra.Plan;
using static Infra.Guardrails.GuardrailPlan;

namespace Infra.Guardrails;

/// <summary>Workloads on Kubernetes: probes, no privilege, limits, disruption budgets, network policies.</summary>
public static class KubernetesRules
{
    /// <summary>Workload types whose pod template lives at <c>spec.template</c>.</summary>
    public static readonly ImmutableArray<string> Workloads =
        ["kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet", "kubernetes:apps/v1:DaemonSet"];

    private const string Pod = "kubernetes:core/v1:Pod";
    private const string DisruptionBudget = "kubernetes:policy/v1:PodDisruptionBudget";
    private const string NetworkPolicy = "kubernetes:networking.k8s.io/v1:NetworkPolicy";

    /// <summary>INFRA-K8S-001.</summary>
    public static readonly GuardrailRule Probes = new(
        "INFRA-K8S-001",
        "Readiness and liveness probes on every container",
        "give each container a readinessProbe (traffic only when ready) and a livenessProbe (restart when stuck)",
        plan => Containers(plan).SelectMany(c =>
            new[] { "readinessProbe", "livenessProbe" }.Where(p => !c.Container.ContainsKey(p))
                .Select(p => new GuardrailFinding(c.Workload, $"container {Text(c.Container, "name")} has no {p}"))));

    /// <summary>INFRA-K8S-002.</summary>
    public static readonly GuardrailRule NoPrivilege = new(
        "INFRA-K8S-002",
        "No privileged pod",
        "drop privileged, allowPrivilegeEscalation, hostNetwork and hostPID; run as non-root",
        Privilege);

    /// <summary>INFRA-K8S-003.</summary>
    public static readonly GuardrailRule Limits = new(
        "INFRA-K8S-003",
        "CPU and memory limits on every container",
        "set resources.limits.cpu and resources.limits.memory (and requests) on each container",
        plan => Containers(plan).SelectMany(c =>
            new[] { "cpu", "memory" }.Where(r => At(c.Container, $"resources.limits.{r}") == null)
                .Select(r => new GuardrailFinding(c.Workload, $"container {Text(c.Container, "name")} has no {r} limit"))));

    /// <summary>INFRA-K8S-004.</summary>
    public static readonly GuardrailRule DisruptionBudgets = new(
        "INFRA-K8S-004",
        "A PodDisruptionBudget for every workload of more than one replica",
        "add a PodDisruptionBudget (policy/v1) selecting the workload's pods, e.g. maxUnavailable: 1",
        Budgets);

    /// <summary>INFRA-K8S-005.</summary>
    public static readonly GuardrailRule NetworkPolicies = new(
        "INFRA-K8S-005",
        "A NetworkPolicy selects every workload's pods",
        "add a NetworkPolicy in the workload's namespace whose podSelector matches its pods (admitting only the ingress controller)",
        Policies);

    /// <summary>The Kubernetes rules, in report order.</summary>
    public static readonly ImmutableArray<GuardrailRule> All = [Probes, NoPrivilege, Limits, DisruptionBudgets, NetworkPolicies];

    private static IEnumerable<(PlannedResource Workload, string PodPath)> PodSpecs(GuardrailPlan plan)
        => Workloads.SelectMany(plan.OfType).Select(w => (w, "spec.template.spec"))
            .Concat(plan.OfType(Pod).Select(p => (p, "spec")));

    private static IEnumerable<(PlannedResource Workload, IReadOnlyDictionary<string, object?> Container)> Containers(GuardrailPlan plan)
        => PodSpecs(plan).SelectMany(p => Blocks(p.Workload.Inputs, $"{p.PodPath}.containers").Select(c => (p.Workload, c)));

    private static IEnumerable<GuardrailFinding> Privilege(GuardrailPlan plan)
    {
        foreach (var (workload, path) in PodSpecs(plan))
        {
            foreach (var host in new[] { "hostNetwork", "hostPID", "hostIPC" }.Where(h => IsTrue(workload.Inputs, $"{path}.{h}")))
                yield return new(workload, $"the pod sets {host}");
            foreach (var container in Blocks(workload.Inputs, $"{path}.containers").Concat(Blocks(workload.Inputs, $"{path}.initContainers")))
            {
                if (IsTrue(container, "securityContext.privileged"))
                    yield return new(workload, $"container {Text(container, "name")} is privileged");
                if (IsTrue(container, "securityContext.allowPrivilegeEscalation"))
                    yield return new(workload, $"container {Text(container, "name")} allows privilege escalation");
            }
        }
    }

    private static string Namespace(PlannedResource resource) => Text(resource.Inputs, "metadata.namespace") ?? "default";

    private static IReadOnlyDictionary<string, object?> Labels(object? root, string path)
        => At(root, path) as IReadOnlyDictionary<string, object?> ?? ImmutableDictionary<string, object?>.Empty;

    /// <summary>Whether every label of <paramref name="selector"/> is among <paramref name="labels"/> (an empty selector selects all).</summary>
    private static bool Selects(IReadOnlyDictionary<string, object?> selector, IReadOnlyDictionary<string, object?> labels)
        => selector.All(s => labels.TryGetValue(s.Key, out var v) && Equals(v, s.Value));

    private static IEnumerable<GuardrailFinding> Budgets(GuardrailPlan plan)
    {
        var budgets = plan.OfType(DisruptionBudget).ToList();
        foreach (var workload in plan.OfType("kubernetes:apps/v1:Deployment").Concat(plan.OfType("kubernetes:apps/v1:StatefulSet")))
        {
            // Kubernetes defaults replicas to 1; an autoscaled workload sets more than one.
            if ((Number(workload.Inputs, "spec.replicas") ?? 1) <= 1)
                continue;
            var labels = Labels(workload.Inputs, "spec.template.metadata.labels");
            if (!budgets.Any(b => Namespace(b) == Namespace(workload) && Labels(b.Inputs, "spec.selector.matchLabels") is { Count: > 0 } selector && Selects(selector, labels)))
                yield return new(workload, $"runs {Number(workload.Inputs, "spec.replicas")} replicas without a PodDisruptionBudget");
        }
    }

    private static IEnumerable<GuardrailFinding> Policies(GuardrailPlan plan)
    {
        var policies = plan.OfType(NetworkPolicy).ToList();
        foreach (var (workload, path) in PodSpecs(plan))
        {
            var labels = Labels(workload.Inputs, path == "spec" ? "metadata.labels" : "spec.template.metadata.labels");
            if (!policies.Any(p => Namespace(p) == Namespace(workload) && Selects(Labels(p.Inputs, "spec.podSelector.matchLabels"), labels)))
                yield return new(workload, $"no NetworkPolicy in namespace {Namespace(workload)} selects its pods");
        }
    }
}
