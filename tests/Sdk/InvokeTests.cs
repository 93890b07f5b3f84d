using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;
using Xunit;

namespace Infra.Tests.Sdk;

public sealed class TestLookupArgs : InvokeArgs
{
    [Input("name")]
    public Input<string>? Name { get; set; }

    [Input("count")]
    public Input<int>? Count { get; set; }
}

[OutputType]
public sealed class TestLookupResult
{
    public readonly string Arn;
    public readonly int Count;

    [OutputConstructor]
    public TestLookupResult(string arn, int count)
    {
        Arn = arn;
        Count = count;
    }
}

/// <summary>Invokes routed to <see cref="IMocks.CallAsync"/> (checklist 21, 22).</summary>
[Collection(EngineCollection.Name)]
public sealed class InvokeTests
{
    private const string Token = "test:index:lookup";

    private static RecordingMocks LookupMocks() => new()
    {
        OnCall = args => new Dictionary<string, object>
        {
            ["arn"] = $"arn:{args.Args["name"]}",
            ["count"] = 7.9,
        },
    };

    [Fact]
    public async Task InvokeAsync_ReachesCallAsyncWithTokenDecodedArgsAndEmptyProvider()
    {
        // checklist 21; sdk/Pulumi/Testing/MockMonitor.cs InvokeAsync, Deployment/Deployment_Invoke.cs
        var mocks = LookupMocks();
        TestLookupResult? result = null;
        await Engine.RunTaskAsync(mocks, async () =>
        {
            result = await Deployment.Instance.InvokeAsync<TestLookupResult>(Token, new TestLookupArgs { Name = "n", Count = 2 });
        });

        var call = Assert.Single(mocks.Calls);
        Assert.Equal(Token, call.Token);
        Assert.Equal("", call.Provider);
        Assert.Equal("n", call.Args["name"]);
        Assert.Equal(2.0, call.Args["count"]);
        Assert.Equal("arn:n", result!.Arn);
        Assert.Equal(7, result.Count);
    }

    [Fact]
    public async Task OutputInvoke_WithKnownArgs_CallsMock_AndPassesProviderReference()
    {
        // checklist 21; sdk/Pulumi/Deployment/Deployment_Invoke.cs RawInvoke, Resources/ProviderResource.cs RegisterAsync
        var mocks = LookupMocks();
        Output<TestLookupResult>? result = null;
        TestProvider? provider = null;
        await Engine.RunAsync(mocks, () =>
        {
            provider = new TestProvider("prov");
            result = Deployment.Instance.Invoke<TestLookupResult>(Token, new TestLookupArgs { Name = "x" }, new InvokeOptions { Provider = provider });
        });

        var call = Assert.Single(mocks.Calls);
        Assert.Equal($"{Engine.ChildUrn("pulumi:providers:test", "prov")}::prov-id", call.Provider);
        Assert.Equal("arn:x", (await OutputUtilities.GetValueAsync(result!)).Arn);
    }

    [Fact]
    public async Task OutputInvoke_WithUnknownArg_ReturnsUnknownWithoutCallingMock()
    {
        // checklist 22; sdk/Pulumi/Deployment/Deployment_Invoke.cs RawInvoke (ContainsUnknowns short-circuit)
        var mocks = LookupMocks();
        Output<TestLookupResult>? result = null;
        await Engine.RunAsync(mocks, () =>
        {
            result = Deployment.Instance.Invoke<TestLookupResult>(Token, new TestLookupArgs { Name = OutputUtilities.CreateUnknown("n") });
        }, preview: false);

        Assert.Empty(mocks.Calls);
        Assert.False(await OutputUtilities.GetIsKnownAsync(result!));
    }

    [Fact]
    public async Task InvokeUnderEmptyMocks_FailsTheRun()
    {
        // checklist 21; sdk/Pulumi/Testing/EmptyMocks.cs CallAsync returns MockCallArgs (not a map)
        var ex = await Assert.ThrowsAsync<RunException>(() => Engine.RunTaskAsync(new EmptyMocks(), async () =>
        {
            await Deployment.Instance.InvokeAsync<TestLookupResult>(Token, new TestLookupArgs { Name = "n" });
        }));

        Assert.Contains("Pulumi.Testing.MockCallArgs is not a supported argument type", ex.Message);
    }

    [Fact]
    public async Task EmptyMocks_EchoInputsAsState_WithUnknownId()
    {
        // sdk/Pulumi/Testing/EmptyMocks.cs NewResourceAsync => (null, args.Inputs)
        TestBucket? bucket = null;
        await Engine.RunAsync(new EmptyMocks(), () => bucket = new TestBucket("b", new TestBucketArgs { BucketName = "echo" }), preview: false);

        Assert.Equal("echo", await OutputUtilities.GetValueAsync(bucket!.BucketName));
        Assert.False(await OutputUtilities.GetIsKnownAsync(bucket.Id));
    }

    [Fact]
    public async Task InvokeResult_CanBeReadAsImmutableDictionary()
    {
        // sdk/Pulumi/Serialization/Converter.cs (map result into ImmutableDictionary<string, object>)
        var mocks = new RecordingMocks { OnCall = _ => new Dictionary<string, object> { ["a"] = "x", ["n"] = 1 } };
        ImmutableDictionary<string, object>? result = null;
        await Engine.RunTaskAsync(mocks, async () =>
        {
            result = await Deployment.Instance.InvokeAsync<ImmutableDictionary<string, object>>("test:index:raw", InvokeArgs.Empty);
        });

        Assert.Equal("x", result!["a"]);
        Assert.Equal(1.0, result["n"]);
    }
}
