using System.Diagnostics;
using System.Globalization;
using Infra.Plan;
using Pulumi;

namespace Infra.Benchmarks;

/// <summary>
/// <c>bench-engine [--resources N] [--runs N]</c>: times a program of N resources (components with
/// custom children, inputs wired from other resources' outputs) under Pulumi's mock engine, the
/// way every test and every plan runs. Prints the first (cold) run and the median of the rest.
/// </summary>
public static class EngineBenchmark
{
    /// <summary>Runs the benchmark; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout)
    {
        var resources = 500;
        var runs = 7;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--resources") resources = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            else if (args[i] == "--runs") runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
        }

        var times = new List<double>();
        var count = 0;
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            var result = await PlanRecorder.RunAsync("bench", "bench", () => Program(resources));
            watch.Stop();
            times.Add(watch.Elapsed.TotalMilliseconds);
            count = result.Plan.Resources.Length;
        }

        var warm = times.Skip(1).Order().ToList();
        var median = warm.Count == 0 ? times[0] : warm[warm.Count / 2];
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"engine: {count} resources registered per run; cold {times[0]:F0} ms, warm median {median:F0} ms over {warm.Count} runs ({median / count:F2} ms per resource)"));
        return 0;
    }

    /// <summary>Groups of one component and nine children, the way real stacks nest: each group's
    /// children take inputs from a sibling's outputs, so registrations wait on each other.</summary>
    private static IDictionary<string, object?> Program(int resources)
    {
        var groups = Math.Max(1, resources / 10);
        for (var g = 0; g < groups; g++)
        {
            var group = new BenchGroup($"group-{g}");
            var options = new CustomResourceOptions { Parent = group };
            var vpc = new Pulumi.Aws.Ec2.Vpc($"vpc-{g}", new Pulumi.Aws.Ec2.VpcArgs { CidrBlock = "10.0.0.0/16" }, options);
            for (var s = 0; s < 8; s++)
            {
                _ = new Pulumi.Aws.Ec2.Subnet($"subnet-{g}-{s}", new Pulumi.Aws.Ec2.SubnetArgs
                {
                    VpcId = vpc.Id,
                    CidrBlock = $"10.0.{s}.0/24",
                    Tags = { { "group", g.ToString(CultureInfo.InvariantCulture) } },
                }, options);
            }
        }
        return new Dictionary<string, object?>();
    }

    private sealed class BenchGroup : ComponentResource
    {
        public BenchGroup(string name) : base("infra:bench:Group", name)
        {
            RegisterOutputs();
        }
    }
}
