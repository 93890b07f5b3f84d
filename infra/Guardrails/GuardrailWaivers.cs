using System.Collections.Immutable;
using System.Text.Json;
using Infra.Components.Common;

namespace Infra.Guardrails;

/// <summary>
/// Waivers a stack writes under <c>infra:waivers</c>: a rule id and the reason it does not apply, e.g.
/// <c>INFRA-LOG-001: "dev keeps no access logs: short-lived, no user traffic"</c>. A waiver names a known
/// rule and gives a reason, or it is a problem.
/// </summary>
public static class GuardrailWaivers
{
    /// <summary>The config key (without the namespace).</summary>
    public const string Key = "waivers";

    /// <summary>Every problem with <paramref name="waivers"/>, keyed <c>{at}.{ruleId}</c>.</summary>
    public static IEnumerable<SpecProblem> FindProblems(IReadOnlyDictionary<string, string?> waivers, string at)
    {
        foreach (var (id, reason) in waivers)
        {
            if (GuardrailRules.Find(id) is null)
                yield return new($"{at}.{id}", reason, $"not a guardrail rule; waive one of {string.Join(", ", GuardrailRules.All.Select(r => r.Id))}");
            else if (string.IsNullOrWhiteSpace(reason))
                yield return new($"{at}.{id}", reason, "write why the rule does not apply to this stack (a waiver needs a reason)");
        }
    }

    /// <summary>The waivers in the JSON text of <c>infra:waivers</c> (as the CLI passes structured config);
    /// empty when absent or unreadable (the settings reader reports those).</summary>
    public static ImmutableSortedDictionary<string, string> Parse(string? json)
    {
        var waivers = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
            return waivers.ToImmutable();
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
                foreach (var waiver in document.RootElement.EnumerateObject())
                    if (waiver.Value.ValueKind == JsonValueKind.String)
                        waivers[waiver.Name] = waiver.Value.GetString()!;
        }
        catch (JsonException)
        {
            // Reported by the settings reader.
        }
        return waivers.ToImmutable();
    }
}
