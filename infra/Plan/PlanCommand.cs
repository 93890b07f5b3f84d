using Infra.Guardrails;
using Pulumi;

namespace Infra.Plan;

/// <summary>
/// <c>plan --stack NAME [--json] [--out FILE] [--against FILE] [--preview]</c>: what a stack would
/// create, offline. With <c>--against</c> it prints the difference from a saved plan (a credential-less
/// diff for pull requests). Every plan runs the guardrail rules (<see cref="GuardrailRules"/>) and reports
/// their violations; with <c>--check</c> an unwaived violation fails the command (exit code 3).
/// </summary>
public static class PlanCommand
{
    private const string Usage =
        "usage: plan --stack NAME [--json] [--out FILE] [--against FILE] [--preview] [--check]\n" +
        "  --stack NAME     stack to plan (stacks/Pulumi.NAME.yaml)\n" +
        "  --json           print the plan as JSON instead of a tree\n" +
        "  --out FILE       also save the plan as JSON to FILE\n" +
        "  --against FILE   print what changed since the plan saved in FILE\n" +
        "  --preview        plan as `pulumi preview` sees it (outputs of new resources unknown)\n" +
        "  --check          exit 3 when a guardrail rule is violated and not waived (infra:waivers)\n" +
        "exit codes: 0 planned (and, with --check, no unwaived violation), 1 the stack cannot be planned,\n" +
        "  2 usage error, 3 --check found guardrail violations";

    /// <summary>Exit code of <c>plan --check</c> when a guardrail rule is violated and not waived.</summary>
    public const int GuardrailViolationsExitCode = 3;

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, ProjectLayout? layout = null)
    {
        string? stack = null, outFile = null, against = null;
        bool json = false, preview = false, check = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--stack" when i + 1 < args.Length: stack = args[++i]; break;
                case "--out" when i + 1 < args.Length: outFile = args[++i]; break;
                case "--against" when i + 1 < args.Length: against = args[++i]; break;
                case "--json": json = true; break;
                case "--preview": preview = true; break;
                case "--check": check = true; break;
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

        // The same verdict for users and CI: after the tree, or on stderr where stdout is JSON or a diff.
        var guardrails = GuardrailReport.Of(plan);
        var verdict = check && !guardrails.Passes ? GuardrailViolationsExitCode : 0;
        if (against != null)
        {
            var saved = PlanJson.Read(await File.ReadAllTextAsync(against));
            stdout.Write(PlanDiff.Between(saved, plan).Render());
            stderr.Write(guardrails.Render());
            return verdict;
        }

        if (json)
        {
            stdout.Write(PlanJson.Write(plan) + Environment.NewLine);
            stderr.Write(guardrails.Render());
        }
        else
        {
            stdout.Write(PlanRenderer.Render(plan));
            stdout.WriteLine();
            stdout.Write(guardrails.Render());
        }
        return verdict;
    }

    /// <summary>The messages of a failed run, without the engine's wrapping.</summary>
    public static string ErrorText(Exception e) => e switch
    {
        AggregateException aggregate => string.Join(Environment.NewLine, aggregate.InnerExceptions.Select(ErrorText)),
        _ => e.Message,
    };
}
