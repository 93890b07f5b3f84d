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
    public async Task Apply_OnUnknownInUpdate_SkipsCallback_ResultStaysUnknown()
    {
        // mirrors pulumi-dotnet v3.112.1 sdk/Pulumi/Core/Output.cs ApplyHelperAsync: `if (!data.IsKnown)` returns
        // early in preview AND update (PR #258, since v3.62.0), so the callback never sees an unknown value.
        var calls = 0;
        Output<string>? applied = null;
        var mocks = new RecordingMocks { OnNewResource = args => ($"{args.Name}-id", new Dictionary<string, object> { ["arn"] = Engine.Unknown }) };
        await Engine.RunAsync(mocks, () =>
        {
            var bucket = new TestBucket("b");
            applied = bucket.Arn.Apply(v =>
            {
                Interlocked.Increment(ref calls);
                return "ran";
            });
        }, preview: false);

        Assert.Equal(0, calls);
        Assert.False(await Engine.KnownAsync(applied!));
        Assert.Null(await Engine.ValueAsync(applied!));
    }

    [Fact]
    public async Task Apply_OnCreateUnknownInUpdate_SkipsCallback_CarriedValueIsNotSeen()
    {
        // mirrors pulumi-dotnet v3.112.1 sdk/Pulumi/Core/Output.cs ApplyHelperAsync (no callback on unknown, PR #258)
        // and sdk/Pulumi/Core/OutputUtilities.cs CreateUnknown(T value) => Output<T>.CreateUnknown(value) = Unknown(value).
        var calls = 0;
        Output<int>? applied = null;
        await Engine.RunAsync(new RecordingMocks(), () =>
        {
            applied = OutputUtilities.CreateUnknown("carried").Apply(v =>
            {
                Interlocked.Increment(ref calls);
                return v.Length;
            });
        }, preview: false);

        Assert.Equal(0, calls);
        Assert.False(await Engine.KnownAsync(applied!));
        Assert.Equal(0, await Engine.ValueAsync(applied!));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CreateUnknown_Factory_IsNeverCalled_InPreviewOrUpdate(bool preview)
    {
        // mirrors pulumi-dotnet v3.112.1 sdk/Pulumi/Core/Output.cs Output<T>.CreateUnknown(Func<Task<T>>) =
        // Unknown(default).Apply(_ => valueFactory()); since ApplyHelperAsync skips unknowns (PR #258) the factory never runs.
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

        Assert.Equal(0, calls);
        Assert.False(await Engine.KnownAsync(unknown!));
        Assert.Null(await Engine.ValueAsync(unknown!));
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
