using System.Collections.Concurrent;
using Infra.Plan;
using Infra.Tests.Harness;

namespace Infra.Tests.Stacks;

/// <summary>Plans of the repository's stacks, each made once per test run (planning is deterministic).</summary>
public static class StackPlans
{
    /// <summary>Every stack with a stack file.</summary>
    public static readonly string[] Names = [.. RepoPaths.Layout.StackNames()];

    private static readonly ConcurrentDictionary<string, Lazy<Task<StackPlan>>> Plans = new();

    /// <summary>The plan of <paramref name="stack"/>, from stacks/Pulumi.&lt;stack&gt;.yaml.</summary>
    public static Task<StackPlan> Of(string stack)
        => Plans.GetOrAdd(stack, s => new Lazy<Task<StackPlan>>(() => StackPlanner.PlanAsync(RepoPaths.Layout, s))).Value;
}
