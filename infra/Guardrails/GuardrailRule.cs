namespace Infra.Guardrails;

/// <summary>
/// A named policy every plan must keep (in place of a policy pack, and without cloud credentials): an id
/// users can waive by (<c>infra:waivers</c>), a title, the fix, and a check over the planned resources.
/// </summary>
public sealed class GuardrailRule
{
    private readonly Func<GuardrailPlan, IEnumerable<GuardrailFinding>> _check;

    /// <summary>A rule <paramref name="id"/> checking plans with <paramref name="check"/>.</summary>
    public GuardrailRule(string id, string title, string fix, Func<GuardrailPlan, IEnumerable<GuardrailFinding>> check)
    {
        Id = id;
        Title = title;
        Fix = fix;
        _check = check;
    }

    /// <summary>Stable id, e.g. <c>INFRA-NET-001</c>.</summary>
    public string Id { get; }

    /// <summary>What the rule demands, in one line.</summary>
    public string Title { get; }

    /// <summary>How to put a violation right.</summary>
    public string Fix { get; }

    /// <summary>The violations of this rule in <paramref name="plan"/>.</summary>
    public IEnumerable<GuardrailViolation> Check(GuardrailPlan plan)
        => _check(plan).Select(f => new GuardrailViolation(Id, f.Resource?.Key ?? $"stack {plan.Plan.Stack}", f.Message, Fix));
}
