namespace Infra.Components.LoadBalancing;

/// <summary>
/// When a failed request is sent again (<see cref="RetryPolicySpec.RetryOn"/>). Each adapter maps the
/// ones its backend knows and refuses the others; none is retried silently.
/// </summary>
public static class RetryConditions
{
    /// <summary>The connection to the backend could not be made (the request never reached it).</summary>
    public const string ConnectFailure = "connect-failure";

    /// <summary>The backend refused the HTTP/2 stream before processing it (REFUSED_STREAM).</summary>
    public const string RefusedStream = "refused-stream";

    /// <summary>The backend reset the connection or stream, or did not answer in time.</summary>
    public const string Reset = "reset";

    /// <summary>The backend answered 502, 503 or 504.</summary>
    public const string GatewayError = "gateway-error";

    /// <summary>The backend answered any 5xx (also retries requests that may have had effects).</summary>
    public const string ServerError = "server-error";

    /// <summary>The backend answered 409 Conflict.</summary>
    public const string Conflict = "conflict";

    /// <summary>Every condition, for validation messages.</summary>
    public static readonly IReadOnlyList<string> All = [ConnectFailure, RefusedStream, Reset, GatewayError, ServerError, Conflict];

    /// <summary>Conditions under which the request cannot have reached the application, so retrying it
    /// is safe even for requests that are not idempotent.</summary>
    public static readonly IReadOnlyList<string> NeverReachedBackend = [ConnectFailure, RefusedStream];
}
