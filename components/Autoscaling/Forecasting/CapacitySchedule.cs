namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>A cloud-neutral weekly schedule of minimum capacity in the wall clock of one IANA time
/// zone: contiguous entries that together cover the week, each holding a minimum instance count.
/// The AWS, Azure and KEDA translations read it (<see cref="AwsScheduledCapacity"/>,
/// <see cref="AzureRecurrenceProfile"/>, <see cref="KedaCronTrigger"/>).</summary>
public sealed class CapacitySchedule
{
    private readonly CapacityScheduleEntry[] _entries;

    /// <summary>Creates a schedule from entries that cover the week without gaps or overlaps.</summary>
    /// <param name="timeZoneId">IANA id of the zone whose wall clock the entries follow, e.g.
    /// "America/New_York".</param>
    /// <param name="entries">The entries in any order; each one's end must be the start of another.</param>
    public CapacitySchedule(string timeZoneId, IEnumerable<CapacityScheduleEntry> entries)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        ArgumentNullException.ThrowIfNull(entries);
        _entries = entries.OrderBy(e => e.Start).ToArray();
        if (_entries.Length == 0)
            throw new ArgumentException("a schedule needs at least one entry; use CapacitySchedule.Constant for a flat one",
                nameof(entries));
        var negative = _entries.FirstOrDefault(e => e.MinimumCapacity < 0);
        if (negative is not null)
            throw new ArgumentException($"entry {negative} has a negative minimum; use 0 or more", nameof(entries));
        for (int i = 0; i < _entries.Length; i++)
        {
            var next = _entries[(i + 1) % _entries.Length];
            if (_entries[i].End != next.Start || (_entries.Length > 1 && _entries[i].Start == _entries[i].End))
                throw new ArgumentException(
                    $"entry {_entries[i]} must end where the next one starts ({next.Start}) so the week has no gap or overlap",
                    nameof(entries));
        }

        TimeZoneId = timeZoneId;
    }

    /// <summary>IANA id of the zone whose wall clock the entries follow.</summary>
    public string TimeZoneId { get; }

    /// <summary>The entries ordered by start.</summary>
    public IReadOnlyList<CapacityScheduleEntry> Entries => _entries;

    /// <summary>A schedule that keeps <paramref name="minimumCapacity"/> all week.</summary>
    public static CapacitySchedule Constant(string timeZoneId, int minimumCapacity) =>
        new(timeZoneId, [new CapacityScheduleEntry(new TimeOfWeek(0), new TimeOfWeek(0), minimumCapacity)]);

    /// <summary>The minimum in force at <paramref name="moment"/>.</summary>
    public int MinimumAt(TimeOfWeek moment)
    {
        foreach (var entry in _entries)
            if (entry.Contains(moment))
                return entry.MinimumCapacity;
        throw new InvalidOperationException("unreachable: the entries cover the week");
    }

    /// <summary>The minimum in force at wall-clock time <paramref name="localTime"/>.</summary>
    public int MinimumAt(DateTime localTime) => MinimumAt(TimeOfWeek.From(localTime));

    /// <summary>This schedule with no minimum below <paramref name="floor"/>: the demand policy's own
    /// minimum, which a schedule must never undercut.</summary>
    public CapacitySchedule WithFloor(int floor)
    {
        var levels = MinuteLevels();
        for (int i = 0; i < levels.Length; i++)
            levels[i] = Math.Max(levels[i], floor);
        return FromMinuteLevels(TimeZoneId, levels);
    }

    /// <summary>This schedule with every raise moved <paramref name="lead"/> earlier, so instances
    /// launched for it are in service when the load arrives; decreases stay where they are. Each
    /// minute takes the highest minimum of the next <paramref name="lead"/>.</summary>
    /// <param name="lead">How long an instance takes from launch to serving, e.g. 10 minutes.</param>
    public CapacitySchedule RaisedAhead(TimeSpan lead)
    {
        int leadMinutes = (int)Math.Ceiling(lead.TotalMinutes);
        if (leadMinutes < 0 || leadMinutes >= TimeOfWeek.MinutesPerWeek)
            throw new ArgumentOutOfRangeException(nameof(lead), lead, "the lead must be between zero and a week");
        if (leadMinutes == 0)
            return this;
        var levels = MinuteLevels();
        var raised = new int[levels.Length];
        for (int minute = 0; minute < levels.Length; minute++)
        {
            int highest = levels[minute];
            for (int ahead = 1; ahead <= leadMinutes; ahead++)
                highest = Math.Max(highest, levels[(minute + ahead) % levels.Length]);
            raised[minute] = highest;
        }

        return FromMinuteLevels(TimeZoneId, raised);
    }

    /// <summary>For example "America/New_York: Sun 00:00-Mon 07:00 min 2, Mon 07:00-... ".</summary>
    public override string ToString() => $"{TimeZoneId}: {string.Join(", ", _entries.Select(e => e.ToString()))}";

    /// <summary>The minimum for each minute of the week, Sunday 00:00 first.</summary>
    internal int[] MinuteLevels()
    {
        var levels = new int[TimeOfWeek.MinutesPerWeek];
        foreach (var entry in _entries)
            for (int offset = 0; offset < entry.DurationMinutes; offset++)
                levels[(entry.Start.MinuteOfWeek + offset) % levels.Length] = entry.MinimumCapacity;
        return levels;
    }

    /// <summary>The schedule whose minimum for each minute of the week is
    /// <paramref name="levels"/>[minute], as few entries as equal neighbours allow.</summary>
    internal static CapacitySchedule FromMinuteLevels(string timeZoneId, int[] levels)
    {
        var changes = new List<int>();
        for (int minute = 0; minute < levels.Length; minute++)
            if (levels[minute] != levels[(minute + levels.Length - 1) % levels.Length])
                changes.Add(minute);
        if (changes.Count == 0)
            return Constant(timeZoneId, levels[0]);
        var entries = new List<CapacityScheduleEntry>(changes.Count);
        for (int i = 0; i < changes.Count; i++)
            entries.Add(new CapacityScheduleEntry(new TimeOfWeek(changes[i]),
                new TimeOfWeek(changes[(i + 1) % changes.Count]), levels[changes[i]]));
        return new CapacitySchedule(timeZoneId, entries);
    }
}
