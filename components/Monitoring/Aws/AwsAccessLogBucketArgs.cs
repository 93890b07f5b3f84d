using System.Text.RegularExpressions;
using Infra.Components.Common;
using Pulumi;

namespace Infra.Components.Monitoring.Aws;

/// <summary>Settings of an <see cref="AwsAccessLogBucket"/>: where it is, how its name starts, how long it keeps logs.</summary>
public sealed partial class AwsAccessLogBucketArgs : ResourceArgs
{
    /// <summary>Longest name prefix: S3 names are at most 63 characters and the bucket adds "-" and 8 hex digits.</summary>
    public const int MaxNamePrefixLength = 54;

    /// <summary>Start of the bucket's name, e.g. <c>web-prod-us-east-1-lb-logs</c>: lower-case letters, digits and
    /// hyphens. Bucket names are global, so the bucket appends a random suffix of 8 hex digits.</summary>
    /// <remarks>Default: none; required.</remarks>
    [Input("namePrefix")] public string NamePrefix { get; set; } = "";

    /// <summary>The region of the bucket and of the load balancers writing to it (ELB writes only to a bucket
    /// in its own region); it decides who the policy lets write.</summary>
    /// <remarks>Default: none; required.</remarks>
    [Input("region")] public string Region { get; set; } = "";

    /// <summary>Key prefix the load balancers write under (their access-log prefix), which the policy limits
    /// writing to; may not contain <c>AWSLogs</c>, which ELB adds itself.</summary>
    /// <remarks>Default: none (writes anywhere under <c>AWSLogs/</c>).</remarks>
    [Input("logPrefix")] public string? LogPrefix { get; set; }

    /// <summary>Days a log object is kept before S3 deletes it.</summary>
    /// <remarks>Default: 90.</remarks>
    [Input("retentionDays")] public int RetentionDays { get; set; } = 90;

    /// <summary>Let <c>pulumi destroy</c> delete the bucket with its logs in it.</summary>
    /// <remarks>Default: false (a bucket with logs is kept).</remarks>
    [Input("forceDestroy")] public bool ForceDestroy { get; set; }

    /// <summary>Tags of the bucket.</summary>
    /// <remarks>Default: none (the provider's default tags still apply).</remarks>
    [Input("tags")] public Dictionary<string, string> Tags { get; set; } = [];

    /// <summary>Every problem in these settings, keyed by property.</summary>
    public IEnumerable<SpecProblem> FindProblems()
    {
        if (string.IsNullOrEmpty(NamePrefix) || NamePrefix.Length > MaxNamePrefixLength || !NamePattern().IsMatch(NamePrefix))
            yield return new("namePrefix", NamePrefix,
                $"use 3 to {MaxNamePrefixLength} lower-case letters, digits and hyphens, starting and ending with a letter or digit (S3 bucket naming rules)");
        if (string.IsNullOrWhiteSpace(Region))
            yield return new("region", Region, "name the region of the load balancers, e.g. us-east-1");
        if (LogPrefix is { } prefix && (prefix.Contains("AWSLogs", StringComparison.Ordinal) || prefix.StartsWith('/') || prefix.EndsWith('/')))
            yield return new("logPrefix", prefix, "drop AWSLogs (ELB adds it) and leading or trailing slashes");
        if (RetentionDays is < 1 or > 3650)
            yield return new("retentionDays", RetentionDays, "keep logs 1 to 3650 days");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,52}[a-z0-9]$")]
    private static partial Regex NamePattern();
}
