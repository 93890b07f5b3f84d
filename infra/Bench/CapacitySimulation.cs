namespace Infra.Bench;

/// <summary>Minute-by-minute replay of a group of instances under target tracking, optionally with a
/// scheduled minimum, against the actual load.</summary>
/// <remarks>
/// Load is each slot's actual mean, held for the slot. Every minute target tracking asks for
/// ceil(load / (capacity per instance × target utilization)) instances, never fewer than the
/// scheduled minimum; new instances are billed from launch and serve after the scale-out delay.
/// Scale-in waits until the ask has stayed lower for 15 minutes, as AWS target tracking does. A slot
/// is under-provisioned when in any of its minutes the load exceeds what the serving instances can
/// take; the time share counts the minutes themselves, which is where the scale-out delay shows.
/// Slots with unknown load are not scored, and the group holds its size through them.
/// </remarks>
internal static class CapacitySimulation
{
    private const int ScaleInWindowMinutes = 15;

    public static (double UnderprovisionedShare, double UnderprovisionedTimeShare, double InstanceHours) Run(
        IReadOnlyList<double> load, int stepMinutes, double capacityPerInstance, double targetUtilization,
        int scaleOutDelayMinutes, int minCapacity, int maxCapacity, Func<int, int>? scheduledMinimumAtMinute)
    {
        int minutes = load.Count * stepMinutes;
        double perInstanceTarget = capacityPerInstance * targetUtilization;
        int Ask(double observed, int minute)
        {
            int tracking = double.IsFinite(observed) ? (int)Math.Ceiling(observed / perInstanceTarget - 1e-9) : 0;
            int scheduled = scheduledMinimumAtMinute?.Invoke(minute) ?? 0;
            return Math.Clamp(Math.Max(tracking, scheduled), minCapacity, maxCapacity);
        }

        double firstKnown = load.FirstOrDefault(double.IsFinite);
        int serving = Ask(firstKnown, 0);
        var launching = new List<int>(); // minute each launching instance starts serving
        var recentAsks = new Queue<int>();
        var underprovisioned = new bool[load.Count];
        double instanceMinutes = 0;
        int shortMinutes = 0, knownMinutes = 0;
        double lastKnown = firstKnown;

        for (int minute = 0; minute < minutes; minute++)
        {
            int slot = minute / stepMinutes;
            serving += launching.RemoveAll(ready => ready <= minute);
            double current = load[slot];
            if (double.IsFinite(current))
            {
                lastKnown = current;
                knownMinutes++;
                if (current > serving * capacityPerInstance)
                {
                    underprovisioned[slot] = true;
                    shortMinutes++;
                }
            }

            instanceMinutes += serving + launching.Count;

            // The policy acts on the minute just observed; the schedule is asked for the next minute.
            int ask = Ask(lastKnown, minute + 1);
            recentAsks.Enqueue(ask);
            if (recentAsks.Count > ScaleInWindowMinutes)
                recentAsks.Dequeue();
            int total = serving + launching.Count;
            if (ask > total)
            {
                for (int i = total; i < ask; i++)
                    launching.Add(minute + 1 + scaleOutDelayMinutes);
            }
            else if (recentAsks.Count == ScaleInWindowMinutes && recentAsks.Max() < total)
            {
                int surplus = total - recentAsks.Max();
                int cancelled = Math.Min(surplus, launching.Count);
                launching.RemoveRange(launching.Count - cancelled, cancelled);
                serving -= surplus - cancelled;
            }
        }

        int scored = 0, shortSlots = 0;
        for (int slot = 0; slot < load.Count; slot++)
        {
            if (!double.IsFinite(load[slot]))
                continue;
            scored++;
            if (underprovisioned[slot])
                shortSlots++;
        }

        return (scored > 0 ? (double)shortSlots / scored : 0,
            knownMinutes > 0 ? (double)shortMinutes / knownMinutes : 0,
            instanceMinutes / 60);
    }
}
