using Pulumi;
using Pulumi.Testing;
using Xunit;

namespace Infra.Tests.Sdk;

/// <summary>How program failures and error logs surface from <c>Deployment.TestAsync</c> (checklist 19, 20).</summary>
[Collection(EngineCollection.Name)]
public sealed class ErrorTests
{
    private const string UnhandledPrefix = "Running program '";
    private const string UnhandledMiddle = "' failed with an unhandled exception:\n";

    private static void AssertUnhandled(RunException ex, string exceptionFirstLine)
    {
        Assert.StartsWith(UnhandledPrefix, ex.Message);
        var middle = ex.Message.IndexOf(UnhandledMiddle, StringComparison.Ordinal);
        Assert.True(middle > 0, $"no '{UnhandledMiddle.TrimEnd()}' in: {ex.Message}");
        var firstLine = ex.Message[(middle + UnhandledMiddle.Length)..].Split('\n')[0];
        Assert.Equal(exceptionFirstLine, firstLine);
    }

    [Fact]
    public async Task ExceptionInProgram_BecomesRunExceptionWithRunningProgramMessage()
    {
        // checklist 19; sdk/Pulumi/Deployment/Deployment.Runner.cs LogExceptionToErrorStream, Deployment_Run.cs TryTestAsync
        var ex = await Assert.ThrowsAsync<RunException>(() => Engine.RunAsync(new RecordingMocks(), () =>
        {
            new TestBucket("b");
            throw new InvalidOperationException("program-boom");
        }));

        AssertUnhandled(ex, "System.InvalidOperationException: program-boom");
    }

    [Fact]
    public async Task ExceptionInStackConstructor_BecomesRunException()
    {
        // checklist 19; sdk/Pulumi/Deployment/Deployment.Runner.cs RunAsync<TStack> (catch => HandleExceptionAsync)
        var ex = await Assert.ThrowsAsync<RunException>(() => Deployment.TestAsync<ThrowingStack>(new RecordingMocks(), new TestOptions { IsPreview = false }));
        AssertUnhandled(ex, "System.InvalidOperationException: stack-constructor-boom");
    }

    [Fact]
    public async Task ExceptionInApplyCallback_FailsTheRun()
    {
        // checklist 19; sdk/Pulumi/Core/Output.cs (faulted output task is tracked by the runner)
        var ex = await Assert.ThrowsAsync<RunException>(() => Engine.RunAsync(new RecordingMocks(), () =>
        {
            Output.Create(1).Apply(v => v > 0 ? throw new InvalidOperationException("apply-boom") : v);
        }));

        AssertUnhandled(ex, "System.InvalidOperationException: apply-boom");
    }

    [Fact]
    public async Task ExceptionInMock_FailsTheRun()
    {
        // checklist 19; sdk/Pulumi/Testing/MockMonitor.cs RegisterResourceAsync (mock exception propagates)
        var mocks = new RecordingMocks { OnNewResource = _ => throw new InvalidOperationException("mock-boom") };

        var ex = await Assert.ThrowsAsync<RunException>(() => Engine.RunAsync(mocks, () => new TestBucket("b")));
        Assert.StartsWith(UnhandledPrefix, ex.Message);
        Assert.Contains("mock-boom", ex.Message);
    }

    [Fact]
    public async Task RequiredInputNull_FailsWithIsRequiredMessage()
    {
        // checklist 19; sdk/Pulumi/Resources/InputArgs.cs ToDictionaryAsync (ArgumentNullException)
        var ex = await Assert.ThrowsAsync<RunException>(() => Engine.RunAsync(new RecordingMocks(), () => new TestThing("t", new RequiredArgs())));

        Assert.StartsWith(UnhandledPrefix, ex.Message);
        Assert.Contains("System.ArgumentNullException", ex.Message);
        Assert.Contains("[Input] Infra.Tests.Sdk.RequiredArgs.Name is required but was not given a value", ex.Message);
    }

    [Fact]
    public async Task UnsupportedArgumentType_FailsSerialization()
    {
        // checklist 19; sdk/Pulumi/Serialization/Serializer.cs ("<type> is not a supported argument type.")
        var ex = await Assert.ThrowsAsync<RunException>(() => Engine.RunAsync(new RecordingMocks(), () => new TestThing("t", new LongArgs { Big = 5 })));

        Assert.StartsWith(UnhandledPrefix, ex.Message);
        Assert.Contains("System.Int64 is not a supported argument type.", ex.Message);
    }

    [Fact]
    public async Task RunExceptionThrownByProgram_IsReportedByItsMessageAlone()
    {
        // checklist 19; sdk/Pulumi/Deployment/Deployment.Runner.cs LogExceptionToErrorStream (RunException => Message)
        var ex = await Assert.ThrowsAsync<RunException>(() => Engine.RunAsync(new RecordingMocks(), () => throw new RunException("plain failure")));
        Assert.Equal("plain failure", ex.Message);
    }

    [Fact]
    public async Task EmptyResourceName_ThrowsArgumentExceptionSynchronouslyInConstructor()
    {
        // sdk/Pulumi/Resources/Resource.cs constructor checks
        Exception? caught = null;
        await Engine.RunAsync(new RecordingMocks(), () =>
        {
            try
            {
                new TestBucket("");
            }
            catch (Exception e)
            {
                caught = e;
            }
        });

        var ex = Assert.IsType<ArgumentException>(caught);
        Assert.StartsWith("'name' cannot be null or empty.", ex.Message);
    }

    [Fact]
    public async Task LogErrorOnce_ThrowsRunExceptionWithThatMessage()
    {
        // checklist 20; sdk/Pulumi/Testing/MockEngine.cs LogAsync, Deployment_Run.cs TryTestAsync (1 error => RunException)
        var mocks = new RecordingMocks();
        var ex = await Assert.ThrowsAsync<RunException>(() => Engine.RunAsync(mocks, () =>
        {
            new TestBucket("b");
            Log.Error("first problem");
        }));

        Assert.Equal("first problem", ex.Message);
        Assert.Single(mocks.Resources);
    }

    [Fact]
    public async Task LogErrorTwice_ThrowsAggregateOfRunExceptions()
    {
        // checklist 20; sdk/Pulumi/Deployment/Deployment_Run.cs TryTestAsync (>1 error => AggregateException)
        var ex = await Assert.ThrowsAsync<AggregateException>(() => Engine.RunAsync(new RecordingMocks(), () =>
        {
            Log.Error("problem one");
            Log.Error("problem two");
        }));

        Assert.All(ex.InnerExceptions, e => Assert.IsType<RunException>(e));
        Assert.Equal(new[] { "problem one", "problem two" }, ex.InnerExceptions.Select(e => e.Message).OrderBy(m => m, StringComparer.Ordinal));
    }

    [Fact]
    public async Task WarnInfoDebug_AreSwallowed()
    {
        // checklist 20; sdk/Pulumi/Testing/MockEngine.cs LogAsync (only errors stored)
        var resources = await Engine.RunAsync(new RecordingMocks(), () =>
        {
            Log.Warn("careful");
            Log.Info("fyi");
            Log.Debug("details");
            new TestBucket("b");
        });

        Assert.Single(resources);
    }
}
