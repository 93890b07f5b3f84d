using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;
using Xunit;

namespace Infra.Tests.Sdk;

/// <summary>Output behaviour that depends on the running deployment (preview vs update, unknowns).</summary>
[Collection(EngineCollection.Name)]
public sealed class OutputEngineTests
{
    private static RecordingMocks NoStateMocks()
        => new() { OnNewResource = args => ($"{args.Name}-id", new Dictionary<string, object>()) };

    [Fact]
    public async Task DefaultTestOptions_ArePreviewWithDefaultNames()
    {
        // checklist 1; sdk/Pulumi/Deployment/Deployment.cs (TestOptions defaults)
        bool? dryRun = null;
        string? project = null, stack = null, org = null;
        await Deployment.TestAsync(new RecordingMocks(), new TestOptions(), () =>
        {
            dryRun = Deployment.Instance.IsDryRun;
            project = Deployment.Instance.ProjectName;
            stack = Deployment.Instance.StackName;
            org = Deployment.Instance.OrganizationName;
        });

        Assert.True(dryRun);
        Assert.Equal(("project", "stack", "organization"), (project, stack, org));
    }

    [Fact]
    public async Task IsPreviewFalse_MakesIsDryRunFalse()
    {
        // checklist 1; sdk/Pulumi/Deployment/Deployment.cs
        bool? dryRun = null;
        await Engine.RunAsync(new RecordingMocks(), () => dryRun = Deployment.Instance.IsDryRun, preview: false);
        Assert.False(dryRun);
    }

    [Fact]
    public async Task Apply_OnUnknownInPreview_SkipsCallback_ResultUnknown_TcsHelperNeverCompletes()
    {
        // checklist 23; sdk/Pulumi/Core/Output.cs ApplyHelperAsync (!IsKnown && IsDryRun => skip)
        var calls = 0;
        var tcs = new TaskCompletionSource<string>();
        TestBucket? bucket = null;
        Output<string>? applied = null;
        await Engine.RunAsync(NoStateMocks(), () =>
        {
            bucket = new TestBucket("b");
            applied = bucket.Arn.Apply(v =>
            {
                Interlocked.Increment(ref calls);
                tcs.TrySetResult(v);
                return v + "!";
            });
        }, preview: true);

        Assert.Equal(0, calls);
        Assert.False(tcs.Task.IsCompleted);
        Assert.False(await Engine.KnownAsync(applied!));
        Assert.Null(await Engine.ValueAsync(applied!));
    }

    [Fact]
    public async Task Apply_OnUnknownInUpdate_RunsCallbackWithDefaultValue_ResultStaysUnknown()
    {
        // source wins over checklist 23: sdk/Pulumi/Core/Output.cs ApplyHelperAsync skips only when Deployment.Instance.IsDryRun
        var seen = new List<string?>();
        Output<string>? applied = null;
        var mocks = new RecordingMocks { OnNewResource = args => ($"{args.Name}-id", new Dictionary<string, object> { ["arn"] = Engine.Unknown }) };
        await Engine.RunAsync(mocks, () =>
        {
            var bucket = new TestBucket("b");
            applied = bucket.Arn.Apply(v =>
            {
                lock (seen)
                    seen.Add(v);
                return "ran";
            });
        }, preview: false);

        Assert.Equal(new string?[] { null }, seen);
        Assert.False(await Engine.KnownAsync(applied!));
    }

    [Fact]
    public async Task Apply_OnCreateUnknownInUpdate_RunsCallbackWithTheCarriedValue()
    {
        // sdk/Pulumi/Core/Output.cs ApplyHelperAsync (update mode) + OutputUtilities.CreateUnknown(T value)
        var seen = new List<string>();
        Output<int>? applied = null;
        await Engine.RunAsync(new RecordingMocks(), () =>
        {
            applied = OutputUtilities.CreateUnknown("carried").Apply(v =>
            {
                lock (seen)
                    seen.Add(v);
                return v.Length;
            });
        }, preview: false);

        Assert.Equal(new[] { "carried" }, seen);
        Assert.False(await Engine.KnownAsync(applied!));
        Assert.Equal(0, await Engine.ValueAsync(applied!));
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    public async Task CreateUnknown_Factory_IsNeverCalledInPreview_ButIsInUpdate(bool preview, int expectedCalls)
    {
        // sdk/Pulumi/Core/OutputUtilities.cs CreateUnknown(Func<Task<T>>) = Unknown(default).Apply(_ => factory())
        var calls = 0;
        Output<string>? unknown = null;
        await Engine.RunAsync(new RecordingMocks(), () =>
        {
            unknown = OutputUtilities.CreateUnknown(() =>
            {
                Interlocked.Increment(ref calls);
                return Task.FromResult("made");
            });
        }, preview);

        Assert.Equal(expectedCalls, calls);
        Assert.False(await Engine.KnownAsync(unknown!));
    }

    [Fact]
    public async Task FormatAndTuple_WithUnknownArgument_AreUnknownInPreview()
    {
        // sdk/Pulumi/Core/Output.cs Format (All + Apply), TupleHelperAsync
        Output<string>? formatted = null;
        Output<(string, string)>? tuple = null;
        await Engine.RunAsync(NoStateMocks(), () =>
        {
            var bucket = new TestBucket("b");
            formatted = Output.Format($"arn={bucket.Arn}");
            tuple = Output.Tuple(bucket.Arn, Output.Create("x"));
        }, preview: true);

        Assert.False(await Engine.KnownAsync(formatted!));
        Assert.False(await Engine.KnownAsync(tuple!));
    }

    [Fact]
    public async Task SecretInput_StaysSecretThroughApplyInsideTheProgram()
    {
        // secrecy survives program-side chains (doc §10); sdk/Pulumi/Core/Output.cs ApplyHelperAsync
        Output<string>? derived = null;
        await Engine.RunAsync(new RecordingMocks(), () =>
        {
            var bucket = new TestBucket("b", new TestBucketArgs { BucketName = Output.CreateSecret("x") });
            derived = Output.Tuple(bucket.Id, Output.CreateSecret("pw")).Apply(t => $"{t.Item1}:{t.Item2}");
        });

        Assert.Equal("b-id:pw", await Engine.ValueAsync(derived!));
        Assert.True(await Output.IsSecretAsync(derived!));
    }

    [Fact]
    public async Task OutputToString_ReturnsGuidanceTextNotTheValue()
    {
        // sdk/Pulumi/Core/Output.cs ToString
        string? text = null;
        using (new EnvScope("PULUMI_ERROR_OUTPUT_STRING", null))
        {
            await Engine.RunAsync(new RecordingMocks(), () => text = $"{Output.Create("secret-value")}");
        }

        Assert.StartsWith("Calling [ToString] on an [Output<T>] is not supported.", text);
        Assert.DoesNotContain("secret-value", text);
    }
}
