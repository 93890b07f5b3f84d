namespace Infra.Bench;

/// <summary>Finds the shared trace folder, which lives beside the repository rather than in it.</summary>
internal static class SharedTraces
{
    /// <summary>The traces the bench runs by default: every CSV in <paramref name="folder"/>, by
    /// name. Nothing about a trace is keyed by its file name; step and zone come from its data.</summary>
    public static IReadOnlyList<string> In(string folder) =>
        Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal).ToArray();

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
