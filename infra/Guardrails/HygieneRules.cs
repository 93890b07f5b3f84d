using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Infra.Plan;
using static Infra.Guardrails.GuardrailPlan;

namespace Infra.Guardrails;

/// <summary>What every resource carries: no readable secret, the right environment, tags.</summary>
public static partial class HygieneRules
{
    /// <summary>Tags every taggable resource must carry (its own, or its AWS provider's default tags).</summary>
    public static readonly IReadOnlyList<string> RequiredTags = ["environment", "service"];

    /// <summary>Environments a stack may declare.</summary>
    public static readonly IReadOnlyList<string> Environments = ["dev", "staging", "prod"];

    /// <summary>INFRA-SEC-001.</summary>
    public static readonly GuardrailRule NoPlainSecrets = new(
        "INFRA-SEC-001",
        "No secret in plain text in planned inputs",
        "keep secrets out of the stack file's plain values: `pulumi config set --secret ...` (a plan shows them as [secret]), or read them at boot from SSM Parameter Store / Key Vault",
        Secrets);

    /// <summary>INFRA-ENV-001.</summary>
    public static readonly GuardrailRule EnvironmentMatchesStack = new(
        "INFRA-ENV-001",
        "The declared environment matches the stack",
        "set infra:environment to the environment the stack's name says (dev, staging or prod), and tag resources with it",
        Environment);

    /// <summary>INFRA-TAG-001.</summary>
    public static readonly GuardrailRule Tags = new(
        "INFRA-TAG-001",
        $"Every taggable resource carries the tags {string.Join(", ", RequiredTags)}",
        "tag it: AWS resources get them from their explicit provider's defaultTags (autoscaling groups need their own), Azure resources from the component's tags",
        TagFindings);

    private static IEnumerable<GuardrailFinding> Secrets(GuardrailPlan plan)
    {
        foreach (var resource in plan.Plan.Resources.Where(r => r.Custom))
        {
            foreach (var (path, value) in Leaves(resource.Inputs, ""))
            {
                var key = path.Split('.')[^1].Split('[')[0];
                if (value is not string text || text.Length == 0 || text == StackConfigFile.SecretPlaceholder)
                    continue;
                if (SecretKey().IsMatch(key))
                    yield return new(resource, $"{path} holds a secret in plain text");
                else if (key is "userData" or "customData" || (resource.Type == "kubernetes:core/v1:Secret" && path.StartsWith("stringData", StringComparison.Ordinal)))
                {
                    if (resource.Type == "kubernetes:core/v1:Secret")
                        yield return new(resource, $"{path} holds a secret in plain text");
                    else if (SecretInScript().Match(Decoded(text)) is { Success: true } match)
                        yield return new(resource, $"{path} embeds a credential ({match.Groups["what"].Value})");
                }
            }
        }
    }

    /// <summary>Every scalar below <paramref name="value"/> with its path.</summary>
    private static IEnumerable<(string Path, object? Value)> Leaves(object? value, string path)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> map:
                foreach (var (key, child) in map)
                    foreach (var leaf in Leaves(child, path.Length == 0 ? key : $"{path}.{key}"))
                        yield return leaf;
                break;
            case ImmutableArray<object?> list:
                for (var i = 0; i < list.Length; i++)
                    foreach (var leaf in Leaves(list[i], $"{path}[{i}]"))
                        yield return leaf;
                break;
            default:
                yield return (path, value);
                break;
        }
    }

    /// <summary>User data as the instance sees it: base64 decoded when it is base64.</summary>
    private static string Decoded(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : text;
    }

    // Keys that hold a secret value by name (adminPassword, clientSecret, apiKey, ...): not *Id, *Name, *Arn.
    [GeneratedRegex("(?i)(password|passwd|secret|apikey|api_key|privatekey|accesskey|secretkey|connectionstring|token|sastoken)$")]
    private static partial Regex SecretKey();

    [GeneratedRegex(@"(?<what>AKIA[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----|(?i:(password|passwd|secret|api[_-]?key|token))\s*[=:]\s*[""']?(?![""']?\[secret\])[^\s""'$]{4,})")]
    private static partial Regex SecretInScript();

    private static IEnumerable<GuardrailFinding> Environment(GuardrailPlan plan)
    {
        var environment = plan.Environment;
        if (environment == null || !Environments.Contains(environment))
        {
            yield return new(null, $"declares environment {environment ?? "(none)"}; use one of {string.Join(", ", Environments)}");
            yield break;
        }
        var words = plan.Plan.Stack.Split('-', '.', '_');
        if (!words.Contains(environment))
            yield return new(null, $"stack '{plan.Plan.Stack}' declares environment {environment}; its name names another (or none)");
        foreach (var provider in plan.Plan.Resources.Where(r => r.Type.StartsWith("pulumi:providers:", StringComparison.Ordinal)))
            if (DefaultTagsOf(provider).GetValueOrDefault("environment") is { } tag && tag != environment)
                yield return new(provider, $"tags its resources environment={tag} in a {environment} stack");
        foreach (var resource in plan.Plan.Resources.Where(r => r.Custom && r.Package != "pulumi"))
            if (plan.EffectiveTags(resource, withProviderDefaults: false).GetValueOrDefault("environment") is { } tag && tag != environment)
                yield return new(resource, $"is tagged environment={tag} in a {environment} stack");
    }

    private static IEnumerable<GuardrailFinding> TagFindings(GuardrailPlan plan)
    {
        foreach (var resource in plan.Plan.Resources.Where(r => r.Custom && r.Package is "aws" or "azure" && TaggableTypes.IsTaggable(r.Type)))
        {
            // The AWS provider's default_tags reach every resource with tags except autoscaling groups,
            // whose tags are per-tag blocks (Terraform AWS provider docs, "default_tags").
            var tags = plan.EffectiveTags(resource, withProviderDefaults: resource.Package == "aws" && resource.Type != PlannedTypes.AwsAutoscalingGroup);
            var missing = RequiredTags.Where(t => !tags.ContainsKey(t)).ToList();
            if (missing.Count > 0)
                yield return new(resource, $"lacks the tag{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)}");
        }
    }
}
