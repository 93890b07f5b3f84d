using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;
using Xunit;

namespace Infra.Tests.Sdk;

/// <summary>StackReference is a read of <c>pulumi:pulumi:StackReference</c> (checklist 30).</summary>
[Collection(EngineCollection.Name)]
public sealed class StackReferenceTests
{
    private const string RefType = "pulumi:pulumi:StackReference";
    private const string StackName = "acme/network/prod";

    private static RecordingMocks ReferenceMocks(bool withSecretNames = true) => new()
    {
        OnNewResource = args =>
        {
            if (args.Type != RefType)
                return ($"{args.Name}-id", args.Inputs);

            var state = new Dictionary<string, object>
            {
                ["name"] = args.Inputs["name"],
                ["outputs"] = new Dictionary<string, object> { ["vpcId"] = "vpc-1", ["dbPassword"] = "pw", ["port"] = 8080 },
            };
            if (withSecretNames)
                state["secretOutputNames"] = new[] { "dbPassword" };
            return ("ignored", state);
        },
    };

    [Fact]
    public async Task StackReference_IsReadWithIdAndNameInput()
    {
        // checklist 30, 12; sdk/Pulumi/Resources/StackReference.cs (Id = args.Name ?? name), Testing/MockMonitor.cs ReadResourceAsync
        var mocks = ReferenceMocks();
        StackReference? reference = null;
        await Engine.RunAsync(mocks, () => reference = new StackReference("net", new StackReferenceArgs { Name = StackName }));

        var args = mocks.Single(RefType, "net");
        Assert.Equal(StackName, args.Id);
        Assert.Equal(StackName, Assert.Single(args.Inputs).Value);
        Assert.Equal("name", Assert.Single(args.Inputs).Key);
        Assert.Equal(StackName, await OutputUtilities.GetValueAsync(reference!.Id));
    }

    [Fact]
    public async Task StackReference_WithoutArgs_ReadsTheResourceName()
    {
        // checklist 30; sdk/Pulumi/Resources/StackReference.cs constructor
        var mocks = ReferenceMocks();
        await Engine.RunAsync(mocks, () => new StackReference(StackName));

        var args = mocks.Single(RefType, StackName);
        Assert.Equal(StackName, args.Id);
        Assert.Equal(StackName, args.Inputs["name"]);
    }

    [Fact]
    public async Task GetOutputAndRequireOutput_ReadOutputs_SecretNamesMarkSecrets()
    {
        // checklist 30; sdk/Pulumi/Resources/StackReference.cs GetOutput/RequireOutput/IsSecretOutputName
        Output<object?>? vpc = null, password = null, absent = null;
        Output<object>? port = null;
        await Engine.RunAsync(ReferenceMocks(), () =>
        {
            var reference = new StackReference("net", new StackReferenceArgs { Name = StackName });
            vpc = reference.GetOutput("vpcId");
            password = reference.GetOutput("dbPassword");
            absent = reference.GetOutput("nope");
            port = reference.RequireOutput("port");
        });

        Assert.Equal("vpc-1", await OutputUtilities.GetValueAsync(vpc!));
        Assert.False(await Output.IsSecretAsync(vpc!));
        Assert.Equal("pw", await OutputUtilities.GetValueAsync(password!));
        Assert.True(await Output.IsSecretAsync(password!));
        Assert.Null(await OutputUtilities.GetValueAsync(absent!));
        Assert.Equal(8080.0, await OutputUtilities.GetValueAsync(port!));
    }

    [Fact]
    public async Task RequireOutput_MissingKey_FailsTheRun()
    {
        // sdk/Pulumi/Resources/StackReference.cs RequireOutput (KeyNotFoundException naming the Name output)
        // The fault reaches the runner through RequireOutput's result and its WithIsSecret wrapper, so one or
        // more identical errors may be reported.
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => Engine.RunAsync(ReferenceMocks(), () =>
        {
            new StackReference("net", new StackReferenceArgs { Name = StackName }).RequireOutput("nope");
        }));

        var messages = Engine.RunErrorMessages(ex);
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Contains($"System.Collections.Generic.KeyNotFoundException: Required output 'nope' does not exist on stack '{StackName}'.", m));
    }

    [Fact]
    public async Task StateWithoutSecretOutputNames_InUpdate_MakesGetOutputFailWithNullReference()
    {
        // checklist 30 (pulumi/pulumi-dotnet#247); StackReference.cs IsSecretOutputName on a default ImmutableArray
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => Engine.RunAsync(ReferenceMocks(withSecretNames: false), () =>
        {
            new StackReference("net", new StackReferenceArgs { Name = StackName }).GetOutput("vpcId");
        }, preview: false));

        var messages = Engine.RunErrorMessages(ex);
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Contains("System.NullReferenceException", m));
    }
}
