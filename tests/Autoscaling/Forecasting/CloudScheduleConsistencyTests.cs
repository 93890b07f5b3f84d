using Infra.Components.Autoscaling;
using Infra.Components.Autoscaling.Aws;
using Infra.Components.Autoscaling.Forecasting;
using Infra.Tests.Harness;
using Infra.Tests.Sdk;
using Xunit;

namespace Infra.Tests.Autoscaling.Forecasting;

/// <summary>
/// One neutral schedule reaches three clouds in three shapes: AWS scheduled actions (what the
/// <see cref="AwsAutoscalingGroup"/> adapter plans), Azure recurring profiles and KEDA cron
/// triggers (the pure translations, as no Azure or Kubernetes autoscaling adapter exists yet).
/// Each shape is played minute by minute over a week with its cloud's rules, and every cloud must
/// hold the same minimum at every minute: the schedule floored at the group's minimum and raised
/// ahead.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class CloudScheduleConsistencyTests
{
    private const int Week = TimeOfWeek.MinutesPerWeek;

    private static ForecastScheduleSpec Spec(string zone, int raiseAheadMinutes, params (string Start, int MinSize)[] entries) => new()
    {
        TimeZone = zone,
        RaiseAheadMinutes = raiseAheadMinutes,
        Entries = entries.Select(e => new ForecastScheduleEntrySpec { Start = e.Start, MinSize = e.MinSize }).ToList(),
    };

    public static TheoryData<string, int> NamedSchedules => new()
    {
        { "office hours", 2 },
        { "nights across midnight and the week's end", 2 },
        { "flat above the floor", 1 },
        { "flat at the floor", 3 },
        { "below the floor most of the time", 4 },
    };

    private static ForecastScheduleSpec Named(string name) => name switch
    {
        "office hours" => Spec("America/New_York", 10,
            ("Mon 07:00", 6), ("Mon 19:00", 2), ("Tue 07:00", 6), ("Tue 19:00", 2), ("Wed 07:00", 6), ("Wed 19:00", 2),
            ("Thu 07:00", 6), ("Thu 19:00", 2), ("Fri 07:00", 6), ("Fri 19:00", 2)),
        "nights across midnight and the week's end" => Spec("Europe/Berlin", 15,
            ("Fri 22:00", 5), ("Sat 03:00", 1), ("Sat 22:00", 7), ("Sun 03:30", 1), ("Wed 00:05", 3), ("Wed 06:00", 1)),
        "flat above the floor" => Spec("UTC", 10, ("Tue 09:00", 4)),
        "flat at the floor" => Spec("Asia/Tokyo", 10, ("Tue 09:00", 3)),
        "below the floor most of the time" => Spec("America/Chicago", 30,
            ("Sun 00:00", 1), ("Mon 12:00", 6), ("Mon 13:00", 2), ("Thu 12:00", 5), ("Thu 12:30", 0)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such schedule"),
    };

    [Theory]
    [MemberData(nameof(NamedSchedules))]
    public async Task Aws_azure_and_keda_hold_the_same_minimum_at_every_minute_of_the_week(string name, int floor)
        => await AssertConsistent(Named(name), floor);

    [Fact]
    public async Task Generated_schedules_reach_every_cloud_with_the_same_windows_and_minimums()
    {
        var random = new Random(20240601);
        string[] zones = ["UTC", "America/New_York", "Europe/London", "Australia/Sydney"];
        for (int run = 0; run < 25; run++)
        {
            // 2 to 8 entries at quarter hours anywhere in the week, so stretches cross midnight and
            // the week's end; few enough for Azure's 20 profiles.
            var starts = Enumerable.Range(0, random.Next(2, 9))
                .Select(_ => new TimeOfWeek(random.Next(0, Week / 15) * 15))
                .Distinct()
                .ToArray();
            var spec = Spec(zones[random.Next(zones.Length)], random.Next(0, 4) * 10,
                starts.Select(s => (s.ToString(), random.Next(0, 10))).ToArray());

            await AssertConsistent(spec, floor: random.Next(0, 4));
        }
    }

    [Fact]
    public void Azure_receives_the_windows_time_zone_with_the_same_rules_as_the_iana_one()
    {
        foreach (var zone in new[] { "America/New_York", "Europe/Berlin", "Australia/Sydney", "UTC" })
        {
            var spec = Spec(zone, 0, ("Mon 08:00", 4), ("Mon 18:00", 1));
            var profile = AzureRecurrenceProfile.FromSchedule(spec.ToCapacitySchedule(), 1, TimeSpan.Zero)[0];

            Assert.True(TimeZoneInfo.TryConvertWindowsIdToIanaId(profile.TimeZone, out _), $"{profile.TimeZone} is no Windows time zone");
            Assert.True(TimeZoneInfo.FindSystemTimeZoneById(profile.TimeZone).HasSameRules(TimeZoneInfo.FindSystemTimeZoneById(zone)),
                $"{profile.TimeZone} follows other rules than {zone}");
        }
    }

    private static async Task AssertConsistent(ForecastScheduleSpec spec, int floor)
    {
        var lead = TimeSpan.FromMinutes(spec.RaiseAheadMinutes);
        var neutral = spec.ToCapacitySchedule();
        var prepared = neutral.WithFloor(floor).RaisedAhead(lead);
        var expected = Enumerable.Range(0, Week).Select(m => prepared.MinimumAt(new TimeOfWeek(m))).ToArray();

        var aws = await AwsActions(spec, floor);
        var azure = AzureRecurrenceProfile.FromSchedule(neutral, floor, lead);
        var keda = KedaCronTrigger.FromSchedule(neutral, floor, lead);

        Assert.All(aws, a => Assert.Equal(spec.TimeZone, a.TimeZone));
        Assert.All(keda, t => Assert.Equal(spec.TimeZone, t.Timezone));
        // AWS actions and Azure profiles alike: the latest start decides, around the week; with none
        // at all the group's own minimum (Azure's default profile) holds.
        AssertSameWeek(spec, "AWS scheduled actions", expected, ScheduledWeek.MinimumsOf(aws.Select(a => (a.Recurrence, a.MinSize)), floor));
        AssertSameWeek(spec, "Azure recurring profiles", expected,
            ScheduledWeek.LatestStartHolds(azure.SelectMany(p => p.Days.Select(d => ((int)Enum.Parse<DayOfWeek>(d) * 1440 + p.Hour * 60 + p.Minute, p.MinimumCapacity))), floor));
        AssertSameWeek(spec, "KEDA cron triggers", expected, HighestActiveTrigger(keda, floor));
    }

    /// <summary>What the AWS adapter plans, read back from the recorded Schedule resources.</summary>
    private static async Task<IReadOnlyList<AwsScheduledCapacity>> AwsActions(ForecastScheduleSpec spec, int floor)
    {
        var args = new AwsAutoscalingGroupArgs
        {
            Scaling = new ScalingSpec
            {
                MinSize = floor,
                MaxSize = 10,
                TargetTracking = { ["cpu"] = new TargetTrackingPolicySpec { Metric = ScalingMetrics.Cpu, TargetValue = 50 } },
                Predictive = new PredictiveScalingPolicy { Source = PredictiveScalingPolicy.Forecast, Schedule = spec },
            },
            ImageId = "ami-0123456789abcdef0",
            SubnetIds = { "subnet-a" },
        };
        var run = await PulumiTest.RunAsync(() => new AwsAutoscalingGroup("web", args));
        return run.OfType("aws:autoscaling/schedule:Schedule")
            .Select(s => new AwsScheduledCapacity(s.Name, (string)s.Input("recurrence")!, (string)s.Input("timeZone")!, (int)s.Number("minSize")!.Value))
            .ToArray();
    }

    private static void AssertSameWeek(ForecastScheduleSpec spec, string cloud, int[] expected, int[] actual)
    {
        int first = Enumerable.Range(0, Week).FirstOrDefault(m => expected[m] != actual[m], -1);
        Assert.True(first < 0,
            $"{cloud} hold {(first < 0 ? 0 : actual[first])} at {new TimeOfWeek(first)} where the schedule holds {(first < 0 ? 0 : expected[first])}: " +
            string.Join(", ", spec.Entries.Select(e => $"{e.Start}={e.MinSize}")) + $" in {spec.TimeZone}");
    }

    /// <summary>KEDA: each trigger is active from a start firing until the next end firing; the
    /// ScaledObject runs the highest active trigger's replicas, never below minReplicaCount.</summary>
    private static int[] HighestActiveTrigger(IEnumerable<KedaCronTrigger> triggers, int minReplicaCount)
    {
        var levels = Enumerable.Repeat(minReplicaCount, Week).ToArray();
        foreach (var trigger in triggers)
        {
            var ends = ScheduledWeek.Firings(trigger.End).Order().ToArray();
            foreach (int start in ScheduledWeek.Firings(trigger.Start))
            {
                int end = ends.Where(e => e > start).DefaultIfEmpty(ends[0] + Week).First();
                for (int minute = start; minute < end; minute++)
                    levels[minute % Week] = Math.Max(levels[minute % Week], trigger.DesiredReplicas);
            }
        }

        return levels;
    }
}
