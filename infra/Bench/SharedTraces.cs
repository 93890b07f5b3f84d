namespace Infra.Bench;

/// <summary>Finds the shared trace folder, which lives beside the repository rather than in it.</summary>
internal static class SharedTraces
{
    /// <summary>The traces the bench runs by default, with the step and zone each is judged at.</summary>
    public static readonly IReadOnlyDictionary<string, (int StepMinutes, string TimeZoneId)> Known =
        new Dictionary<string, (int, string)>(StringComparer.OrdinalIgnoreCase)
        {
            ["nasa_http_1995.csv"] = (60, "America/New_York"),
            ["nab_nyc_taxi.csv"] = (30, "America/New_York"),
        };

    /// <summary>The first <c>shared/data/traces</c> folder found walking up from the current
    /// directory, then from the program's own folder; null when there is none.</summary>
    public static string? FindFolder()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data", "traces");
                if (Directory.Exists(candidate))
                    return candidate;
            }
        }

        return null;
    }
}
