using Infra.Components.Autoscaling.Forecasting;
using Xunit;

namespace Infra.Tests.Autoscaling.Forecasting;

public class SeasonalLoadForecasterTests
{
    private static double MaxRelativeError(LoadForecast forecast, Func<DateTime, double> truth) =>
        Enumerable.Range(0, forecast.Count)
            .Max(i => Math.Abs(forecast.Expected[i] / truth(forecast.TimeAt(i)) - 1));

    [Fact]
    public void A_clean_daily_and_weekly_pattern_is_recovered_exactly()
    {
        var history = SyntheticLoad.Series(days: 56, stepMinutes: 30);

        var forecast = new SeasonalLoadForecaster().Forecast(history, 7);

        Assert.Equal(7 * 48, forecast.Count);
        Assert.Equal(history.End, forecast.Start);
        Assert.True(MaxRelativeError(forecast, SyntheticLoad.Pattern) < 1e-9);
    }

    [Fact]
    public void Daily_and_weekly_seasonality_is_recovered_through_noise()
    {
        // ±5 % noise on every slot of ten weeks.
        var history = SyntheticLoad.Series(days: 70, stepMinutes: 60, (_, i) => 1 + SyntheticLoad.Noise(i, 0.05));

        var forecast = new SeasonalLoadForecaster().Forecast(history, 14);

        var slots = Enumerable.Range(0, forecast.Count).ToArray();
        double meanError = slots.Average(i => Math.Abs(forecast.Expected[i] / SyntheticLoad.Pattern(forecast.TimeAt(i)) - 1));
        Assert.True(meanError < 0.02, $"mean slot error {meanError:P2}");
        // Weekly seasonality: every forecast day's mean within 1.5 % of the true day's mean
        // (weekends at 60 %, Fridays at 110 %).
        foreach (var day in slots.GroupBy(i => i / 24))
        {
            double forecastMean = day.Average(i => forecast.Expected[i]);
            double trueMean = day.Average(i => SyntheticLoad.Pattern(forecast.TimeAt(i)));
            Assert.True(Math.Abs(forecastMean / trueMean - 1) < 0.015,
                $"{forecast.TimeAt(day.First()):ddd dd}: forecast mean {forecastMean:F1}, true {trueMean:F1}");
        }

        // Daily seasonality: each hour of the day, averaged over the 14 days, within 2 %.
        foreach (var hour in slots.GroupBy(i => i % 24))
        {
            double forecastMean = hour.Average(i => forecast.Expected[i]);
            double trueMean = hour.Average(i => SyntheticLoad.Pattern(forecast.TimeAt(i)));
            Assert.True(Math.Abs(forecastMean / trueMean - 1) < 0.02, $"hour {hour.Key}: {forecastMean:F1} vs {trueMean:F1}");
        }
    }

    [Fact]
    public void A_holiday_in_an_earlier_week_does_not_bend_the_forecast()
    {
        // Day 35 (a Monday) runs at 30 %, like a public holiday; the next Monday is day 56.
        var history = SyntheticLoad.Series(days: 56, stepMinutes: 60, (day, _) => day == 35 ? 0.3 : 1);

        var forecast = new SeasonalLoadForecaster().Forecast(history, 1);

        Assert.Equal(DayOfWeek.Monday, forecast.Start.DayOfWeek);
        // The median passes the holiday by; it erred least on the recent days, so it leads the
        // combination, and the models the holiday did bend get little weight.
        Assert.Equal(ForecastModels.WeeklyMedian, forecast.Model);
        double error = MaxRelativeError(forecast, SyntheticLoad.Pattern);
        Assert.True(error < 0.01, $"{error:P3} off, from {string.Join(" + ", forecast.Models)}");
    }

    [Fact]
    public void An_outage_is_missing_data_not_zero_load()
    {
        // Days 40 to 43 have no rows at all.
        var history = SyntheticLoad.Series(days: 56, stepMinutes: 60, (day, _) => day is >= 40 and <= 43 ? double.NaN : 1);

        var forecast = new SeasonalLoadForecaster().Forecast(history, 7);

        Assert.True(MaxRelativeError(forecast, SyntheticLoad.Pattern) < 1e-9);
    }

    [Fact]
    public void A_lasting_change_of_level_is_followed_and_fades_with_the_horizon()
    {
        // Load drifts: each day's level is the previous one's plus a fixed wiggle, so yesterday's
        // deviation from the weekly profile predicts today's.
        var level = new double[71];
        level[0] = 1;
        for (int d = 1; d < level.Length; d++)
            level[d] = level[d - 1] * (1 + 0.04 * Math.Sin(d * 0.45));
        var history = SyntheticLoad.Series(days: 70, stepMinutes: 60, (day, _) => level[day]);

        var forecast = new SeasonalLoadForecaster().Forecast(history, 3);

        Assert.True(forecast.Persistence > 0.8, $"persistence {forecast.Persistence:F2}");
        Assert.NotEqual(1, forecast.LevelCorrections[0], 3);
        // Day h ahead carries φ^h of the deviation, so the correction shrinks toward 1.
        Assert.True(Math.Abs(Math.Log(forecast.LevelCorrections[1])) < Math.Abs(Math.Log(forecast.LevelCorrections[0])));
        Assert.True(Math.Abs(Math.Log(forecast.LevelCorrections[2])) < Math.Abs(Math.Log(forecast.LevelCorrections[1])));
    }

    [Fact]
    public void One_day_blips_are_not_carried_into_the_next_day()
    {
        // Every third day runs 25 % high and the day after is normal, so deviations do not persist.
        var history = SyntheticLoad.Series(days: 69, stepMinutes: 60, (day, _) => day % 3 == 2 ? 1.25 : 1);

        var forecast = new SeasonalLoadForecaster().Forecast(history, 1);

        // The last day was a blip (day 68); carrying it would forecast 25 % too high.
        Assert.True(forecast.Persistence < 0.1, $"persistence {forecast.Persistence:F2}");
        Assert.InRange(forecast.LevelCorrections[0], 0.99, 1.02);
    }

    [Fact]
    public void A_storm_moves_the_forecast_by_at_most_the_clip()
    {
        // Persistent wiggles give a high persistence; then the last day collapses to 10 %.
        var history = SyntheticLoad.Series(days: 70, stepMinutes: 60,
            (day, _) => day == 69 ? 0.1 : 1 + 0.1 * Math.Sin(day * 0.3));

        var forecast = new SeasonalLoadForecaster { MaxRecentLogDeviation = 0.4 }.Forecast(history, 1);

        Assert.True(forecast.Persistence > 0.5, $"persistence {forecast.Persistence:F2}");
        Assert.True(forecast.LevelCorrections[0] >= Math.Exp(-0.4) - 1e-12);
        Assert.True(forecast.LevelCorrections[0] < 1);
    }

    [Fact]
    public void The_level_follows_the_last_hours_rather_than_the_whole_last_day()
    {
        // Persistent wiggles give a high persistence; the last day is normal until its last four
        // hours, which fall to 30 %: the level correction reads the load as it stands at the origin.
        var history = SyntheticLoad.Series(days: 70, stepMinutes: 60,
            (day, slot) => (1 + 0.1 * Math.Sin(day * 0.3)) * (day == 69 && slot % 24 >= 20 ? 0.3 : 1));

        var forecast = new SeasonalLoadForecaster().Forecast(history, 1);

        Assert.True(forecast.Persistence > 0.5, $"persistence {forecast.Persistence:F2}");
        Assert.True(forecast.LevelCorrections[0] < 0.8, $"correction {forecast.LevelCorrections[0]:F2}");
    }

    [Fact]
    public void Less_than_a_week_of_history_falls_back_to_the_same_slot_of_earlier_days()
    {
        var history = SyntheticLoad.Series(days: 3, stepMinutes: 60);

        var forecast = new SeasonalLoadForecaster().Forecast(history, 1);

        // Thursday 2024-01-04 forecast from Mon-Wed, which share the weekday pattern.
        Assert.True(MaxRelativeError(forecast, SyntheticLoad.Pattern) < 1e-9);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    public void A_horizon_outside_one_to_fourteen_days_is_refused(int days)
    {
        var history = SyntheticLoad.Series(days: 14, stepMinutes: 60);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SeasonalLoadForecaster().Forecast(history, days));

        Assert.Contains("1 to 14 days", error.Message);
    }

    [Fact]
    public void The_quantile_of_a_noisy_series_lies_above_the_expectation_and_the_median_near_it()
    {
        var history = SyntheticLoad.Series(days: 70, stepMinutes: 60, (_, i) => 1 + SyntheticLoad.Noise(i, 0.2));

        var forecast = new SeasonalLoadForecaster().Forecast(history, 1);

        double q90 = forecast.RatioQuantile(0.9);
        Assert.InRange(q90, 1.08, 1.25);
        Assert.InRange(forecast.RatioQuantile(0.5), 0.95, 1.05);
        Assert.Equal(forecast.Expected[5] * q90, forecast.Quantile(0.9)[5], 9);
    }

    [Fact]
    public void Load_whose_level_wanders_from_day_to_day_is_led_by_a_model_that_follows_yesterday()
    {
        // Each day's level is the previous one's times up to ±30 %, so last week says little and
        // yesterday much: the model chosen on the recent days must not be a weekly profile.
        var level = new double[57];
        level[0] = 1;
        for (int d = 1; d < level.Length; d++)
            level[d] = level[d - 1] * (1 + SyntheticLoad.Noise(d * 7919, 0.3));
        var history = SyntheticLoad.Series(days: 56, stepMinutes: 60, (day, _) => level[day]);

        var forecast = new SeasonalLoadForecaster().Forecast(history, 1);

        Assert.DoesNotContain(forecast.Model, new[] { ForecastModels.WeeklyMedian, ForecastModels.RecentWeeks, ForecastModels.WeekNaive });
        Assert.True(forecast.Models.Count is > 1 and <= 4, string.Join(" + ", forecast.Models));
    }

    [Fact]
    public void Under_two_weeks_of_history_the_default_model_forecasts_alone()
    {
        // Days with less than a week before them do not count as evidence, so 10 days leave 3: too few to choose.
        var history = SyntheticLoad.Series(days: 10, stepMinutes: 60, (_, i) => 1 + SyntheticLoad.Noise(i, 0.1));

        var forecast = new SeasonalLoadForecaster().Forecast(history, 2);

        Assert.Equal([ForecastModels.WeeklyMedian], forecast.Models);
        Assert.Equal(48, forecast.Count);
    }

    [Fact]
    public void The_candidates_can_be_narrowed_and_an_unknown_one_is_refused()
    {
        var history = SyntheticLoad.Series(days: 42, stepMinutes: 60, (_, i) => 1 + SyntheticLoad.Noise(i, 0.1));

        var naive = new SeasonalLoadForecaster { Models = [ForecastModels.WeekNaive] }.Forecast(history, 1);
        var error = Assert.Throws<InvalidOperationException>(() => new SeasonalLoadForecaster { Models = ["arima"] }.Forecast(history, 1));

        Assert.Equal([ForecastModels.WeekNaive], naive.Models);
        Assert.Equal(history.Values[^168], naive.Expected[0]);
        Assert.Contains("Models = [arima]", error.Message);
    }

    [Fact]
    public void Double_seasonal_smoothing_recovers_a_clean_pattern()
    {
        var history = SyntheticLoad.Series(days: 42, stepMinutes: 30);

        var forecast = new SeasonalLoadForecaster { Models = [ForecastModels.DoubleSeasonal] }.Forecast(history, 2);

        Assert.True(MaxRelativeError(forecast, SyntheticLoad.Pattern) < 0.01, $"{MaxRelativeError(forecast, SyntheticLoad.Pattern):P2}");
    }

    [Fact]
    public void The_daily_shape_model_recovers_a_shape_times_weekday_pattern_from_three_weeks()
    {
        // The synthetic load is exactly a daily curve times a weekday factor: the pooled shape, the
        // week's level and the weekday factors rebuild it, also past the first week ahead.
        var history = SyntheticLoad.Series(days: 21, stepMinutes: 60);

        var forecast = new SeasonalLoadForecaster { Models = [ForecastModels.DailyShape] }.Forecast(history, 14);

        Assert.Equal([ForecastModels.DailyShape], forecast.Models);
        Assert.True(MaxRelativeError(forecast, SyntheticLoad.Pattern) < 1e-9, $"{MaxRelativeError(forecast, SyntheticLoad.Pattern):P4}");
    }

    [Fact]
    public void Week_naive_follows_a_lasting_change_of_level_through_its_own_fitted_correction()
    {
        // The drifting level of the test above: a week-old copy is off by the week's drift, which the
        // last hours before the origin show and the fitted persistence carries forward.
        var level = new double[71];
        level[0] = 1;
        for (int d = 1; d < level.Length; d++)
            level[d] = level[d - 1] * (1 + 0.04 * Math.Sin(d * 0.45));
        var history = SyntheticLoad.Series(days: 70, stepMinutes: 60, (day, _) => level[day]);

        var corrected = new SeasonalLoadForecaster { Models = [ForecastModels.WeekNaive] }.Forecast(history, 1);
        var plain = new SeasonalLoadForecaster { Models = [ForecastModels.WeekNaive], CorrectStaleModels = false }.Forecast(history, 1);

        Assert.Equal(history.Values[^168], plain.Expected[0]);
        Assert.Equal(0, plain.Persistence);
        Assert.True(corrected.Persistence > 0.5, $"persistence {corrected.Persistence:F2}");
        double Error(LoadForecast f) => Enumerable.Range(0, 24).Average(i => Math.Abs(f.Expected[i] / (SyntheticLoad.Pattern(f.TimeAt(i)) * level[70]) - 1));
        Assert.True(Error(corrected) < Error(plain) / 2, $"corrected {Error(corrected):P2}, plain {Error(plain):P2}");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    public void A_selection_discount_outside_zero_to_one_is_refused(double discount)
    {
        var history = SyntheticLoad.Series(days: 21, stepMinutes: 60);

        var error = Assert.Throws<InvalidOperationException>(() => new SeasonalLoadForecaster { SelectionDiscount = discount }.Forecast(history, 1));

        Assert.Contains($"SelectionDiscount = {discount.ToString(System.Globalization.CultureInfo.CurrentCulture)} (above 0, at most 1)", error.Message);
    }
}
