using System.Globalization;
using System.Text.Json;
using Infra.Components.Common;
using Pulumi.Azure.Compute.Inputs;

namespace Infra.Components.HealthChecks.Azure;

/// <summary>
/// The Application Health extension (Binary Health States) that lets a scale set judge its own
/// instances from a <see cref="HealthCheckSpec"/> when no Standard Load Balancer probe does it, e.g.
/// behind an Application Gateway. Rolling upgrades and automatic instance repairs need one of the two
/// (Azure docs "Using Application Health extension with Virtual Machine Scale Sets": only one source
/// of health monitoring may be used).
/// </summary>
/// <remarks>Binary Health States (type handler 1.0) counts a probe healthy on HTTP 200 or a TCP
/// connect; Rich Health States (2.0) would need every application to answer with a JSON body, so it
/// is not used.</remarks>
public static class AzureApplicationHealthExtension
{
    /// <summary>Extension publisher.</summary>
    public const string Publisher = "Microsoft.ManagedServices";

    /// <summary>Extension type for Linux instances.</summary>
    public const string Type = "ApplicationHealthLinux";

    /// <summary>Binary Health States.</summary>
    public const string TypeHandlerVersion = "1.0";

    /// <summary>Name of the extension inside the scale set model.</summary>
    public const string Name = "application-health";

    /// <summary>Longest probe interval the extension takes, in seconds.</summary>
    public const int MaxIntervalSeconds = 60;

    /// <summary>Most consecutive failed probes the extension counts before "unhealthy".</summary>
    public const int MaxNumberOfProbes = 24;

    /// <summary>The extension block for a scale set, probing as <paramref name="check"/> says.</summary>
    public static LinuxVirtualMachineScaleSetExtensionArgs For(HealthCheckSpec check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return new LinuxVirtualMachineScaleSetExtensionArgs
        {
            Name = Name,
            Publisher = Publisher,
            Type = Type,
            TypeHandlerVersion = TypeHandlerVersion,
            AutoUpgradeMinorVersion = true,
            Settings = SettingsJson(check),
        };
    }

    /// <summary>The extension's public settings as JSON: protocol, port, request path (HTTP and
    /// HTTPS only), probe interval and the failures that make an instance unhealthy.</summary>
    public static string SettingsJson(HealthCheckSpec check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var settings = new Dictionary<string, object>
        {
            ["protocol"] = Protocol(check.Protocol),
            ["port"] = HealthCheckConsistency.PortOf(check)
                ?? throw new ArgumentException("a TCP check needs a port; FindProblems should have refused it", nameof(check)),
            ["intervalInSeconds"] = check.IntervalSeconds,
            ["numberOfProbes"] = check.UnhealthyThreshold,
        };
        if (check.EffectivePath is { } path)
            settings["requestPath"] = path;
        return JsonSerializer.Serialize(settings);
    }

    /// <summary>What the extension cannot do with <paramref name="check"/>, keyed under <paramref name="at"/>.</summary>
    public static IEnumerable<SpecProblem> FindProblems(HealthCheckSpec check, string at)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (check.Protocol == HealthCheckProtocols.Tcp && check.Port is null)
            yield return new($"{at}.port", null,
                "the Application Health extension probes a port on the instance itself; set the port the application listens on");
        if (check.IntervalSeconds > MaxIntervalSeconds)
            yield return new($"{at}.intervalSeconds", check.IntervalSeconds,
                $"the Application Health extension probes at most every {MaxIntervalSeconds} s; use 5 to {MaxIntervalSeconds} or pass a load balancer probe (healthProbeId)");
        if (check.UnhealthyThreshold > MaxNumberOfProbes)
            yield return new($"{at}.unhealthyThreshold", check.UnhealthyThreshold,
                $"the Application Health extension counts at most {MaxNumberOfProbes} failed probes; use 1 to {MaxNumberOfProbes}");
        if (check.Protocol != HealthCheckProtocols.Tcp && !check.Accepts(200))
            yield return new($"{at}.expectedStatusCodes", check.ExpectedStatusCodes,
                "the Application Health extension (Binary Health States) counts only HTTP 200 as healthy; include 200 or pass a load balancer probe (healthProbeId)");
    }

    /// <summary>One switch from our protocol constants to the extension's spelling.</summary>
    private static string Protocol(string protocol) => protocol switch
    {
        HealthCheckProtocols.Http => "http",
        HealthCheckProtocols.Https => "https",
        HealthCheckProtocols.Tcp => "tcp",
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol,
            $"the Application Health extension probes http, https or tcp, not \"{protocol}\"; HealthCheckSpec.FindProblems should have refused it"),
    };

}
