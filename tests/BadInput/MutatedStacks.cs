using Infra.Components.Common;
using Infra.Plan;
using Infra.Tests.Harness;

namespace Infra.Tests.BadInput;

/// <summary>
/// Plans the repository's stack files with edits, in memory: the project is the repository's (so
/// relative paths such as prod's forecast history resolve as in a real plan), the stack file text is
/// the edited one. A run ends in a plan or in the refusal it was meant to end in, never anything else.
/// </summary>
public static class MutatedStacks
{
    /// <summary>The text of <c>stacks/Pulumi.&lt;stack&gt;.yaml</c>.</summary>
    public static string Text(string stack) => File.ReadAllText(RepoPaths.Layout.StackFile(stack));

    /// <summary>The stack file of <paramref name="stack"/> with <paramref name="find"/> replaced (it must occur).</summary>
    public static string Edit(string stack, string find, string replace)
    {
        var text = Text(stack);
        if (!text.Contains(find, StringComparison.Ordinal))
            throw new ArgumentException($"'{find}' is not in Pulumi.{stack}.yaml", nameof(find));
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replace + text[(at + find.Length)..];
    }

    /// <summary>The outcome of planning <paramref name="yaml"/> as stack <paramref name="stack"/>.</summary>
    public static async Task<Outcome> PlanAsync(string stack, string yaml)
    {
        try
        {
            var config = StackConfigFile.Parse(new StringReader(yaml), $"Pulumi.{stack}.yaml", RepoPaths.Layout.Name);
            return new Outcome(await StackPlanner.PlanAsync(RepoPaths.Layout, stack, config), null, null);
        }
        catch (InvalidSpecException e)
        {
            return new Outcome(null, e, null);
        }
        catch (InvalidDataException e)
        {
            return new Outcome(null, null, e);
        }
    }

    /// <summary>A plan, a list of keyed problems, or a file-level error (one line with file and line).</summary>
    public sealed record Outcome(StackPlan? Plan, InvalidSpecException? Refusal, InvalidDataException? FileError)
    {
        /// <summary>Keys of the problems.</summary>
        public IReadOnlyList<string> Keys => Refusal?.Problems.Select(p => p.Key).ToList() ?? [];

        /// <summary>The problem at <paramref name="key"/>; fails when there is none.</summary>
        public SpecProblem Problem(string key)
            => Refusal?.Problems.FirstOrDefault(p => p.Key == key)
               ?? throw new Xunit.Sdk.XunitException($"no problem at {key}; got: {Refusal?.Message ?? FileError?.Message ?? "a plan"}");

        public override string ToString() => Refusal?.Message ?? FileError?.Message ?? $"plan of {Plan!.Resources.Length} resources";
    }
}
