using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;
using Xunit;

namespace Infra.Tests.Sdk;

/// <summary>What <see cref="IMocks.NewResourceAsync"/> receives for each registration (checklist 2–12, 29).</summary>
[Collection(EngineCollection.Name)]
public sealed class RegistrationTests
{
    [Fact]
    public async Task RootStack_IsRegisteredAsPulumiStack_ButNeverSentToNewResourceAsync()
    {
        // checklist 2; sdk/Pulumi/Testing/MockMonitor.cs RegisterResourceAsync (stack type short-circuits), Stack.cs
        var mocks = new RecordingMocks();
        var resources = await Deployment.TestAsync<EmptyStack>(mocks, new TestOptions { IsPreview = false });

        var stack = Assert.IsType<EmptyStack>(Assert.Single(resources));
        Assert.Equal("pulumi:pulumi:Stack", stack.GetResourceType());
        Assert.Equal("project-stack", stack.GetResourceName());
        Assert.Equal(Engine.StackUrn(), await Engine.ValueAsync(stack.Urn));
        Assert.Empty(mocks.Resources);
    }

    [Fact]
    public async Task NewResourceAsync_IsCalledForCustomComponentAndProviderResources()
    {
        // checklist 3; sdk/Pulumi/Testing/MockMonitor.cs RegisterResourceAsync (no Custom flag in MockResourceArgs)
        var mocks = new RecordingMocks();
        await Engine.RunAsync(mocks, () =>
        {
            new TestProvider("prov", new TestProviderArgs { Region = "eu-west-1" });
            new TestComponent("comp", new TestComponentArgs { Label = "L", Replicas = 2 });
            new TestBucket("bucket");
        });

        var types = mocks.Resources.Select(r => $"{r.Type}|{r.Name}").OrderBy(s => s, StringComparer.Ordinal);
        Assert.Equal(new[] { "pulumi:providers:test|prov", "test:index/bucket:Bucket|bucket", "test:index:Component|comp" }, types);
        var component = mocks.Single(TestComponent.TypeToken, "comp");
        Assert.Equal("L", component.Inputs["label"]);
        Assert.Equal(2.0, component.Inputs["replicas"]);
        Assert.Equal("eu-west-1", mocks.Single("pulumi:providers:test", "prov").Inputs["region"]);
    }

    [Fact]
    public async Task Urns_BelowTheStack_KeepStackTypeAndDropIntermediateParents()
    {
        // checklist 4 (pulumi/pulumi-dotnet#149); sdk/Pulumi/Testing/MockMonitor.cs NewUrn
        var mocks = new RecordingMocks();
        TestBucket? top = null, leaf = null;
        TestComponent? outer = null, inner = null;
        TestProvider? provider = null;
        await Engine.RunAsync(mocks, () =>
        {
            top = new TestBucket("top");
            outer = new TestComponent("outer");
            inner = new TestComponent("inner", options: new ComponentResourceOptions { Parent = outer });
            leaf = new TestBucket("leaf", options: new CustomResourceOptions { Parent = inner });
            provider = new TestProvider("prov");
        });

        Assert.Equal("urn:pulumi:stack::project::pulumi:pulumi:Stack$test:index/bucket:Bucket::top", await Engine.ValueAsync(top!.Urn));
        Assert.Equal("urn:pulumi:stack::project::pulumi:pulumi:Stack$test:index:Component::outer", await Engine.ValueAsync(outer!.Urn));
        Assert.Equal("urn:pulumi:stack::project::pulumi:pulumi:Stack$test:index:Component::inner", await Engine.ValueAsync(inner!.Urn));
        Assert.Equal("urn:pulumi:stack::project::pulumi:pulumi:Stack$test:index/bucket:Bucket::leaf", await Engine.ValueAsync(leaf!.Urn));
        Assert.Equal("urn:pulumi:stack::project::pulumi:pulumi:Stack$pulumi:providers:test::prov", await Engine.ValueAsync(provider!.Urn));
    }

    [Fact]
    public async Task TestOptions_ProjectAndStackNames_AppearInUrnsAndDeploymentInstance()
    {
        // checklist 1, 4; sdk/Pulumi/Deployment/Deployment.cs (TestOptions), Testing/MockMonitor.cs NewUrn
        var mocks = new RecordingMocks();
        TestBucket? bucket = null;
        string? project = null, stack = null, org = null;
        await Deployment.TestAsync(mocks, new TestOptions { ProjectName = "proj", StackName = "dev", OrganizationName = "acme", IsPreview = false }, () =>
        {
            project = Deployment.Instance.ProjectName;
            stack = Deployment.Instance.StackName;
            org = Deployment.Instance.OrganizationName;
            bucket = new TestBucket("b");
        });

        Assert.Equal(("proj", "dev", "acme"), (project, stack, org));
        Assert.Equal("urn:pulumi:dev::proj::pulumi:pulumi:Stack$test:index/bucket:Bucket::b", await Engine.ValueAsync(bucket!.Urn));
    }

    [Fact]
    public async Task Inputs_NumbersArriveAsDoubles_IncludingEnums()
    {
        // checklist 5; sdk/Pulumi/Serialization/Serializer.cs, Deserializer.cs
        var mocks = new RecordingMocks();
        await Engine.RunAsync(mocks, () => new TestBucket("b", new TestBucketArgs
        {
            Size = 3,
            Ratio = 0.5,
            Enabled = true,
            Color = TestColor.Blue,
            BucketName = "name",
        }));

        var inputs = mocks.Single(TestBucket.TypeToken, "b").Inputs;
        Assert.IsType<double>(inputs["size"]);
        Assert.Equal(3.0, inputs["size"]);
        Assert.Equal(0.5, inputs["ratio"]);
        Assert.Equal(1.0, inputs["color"]);
        Assert.Equal(true, inputs["enabled"]);
        Assert.Equal("name", inputs["bucketName"]);
    }

    [Fact]
    public async Task Inputs_NullsAreAbsent_NestedArgsAreDictionaries_ListsAreImmutableArrays()
    {
        // checklist 6; sdk/Pulumi/Serialization/Serializer.cs, Testing/MockMonitor.cs ToDictionary
        var mocks = new RecordingMocks();
        await Engine.RunAsync(mocks, () => new TestBucket("b", new TestBucketArgs
        {
            BucketName = null,
            Names = { "x", "y" },
            Tags = { { "env", "dev" } },
            Settings = new TestSettingsArgs { Mode = "fast", Level = 2, Note = null },
        }));

        var inputs = mocks.Single(TestBucket.TypeToken, "b").Inputs;
        Assert.Equal(new[] { "names", "settings", "tags" }, inputs.Keys.OrderBy(k => k, StringComparer.Ordinal));

        var names = Assert.IsType<ImmutableArray<object>>(inputs["names"]);
        Assert.Equal(new object[] { "x", "y" }, names);

        var tags = Assert.IsType<ImmutableDictionary<string, object>>(inputs["tags"]);
        Assert.Equal("dev", Assert.Single(tags).Value);

        var settings = Assert.IsType<ImmutableDictionary<string, object>>(inputs["settings"]);
        Assert.Equal(new[] { "level", "mode" }, settings.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(2.0, settings["level"]);
        Assert.Equal("fast", settings["mode"]);
    }

    [Fact]
    public async Task Inputs_EmptyListIsPresentAsEmptyArray()
    {
        // checklist 6; sdk/Pulumi/Serialization/Serializer.cs (lists), MockMonitor.ToDictionary
        var mocks = new RecordingMocks();
        await Engine.RunAsync(mocks, () => new TestBucket("b", new TestBucketArgs { Names = new InputList<string>() }));

        var names = Assert.IsType<ImmutableArray<object>>(mocks.Single(TestBucket.TypeToken, "b").Inputs["names"]);
        Assert.Empty(names);
    }

    [Fact]
    public async Task Inputs_SecretsArriveAsPlainValues()
    {
        // checklist 7; sdk/Pulumi/Serialization/Deserializer.cs UnwrapSecret
        var mocks = new RecordingMocks();
        await Engine.RunAsync(mocks, () => new TestBucket("b", new TestBucketArgs
        {
            BucketName = Output.CreateSecret("s3cr3t"),
            Names = { Output.CreateSecret("hidden") },
        }));

        var inputs = mocks.Single(TestBucket.TypeToken, "b").Inputs;
        Assert.Equal("s3cr3t", inputs["bucketName"]);
        Assert.Equal(new object[] { "hidden" }, Assert.IsType<ImmutableArray<object>>(inputs["names"]));
    }

    [Fact]
    public async Task Inputs_UnknownAtTopLevelOrNested_DropsTheWholeTopLevelProperty()
    {
        // checklist 8; sdk/Pulumi/Testing/MockMonitor.cs ToDictionary, Serialization/Deserializer.cs
        var mocks = new RecordingMocks();
        await Engine.RunAsync(mocks, () => new TestBucket("b", new TestBucketArgs
        {
            BucketName = OutputUtilities.CreateUnknown("later"),
            Names = { "known", OutputUtilities.CreateUnknown("later") },
            Settings = new TestSettingsArgs { Mode = OutputUtilities.CreateUnknown("m"), Level = 1 },
            Size = 4,
        }));

        var inputs = mocks.Single(TestBucket.TypeToken, "b").Inputs;
        Assert.Equal(new[] { "size" }, inputs.Keys);
    }

    [Fact]
    public async Task Inputs_ResourcePassedAsValue_ArrivesAsResourceObjectNotId()
    {
        // checklist 9; sdk/Pulumi/Serialization/Deserializer.cs TryDeserializeResource (DependencyResource)
        var mocks = new RecordingMocks();
        TestBucket? target = null;
        await Engine.RunAsync(mocks, () =>
        {
            target = new TestBucket("target");
            new TestBucket("referrer", new TestBucketArgs { Target = target });
        });

        var value = mocks.Single(TestBucket.TypeToken, "referrer").Inputs["target"];
        var resource = Assert.IsAssignableFrom<Resource>(value);
        Assert.IsNotType<TestBucket>(resource);
        Assert.Equal("", resource.GetResourceType());
        Assert.Equal("", resource.GetResourceName());
        Assert.Equal(await Engine.ValueAsync(target!.Urn), await Engine.ValueAsync(resource.Urn));
    }

    [Fact]
    public async Task Inputs_JsonInput_ArrivesAsProtobufFormattedJsonString()
    {
        // checklist 10; sdk/Pulumi/Resources/InputArgs.cs ConvertToJson (JsonFormatter.Default)
        var mocks = new RecordingMocks();
        await Engine.RunAsync(mocks, () => new TestBucket("b", new TestBucketArgs { Policy = { { "k", 1 } } }));

        Assert.Equal("{ \"k\": 1 }", mocks.Single(TestBucket.TypeToken, "b").Inputs["policy"]);
    }

    [Fact]
    public async Task Inputs_TopLevelKeysNamedIdAndUrn_AreDropped()
    {
        // checklist 10; sdk/Pulumi/Deployment/Deployment_Serialization.cs SerializeResourcePropertiesAsync
        var mocks = new RecordingMocks();
        await Engine.RunAsync(mocks, () => new TestThing("t", new ReservedKeyArgs { LegacyId = "i", LegacyUrn = "u", Kept = "k" }));

        var inputs = mocks.Single(TestThing.TypeToken, "t").Inputs;
        Assert.Equal(new[] { "kept" }, inputs.Keys);
    }

    [Fact]
    public async Task Provider_IsEmptyStringWithoutProvider_AndUrnColonColonIdWithOne()
    {
        // checklist 11; sdk/Pulumi/Resources/ProviderResource.cs RegisterAsync, Resources/Resource.cs (provider inheritance)
        var mocks = new RecordingMocks();
        TestProvider? provider = null;
        await Engine.RunAsync(mocks, () =>
        {
            provider = new TestProvider("prov");
            new TestBucket("plain");
            new TestBucket("explicit", options: new CustomResourceOptions { Provider = provider });
            new TestComponent("comp", options: new ComponentResourceOptions { Providers = { provider } }, withBucket: true);
        });

        var expected = $"{Engine.ChildUrn("pulumi:providers:test", "prov")}::prov-id";
        Assert.Equal("", mocks.Single(TestBucket.TypeToken, "plain").Provider);
        Assert.Equal("", mocks.Single("pulumi:providers:test", "prov").Provider);
        Assert.Equal(expected, mocks.Single(TestBucket.TypeToken, "explicit").Provider);
        Assert.Equal(expected, mocks.Single(TestBucket.TypeToken, "comp-bucket").Provider);
        Assert.Equal("prov-id", await Engine.ValueAsync(provider!.Id));
    }

    [Fact]
    public async Task Provider_WithUnknownId_IsWrittenWithTheUnknownSentinel()
    {
        // checklist 11; sdk/Pulumi/Resources/ProviderResource.cs RegisterAsync (empty id => Constants.UnknownValue)
        var mocks = new RecordingMocks { OnNewResource = args => (null, args.Inputs) };
        await Engine.RunAsync(mocks, () =>
        {
            var provider = new TestProvider("prov");
            new TestBucket("b", options: new CustomResourceOptions { Provider = provider });
        }, preview: true);

        Assert.Equal($"{Engine.ChildUrn("pulumi:providers:test", "prov")}::{Engine.Unknown}", mocks.Single(TestBucket.TypeToken, "b").Provider);
    }

    [Fact]
    public async Task Id_IsEmptyForRegistration_ImportIdWhenImporting_ReadIdForReads()
    {
        // checklist 12; sdk/Pulumi/Testing/MockMonitor.cs RegisterResourceAsync (Id = ImportId) / ReadResourceAsync (Id = read id)
        var mocks = new RecordingMocks
        {
            OnNewResource = args => (args.Name == "read" ? "ignored-by-engine" : $"{args.Name}-id", args.Inputs),
        };
        TestBucket? read = null;
        var resources = await Engine.RunAsync(mocks, () =>
        {
            new TestBucket("normal");
            new TestBucket("imported", options: new CustomResourceOptions { ImportId = "imp-1" });
            read = new TestBucket("read", new TestBucketArgs { BucketName = "existing" }, new CustomResourceOptions { Id = "existing-id" });
        });

        Assert.Equal("", mocks.Single(TestBucket.TypeToken, "normal").Id);
        Assert.Equal("imp-1", mocks.Single(TestBucket.TypeToken, "imported").Id);
        var readArgs = mocks.Single(TestBucket.TypeToken, "read");
        Assert.Equal("existing-id", readArgs.Id);
        Assert.Equal("existing", readArgs.Inputs["bucketName"]);
        Assert.Equal("existing-id", await Engine.ValueAsync(read!.Id));
        Assert.Contains<Resource>(read!, resources);
    }

    [Fact]
    public async Task DuplicateNames_AreNotRejected()
    {
        // checklist 29; sdk/Pulumi/Testing/MockMonitor.cs (no duplicate-URN check)
        var mocks = new RecordingMocks();
        var resources = await Engine.RunAsync(mocks, () =>
        {
            new TestBucket("dup");
            new TestBucket("dup");
        });

        Assert.Equal(2, mocks.Resources.Count(r => r.Name == "dup"));
        Assert.Equal(2, resources.OfType<TestBucket>().Count());
    }

    [Fact]
    public async Task AdditionalSecretOutputs_IsIgnoredByTheMock()
    {
        // checklist 29; sdk/Pulumi/Testing/MockMonitor.cs (AdditionalSecretOutputs not modelled)
        var mocks = new RecordingMocks { OnNewResource = args => ($"{args.Name}-id", new Dictionary<string, object> { ["arn"] = "arn:1" }) };
        TestBucket? bucket = null;
        await Engine.RunAsync(mocks, () =>
        {
            bucket = new TestBucket("b", options: new CustomResourceOptions { AdditionalSecretOutputs = { "arn" }, Protect = true });
        });

        Assert.Equal("arn:1", await Engine.ValueAsync(bucket!.Arn));
        Assert.False(await Output.IsSecretAsync(bucket.Arn));
    }
}
