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
        "usage: plan --stack NAME [--json] [--out FILE] [--against FILE [--format text|markdown]] [--preview] [--check]\n" +
        "  --stack NAME     stack to plan (stacks/Pulumi.NAME.yaml)\n" +
        "  --json           print the plan as JSON instead of a tree\n" +
        "  --out FILE       also save the plan as JSON to FILE\n" +
        "  --against FILE   print what changed since the plan saved in FILE\n" +
        "  --format markdown  with --against: the difference as Markdown for a pull-request comment\n" +
        "  --preview        plan as `pulumi preview` sees it (outputs of new resources unknown)\n" +
        "  --check          exit 4 when a guardrail rule is violated and not waived (infra:waivers)\n" +
        "exit codes: 0 planned (and, with --check, no unwaived violation), 1 the stack cannot be planned,\n" +
        "  2 usage error, 3 a file named by --out or --against cannot be used, 4 --check found guardrail violations";

    /// <summary>Exit code of <c>plan --check</c> when a guardrail rule is violated and not waived.</summary>
    public const int GuardrailViolationsExitCode = 4;

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, ProjectLayout? layout = null)
    {
        string? stack = null, outFile = null, against = null;
        bool json = false, preview = false, check = false;
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
        if (!StackNames.IsValid(stack))
        {
            stderr.WriteLine($"plan: '{StackNames.Show(stack)}' is not a stack name: {StackNames.Rule}");
            return 2;
        }

        // The saved plan is read first: a wrong file is reported before the plan's work is done.
        StackPlan? saved = null;
        if (against != null)
        {
            if (ReadSaved(against, stderr) is not { } read)
                return FileError;
            saved = read;
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

        if (saved != null && (saved.Stack != plan.Stack || saved.Project != plan.Project))
        {
            stderr.WriteLine($"plan: --against {against}: a plan of stack '{saved.Stack}' of project '{saved.Project}', not of '{plan.Stack}' of '{plan.Project}'; " +
                             $"compare with a plan saved by plan --stack {plan.Stack} --out FILE");
            return FileError;
        }

        if (outFile != null)
        {
            try
            {
                await File.WriteAllTextAsync(outFile, PlanJson.Write(plan));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                stderr.WriteLine($"plan: --out {outFile}: cannot write it ({Reason(e)}); name a file in an existing, writable folder");
                return FileError;
            }
        }

        // The same verdict for users and CI: after the tree, or on stderr where stdout is JSON or a diff.
        var guardrails = GuardrailReport.Of(plan);
        var verdict = check && !guardrails.Passes ? GuardrailViolationsExitCode : 0;
        if (saved != null)
        {
            var diff = PlanDiff.Between(saved, plan);
            stdout.Write(format == "markdown" ? PlanMarkdown.Render(stack, diff) : diff.Render());
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

    /// <summary>Exit code when a file named by an option cannot be read or written, or is not the plan
    /// it should be.</summary>
    public const int FileError = 3;

    private static StackPlan? ReadSaved(string path, TextWriter stderr)
    {
        try
        {
            if (Directory.Exists(path))
                throw new InvalidDataException("is a folder; give the plan file saved by plan --out");
            if (!File.Exists(path))
                throw new InvalidDataException("no such file; save one with plan --stack NAME --out FILE");
            // Plans of real stacks are a few hundred kilobytes; anything far larger is not one.
            if (new FileInfo(path).Length > MaxPlanBytes)
                throw new InvalidDataException($"larger than {MaxPlanBytes / (1024 * 1024)} MB, so not a saved plan");
            return PlanJson.Read(File.ReadAllText(path));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"plan: --against {path}: {(e is InvalidDataException ? e.Message : $"cannot read it ({Reason(e)})")}");
            return null;
        }
    }

    /// <summary>Largest file <c>--against</c> reads.</summary>
    public const long MaxPlanBytes = 64L * 1024 * 1024;

    private static string Reason(Exception e) => e switch
    {
        DirectoryNotFoundException => "its folder does not exist",
        UnauthorizedAccessException => "permission denied",
        _ => e.Message.ReplaceLineEndings(" "),
    };

    /// <summary>The messages of a failed run, without the engine's wrapping.</summary>
    public static string ErrorText(Exception e) => e switch
    {
        AggregateException aggregate => string.Join(Environment.NewLine, aggregate.InnerExceptions.Select(ErrorText)),
        _ => e.Message,
    };
}
