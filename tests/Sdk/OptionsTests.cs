using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;
using Xunit;

namespace Infra.Tests.Sdk;

/// <summary>Resource options: Merge semantics and legacy transformations (checklist 28).</summary>
[Collection(EngineCollection.Name)]
public sealed class OptionsTests
{
    [Fact]
    public void CustomResourceOptionsMerge_ScalarsSecondWinsWhenSet_ListsAppend_InputsUnchanged()
    {
        // sdk/Pulumi/Resources/CustomResourceOptions.cs Merge + ResourceOptions_Merge.cs MergeNormalOptions
        var first = new CustomResourceOptions
        {
            Protect = true,
            Version = "1.0.0",
            ImportId = "imp",
            IgnoreChanges = { "a" },
            AdditionalSecretOutputs = { "s1" },
            ReplaceOnChanges = { "r1" },
            RetainOnDelete = false,
        };
        var second = new CustomResourceOptions
        {
            Version = "2.0.0",
            DeleteBeforeReplace = true,
            IgnoreChanges = { "b" },
            AdditionalSecretOutputs = { "s2" },
            RetainOnDelete = true,
        };

        var merged = CustomResourceOptions.Merge(first, second);

        Assert.NotSame(first, merged);
        Assert.NotSame(second, merged);
        Assert.True(merged.Protect);
        Assert.Equal("2.0.0", merged.Version);
        Assert.Equal("imp", merged.ImportId);
        Assert.True(merged.DeleteBeforeReplace);
        Assert.True(merged.RetainOnDelete);
        Assert.Equal(new[] { "a", "b" }, merged.IgnoreChanges);
        Assert.Equal(new[] { "s1", "s2" }, merged.AdditionalSecretOutputs);
        Assert.Equal(new[] { "r1" }, merged.ReplaceOnChanges);
        Assert.Equal(new[] { "a" }, first.IgnoreChanges);
        Assert.Equal(new[] { "b" }, second.IgnoreChanges);
        Assert.Equal("1.0.0", first.Version);
    }

    [Fact]
    public void Merge_WithNulls_ReturnsFreshOptions()
    {
        // sdk/Pulumi/Resources/CustomResourceOptions.cs Merge (null => new options), ComponentResourceOptions.cs Merge
        var custom = CustomResourceOptions.Merge(null, new CustomResourceOptions { Version = "3" });
        var component = ComponentResourceOptions.Merge(new ComponentResourceOptions { Protect = true }, null);
        var empty = CustomResourceOptions.Merge(null, null);

        Assert.Equal("3", custom.Version);
        Assert.True(component.Protect);
        Assert.Null(empty.Version);
        Assert.Empty(empty.IgnoreChanges);
        Assert.Empty(empty.ResourceTransformations);
    }

    [Fact]
    public async Task ComponentResourceOptionsMerge_OneProviderPerPackage_SecondWins_DependsOnConcatenated()
    {
        // sdk/Pulumi/Resources/ComponentResourceOptions.cs MergeProviders, ResourceOptions_Merge.cs (DependsOn Concat)
        ComponentResourceOptions? merged = null;
        TestProvider? testA = null, otherB = null, testC = null;
        TestBucket? d1 = null, d2 = null;
        await Engine.RunAsync(new RecordingMocks(), () =>
        {
            testA = new TestProvider("a");
            otherB = new TestProvider("b", package: "other");
            testC = new TestProvider("c");
            d1 = new TestBucket("d1");
            d2 = new TestBucket("d2");
            merged = ComponentResourceOptions.Merge(
                new ComponentResourceOptions { Providers = { testA, otherB }, DependsOn = { d1 } },
                new ComponentResourceOptions { Providers = { testC }, DependsOn = { d2 } });
        });

        Assert.Equal(new[] { "b", "c" }, merged!.Providers.Select(p => p.GetResourceName()));
        Assert.Same(otherB, merged.Providers[0]);
        Assert.Same(testC, merged.Providers[1]);
        var dependsOn = await OutputUtilities.GetValueAsync(merged.DependsOn.ToOutput());
        Assert.Equal(new Resource[] { d1!, d2! }, dependsOn);
    }

    [Fact]
    public async Task LegacyTransformations_FromStackOptions_SeeEachResourceAndItsOwnParentOption()
    {
        // checklist 28 + doc §10; sdk/Pulumi/Resources/Resource.cs (transformations run in the constructor with the
        // options as given: Options.Parent is null for resources created without Parent), Stack.cs ConvertOptions
        lock (TransformationStack.Seen)
            TransformationStack.Seen.Clear();

        await Deployment.TestAsync<TransformationStack>(new RecordingMocks(), new TestOptions { IsPreview = false });

        List<(string Type, string Name, Resource? Parent)> seen;
        lock (TransformationStack.Seen)
            seen = TransformationStack.Seen.Where(s => s.Type != "pulumi:pulumi:Stack").ToList();

        Assert.Equal(
            new[] { "test:index/bucket:Bucket|top", "test:index:Component|outer", "test:index:Component|inner", "test:index/bucket:Bucket|leaf" },
            seen.Select(s => $"{s.Type}|{s.Name}"));
        Assert.Null(seen[0].Parent?.GetResourceType());
        Assert.Null(seen[1].Parent?.GetResourceType());
        Assert.Same(TransformationStack.Outer, seen[2].Parent);
        Assert.Same(TransformationStack.Inner, seen[3].Parent);
    }

    [Fact]
    public async Task LegacyTransformation_OnComponent_RunsForChildren_AndCanReplaceArgs()
    {
        // checklist 28; sdk/Pulumi/Resources/Resource.cs (parent transformations inherited; result args used)
        var mocks = new RecordingMocks();
        var parents = new List<Resource?>();
        TestComponent? component = null;
        await Engine.RunAsync(mocks, () =>
        {
            component = new TestComponent("c", options: new ComponentResourceOptions
            {
                ResourceTransformations =
                {
                    args =>
                    {
                        lock (parents)
                            parents.Add(args.Options.Parent);
                        return args.Resource is TestBucket
                            ? new ResourceTransformationResult(new TestBucketArgs { BucketName = "transformed" }, args.Options)
                            : null;
                    },
                },
            }, withBucket: true);
        });

        Assert.Equal(2, parents.Count);
        Assert.Null(parents[0]);
        Assert.Same(component, parents[1]);
        Assert.Equal("transformed", mocks.Single(TestBucket.TypeToken, "c-bucket").Inputs["bucketName"]);
    }

    [Fact]
    public async Task LegacyTransformation_ReceivesTheCallersArgsAndOptionsInstances()
    {
        // checklist 28; sdk/Pulumi/Resources/Resource.cs (transformation called with the constructor's args/options, cloned only afterwards)
        var args = new TestBucketArgs { BucketName = "n" };
        ResourceTransformationArgs? seen = null;
        CustomResourceOptions? options = null;
        await Engine.RunAsync(new RecordingMocks(), () =>
        {
            options = new CustomResourceOptions
            {
                ResourceTransformations = { a => { seen = a; return null; } },
            };
            new TestBucket("b", args, options);
        });

        Assert.NotNull(seen);
        Assert.Same(args, seen.Value.Args);
        Assert.Same(options, seen.Value.Options);
        Assert.Equal("b", seen.Value.Resource.GetResourceName());
    }

    [Fact]
    public async Task Component_WithBothProviderAndProviders_FailsWithResourceException()
    {
        // sdk/Pulumi/Resources/Resource.cs ("Do not supply both 'provider' and 'providers' options to a ComponentResource.")
        var ex = await Assert.ThrowsAsync<RunException>(() => Engine.RunAsync(new RecordingMocks(), () =>
        {
            var provider = new TestProvider("p");
            new TestComponent("c", options: new ComponentResourceOptions { Provider = provider, Providers = { provider } });
        }));

        Assert.Contains("Do not supply both 'provider' and 'providers' options to a ComponentResource.", ex.Message);
    }

    [Fact]
    public async Task LegacyTransformation_ChangingParent_FailsTheRun()
    {
        // sdk/Pulumi/Resources/Resource.cs ("Transformations cannot currently be used to change the 'parent' of a resource.")
        var ex = await Assert.ThrowsAsync<RunException>(() => Engine.RunAsync(new RecordingMocks(), () =>
        {
            var other = new TestComponent("other");
            new TestBucket("b", options: new CustomResourceOptions
            {
                ResourceTransformations = { args => new ResourceTransformationResult(args.Args, new CustomResourceOptions { Parent = other }) },
            });
        }));

        Assert.Contains("Transformations cannot currently be used to change the 'parent' of a resource.", ex.Message);
    }

    [Fact]
    public async Task NewStyleResourceTransforms_AreAcceptedButNeverRunByTheMock()
    {
        // checklist 28 (pulumi/pulumi-dotnet#330); sdk/Pulumi/Testing/MockMonitor.cs
        var mocks = new RecordingMocks();
        var calls = 0;
        await Engine.RunAsync(mocks, () =>
        {
            new TestBucket("b", new TestBucketArgs { BucketName = "original" }, new CustomResourceOptions
            {
                ResourceTransforms =
                {
                    (args, _) =>
                    {
                        Interlocked.Increment(ref calls);
                        return Task.FromResult<ResourceTransformResult?>(
                            new ResourceTransformResult(args.Args.SetItem("bucketName", "changed"), args.Options));
                    },
                },
            });
        });

        Assert.Equal(0, calls);
        Assert.Equal("original", mocks.Single(TestBucket.TypeToken, "b").Inputs["bucketName"]);
    }
}
