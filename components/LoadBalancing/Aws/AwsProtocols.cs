namespace Infra.Components.LoadBalancing.Aws;

/// <summary>The Elastic Load Balancing spelling of listener and pool protocols.</summary>
public static class AwsProtocols
{
    /// <summary>The ELB protocol for a <see cref="ListenerProtocols"/> value.</summary>
    public static string For(string protocol) => protocol switch
    {
        ListenerProtocols.Http => "HTTP",
        ListenerProtocols.Https => "HTTPS",
        ListenerProtocols.Tcp => "TCP",
        ListenerProtocols.Tls => "TLS",
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "validate the spec before translating it"),
    };
}
