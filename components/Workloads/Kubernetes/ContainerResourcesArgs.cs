using System.Text.RegularExpressions;
using Infra.Components.Common;
using Pulumi;

namespace Infra.Components.Workloads.Kubernetes;

/// <summary>CPU and memory a container asks for (requests: what the scheduler reserves and what HPA
/// utilisation is measured against) and may use at most (limits), as Kubernetes quantities.</summary>
public sealed partial class ContainerResourcesArgs : ResourceArgs
{
    /// <summary>CPU reserved, e.g. "250m" (a quarter core).</summary>
    /// <remarks>Default: "250m".</remarks>
    [Input("cpuRequest")] public string CpuRequest { get; set; } = "250m";

    /// <summary>Memory reserved, e.g. "256Mi".</summary>
    /// <remarks>Default: "256Mi".</remarks>
    [Input("memoryRequest")] public string MemoryRequest { get; set; } = "256Mi";

    /// <summary>Most CPU used; above it the container is throttled.</summary>
    /// <remarks>Default: "1".</remarks>
    [Input("cpuLimit")] public string CpuLimit { get; set; } = "1";

    /// <summary>Most memory used; above it the container is killed (OOM).</summary>
    /// <remarks>Default: "512Mi".</remarks>
    [Input("memoryLimit")] public string MemoryLimit { get; set; } = "512Mi";

    /// <summary>Every problem in these settings, keyed under <paramref name="at"/>.</summary>
    public IEnumerable<SpecProblem> FindProblems(string at)
    {
        foreach (var (key, value) in new[] { ("cpuRequest", CpuRequest), ("memoryRequest", MemoryRequest), ("cpuLimit", CpuLimit), ("memoryLimit", MemoryLimit) })
            if (string.IsNullOrEmpty(value) || !QuantityPattern().IsMatch(value))
                yield return new($"{at}.{key}", value, "write a Kubernetes quantity such as 250m, 1, 256Mi or 1Gi; every container needs requests and limits");
    }

    [GeneratedRegex(@"^\d+(\.\d+)?(m|k|M|G|T|Ki|Mi|Gi|Ti)?$")]
    private static partial Regex QuantityPattern();
}
