using Infra.Components.Common;
using Pulumi;

namespace Infra.Components.LoadBalancing;

/// <summary>
/// How often a failed request is sent again, and when. Cloud-neutral: a mesh (Istio VirtualService
/// retries) maps it; a backend without retries refuses it rather than ignoring it.
/// </summary>
public sealed class RetryPolicySpec : ResourceArgs
{
    /// <summary>Most attempts after the first one.</summary>
    public const int MaxAttempts = 10;

    /// <summary>Retries after the first attempt; 0 sends each request once.</summary>
    /// <remarks>Default: 2.</remarks>
    [Input("attempts")] public int Attempts { get; set; } = 2;

    /// <summary>Seconds each attempt may take before it counts as failed.</summary>
    /// <remarks>Default: unset, so each attempt may use the whole request timeout.</remarks>
    [Input("perTryTimeoutSeconds")] public double? PerTryTimeoutSeconds { get; set; }

    /// <summary>Conditions that trigger a retry, from <see cref="RetryConditions"/>.</summary>
    /// <remarks>Default: connect-failure and refused-stream, the two under which the request never
    /// reached the application, so non-idempotent requests are not repeated.</remarks>
    [Input("retryOn")] public List<string> RetryOn { get; set; } = [.. RetryConditions.NeverReachedBackend];

    /// <summary>Every problem in this policy, keyed under <paramref name="at"/>.</summary>
    public IEnumerable<SpecProblem> FindProblems(string at)
    {
        if (Attempts is < 0 or > MaxAttempts)
            yield return new($"{at}.attempts", Attempts, $"use 0 (no retries) to {MaxAttempts} retries");
        if (PerTryTimeoutSeconds is { } perTry && (perTry <= 0 || perTry > 3600 || double.IsNaN(perTry)))
            yield return new($"{at}.perTryTimeoutSeconds", perTry, "use a time above 0 and up to 3600 seconds, or leave it unset");
        var retryOn = RetryOn ?? [];
        if (Attempts > 0 && retryOn.Count == 0)
            yield return new($"{at}.retryOn", retryOn, $"retries need at least one condition; list e.g. {RetryConditions.ConnectFailure}, or set attempts to 0");
        for (var i = 0; i < retryOn.Count; i++)
        {
            if (!RetryConditions.All.Contains(retryOn[i]))
                yield return new($"{at}.retryOn[{i}]", retryOn[i], $"use one of {string.Join(", ", RetryConditions.All)}");
            else if (retryOn.IndexOf(retryOn[i]) < i)
                yield return new($"{at}.retryOn[{i}]", retryOn[i], "this condition is listed twice; list each once");
        }
    }
}
