using Infra.Plan;
using Pulumi;

namespace Infra.Drill;

/// <summary>
/// <c>drill --stack NAME [--fail ENDPOINT[,ENDPOINT...]]</c>: plans a stack offline and simulates its
/// DNS failover, for every combination of endpoints down or for the given ones.
/// </summary>
public static class DrillCommand
{
    /// <summary>Exit code when an endpoint is up but some clients are still sent to a down one.</summary>
    public const int AvoidableOutageExitCode = 3;

    private const string Usage =
        "usage: drill --stack NAME [--fail ENDPOINT[,ENDPOINT...]]\n" +
        "  --stack NAME    stack to plan (stacks/Pulumi.NAME.yaml)\n" +
        "  --fail LIST     simulate these endpoints down (default: every combination)\n" +
        "exit status: 0 fine, 1 the stack cannot be planned or has no failover DNS, 2 usage,\n" +
        "             3 an endpoint is up but clients are sent to a down one";

    /// <summary>Runs the command; returns the process exit code.</summary>
    /// <param name="args">The arguments after <c>drill</c>.</param>
    /// <param name="stdout">Where the report goes.</param>
    /// <param name="stderr">Where usage and errors go.</param>
    /// <param name="layout">The project; found from the working directory when null.</param>
    /// <param name="program">The program to plan; the Infra program when null.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr,
        ProjectLayout? layout = null, Func<IDictionary<string, object?>>? program = null)
    {
        string? stack = null;
        List<string>? down = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--stack" when i + 1 < args.Length: stack = args[++i]; break;
                case "--fail" when i + 1 < args.Length:
                    down = [.. args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    break;
                case "-h" or "--help":
                    stdout.WriteLine(Usage);
                    return 0;
                default:
                    stderr.WriteLine($"drill: unknown or incomplete option '{args[i]}'\n{Usage}");
                    return 2;
            }
        }
        if (stack is null)
        {
            stderr.WriteLine($"drill: --stack is required\n{Usage}");
            return 2;
        }
        if (!StackNames.IsValid(stack))
        {
            stderr.WriteLine($"drill: '{StackNames.Show(stack)}' is not a stack name: {StackNames.Rule}");
            return 2;
        }

        StackPlan plan;
        try
        {
            plan = await StackPlanner.PlanAsync(layout ?? ProjectLayout.Find(), stack, program: program);
        }
        catch (Exception e) when (e is RunException or AggregateException or FileNotFoundException or InvalidDataException)
        {
            stderr.WriteLine($"drill: stack '{stack}' cannot be planned:");
            stderr.WriteLine(PlanCommand.ErrorText(e));
            return 1;
        }

        var targets = FailoverDrill.Targets(plan);
        if (targets.IsEmpty)
        {
            stderr.WriteLine($"drill: stack '{stack}' plans no DNS name that fails over (no Route 53 failover, weighted or latency records, no Traffic Manager profile).");
            return 1;
        }
        var known = targets.SelectMany(t => t.Endpoints.Select(e => e.Name)).ToHashSet();
        if (down?.Where(name => !known.Contains(name)).ToList() is { Count: > 0 } unknown)
        {
            stderr.WriteLine($"drill: no endpoint named {string.Join(", ", unknown)} in stack '{stack}'; endpoints: {string.Join(", ", known.Order(StringComparer.Ordinal))}");
            return 2;
        }

        var results = targets.Select(target => FailoverDrill.Run(target, down)).ToList();
        stdout.Write(DrillReport.Render(stack, results));
        return results.Any(r => r.AvoidableOutages.Any()) ? AvoidableOutageExitCode : 0;
    }
}
