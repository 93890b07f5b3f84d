namespace Infra.Components.Dns;

/// <summary>
/// Where each part of a <see cref="FailoverDnsArgs"/> comes from: the key it is written under, so that
/// every problem names the key a user edits, and whether an endpoint's targets exist yet. A component's
/// own defaults key problems by its args (<c>spec.endpoints[1].hostname</c>); a program whose endpoints
/// come from several places (its sites and a stack file's list) says where each is written instead, and
/// no caller has to rewrite a key afterwards.
/// </summary>
public sealed class FailoverDnsSources
{
    private readonly Func<int, string>? _endpoint;
    private readonly Func<int, string>? _loadBalancer;
    private readonly Func<string, string>? _argument;
    private readonly Func<int, bool>? _targetsPending;
    private readonly Func<string, bool>? _argumentPending;

    /// <summary>Keys under <paramref name="spec"/> for the spec, with optional placements of endpoints,
    /// the load balancer spec behind each endpoint, and the args outside the spec.</summary>
    /// <param name="spec">Key of the spec, e.g. <c>spec</c> or <c>infra:failover</c>.</param>
    /// <param name="endpoint">Key of endpoint i. Default: <c>{spec}.endpoints[i]</c>.</param>
    /// <param name="loadBalancer">Key of endpoint i's load balancer spec. Default: <c>{endpoint}.loadBalancer</c>.</param>
    /// <param name="argument">Key of an argument outside the spec (<c>alarmTopicArn</c>, <c>resourceGroupName</c>,
    /// <c>relativeName</c>). Default: the argument's own name.</param>
    /// <param name="targetsPending">Whether endpoint i's targets (DNS name, hostname, resource id) are made
    /// by resources that do not exist yet, as when a program validates everything before creating
    /// anything: such targets are not checked, only what the endpoint's kind implies. Default: none.</param>
    /// <param name="argumentPending">Whether the argument of that name outside the spec (e.g.
    /// <c>resourceGroupName</c>) is made by a resource that does not exist yet. Default: none.</param>
    public FailoverDnsSources(string spec, Func<int, string>? endpoint = null, Func<int, string>? loadBalancer = null,
        Func<string, string>? argument = null, Func<int, bool>? targetsPending = null, Func<string, bool>? argumentPending = null)
    {
        _targetsPending = targetsPending;
        _argumentPending = argumentPending;
        Spec = spec;
        _endpoint = endpoint;
        _loadBalancer = loadBalancer;
        _argument = argument;
    }

    /// <summary>The keys of a component's own args: the spec under <c>spec</c>.</summary>
    public static FailoverDnsSources OfArgs { get; } = new("spec");

    /// <summary>Key of the spec.</summary>
    public string Spec { get; }

    /// <summary>Key of a setting of the spec, e.g. <c>{Spec}.zoneId</c>.</summary>
    public string Of(string setting) => $"{Spec}.{setting}";

    /// <summary>Key of endpoint <paramref name="index"/>.</summary>
    public string Endpoint(int index) => _endpoint?.Invoke(index) ?? $"{Spec}.endpoints[{index}]";

    /// <summary>Key of the load balancer spec behind endpoint <paramref name="index"/>.</summary>
    public string LoadBalancer(int index) => _loadBalancer?.Invoke(index) ?? $"{Endpoint(index)}.loadBalancer";

    /// <summary>Whether endpoint <paramref name="index"/>'s targets are still to be made (see the constructor).</summary>
    public bool TargetsPending(int index) => _targetsPending?.Invoke(index) ?? false;

    /// <summary>Whether the argument <paramref name="name"/> is still to be made (see the constructor).</summary>
    public bool ArgumentPending(string name) => _argumentPending?.Invoke(name) ?? false;

    /// <summary>Key of the argument <paramref name="name"/> outside the spec.</summary>
    public string Argument(string name) => _argument?.Invoke(name) ?? name;
}
