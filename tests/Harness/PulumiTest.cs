using Infra.Plan;
using Pulumi;

namespace Infra.Tests.Harness;

/// <summary>
/// Runs a program (a component, a composition, a whole stack) under Pulumi's mock engine with
/// recording mocks, in update mode unless asked for a preview. The one way tests run the engine.
/// </summary>
public static class PulumiTest
{
    /// <summary>Stack name the runs use.</summary>
    public const string StackName = "test";

    /// <summary>Project name the runs use (config keys without a namespace belong to it).</summary>
    public const string ProjectName = "infra";

    /// <summary>Runs <paramref name="program"/>; fails the test with the engine's message if the run fails.</summary>
    public static async Task<TestRun> RunAsync(Action program, bool preview = false)
        => await RunAsync(() =>
        {
            program();
            return new Dictionary<string, object?>();
        }, preview);

    /// <summary>Runs <paramref name="program"/>, which returns the stack outputs.</summary>
    public static async Task<TestRun> RunAsync(Func<IDictionary<string, object?>> program, bool preview = false)
        => new TestRun(await PlanRecorder.RunAsync(ProjectName, StackName, program, preview));

    /// <summary>Runs <paramref name="program"/> expecting it to fail; returns the error text the engine reports.</summary>
    public static async Task<string> FailureAsync(Action program, bool preview = false)
    {
        try
        {
            await RunAsync(program, preview);
        }
        catch (Exception e) when (e is RunException or AggregateException)
        {
            return PlanCommand.ErrorText(e);
        }
        throw new Xunit.Sdk.XunitException("Expected the run to fail, but it succeeded.");
    }
}
