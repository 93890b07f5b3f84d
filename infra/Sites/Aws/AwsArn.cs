using System.Text.RegularExpressions;
using Infra.Components.Common;

namespace Infra.Sites.Aws;

/// <summary>
/// An Amazon Resource Name, <c>arn:partition:service:region:account:resource</c>, and the checks a
/// setting that takes one needs: the right service, the region where it is used (ACM certificates
/// and SNS topics are regional; AWS rejects a listener certificate or an alarm action of another
/// region) and a 12-digit account.
/// </summary>
public sealed partial record AwsArn(string Partition, string Service, string Region, string Account, string Resource)
{
    /// <summary>The parts of <paramref name="text"/>, or null when it is no ARN.</summary>
    public static AwsArn? Parse(string? text)
    {
        if (text is null)
            return null;
        var match = Shape().Match(text);
        return match.Success
            ? new AwsArn(match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value, match.Groups[4].Value, match.Groups[5].Value)
            : null;
    }

    /// <summary>Problems of <paramref name="text"/> as the ARN of a <paramref name="service"/> resource
    /// (<paramref name="resource"/> its resource prefix, e.g. "certificate/") used in <paramref name="region"/>.</summary>
    public static IEnumerable<SpecProblem> FindProblems(string? text, string service, string? resource, string region, string at, string example)
    {
        if (text is null)
            yield break;
        var arn = Parse(text);
        if (arn is null)
            yield return new(at, text, $"write an ARN such as {example}");
        else if (arn.Service != service || resource is not null && !arn.Resource.StartsWith(resource, StringComparison.Ordinal))
            yield return new(at, text, $"this is {(arn.Service == service ? "another kind of" : "an " + arn.Service)} resource; use the ARN of {example}");
        else if (arn.Region != region)
            yield return new(at, text, $"this {service} ARN is in {arn.Region}, but it is used in {region} and AWS accepts only resources of the same region there; use one created in {region}");
        else if (!AccountNumber().IsMatch(arn.Account))
            yield return new(at, text, "the account part of an ARN is 12 digits; copy the ARN from the console or CLI");
    }

    [GeneratedRegex(@"^arn:(aws|aws-cn|aws-us-gov):([a-z0-9-]+):([a-z0-9-]*):([^:]*):(.+)$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountNumber();
}
