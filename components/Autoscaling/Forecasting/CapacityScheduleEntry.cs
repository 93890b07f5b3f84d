namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>One stretch of a weekly schedule during which at least
/// <paramref name="MinimumCapacity"/> instances run.</summary>
/// <param name="Start">First minute of the stretch.</param>
/// <param name="End">First minute after it; equal to <paramref name="Start"/> only when one entry
/// covers the whole week.</param>
/// <param name="MinimumCapacity">Instances to keep at least, whatever the demand policy says.</param>
public sealed record CapacityScheduleEntry(TimeOfWeek Start, TimeOfWeek End, int MinimumCapacity)
{
    /// <summary>Length of the stretch in minutes, 1 to a whole week.</summary>
    public int DurationMinutes => Start == End ? TimeOfWeek.MinutesPerWeek : Start.MinutesUntil(End);

    /// <summary>Whether <paramref name="moment"/> falls inside the stretch.</summary>
    public bool Contains(TimeOfWeek moment) => Start.MinutesUntil(moment) < DurationMinutes;

    /// <summary>For example "Mon 07:00-Mon 19:00 min 6".</summary>
    public override string ToString() => $"{Start}-{End} min {MinimumCapacity}";
}
