using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;
using Xunit;

namespace Infra.Tests.Sdk;

/// <summary>How the state returned by the mock becomes resource outputs (checklist 13–18).</summary>
[Collection(EngineCollection.Name)]
public sealed class ResourceOutputTests
{
    private static RecordingMocks StateMocks(Func<MockResourceArgs, object> state, Func<MockResourceArgs, string?>? id = null)
        => new() { OnNewResource = args => (id == null ? $"{args.Name}-id" : id(args), state(args)) };

    [Fact]
    public async Task Outputs_ComeOnlyFromReturnedState_InputsAreNotMergedIn()
    {
        // checklist 13; sdk/Pulumi/Deployment/Deployment_ReadOrRegisterResource.cs (outputs from response object only)
        var mocks = StateMocks(_ => new Dictionary<string, object> { ["arn"] = "arn:aws:s3:::b" });
        TestBucket? bucket = null;
        await Engine.RunAsync(mocks, () => bucket = new TestBucket("b", new TestBucketArgs { BucketName = "from-input", Size = 3 }));

        Assert.Equal("arn:aws:s3:::b", await Engine.ValueAsync(bucket!.Arn));
        Assert.Null(await Engine.ValueAsync(bucket.BucketName));
        Assert.Equal(0, await Engine.ValueAsync(bucket.Size));
    }

    [Fact]
    public async Task MissingStateKey_InUpdate_IsKnownDefault()
    {
        // checklist 14; sdk/Pulumi/Deployment/Deployment_ReadOrRegisterResource.cs (absent => default, known = !IsDryRun)
        var mocks = StateMocks(_ => new Dictionary<string, object>());
        TestBucket? bucket = null;
        await Engine.RunAsync(mocks, () => bucket = new TestBucket("b"), preview: false);

        Assert.True(await Engine.KnownAsync(bucket!.Arn));
        Assert.Null(await Engine.ValueAsync(bucket.Arn));
        Assert.True(await Engine.KnownAsync(bucket.Size));
    }

    [Fact]
    public async Task MissingStateKey_InPreview_IsUnknown()
    {
        // checklist 14; sdk/Pulumi/Deployment/Deployment_ReadOrRegisterResource.cs
        var mocks = StateMocks(_ => new Dictionary<string, object> { ["bucketName"] = "n" });
        TestBucket? bucket = null;
        await Engine.RunAsync(mocks, () => bucket = new TestBucket("b"), preview: true);

        Assert.False(await Engine.KnownAsync(bucket!.Arn));
        Assert.True(await Engine.KnownAsync(bucket.BucketName));
        Assert.Equal("n", await Engine.ValueAsync(bucket.BucketName));
    }

    [Fact]
    public async Task UnknownSentinelInState_MakesOutputUnknownEvenInUpdate()
    {
        // sdk/Pulumi/Serialization/Converter.cs (UnknownValue => isKnown false)
        var mocks = StateMocks(_ => new Dictionary<string, object> { ["arn"] = Engine.Unknown });
        TestBucket? bucket = null;
        await Engine.RunAsync(mocks, () => bucket = new TestBucket("b"), preview: false);

        Assert.False(await Engine.KnownAsync(bucket!.Arn));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EmptyId_MakesIdUnknownInBothModes_UrnStaysKnown(bool preview)
    {
        // checklist 15; sdk/Pulumi/Deployment/Deployment_ReadOrRegisterResource.cs (Id known iff non-empty)
        var mocks = StateMocks(args => args.Inputs, id: _ => null);
        TestBucket? bucket = null;
        await Engine.RunAsync(mocks, () => bucket = new TestBucket("b"), preview);

        Assert.False(await Engine.KnownAsync(bucket!.Id));
        Assert.True(await Engine.KnownAsync(bucket.Urn));
        Assert.Equal(Engine.ChildUrn(TestBucket.TypeToken, "b"), await Engine.ValueAsync(bucket.Urn));
    }

    [Fact]
    public async Task NullIdFromMock_FallsBackToImportId()
    {
        // checklist 15; sdk/Pulumi/Testing/MockMonitor.cs RegisterResourceAsync (id ?? request.ImportId)
        var mocks = StateMocks(args => args.Inputs, id: _ => null);
        TestBucket? bucket = null;
        await Engine.RunAsync(mocks, () => bucket = new TestBucket("b", options: new CustomResourceOptions { ImportId = "imp-7" }));

        Assert.True(await Engine.KnownAsync(bucket!.Id));
        Assert.Equal("imp-7", await Engine.ValueAsync(bucket.Id));
    }

    [Fact]
    public async Task IdReturnedByMock_IsKnown_AndEveryOutputDependsOnItsResource()
    {
        // checklist 15; sdk/Pulumi/Deployment/Deployment_ReadOrRegisterResource.cs, Core/OutputUtilities.cs GetDependenciesAsync
        var mocks = new RecordingMocks();
        TestBucket? bucket = null;
        Output<string>? derived = null;
        Output<int>? withDependency = null;
        await Engine.RunAsync(mocks, () =>
        {
            bucket = new TestBucket("b", new TestBucketArgs { BucketName = "n" });
            derived = bucket.BucketName.Apply(v => v + "!");
            withDependency = OutputUtilities.WithDependency(Output.Create(1), bucket);
        });

        Assert.Equal("b-id", await Engine.ValueAsync(bucket!.Id));
        Assert.Equal("n!", await Engine.ValueAsync(derived!));
        Assert.Contains<Resource>(bucket, await OutputUtilities.GetDependenciesAsync(bucket.BucketName));
        Assert.Contains<Resource>(bucket, await OutputUtilities.GetDependenciesAsync(bucket.Id));
        Assert.Contains<Resource>(bucket, await OutputUtilities.GetDependenciesAsync(derived!));
        Assert.Equal(new Resource[] { bucket }, await OutputUtilities.GetDependenciesAsync(withDependency!));
    }

    [Fact]
    public async Task StateConversion_NestedMapsListsAndOutputTypes()
    {
        // sdk/Pulumi/Serialization/Converter.cs (ImmutableDictionary, ImmutableArray, [OutputType] via [OutputConstructor])
        var mocks = StateMocks(_ => new Dictionary<string, object>
        {
            ["tags"] = new Dictionary<string, object> { ["env"] = "dev" },
            ["names"] = new[] { "a", "b" },
            ["settings"] = new Dictionary<string, object> { ["mode"] = "fast", ["level"] = 3 },
        });
        TestBucket? bucket = null;
        await Engine.RunAsync(mocks, () => bucket = new TestBucket("b"));

        Assert.Equal("dev", (await Engine.ValueAsync(bucket!.Tags))["env"]);
        Assert.Equal(new[] { "a", "b" }, await Engine.ValueAsync(bucket.Names));
        var settings = await Engine.ValueAsync(bucket.Settings);
        Assert.Equal(("fast", 3), (settings.Mode, settings.Level));
    }

    [Fact]
    public async Task StateAsResourceArgs_IsAccepted()
    {
        // checklist 17; sdk/Pulumi/Testing/MockMonitor.cs SerializeToDictionary (ResourceArgs serialised by [Input] names)
        var mocks = StateMocks(_ => new TestBucketArgs { BucketName = "via-args", Size = 9 });
        TestBucket? bucket = null;
        await Engine.RunAsync(mocks, () => bucket = new TestBucket("b"));

        Assert.Equal("via-args", await Engine.ValueAsync(bucket!.BucketName));
        Assert.Equal(9, await Engine.ValueAsync(bucket.Size));
    }

    [Fact]
    public async Task StateAsAnonymousObject_FailsTheRun()
    {
        // checklist 17; sdk/Pulumi/Testing/MockMonitor.cs SerializeToDictionary / Serializer.cs ("is not a supported argument type")
        var mocks = StateMocks(_ => new { arn = "x" });

        var ex = await Assert.ThrowsAsync<RunException>(() => Engine.RunAsync(mocks, () => new TestBucket("b")));
        Assert.Contains("is not a supported argument type", ex.Message);
    }

    [Fact]
    public async Task StateDouble_ToIntOutput_IsTruncated()
    {
        // checklist 18; sdk/Pulumi/Serialization/Converter.cs (double -> int by truncation)
        var mocks = StateMocks(_ => new Dictionary<string, object> { ["size"] = 5.9 });
        TestBucket? bucket = null;
        await Engine.RunAsync(mocks, () => bucket = new TestBucket("b"));

        Assert.Equal(5, await Engine.ValueAsync(bucket!.Size));
    }

    [Fact]
    public async Task StateTypeMismatch_YieldsDefaultWithoutFailingTheRun()
    {
        // checklist 18; sdk/Pulumi/Serialization/Converter.cs (mismatch => warning + default(T))
        var mocks = StateMocks(_ => new Dictionary<string, object> { ["size"] = "not-a-number", ["arn"] = "ok" });
        TestBucket? bucket = null;
        await Engine.RunAsync(mocks, () => bucket = new TestBucket("b"));

        Assert.Equal(0, await Engine.ValueAsync(bucket!.Size));
        Assert.Equal("ok", await Engine.ValueAsync(bucket.Arn));
    }

    [Fact]
    public async Task ComponentState_IsIgnored_OnlyUrnIsEngineFilled()
    {
        // checklist 16; sdk/Pulumi/Serialization/OutputCompletionSource.cs (local components: Urn only)
        var mocks = StateMocks(_ => new Dictionary<string, object> { ["label"] = "from-mock" });
        TestComponent? component = null;
        await Engine.RunAsync(mocks, () => component = new TestComponent("c", new TestComponentArgs { Label = "from-code" }));

        Assert.Equal("from-code", await Engine.ValueAsync(component!.Label));
        Assert.Equal(Engine.ChildUrn(TestComponent.TypeToken, "c"), await Engine.ValueAsync(component.Urn));
    }
}
