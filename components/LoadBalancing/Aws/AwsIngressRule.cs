using System.Text.RegularExpressions;

namespace Infra.Components.LoadBalancing.Aws;

/// <summary>One client range admitted on one listener port.</summary>
/// <param name="ListenerKey">Key of the listener in the spec.</param>
/// <param name="Port">The listener's port.</param>
/// <param name="Cidr">The client range, or null for the VPC's own range (an internal load balancer
/// that lists none).</param>
public sealed partial record AwsIngressRule(string ListenerKey, int Port, string? Cidr)
{
    /// <summary>Stable part of the rule's resource name: listener key and range, never a position, so
    /// that adding a range does not rename the others.</summary>
    public string Key => $"{ListenerKey}-{(Cidr is null ? "vpc" : NotNameSafe().Replace(Cidr, "-"))}";

    [GeneratedRegex("[^A-Za-z0-9]")]
    private static partial Regex NotNameSafe();
}
