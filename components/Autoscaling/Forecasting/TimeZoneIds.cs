namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>Time zone ids as the clouds want them: IANA for AWS and KEDA, Windows for Azure.</summary>
internal static class TimeZoneIds
{
    /// <summary>The IANA id of <paramref name="zone"/>, converting a Windows id where needed.</summary>
    public static string ToIana(TimeZoneInfo zone)
    {
        if (zone.HasIanaId)
            return zone.Id;
        return TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;
    }

    /// <summary>The Windows id for IANA id <paramref name="ianaId"/>; Azure autoscale recurrences
    /// accept only Windows names.</summary>
    public static string ToWindows(string ianaId)
    {
        if (ianaId is "UTC" or "Etc/UTC")
            return "UTC";
        if (TimeZoneInfo.TryConvertIanaIdToWindowsId(ianaId, out var windows))
            return windows;
        throw new ArgumentException(
            $"time zone \"{ianaId}\" has no Windows equivalent, which Azure autoscale needs; use a zone such as \"Europe/Berlin\" or \"America/New_York\"",
            nameof(ianaId));
    }
}
