using Infra.Components.Common;
using Pulumi;

namespace Infra;

/// <summary>
/// A stack's settings, read once from Pulumi config (<c>stacks/Pulumi.&lt;stack&gt;.yaml</c>) and validated
/// as a whole: every bad or missing key is reported at once, with the key, the value and the fix.
/// </summary>
public sealed record StackSettings(string Environment, string AwsRegion)
{
    /// <summary>Environments a stack may declare.</summary>
    public static readonly IReadOnlyList<string> Environments = ["dev", "staging", "prod"];

    /// <summary>Reads and validates the settings; throws <see cref="InvalidSpecException"/> listing every problem.</summary>
    public static StackSettings Load(Config infra, Config aws)
    {
        var problems = new List<SpecProblem>();

        var environment = infra.Get("environment");
        if (environment == null)
            problems.Add(new SpecProblem("infra:environment", null, $"set it to one of {string.Join(", ", Environments)}"));
        else if (!Environments.Contains(environment))
            problems.Add(new SpecProblem("infra:environment", environment, $"use one of {string.Join(", ", Environments)}"));

        var region = aws.Get("region");
        if (region == null)
            problems.Add(new SpecProblem("aws:region", null, "set the AWS region, e.g. `pulumi config set aws:region us-east-1`"));

        InvalidSpecException.ThrowIfAny($"Stack '{Deployment.Instance.StackName}'", problems);
        return new StackSettings(environment!, region!);
    }
}
