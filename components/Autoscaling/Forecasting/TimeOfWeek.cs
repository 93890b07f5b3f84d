using System.Globalization;

namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>A wall-clock moment in a repeating week, to the minute; weeks start on Sunday 00:00 as
/// in cron and <see cref="DayOfWeek"/>.</summary>
public readonly record struct TimeOfWeek : IComparable<TimeOfWeek>
{
    /// <summary>Minutes in a week.</summary>
    public const int MinutesPerWeek = 7 * MinutesPerDay;

    /// <summary>Minutes in a day.</summary>
    public const int MinutesPerDay = 24 * 60;

    /// <summary>Creates the moment <paramref name="minuteOfWeek"/> minutes after Sunday 00:00;
    /// values outside one week wrap around.</summary>
    public TimeOfWeek(int minuteOfWeek)
    {
        MinuteOfWeek = ((minuteOfWeek % MinutesPerWeek) + MinutesPerWeek) % MinutesPerWeek;
    }

    /// <summary>Minutes since Sunday 00:00, 0 to 10079.</summary>
    public int MinuteOfWeek { get; }

    /// <summary>Day of the week.</summary>
    public DayOfWeek Day => (DayOfWeek)(MinuteOfWeek / MinutesPerDay);

    /// <summary>Minutes since midnight, 0 to 1439.</summary>
    public int MinuteOfDay => MinuteOfWeek % MinutesPerDay;

    /// <summary>Hour of the day, 0 to 23.</summary>
    public int Hour => MinuteOfDay / 60;

    /// <summary>Minute of the hour, 0 to 59.</summary>
    public int Minute => MinuteOfDay % 60;

    /// <summary>The moment <paramref name="hour"/>:<paramref name="minute"/> on <paramref name="day"/>.</summary>
    public static TimeOfWeek Of(DayOfWeek day, int hour, int minute)
    {
        if (hour is < 0 or > 23 || minute is < 0 or > 59)
            throw new ArgumentOutOfRangeException(nameof(hour), $"{hour:00}:{minute:00} is not a time of day; use 00:00 to 23:59");
        return new TimeOfWeek((int)day * MinutesPerDay + hour * 60 + minute);
    }

    /// <summary>The moment of the week that wall-clock time <paramref name="localTime"/> falls on,
    /// seconds dropped.</summary>
    public static TimeOfWeek From(DateTime localTime) =>
        new((int)localTime.DayOfWeek * MinutesPerDay + localTime.Hour * 60 + localTime.Minute);

    /// <summary>Reads a moment written as <see cref="ToString"/> writes it: a day, then a 24-hour
    /// time of day, e.g. "Mon 07:30". Days are English names or their first three letters, in any
    /// case ("mon", "Monday").</summary>
    /// <param name="text">The text to read.</param>
    /// <param name="moment">The moment, when <paramref name="text"/> is one.</param>
    /// <returns>Whether <paramref name="text"/> is a moment of the week.</returns>
    public static bool TryParse(string? text, out TimeOfWeek moment)
    {
        moment = default;
        var parts = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
            return false;
        int day = Array.FindIndex(Enum.GetNames<DayOfWeek>(), name =>
            string.Equals(name, parts[0], StringComparison.OrdinalIgnoreCase)
            || string.Equals(name[..3], parts[0], StringComparison.OrdinalIgnoreCase));
        var clock = parts[1].Split(':');
        if (day < 0 || clock.Length != 2 || clock[0].Length is < 1 or > 2 || clock[1].Length != 2
            || !int.TryParse(clock[0], NumberStyles.None, CultureInfo.InvariantCulture, out int hour)
            || !int.TryParse(clock[1], NumberStyles.None, CultureInfo.InvariantCulture, out int minute)
            || hour > 23 || minute > 59)
            return false;
        moment = Of((DayOfWeek)day, hour, minute);
        return true;
    }

    /// <summary>This moment moved by <paramref name="minutes"/>, wrapping around the week.</summary>
    public TimeOfWeek AddMinutes(int minutes) => new(MinuteOfWeek + minutes);

    /// <summary>Minutes from this moment forward to <paramref name="later"/>, 0 to 10079.</summary>
    public int MinutesUntil(TimeOfWeek later) => new TimeOfWeek(later.MinuteOfWeek - MinuteOfWeek).MinuteOfWeek;

    /// <inheritdoc />
    public int CompareTo(TimeOfWeek other) => MinuteOfWeek.CompareTo(other.MinuteOfWeek);

    /// <summary>Orders by minute of the week.</summary>
    public static bool operator <(TimeOfWeek left, TimeOfWeek right) => left.CompareTo(right) < 0;

    /// <summary>Orders by minute of the week.</summary>
    public static bool operator >(TimeOfWeek left, TimeOfWeek right) => left.CompareTo(right) > 0;

    /// <summary>Orders by minute of the week.</summary>
    public static bool operator <=(TimeOfWeek left, TimeOfWeek right) => left.CompareTo(right) <= 0;

    /// <summary>Orders by minute of the week.</summary>
    public static bool operator >=(TimeOfWeek left, TimeOfWeek right) => left.CompareTo(right) >= 0;

    /// <summary>For example "Mon 07:30".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Day.ToString()[..3]} {Hour:00}:{Minute:00}");
}
