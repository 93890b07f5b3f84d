using System.Collections.Immutable;
using System.Text;
using Infra.Plan;

namespace Infra.Guardrails;

/// <summary>The verdict of every guardrail rule over one plan: the violations, and those a stack waived (with its reason).</summary>
public sealed record GuardrailReport(
    ImmutableArray<GuardrailViolation> Violations,
    ImmutableArray<(GuardrailViolation Violation, string Reason)> Waived,
    ImmutableSortedDictionary<string, string> Waivers)
{
    /// <summary>Whether no unwaived violation is left.</summary>
    public bool Passes => Violations.IsEmpty;

    /// <summary>Runs <paramref name="rules"/> (default: <see cref="GuardrailRules.All"/>) over <paramref name="plan"/>,
    /// setting aside the violations of rules <paramref name="waivers"/> names (default: the plan's own).</summary>
    public static GuardrailReport Of(StackPlan plan, IReadOnlyDictionary<string, string>? waivers = null, IEnumerable<GuardrailRule>? rules = null)
    {
        var waived = (waivers ?? plan.Waivers).ToImmutableSortedDictionary(StringComparer.Ordinal);
        var facts = new GuardrailPlan(plan);
        var all = (rules ?? GuardrailRules.All).SelectMany(r => r.Check(facts)).Distinct().ToList();
        return new GuardrailReport(
            [.. all.Where(v => !waived.ContainsKey(v.RuleId))],
            [.. all.Where(v => waived.ContainsKey(v.RuleId)).Select(v => (v, waived[v.RuleId]))],
            waived);
    }

    /// <summary>The report as <c>plan</c> prints it after the tree.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        if (Violations.IsEmpty)
            text.AppendLine($"Guardrails: {GuardrailRules.All.Length} rules, no violation{(Waivers.Count > 0 ? $" ({Waivers.Count} waived)" : "")}.");
        else
        {
            text.AppendLine($"Guardrails: {Violations.Length} violation{(Violations.Length == 1 ? "" : "s")}:");
            foreach (var v in Violations)
            {
                text.AppendLine($"  {v.RuleId}  {v.Resource}: {v.Message}");
                text.AppendLine($"      fix: {v.Fix}");
            }
        }
        foreach (var (id, reason) in Waivers)
        {
            var count = Waived.Count(w => w.Violation.RuleId == id);
            text.AppendLine($"  waived {id} ({GuardrailRules.Find(id)?.Title ?? "unknown rule"}): \"{reason}\" ({count} violation{(count == 1 ? "" : "s")} set aside)");
        }
        return text.ToString();
    }
}
