using System.Diagnostics;
using System.Globalization;
using Infra.Plan;

namespace Infra.Benchmarks;

/// <summary>
/// <c>bench-plan [--stack NAME]... [--runs N]</c>: plans each stack N times in one process and prints
/// the first (cold: JIT, reflection caches) and the median of the rest (warm), with resource counts.
/// </summary>
public static class PlanBenchmark
{
    /// <summary>Runs the benchmark; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout)
    {
        var layout = ProjectLayout.Find();
        var stacks = new List<string>();
        var runs = 5;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--stack") stacks.Add(args[i + 1]);
            else if (args[i] == "--runs") runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
        }
        if (stacks.Count == 0)
            stacks.AddRange(layout.StackNames());

        foreach (var stack in stacks)
        {
            var times = new List<double>();
            var resources = 0;
            for (var run = 0; run < runs; run++)
            {
                var watch = Stopwatch.StartNew();
                var plan = await StackPlanner.PlanAsync(layout, stack);
                times.Add(watch.Elapsed.TotalMilliseconds);
                resources = plan.Resources.Length;
            }
            var warm = times.Skip(1).Order().ToList();
            var median = warm.Count == 0 ? times[0] : warm[warm.Count / 2];
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"plan {stack}: {resources} resources; first in process {times[0]:F0} ms, warm median {median:F0} ms over {warm.Count} runs"));
        }
        return 0;
    }
}
