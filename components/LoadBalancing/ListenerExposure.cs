using Infra.Components.Common;

namespace Infra.Components.LoadBalancing;

/// <summary>
/// Listeners that would put an administration port on the internet: a public load balancer whose
/// allowed ranges include everyone (<c>0.0.0.0/0</c>, <c>::/0</c>) forwarding SSH, RDP, WinRM, a
/// database or similar is how hosts get taken over; such access goes through a bastion, SSM or a VPN.
/// </summary>
public static class ListenerExposure
{
    /// <summary>Ports of remote administration and data stores, by what they serve.</summary>
    public static readonly IReadOnlyDictionary<int, string> AdminPorts = new Dictionary<int, string>
    {
        [20] = "FTP data",
        [21] = "FTP",
        [22] = "SSH",
        [23] = "Telnet",
        [135] = "Windows RPC",
        [139] = "NetBIOS",
        [445] = "SMB",
        [1433] = "SQL Server",
        [1521] = "Oracle",
        [2375] = "Docker API",
        [2376] = "Docker API (TLS)",
        [2379] = "etcd",
        [3306] = "MySQL",
        [3389] = "RDP",
        [5432] = "PostgreSQL",
        [5900] = "VNC",
        [5985] = "WinRM",
        [5986] = "WinRM (TLS)",
        [6379] = "Redis",
        [6443] = "Kubernetes API",
        [9200] = "Elasticsearch",
        [10250] = "kubelet",
        [11211] = "Memcached",
        [27017] = "MongoDB",
    };

    /// <summary>Whether <paramref name="cidr"/> admits every address.</summary>
    public static bool IsEveryone(string? cidr) => cidr?.Trim() is "0.0.0.0/0" or "::/0";

    /// <summary>Each listener of <paramref name="spec"/> on an admin port open to everyone, keyed
    /// <c>{at}.listeners.&lt;key&gt;.port</c>.</summary>
    public static IEnumerable<SpecProblem> FindProblems(LoadBalancerSpec spec, string at)
    {
        if (spec is null || !spec.Public || !spec.AllowedCidrs.Any(IsEveryone))
            yield break;
        foreach (var (key, listener) in spec.Listeners)
            if (listener is not null && AdminPorts.TryGetValue(listener.Port, out var what))
                yield return new($"{at}.listeners.{key}.port", listener.Port,
                    $"port {listener.Port} ({what}) would be open to the whole internet ({at}.allowedCidrs holds 0.0.0.0/0 or ::/0); " +
                    "serve 80/443 only and reach instances through SSM, a bastion or a VPN, or narrow allowedCidrs");
    }
}
