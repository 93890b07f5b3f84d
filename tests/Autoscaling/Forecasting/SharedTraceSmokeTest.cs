using Infra.Components.Autoscaling.Forecasting;
using Xunit;

namespace Infra.Tests.Autoscaling.Forecasting;

public class SharedTraceSmokeTest
{
    [Fact]
    public void The_shared_taxi_trace_parses_in_new_york_time()
    {
        // The traces live in shared/ beside the repository; walk up to find it as the bench does.
        string? path = null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null && path is null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "traces", "nab_nyc_taxi.csv");
            if (File.Exists(candidate))
                path = candidate;
        }

        Assert.True(path is not null, "shared/data/traces/nab_nyc_taxi.csv not found above " + AppContext.BaseDirectory);
        var history = LoadHistoryCsv.Read(path, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));

        Assert.Equal(10_320, history.Samples.Count);
        Assert.Equal(TimeSpan.FromMinutes(30), history.SourceStep);
        Assert.Equal(new DateTime(2014, 7, 1, 0, 0, 0), history.Samples[0].LocalTime);
        Assert.Equal(10_844, history.Samples[0].Value);
    }
}
