using System.Diagnostics;
using System.Globalization;
using Infra.Components.Common;
using Infra.Plan;

namespace Infra.Benchmarks;

/// <summary>
/// <c>bench-validation [--files N] [--seed S]</c>: how many generated stack files per second the
/// validation path handles. Each file is a <see cref="StackMutations"/> mutation of a real stack file,
/// read by the YAML reader and planned (StackPlanner.PlanAsync: settings, validation, and for the files
/// that pass, the whole program under the mock engine). Prints files per second overall and by
/// outcome. A figure, not a test.
/// </summary>
public static class ValidationBenchmark
{
    /// <summary>Runs the benchmark; returns the process exit code (1 when a file crashed the plan).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        int files = 2000, seed = 12;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--files" && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0) files = n;
            else if (args[i] == "--seed" && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var s)) seed = s;
            else
            {
                Console.Error.WriteLine("usage: bench-validation [--files N] [--seed S]");
                return 2;
            }
        }
        var layout = ProjectLayout.Find();
        var stacks = layout.StackNames().ToList();
        var texts = stacks.ToDictionary(s => s, s => File.ReadAllText(layout.StackFile(s)));
        var random = new Random(seed);
        var mutated = Enumerable.Range(0, files).Select(_ =>
        {
            var stack = stacks[random.Next(stacks.Count)];
            var mutation = new StackMutation(stack, StackMutation.Kinds[random.Next(StackMutation.Kinds.Count)], random.Next(100_000), random.Next(1000));
            return StackMutations.Apply(texts[stack], mutation);
        }).ToList();

        // One warm-up plan per stack: JIT and reflection caches are not what is measured.
        foreach (var stack in stacks)
            await StackPlanner.PlanAsync(layout, stack);

        var times = new Dictionary<string, (int Count, double Ms)>();
        var crashes = 0;
        var total = Stopwatch.StartNew();
        foreach (var file in mutated)
        {
            var watch = Stopwatch.StartNew();
            string outcome;
            try
            {
                var config = StackConfigFile.Parse(new StringReader(file.Yaml), $"Pulumi.{file.Mutation.Stack}.yaml", layout.Name);
                await StackPlanner.PlanAsync(layout, file.Mutation.Stack, config);
                outcome = "planned";
            }
            catch (InvalidSpecException)
            {
                outcome = "refused";
            }
            catch (InvalidDataException)
            {
                outcome = "file error";
            }
#pragma warning disable CA1031 // A crash is what the benchmark counts, whatever its type.
            catch (Exception e)
#pragma warning restore CA1031
            {
                outcome = "crashed";
                crashes++;
                Console.Error.WriteLine($"bench-validation: {file.Mutation} ({file.Description}) crashed: {LastResort.Line(e)}");
            }
            var (count, ms) = times.GetValueOrDefault(outcome);
            times[outcome] = (count + 1, ms + watch.Elapsed.TotalMilliseconds);
        }
        var seconds = total.Elapsed.TotalSeconds;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"validation: {files} generated stack files (seed {seed}, {string.Join(", ", stacks)}) in {seconds:F2} s: {files / seconds:F0} files/s"));
        foreach (var (outcome, (count, ms)) in times.OrderBy(t => t.Key, StringComparer.Ordinal))
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {outcome,-10} {count,5} files, {count / (ms / 1000):F0} files/s ({ms / count:F2} ms each)"));
        return crashes == 0 ? 0 : 1;
    }
}
