using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;
using Xunit;

namespace Infra.Tests.Sdk;

/// <summary>TestAsync overloads, stack outputs, registered outputs and Deployment.Instance scoping (checklist 2, 24–26).</summary>
[Collection(EngineCollection.Name)]
public sealed class StackAndRunTests
{
    private const string InstanceMessage = "Trying to acquire Deployment.Instance before 'Run' was called.";

    [Fact]
    public async Task TestAsyncOfStack_ReturnsStackFirstThenRegisteredResources()
    {
        // checklist 25; sdk/Pulumi/Deployment/Deployment_Run.cs TestAsync<TStack>, Testing/MockMonitor.cs Resources
        var mocks = new RecordingMocks();
        var resources = await Deployment.TestAsync<ConformanceStack>(mocks, new TestOptions { IsPreview = false });

        Assert.Equal(3, resources.Length);
        var stack = Assert.IsType<ConformanceStack>(resources[0]);
        Assert.Equal(new[] { "first", "second" }, resources.Skip(1).Select(r => r.GetResourceName()).OrderBy(n => n, StringComparer.Ordinal));
        Assert.All(resources.Skip(1), r => Assert.IsType<TestBucket>(r));
        Assert.Contains<Resource>(stack.Second, resources);
        Assert.False(ConformanceStack.LastIsDryRun);
    }

    [Fact]
    public async Task TestAsyncOfStack_WithoutOptions_RunsAsPreview()
    {
        // checklist 1; sdk/Pulumi/Deployment/Deployment.cs (IsPreview unset => dry run)
        await Deployment.TestAsync<ConformanceStack>(new RecordingMocks());
        Assert.True(ConformanceStack.LastIsDryRun);
    }

    [Fact]
    public async Task StackOutputs_AreRegisteredUnderAttributeNameOrPropertyName()
    {
        // checklist 24; sdk/Pulumi/Stack.cs RegisterPropertyOutputs, Testing/MockMonitor.cs RegisterResourceOutputsAsync
        var mocks = new RecordingMocks();
        await Deployment.TestAsync<ConformanceStack>(mocks, new TestOptions { IsPreview = false });

        var request = Assert.Single(mocks.RegisteredOutputs, r => r.Urn == Engine.StackUrn());
        Assert.Equal(new[] { "Count", "firstName" }, request.Outputs.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal("one", await OutputUtilities.GetValueAsync(request.Outputs["firstName"]));
        var count = await OutputUtilities.GetValueAsync(request.Outputs["Count"]);
        Assert.IsType<double>(count);
        Assert.Equal(2.0, count);
    }

    [Fact]
    public async Task StackOutputProperty_LeftNull_FailsWithNoValueAssignedMessage()
    {
        // sdk/Pulumi/Stack.cs RegisterPropertyOutputs (RunException reported by message)
        var ex = await Assert.ThrowsAsync<RunException>(() => Deployment.TestAsync<UnassignedOutputStack>(new RecordingMocks(), new TestOptions { IsPreview = false }));
        Assert.Equal("Output(s) 'missing' have no value assigned. [Output] attributed properties must be assigned inside Stack constructor.", ex.Message);
    }

    [Fact]
    public async Task ComponentRegisterOutputs_ReachesMockWithUrnAndDoubles()
    {
        // checklist 24; sdk/Pulumi/Testing/MockMonitor.cs RegisterResourceOutputsAsync
        var mocks = new RecordingMocks();
        await Engine.RunAsync(mocks, () => new TestComponent("c", new TestComponentArgs { Label = "lbl" }));

        var request = Assert.Single(mocks.RegisteredOutputs, r => r.Urn == Engine.ChildUrn(TestComponent.TypeToken, "c"));
        Assert.Equal(new[] { "label", "replicas" }, request.Outputs.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal("lbl", await OutputUtilities.GetValueAsync(request.Outputs["label"]));
        Assert.Equal(3.0, await OutputUtilities.GetValueAsync(request.Outputs["replicas"]));
    }

    [Fact]
    public async Task ActionOverload_DropsTheInternalStack()
    {
        // checklist 25; sdk/Pulumi/Deployment/Deployment_Run.cs TestResults (TestStack filtered)
        var mocks = new RecordingMocks();
        var resources = await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false }, () =>
        {
            new TestBucket("only");
        });

        var bucket = Assert.IsType<TestBucket>(Assert.Single(resources));
        Assert.Equal("only", bucket.GetResourceName());
        Assert.DoesNotContain(resources, r => r is Pulumi.Stack);
    }

    [Fact]
    public async Task AsyncOverload_AwaitsTheLambda()
    {
        // checklist 25; sdk/Pulumi/Deployment/Deployment_Run.cs TestAsync(IMocks, TestOptions, Func<Task>)
        var mocks = new RecordingMocks();
        var resources = await Deployment.TestAsync(mocks, new TestOptions { IsPreview = false }, async () =>
        {
            await Task.Yield();
            new TestBucket("after-await");
        });

        Assert.Equal("after-await", Assert.Single(resources).GetResourceName());
    }

    [Fact]
    public async Task DictionaryOverload_ReturnsTheLambdasDictionaryUntouched()
    {
        // checklist 25; sdk/Pulumi/Deployment/Deployment_Run.cs TestAsync(…, Func<IDictionary<string, object?>>)
        IDictionary<string, object?>? returned = null;
        var result = await Deployment.TestAsync(new RecordingMocks(), new TestOptions { IsPreview = false }, () =>
        {
            var bucket = new TestBucket("b", new TestBucketArgs { BucketName = "n" });
            var dict = new Dictionary<string, object?> { ["name"] = bucket.BucketName, ["count"] = 3 };
            returned = dict;
            return dict;
        });

        Assert.Same(returned, result.Outputs);
        Assert.Equal(3, result.Outputs["count"]);
        var name = Assert.IsType<Output<string>>(result.Outputs["name"]);
        Assert.Equal("n", await OutputUtilities.GetValueAsync(name));
        Assert.IsType<TestBucket>(Assert.Single(result.Resources));
    }

    [Fact]
    public async Task DeploymentInstance_ThrowsOutsideAndAfterARun()
    {
        // checklist 26; sdk/Pulumi/Deployment/Deployment.cs Instance (async-local)
        var before = Assert.Throws<InvalidOperationException>(() => Deployment.Instance);
        Assert.Equal(InstanceMessage, before.Message);

        await Engine.RunAsync(new RecordingMocks(), () => new TestBucket("b"));

        var after = Assert.Throws<InvalidOperationException>(() => Deployment.Instance);
        Assert.Equal(InstanceMessage, after.Message);
        Assert.Throws<InvalidOperationException>(() => new Config());
        Assert.Throws<InvalidOperationException>(() => new TestBucket("late"));
    }
}
