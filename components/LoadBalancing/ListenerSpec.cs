using Infra.Components.Common;
using Pulumi;

namespace Infra.Components.LoadBalancing;

/// <summary>A port the load balancer accepts traffic on.</summary>
public sealed class ListenerSpec : ResourceArgs
{
    /// <summary>One of <see cref="ListenerProtocols"/>. Default: "https".</summary>
    [Input("protocol")] public string Protocol { get; set; } = ListenerProtocols.Https;

    /// <summary>Port clients connect to. Default: 443.</summary>
    [Input("port")] public int Port { get; set; } = 443;

    /// <summary>Certificate for HTTPS and TLS listeners: an ACM ARN on AWS, a Key Vault secret id on
    /// Azure, a TLS secret name on Kubernetes. Required for HTTPS and TLS.</summary>
    [Input("certificateId")] public Input<string>? CertificateId { get; set; }

    /// <summary>TLS policy name for HTTPS and TLS listeners. Default: the adapter's modern policy
    /// (AWS: ELBSecurityPolicy-TLS13-1-2-2021-06).</summary>
    [Input("tlsPolicy")] public string? TlsPolicy { get; set; }

    /// <summary>For an HTTP listener: answer with a permanent redirect to HTTPS on port 443 instead of
    /// forwarding. Default: true; setting false serves plain HTTP and must be deliberate.</summary>
    [Input("redirectToHttps")] public bool RedirectToHttps { get; set; } = true;

    /// <summary>Whether this listener forwards traffic to the pools (false when it only redirects).</summary>
    internal bool Forwards => !(Protocol == ListenerProtocols.Http && RedirectToHttps);

    /// <summary>A copy of this listener with <paramref name="certificateId"/> as its certificate.</summary>
    public ListenerSpec WithCertificate(Input<string> certificateId)
    {
        var copy = (ListenerSpec)MemberwiseClone();
        copy.CertificateId = certificateId;
        return copy;
    }

    /// <summary>Every problem in this listener, keyed under <paramref name="at"/>.</summary>
    public IEnumerable<SpecProblem> FindProblems(string at, string layer)
    {
        var allowed = layer == LoadBalancerLayers.Network ? ListenerProtocols.NetworkLayer : ListenerProtocols.ApplicationLayer;
        if (!allowed.Contains(Protocol))
            yield return new($"{at}.protocol", Protocol, $"a {layer}-layer load balancer accepts {string.Join(" or ", allowed)}");
        if (Port is < 1 or > 65535)
            yield return new($"{at}.port", Port, "use a port between 1 and 65535");
        if (Protocol is ListenerProtocols.Https or ListenerProtocols.Tls && CertificateId is null)
            yield return new($"{at}.certificateId", null, $"a {Protocol} listener needs a certificate; set certificateId (on AWS an ACM certificate ARN)");
        if (Protocol is ListenerProtocols.Http or ListenerProtocols.Tcp && TlsPolicy is not null)
            yield return new($"{at}.tlsPolicy", TlsPolicy, $"a {Protocol} listener does no TLS; remove tlsPolicy");
        if (Protocol != ListenerProtocols.Http && !RedirectToHttps)
            yield return new($"{at}.redirectToHttps", false, "only an http listener redirects; remove the setting");
    }
}
