using Pulumi;

namespace Infra.Components.LoadBalancing.Kubernetes;

/// <summary>
/// The one translation of a <see cref="LoadBalancerSpec"/> into Gateway API <c>gateway.networking.k8s.io/v1</c>
/// specs (standard channel only, gateway-api.sigs.k8s.io/reference/spec/): a Gateway with one
/// listener per spec listener, named by its key; an HTTPRoute attached to the forwarding listeners
/// with the request timeout and (weighted) backend weights; and, per redirecting HTTP listener, an
/// HTTPRoute that only answers with a RequestRedirect to HTTPS.
/// </summary>
public static class GatewayApiRoutes
{
    /// <summary>API group of Gateway API kinds, as parentRefs spell it.</summary>
    public const string Group = "gateway.networking.k8s.io";

    /// <summary>The Gateway spec: HTTPS listeners terminate TLS with the listener's certificateId as
    /// the name of a kubernetes.io/tls Secret in the Gateway's namespace; routes only from the same
    /// namespace may attach.</summary>
    public static Dictionary<string, object> Gateway(LoadBalancerSpec spec, string gatewayClassName, IReadOnlyList<string> hostnames)
    {
        var listeners = new List<object>();
        foreach (var (key, listener) in spec.Listeners)
        {
            var entry = new Dictionary<string, object>
            {
                ["name"] = key,
                ["port"] = listener.Port,
                ["protocol"] = listener.Protocol == ListenerProtocols.Https ? "HTTPS" : "HTTP",
                ["allowedRoutes"] = new Dictionary<string, object>
                {
                    ["namespaces"] = new Dictionary<string, object> { ["from"] = "Same" },
                },
            };
            // A listener takes one hostname; with several, the route's hostnames filter instead.
            if (hostnames.Count == 1)
                entry["hostname"] = hostnames[0];
            if (listener.Protocol == ListenerProtocols.Https)
                entry["tls"] = new Dictionary<string, object>
                {
                    ["mode"] = "Terminate",
                    ["certificateRefs"] = new List<object>
                    {
                        new Dictionary<string, object> { ["group"] = "", ["kind"] = "Secret", ["name"] = listener.CertificateId! },
                    },
                };
            listeners.Add(entry);
        }
        return new Dictionary<string, object> { ["gatewayClassName"] = gatewayClassName, ["listeners"] = listeners };
    }

    /// <summary>The HTTPRoute spec that forwards every path to <paramref name="backends"/> (Service
    /// name and weight; weight null leaves Gateway API's default of 1).</summary>
    public static Dictionary<string, object> ForwardingRoute(LoadBalancerSpec spec, string gatewayName, string gatewayNamespace,
        IReadOnlyList<string> hostnames, IEnumerable<(Input<string> Service, int Port, int? Weight)> backends)
    {
        var backendRefs = backends.Select(b =>
        {
            var reference = new Dictionary<string, object> { ["name"] = b.Service, ["port"] = b.Port };
            if (b.Weight is { } weight)
                reference["weight"] = weight;
            return (object)reference;
        }).ToList();
        var rule = new Dictionary<string, object>
        {
            ["matches"] = new List<object> { PathPrefix("/") },
            ["backendRefs"] = backendRefs,
        };
        if (spec.RequestTimeoutSeconds is { } timeout)
            // Gateway API durations are GEP-2257 strings such as "30s".
            rule["timeouts"] = new Dictionary<string, object> { ["request"] = $"{timeout}s" };
        return Route(gatewayName, gatewayNamespace, spec.ForwardingListeners.Select(l => l.Key), hostnames, rule);
    }

    /// <summary>The HTTPRoute spec for the HTTP listener <paramref name="listenerKey"/>: a permanent
    /// redirect to HTTPS (the port follows the scheme: 443), never forwarding.</summary>
    public static Dictionary<string, object> RedirectRoute(string gatewayName, string gatewayNamespace, string listenerKey, IReadOnlyList<string> hostnames)
        => Route(gatewayName, gatewayNamespace, [listenerKey], hostnames, new Dictionary<string, object>
        {
            ["filters"] = new List<object>
            {
                new Dictionary<string, object>
                {
                    ["type"] = "RequestRedirect",
                    ["requestRedirect"] = new Dictionary<string, object> { ["scheme"] = "https", ["statusCode"] = 301 },
                },
            },
        });

    private static Dictionary<string, object> Route(string gatewayName, string gatewayNamespace, IEnumerable<string> sections,
        IReadOnlyList<string> hostnames, Dictionary<string, object> rule)
    {
        var route = new Dictionary<string, object>
        {
            ["parentRefs"] = sections.Select(section => (object)new Dictionary<string, object>
            {
                ["group"] = Group,
                ["kind"] = "Gateway",
                ["name"] = gatewayName,
                ["namespace"] = gatewayNamespace,
                ["sectionName"] = section,
            }).ToList(),
            ["rules"] = new List<object> { rule },
        };
        if (hostnames.Count > 0)
            route["hostnames"] = hostnames.Cast<object>().ToList();
        return route;
    }

    private static Dictionary<string, object> PathPrefix(string path) => new()
    {
        ["path"] = new Dictionary<string, object> { ["type"] = "PathPrefix", ["value"] = path },
    };
}
