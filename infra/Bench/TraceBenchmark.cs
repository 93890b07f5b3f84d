using Infra.Components.Autoscaling.Forecasting;

namespace Infra.Bench;

/// <summary>Rolling-origin evaluation of one trace: at each midnight of the evaluation window,
/// forecast and plan from all earlier data, then score the next 24 hours.</summary>
internal static class TraceBenchmark
{
    /// <summary>Days of history the first origin needs, so the weekly baseline has a week to repeat.</summary>
    private const int MinimumHistoryDays = 7;

    /// <summary>Days each forecast covers: the scored day, plus the next so that a raise due just
    /// after midnight can be scheduled ahead of it from the same plan.</summary>
    private const int PlanDays = 2;

    public static TraceResult Run(string name, LoadSeries series, BenchOptions options, Action<string> progress)
    {
        int slotsPerDay = series.SlotsPerDay;
        int stepMinutes = (int)series.Step.TotalMinutes;
        var values = series.Values;
        var lastMidnight = series.End.Date;
        var evalStart = lastMidnight.AddDays(-options.EvalDays);
        if (evalStart.AddDays(-MinimumHistoryDays) < series.Start)
            throw new ArgumentException(
                $"{name} covers {series.Start:yyyy-MM-dd} to {series.End:yyyy-MM-dd HH:mm}; evaluating {options.EvalDays} days needs {options.EvalDays + MinimumHistoryDays} whole days, so lower --eval-days or give a longer trace");
        int evalFrom = series.IndexOf(evalStart);
        int evalSlots = options.EvalDays * slotsPerDay;

        var times = new DateTime[evalSlots];
        var actual = new double[evalSlots];
        var forecast = new double[evalSlots];
        var naiveDay = new double[evalSlots];
        var naiveWeek = new double[evalSlots];
        var plans = new CapacitySchedule[options.EvalDays];
        var forecaster = new SeasonalLoadForecaster();
        double persistenceSum = 0;

        double capacityPerInstance = options.CapacityPerInstance
            ?? DefaultCapacityPerInstance(values.Skip(evalFrom).Take(evalSlots));
        var planOptions = new CapacityPlanOptions
        {
            CapacityPerInstance = capacityPerInstance,
            Quantile = options.Quantile,
            Headroom = options.Headroom,
            MinCapacity = 1,
            MaxCapacity = 10_000,
            HysteresisInstances = 1,
        };

        CapacitySchedule? previous = null;
        for (int day = 0; day < options.EvalDays; day++)
        {
            progress($"day {day + 1}/{options.EvalDays}");
            var origin = evalStart.AddDays(day);
            int originIndex = series.IndexOf(origin);
            var prediction = forecaster.Forecast(series.Before(origin), PlanDays);
            persistenceSum += prediction.Persistence;
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

            plans[day] = CapacityPlanner.Plan(prediction, planOptions, previous);
            previous = plans[day];
        }

        // Score only slots every method could forecast, so all three are judged on the same load.
        for (int slot = 0; slot < evalSlots; slot++)
            if (!double.IsFinite(naiveDay[slot]) || !double.IsFinite(naiveWeek[slot]))
                actual[slot] = double.NaN;

        double scale = ForecastAccuracy.SeasonalNaiveScale(values, slotsPerDay, evalFrom);
        var delay = TimeSpan.FromMinutes(options.ScaleOutDelayMinutes);
        var raised = plans.Select(p => p.RaisedAhead(delay)).ToArray();
        int ScheduledAt(int minute)
        {
            int day = Math.Min(minute / (24 * 60), raised.Length - 1);
            return raised[day].MinimumAt(evalStart.AddMinutes(minute));
        }

        progress("simulating capacity");
        var reactive = CapacitySimulation.Run(actual, stepMinutes, capacityPerInstance, options.TargetUtilization,
            options.ScaleOutDelayMinutes, planOptions.MinCapacity, planOptions.MaxCapacity, null);
        var predictive = CapacitySimulation.Run(actual, stepMinutes, capacityPerInstance, options.TargetUtilization,
            options.ScaleOutDelayMinutes, planOptions.MinCapacity, planOptions.MaxCapacity, ScheduledAt);

        return new TraceResult
        {
            Trace = name,
            StepMinutes = stepMinutes,
            TimeZoneId = series.TimeZoneId,
            EvalDays = options.EvalDays,
            EvalStart = evalStart,
            ScoredSlots = actual.Count(double.IsFinite),
            Wape = ForecastAccuracy.Wape(actual, forecast),
            Mase = ForecastAccuracy.Mase(actual, forecast, scale),
            WapeNaiveDay = ForecastAccuracy.Wape(actual, naiveDay),
            MaseNaiveDay = ForecastAccuracy.Mase(actual, naiveDay, scale),
            WapeNaiveWeek = ForecastAccuracy.Wape(actual, naiveWeek),
            MaseNaiveWeek = ForecastAccuracy.Mase(actual, naiveWeek, scale),
            MeanPersistence = persistenceSum / options.EvalDays,
            CapacityPerInstance = capacityPerInstance,
            ScaleOutDelayMinutes = options.ScaleOutDelayMinutes,
            TargetUtilization = options.TargetUtilization,
            Quantile = options.Quantile,
            Headroom = options.Headroom,
            UnderprovisionedReactive = reactive.UnderprovisionedShare,
            UnderprovisionedPredictive = predictive.UnderprovisionedShare,
            UnderprovisionedTimeReactive = reactive.UnderprovisionedTimeShare,
            UnderprovisionedTimePredictive = predictive.UnderprovisionedTimeShare,
            InstanceHoursReactive = reactive.InstanceHours,
            InstanceHoursPredictive = predictive.InstanceHours,
            MeanScheduleEntries = plans.Average(p => p.Entries.Count),
            Times = times,
            Actual = actual,
            Forecast = forecast,
            NaiveWeek = naiveWeek,
            LastSchedule = plans[^1],
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
