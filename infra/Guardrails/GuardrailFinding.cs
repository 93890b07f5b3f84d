using Infra.Plan;

namespace Infra.Guardrails;

/// <summary>What a rule's check reports: the resource at fault (null: the stack as a whole) and why.</summary>
public sealed record GuardrailFinding(PlannedResource? Resource, string Message);
