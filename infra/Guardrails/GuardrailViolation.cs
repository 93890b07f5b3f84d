namespace Infra.Guardrails;

/// <summary>One resource (or the stack itself) breaking one guardrail rule.</summary>
/// <param name="RuleId">Id of the rule, e.g. <c>INFRA-NET-001</c>.</param>
/// <param name="Resource">Key (<c>type::name</c>) of the resource, or <c>stack NAME</c> for stack-wide findings.</param>
/// <param name="Message">What is wrong with this resource.</param>
/// <param name="Fix">How to put it right.</param>
public sealed record GuardrailViolation(string RuleId, string Resource, string Message, string Fix);
