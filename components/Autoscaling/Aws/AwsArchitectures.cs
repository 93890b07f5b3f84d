using System.Text.RegularExpressions;
using Infra.Components.Common;

namespace Infra.Components.Autoscaling.Aws;

/// <summary>
/// The CPU architecture of an EC2 instance type and of an image, where the names tell it, so that a
/// plan refuses an image that cannot boot on the instance type (EC2 fails the launch of an arm64 AMI
/// on an x86_64 type and the reverse, and the group then retries launching forever).
/// </summary>
public static partial class AwsArchitectures
{
    /// <summary>64-bit Arm (AWS Graviton).</summary>
    public const string Arm64 = "arm64";

    /// <summary>64-bit x86 (Intel and AMD).</summary>
    public const string X86_64 = "x86_64";

    /// <summary>
    /// The architecture of an instance type, or null when its name does not tell. Graviton families
    /// carry a "g" as the first attribute after the generation (m6g, m7gd, c7gn, r8g, t4g, x2gd, im4gn,
    /// is4gen, g5g, hpc7g), plus a1; every other current family is x86_64 (EC2 User Guide, "Amazon EC2
    /// instance type naming conventions"). Mac families are left unknown (mac1 is x86, mac2 Arm).
    /// </summary>
    public static string? OfInstanceType(string? instanceType)
    {
        if (instanceType is null || InstanceTypeName().Match(instanceType) is not { Success: true } match)
            return null;
        var family = match.Groups["series"].Value;
        var attributes = match.Groups["attributes"].Value;
        if (family == "mac")
            return null;
        if (family == "a" && match.Groups["generation"].Value == "1")
            return Arm64;
        return attributes.StartsWith('g') ? Arm64 : X86_64;
    }

    /// <summary>
    /// The architecture of an image, or null when it is not known before launch: an AMI id names none,
    /// while the public SSM parameters AWS publishes name it in their path, e.g.
    /// <c>resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64</c> or
    /// Canonical's <c>.../ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id</c>.
    /// </summary>
    public static string? OfImage(string? imageId)
    {
        if (imageId is null || !imageId.StartsWith(SsmPrefix, StringComparison.Ordinal))
            return null;
        var path = imageId[SsmPrefix.Length..].ToLowerInvariant();
        bool arm = ArmInPath().IsMatch(path);
        bool x86 = X86InPath().IsMatch(path);
        return arm == x86 ? null : arm ? Arm64 : X86_64;
    }

    /// <summary>The prefix that makes EC2 resolve an image from Systems Manager at launch.</summary>
    public const string SsmPrefix = "resolve:ssm:";

    /// <summary>
    /// Problems of an image reference, keyed <paramref name="at"/>: EC2 takes an AMI id
    /// (<c>ami-</c> and 8 or 17 hex digits) or, in a launch template, a Systems Manager parameter as
    /// <c>resolve:ssm:parameter-name</c>, <c>resolve:ssm:parameter-name:version</c> or <c>:label</c>, or a
    /// parameter ARN (EC2 API RequestLaunchTemplateData.ImageId; EC2 Auto Scaling User Guide, "Use
    /// AWS Systems Manager parameters instead of AMI IDs in launch templates").
    /// </summary>
    public static IEnumerable<SpecProblem> FindImageProblems(string? imageId, string at)
    {
        if (imageId is null)
            yield break;
        if (!AmiId().IsMatch(imageId) && !SsmReference().IsMatch(imageId))
            yield return new(at, imageId,
                "use an AMI id (ami- and 8 or 17 hex digits) or a Systems Manager parameter such as " +
                "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64");
    }

    /// <summary>
    /// Refuses an instance type whose architecture cannot run the image, keyed <paramref name="at"/>
    /// (the key that sets the instance type); silent when either architecture is unknown.
    /// </summary>
    public static IEnumerable<SpecProblem> FindArchitectureProblems(string? imageId, string? instanceType, string at, string imageAt)
    {
        var image = OfImage(imageId);
        var instance = OfInstanceType(instanceType);
        if (image is null || instance is null || image == instance)
            yield break;
        var nearest = image == Arm64 ? "a Graviton type such as m7g.large, c7g.large or t4g.small" : "an x86_64 type such as m7i.large, c7i.large or t3.small";
        yield return new(at, instanceType,
            $"{instanceType} is {instance} but {imageAt} ({imageId}) is an {image} image, which EC2 cannot launch on it; use {nearest}, or the {instance} image");
    }

    [GeneratedRegex(@"^(?<series>[a-z]+?)(?<generation>[0-9]+)(?<attributes>[a-z-]*)\.[a-z0-9-]+$")]
    private static partial Regex InstanceTypeName();

    [GeneratedRegex(@"(^|[/_.-])(arm64|aarch64)($|[/_.-])")]
    private static partial Regex ArmInPath();

    [GeneratedRegex(@"(^|[/_.-])(x86_64|amd64|x86-64)($|[/_.-])")]
    private static partial Regex X86InPath();

    [GeneratedRegex(@"^ami-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex AmiId();

    [GeneratedRegex(@"^resolve:ssm:(/?[a-zA-Z0-9_.\-/]+|arn:aws[a-z-]*:ssm:[a-z0-9-]+:[0-9]{12}:parameter/[a-zA-Z0-9_.\-/]+)(:[a-zA-Z0-9_.\-]+)?$")]
    private static partial Regex SsmReference();
}
