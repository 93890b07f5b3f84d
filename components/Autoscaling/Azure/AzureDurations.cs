using System.Globalization;
using System.Text;
using Infra.Components.Common;

namespace Infra.Components.Autoscaling.Azure;

/// <summary>
/// Every ISO 8601 duration the Azure adapters send, built and range-checked in one place: seconds
/// in, <c>"PT5M"</c> out, with the range each Azure field accepts.
/// </summary>
internal static class AzureDurations
{
    /// <summary>A duration field and the seconds Azure accepts in it (inclusive).</summary>
    public sealed record Field(string Name, int MinSeconds, int MaxSeconds, string Source)
    {
        /// <summary>Whether Azure accepts <paramref name="seconds"/> here.</summary>
        public bool Accepts(int seconds) => seconds >= MinSeconds && seconds <= MaxSeconds;

        /// <summary>The range as people write it, e.g. "10 to 90 minutes".</summary>
        public string Range => $"{Describe(MinSeconds)} to {Describe(MaxSeconds)}";
    }

    /// <summary>Automatic instance repair grace period: PT10M to PT90M (Compute REST API,
    /// AutomaticRepairsPolicy.gracePeriod).</summary>
    public static readonly Field RepairGracePeriod = new("automatic repair grace period", 10 * 60, 90 * 60,
        "AutomaticRepairsPolicy.gracePeriod");

    /// <summary>Predictive autoscale look-ahead: 1 minute to 1 hour (azurerm_monitor_autoscale_setting
    /// predictive.look_ahead_time; Azure Monitor predictive autoscale docs: "up to 1 hour").</summary>
    public static readonly Field LookAheadTime = new("predictive look-ahead time", 60, 60 * 60,
        "predictive.lookAheadTime");

    /// <summary>Autoscale rule cooldown: 1 minute to 1 week (scaleAction.cooldown).</summary>
    public static readonly Field Cooldown = new("autoscale cooldown", 60, 7 * 24 * 60 * 60, "scaleAction.cooldown");

    /// <summary>Autoscale metric time grain: 1 minute to 12 hours (metricTrigger.timeGrain).</summary>
    public static readonly Field TimeGrain = new("autoscale time grain", 60, 12 * 60 * 60, "metricTrigger.timeGrain");

    /// <summary>Autoscale metric time window: 5 minutes to 12 hours (metricTrigger.timeWindow).</summary>
    public static readonly Field TimeWindow = new("autoscale time window", 5 * 60, 12 * 60 * 60, "metricTrigger.timeWindow");

    /// <summary>Pause between rolling-upgrade batches. Azure takes any ISO duration; Infra bounds it
    /// to an hour so a rollout of a large set still finishes within a working day.</summary>
    public static readonly Field RollingUpgradePause = new("rolling upgrade pause", 0, 60 * 60,
        "rollingUpgradePolicy.pauseTimeBetweenBatches");

    /// <summary>Window sizes a metric alert accepts (azurerm_monitor_metric_alert window_size:
    /// PT1M, PT5M, PT15M, PT30M, PT1H, PT6H, PT12H, P1D).</summary>
    public static readonly IReadOnlyList<int> AlertWindowSeconds = [60, 300, 900, 1800, 3600, 6 * 3600, 12 * 3600, 24 * 3600];

    /// <summary>Evaluation frequencies a metric alert accepts (azurerm_monitor_metric_alert frequency:
    /// PT1M, PT5M, PT15M, PT30M, PT1H), never longer than the window.</summary>
    public static readonly IReadOnlyList<int> AlertFrequencySeconds = [60, 300, 900, 1800, 3600];

    /// <summary><paramref name="seconds"/> as an ISO 8601 duration: 300 → "PT5M", 5400 → "PT1H30M",
    /// 86400 → "P1D", 0 → "PT0S".</summary>
    public static string Format(int seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        if (seconds == 0)
            return "PT0S";
        var text = new StringBuilder("P");
        int days = seconds / 86400, hours = seconds % 86400 / 3600, minutes = seconds % 3600 / 60, rest = seconds % 60;
        if (days > 0)
            text.Append(CultureInfo.InvariantCulture, $"{days}D");
        if (hours + minutes + rest > 0)
            text.Append('T');
        if (hours > 0)
            text.Append(CultureInfo.InvariantCulture, $"{hours}H");
        if (minutes > 0)
            text.Append(CultureInfo.InvariantCulture, $"{minutes}M");
        if (rest > 0)
            text.Append(CultureInfo.InvariantCulture, $"{rest}S");
        return text.ToString();
    }

    /// <summary><paramref name="seconds"/> for <paramref name="field"/>; throws when Azure would
    /// refuse it, which validation should have reported first.</summary>
    public static string For(Field field, int seconds)
        => field.Accepts(seconds)
            ? Format(seconds)
            : throw new ArgumentOutOfRangeException(nameof(seconds), seconds,
                $"Azure accepts a {field.Name} ({field.Source}) of {field.Range}; validation should have refused {seconds} s");

    /// <summary>A problem at <paramref name="key"/> when <paramref name="seconds"/> is outside
    /// <paramref name="field"/>'s range, else null.</summary>
    public static SpecProblem? Check(Field field, string key, int seconds, string fix)
        => field.Accepts(seconds)
            ? null
            : new SpecProblem(key, seconds, $"Azure accepts a {field.Name} ({field.Source}) of {field.Range}; {fix}");

    /// <summary>Whole minutes, rounded up, never below one: autoscale acts on a one-minute grain.</summary>
    public static int WholeMinutesAtLeastOne(int seconds) => Math.Max(60, (seconds + 59) / 60 * 60);

    /// <summary>The shortest alert window that holds <paramref name="seconds"/> (rounded up, so an
    /// alert never fires on less evidence than asked), or null above one day.</summary>
    public static int? AlertWindowFor(int seconds) => AlertWindowSeconds.Where(w => w >= seconds).Cast<int?>().FirstOrDefault();

    /// <summary>The longest alert frequency not above <paramref name="periodSeconds"/> (so the alert
    /// is evaluated at least once per period) and not above <paramref name="windowSeconds"/>.</summary>
    public static int AlertFrequencyFor(int periodSeconds, int windowSeconds)
        => AlertFrequencySeconds.Where(f => f <= periodSeconds && f <= windowSeconds).DefaultIfEmpty(AlertFrequencySeconds[0]).Max();

    private static string Describe(int seconds) => seconds switch
    {
        0 => "0 seconds",
        _ when seconds % 86400 == 0 && seconds >= 7 * 86400 && seconds % (7 * 86400) == 0 => Plural(seconds / (7 * 86400), "week"),
        _ when seconds % 3600 == 0 => Plural(seconds / 3600, "hour"),
        _ when seconds % 60 == 0 => Plural(seconds / 60, "minute"),
        _ => Plural(seconds, "second"),
    };

    private static string Plural(int count, string unit)
        => string.Create(CultureInfo.InvariantCulture, $"{count} {unit}{(count == 1 ? "" : "s")}");
}
