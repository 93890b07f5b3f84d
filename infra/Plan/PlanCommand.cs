using Pulumi;

namespace Infra.Plan;

/// <summary>
/// <c>plan --stack NAME [--json] [--out FILE] [--against FILE] [--preview]</c>: what a stack would
/// create, offline. With <c>--against</c> it prints the difference from a saved plan (a credential-less
/// diff for pull requests).
/// </summary>
public static class PlanCommand
{
    private const string Usage =
        "usage: plan --stack NAME [--json] [--out FILE] [--against FILE [--format text|markdown]] [--preview]\n" +
        "  --stack NAME     stack to plan (stacks/Pulumi.NAME.yaml)\n" +
        "  --json           print the plan as JSON instead of a tree\n" +
        "  --out FILE       also save the plan as JSON to FILE\n" +
        "  --against FILE   print what changed since the plan saved in FILE\n" +
        "  --format markdown  with --against: the difference as Markdown for a pull-request comment\n" +
        "  --preview        plan as `pulumi preview` sees it (outputs of new resources unknown)";

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, ProjectLayout? layout = null)
    {
        string? stack = null, outFile = null, against = null;
        bool json = false, preview = false;
        string format = "text";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--stack" when i + 1 < args.Length: stack = args[++i]; break;
                case "--out" when i + 1 < args.Length: outFile = args[++i]; break;
                case "--against" when i + 1 < args.Length: against = args[++i]; break;
                case "--json": json = true; break;
                case "--format" when i + 1 < args.Length && args[i + 1] is "text" or "markdown": format = args[++i]; break;
                case "--preview": preview = true; break;
                case "-h" or "--help":
                    stdout.WriteLine(Usage);
                    return 0;
                default:
                    stderr.WriteLine($"plan: unknown or incomplete option '{args[i]}'\n{Usage}");
                    return 2;
            }
        }
        if (stack == null)
        {
            stderr.WriteLine($"plan: --stack is required\n{Usage}");
            return 2;
        }

        StackPlan plan;
        try
        {
            plan = await StackPlanner.PlanAsync(layout ?? ProjectLayout.Find(), stack, preview);
        }
        catch (Exception e) when (e is RunException or AggregateException or FileNotFoundException or InvalidDataException)
        {
            stderr.WriteLine($"plan: stack '{stack}' cannot be planned:");
            stderr.WriteLine(ErrorText(e));
            return 1;
        }

        if (outFile != null)
            await File.WriteAllTextAsync(outFile, PlanJson.Write(plan));

        if (against != null)
        {
            var saved = PlanJson.Read(await File.ReadAllTextAsync(against));
            var diff = PlanDiff.Between(saved, plan);
            stdout.Write(format == "markdown" ? PlanMarkdown.Render(stack, diff) : diff.Render());
            return 0;
        }

        stdout.Write(json ? PlanJson.Write(plan) + Environment.NewLine : PlanRenderer.Render(plan));
        return 0;
    }

    /// <summary>The messages of a failed run, without the engine's wrapping.</summary>
    public static string ErrorText(Exception e) => e switch
    {
        AggregateException aggregate => string.Join(Environment.NewLine, aggregate.InnerExceptions.Select(ErrorText)),
        _ => e.Message,
    };
}
