using Infra.Components.Autoscaling.Forecasting;
using Infra.Tests.Harness;
using Xunit;

namespace Infra.Tests.Autoscaling.Forecasting;

public class SharedTraceSmokeTest
{
    [Fact]
    public void The_shared_taxi_trace_parses_in_new_york_time()
    {
        // The traces live in shared/ beside the repository (never copied into it).
        var path = Path.Combine(RepoPaths.Root, "..", "shared", "data", "traces", "nab_nyc_taxi.csv");
        Assert.True(File.Exists(path), $"{path} not found");
        var history = LoadHistoryCsv.Read(path, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));

        Assert.Equal(10_320, history.Samples.Count);
        Assert.Equal(TimeSpan.FromMinutes(30), history.SourceStep);
        Assert.Equal(new DateTime(2014, 7, 1, 0, 0, 0), history.Samples[0].LocalTime);
        Assert.Equal(10_844, history.Samples[0].Value);
    }
}
