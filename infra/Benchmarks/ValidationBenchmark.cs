namespace Infra.Benchmarks;

/// <summary>Placeholder replaced below.</summary>
public static class ValidationBenchmark
{
    /// <summary>Runs the benchmark.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout) => Task.FromResult(0);
}
