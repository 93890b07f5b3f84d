using Infra.Components.Autoscaling.Forecasting;

namespace Infra.Bench;

/// <summary>Rolling-origin evaluation of one trace over its whole history: at every midnight with
/// enough history before it, forecast and plan from the load before that midnight only, then score
/// the next 24 hours; figures per window of scored days and over all of them.</summary>
/// <remarks>
/// Choosing is kept apart from scoring by construction: the forecaster is handed only the slots before
/// each origin, so whatever it fits or selects there (persistence, model choice, error quantiles) rests
/// on data before the day it is scored on, and its settings are its defaults, the same for every trace.
/// </remarks>
internal static class TraceBenchmark
{
    /// <summary>Whole days of history the first origin needs, so the week-naive baseline has a week to
    /// repeat.</summary>
    public const int MinimumHistoryDays = 7;

    /// <summary>Days each forecast covers: the scored day, plus the next so that a raise due just
    /// after midnight can be scheduled ahead of it from the same plan.</summary>
    private const int PlanDays = 2;

    public static TraceResult Run(string name, LoadSeries series, BenchOptions options, Action<string> progress)
    {
        int slotsPerDay = series.SlotsPerDay;
        int stepMinutes = (int)series.Step.TotalMinutes;
        var values = series.Values;
        var firstDay = series.Start.TimeOfDay == TimeSpan.Zero ? series.Start : series.Start.Date.AddDays(1);
        var firstOrigin = firstDay.AddDays(MinimumHistoryDays);
        var end = series.End.Date;
        int originCount = (int)(end - firstOrigin).TotalDays;
        if (originCount < 1)
            throw new ArgumentException(
                $"{name} covers {series.Start:yyyy-MM-dd HH:mm} to {series.End:yyyy-MM-dd HH:mm}; the rolling origin needs {MinimumHistoryDays} whole days of history and one more day to score, so give a longer trace");

        int firstIndex = series.IndexOf(firstOrigin);
        int slots = originCount * slotsPerDay;
        var times = new DateTime[slots];
        var actual = new double[slots];
        var forecast = new double[slots];
        var naiveDay = new double[slots];
        var naiveWeek = new double[slots];
        var models = new string[originCount];
        var predictions = new LoadForecast[originCount];
        var forecaster = new SeasonalLoadForecaster();
        for (int day = 0; day < originCount; day++)
        {
            if (day % 7 == 0)
                progress($"forecasting day {day + 1}/{originCount}");
            var origin = firstOrigin.AddDays(day);
            int originIndex = series.IndexOf(origin);
            var prediction = forecaster.Forecast(series.Before(origin), PlanDays);
            predictions[day] = prediction;
            models[day] = prediction.Model;
            for (int i = 0; i < slotsPerDay; i++)
            {
                int slot = day * slotsPerDay + i;
                int target = originIndex + i;
                times[slot] = series.TimeAt(target);
                actual[slot] = target < values.Count ? values[target] : double.NaN;
                forecast[slot] = prediction.Expected[i];
                naiveDay[slot] = ForecastAccuracy.SeasonalNaive(values, target, originIndex, slotsPerDay);
                naiveWeek[slot] = ForecastAccuracy.SeasonalNaive(values, target, originIndex, 7 * slotsPerDay);
            }
        }

        // Score only slots every method could forecast, so all three are judged on the same load.
        for (int slot = 0; slot < slots; slot++)
            if (!double.IsFinite(naiveDay[slot]) || !double.IsFinite(naiveWeek[slot]))
                actual[slot] = double.NaN;

        double capacityPerInstance = options.CapacityPerInstance ?? DefaultCapacityPerInstance(actual);
        var planOptions = new CapacityPlanOptions
        {
            CapacityPerInstance = capacityPerInstance,
            Quantile = options.Quantile,
            Headroom = options.Headroom,
            MinCapacity = 1,
            MaxCapacity = 10_000,
            HysteresisInstances = 1,
        };
        progress("planning");
        // Each origin's plan is what the program would plan from that forecast alone: the program
        // never hands the planner a previous plan, and doing so here would count the hysteresis band
        // twice (a stretch already rises to its highest need within the band, and keeping yesterday's
        // minimum where today's need is up to a band lower raises it again).
        var plans = new CapacitySchedule[originCount];
        for (int day = 0; day < originCount; day++)
            plans[day] = CapacityPlanner.Plan(predictions[day], planOptions);

        // Windows tile the end of the history; one that would start before the first origin is left out.
        var windows = new List<WindowResult>();
        int windowDays = Math.Min(options.EvalDays, originCount);
        bool full = options.EvalDays <= originCount;
        for (int w = 0; w < options.Windows; w++)
        {
            int lastDay = originCount - w * windowDays;
            int startDay = lastDay - windowDays;
            if (startDay < 0)
                break;
            progress($"simulating window {w + 1}");
            windows.Add(Window(series, firstOrigin, startDay, windowDays, actual, forecast, naiveDay, naiveWeek, models,
                plans, planOptions, options, firstIndex));
        }

        progress("simulating all origins");
        var all = Window(series, firstOrigin, 0, originCount, actual, forecast, naiveDay, naiveWeek, models, plans,
            planOptions, options, firstIndex);

        return new TraceResult
        {
            Trace = name,
            StepMinutes = stepMinutes,
            TimeZoneId = series.TimeZoneId,
            MinimumHistoryDays = MinimumHistoryDays,
            FirstOrigin = firstOrigin,
            End = end,
            EvalDays = windowDays,
            FullWindows = full,
            All = all,
            Windows = windows,
            CapacityPerInstance = capacityPerInstance,
            ScaleOutDelayMinutes = options.ScaleOutDelayMinutes,
            TargetUtilization = options.TargetUtilization,
            Quantile = options.Quantile,
            Headroom = options.Headroom,
            Times = times,
            Actual = actual,
            Forecast = forecast,
            NaiveWeek = naiveWeek,
            LastSchedule = plans[^1],
        };
    }

    private static WindowResult Window(LoadSeries series, DateTime firstOrigin, int startDay, int days,
        double[] actual, double[] forecast, double[] naiveDay, double[] naiveWeek, string[] models,
        CapacitySchedule[] plans, CapacityPlanOptions planOptions, BenchOptions options, int firstIndex)
    {
        int slotsPerDay = series.SlotsPerDay;
        int stepMinutes = (int)series.Step.TotalMinutes;
        int from = startDay * slotsPerDay, count = days * slotsPerDay;
        var a = new ArraySegment<double>(actual, from, count);
        var f = new ArraySegment<double>(forecast, from, count);
        var nd = new ArraySegment<double>(naiveDay, from, count);
        var nw = new ArraySegment<double>(naiveWeek, from, count);
        var start = firstOrigin.AddDays(startDay);
        double scale = ForecastAccuracy.SeasonalNaiveScale(series.Values, slotsPerDay, firstIndex + from);

        var delay = TimeSpan.FromMinutes(options.ScaleOutDelayMinutes);
        var raised = plans.Skip(startDay).Take(days).Select(p => p.RaisedAhead(delay)).ToArray();
        int ScheduledAt(int minute)
        {
            int day = Math.Min(minute / (24 * 60), raised.Length - 1);
            return raised[day].MinimumAt(start.AddMinutes(minute));
        }

        var reactive = CapacitySimulation.Run(a, stepMinutes, planOptions.CapacityPerInstance, options.TargetUtilization,
            options.ScaleOutDelayMinutes, planOptions.MinCapacity, planOptions.MaxCapacity, null);
        var predictive = CapacitySimulation.Run(a, stepMinutes, planOptions.CapacityPerInstance, options.TargetUtilization,
            options.ScaleOutDelayMinutes, planOptions.MinCapacity, planOptions.MaxCapacity, ScheduledAt);

        return new WindowResult
        {
            Start = start,
            Days = days,
            HistoryDays = (int)(start - firstOrigin).TotalDays + MinimumHistoryDays,
            ScoredSlots = a.Count(double.IsFinite),
            Wape = ForecastAccuracy.Wape(a, f),
            Mase = ForecastAccuracy.Mase(a, f, scale),
            WapeNaiveDay = ForecastAccuracy.Wape(a, nd),
            MaseNaiveDay = ForecastAccuracy.Mase(a, nd, scale),
            WapeNaiveWeek = ForecastAccuracy.Wape(a, nw),
            MaseNaiveWeek = ForecastAccuracy.Mase(a, nw, scale),
            Models = models.Skip(startDay).Take(days).GroupBy(m => m).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count()),
            UnderprovisionedReactive = reactive.UnderprovisionedShare,
            UnderprovisionedPredictive = predictive.UnderprovisionedShare,
            UnderprovisionedTimeReactive = reactive.UnderprovisionedTimeShare,
            UnderprovisionedTimePredictive = predictive.UnderprovisionedTimeShare,
            InstanceHoursReactive = reactive.InstanceHours,
            InstanceHoursPredictive = predictive.InstanceHours,
            MeanScheduleEntries = plans.Skip(startDay).Take(days).Average(p => p.Entries.Count),
        };
    }

    /// <summary>The 95th-percentile slot load over eight, to two significant digits: about eight
    /// instances at busy times, enough for rounding to matter little.</summary>
    private static double DefaultCapacityPerInstance(IEnumerable<double> load)
    {
        var known = load.Where(double.IsFinite).Order().ToArray();
        if (known.Length == 0)
            return 1;
        double raw = known[(int)Math.Floor(0.95 * (known.Length - 1))] / 8;
        if (raw <= 0)
            return 1;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)) - 1);
        return Math.Round(raw / magnitude) * magnitude;
    }
}
