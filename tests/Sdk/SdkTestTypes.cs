using System.Collections.Immutable;
using Pulumi;

namespace Infra.Tests.Sdk;

// Small resources, args and stacks used only by the SDK conformance tests. They are written against
// the public API of the real Pulumi package so that they compile unchanged against it.

public enum TestColor
{
    Red = 0,
    Blue = 1,
}

public sealed class TestSettingsArgs : ResourceArgs
{
    [Input("mode")]
    public Input<string>? Mode { get; set; }

    [Input("level")]
    public Input<int>? Level { get; set; }

    [Input("note")]
    public Input<string>? Note { get; set; }
}

public sealed class TestBucketArgs : ResourceArgs
{
    [Input("bucketName")]
    public Input<string>? BucketName { get; set; }

    [Input("size")]
    public Input<int>? Size { get; set; }

    [Input("ratio")]
    public Input<double>? Ratio { get; set; }

    [Input("enabled")]
    public Input<bool>? Enabled { get; set; }

    [Input("color")]
    public Input<TestColor>? Color { get; set; }

    [Input("names")]
    private InputList<string>? _names;

    public InputList<string> Names
    {
        get => _names ??= new InputList<string>();
        set => _names = value;
    }

    [Input("tags")]
    private InputMap<string>? _tags;

    public InputMap<string> Tags
    {
        get => _tags ??= new InputMap<string>();
        set => _tags = value;
    }

    [Input("settings")]
    public Input<TestSettingsArgs>? Settings { get; set; }

    [Input("target")]
    public Input<Resource>? Target { get; set; }

    [Input("policy", json: true)]
    private InputMap<object>? _policy;

    public InputMap<object> Policy
    {
        get => _policy ??= new InputMap<object>();
        set => _policy = value;
    }
}

[OutputType]
public sealed class TestSettings
{
    public readonly string Mode;
    public readonly int Level;

    [OutputConstructor]
    public TestSettings(string mode, int level)
    {
        Mode = mode;
        Level = level;
    }
}

public sealed class TestBucket : CustomResource
{
    public const string TypeToken = "test:index/bucket:Bucket";

    [Output("arn")]
    public Output<string> Arn { get; private set; } = null!;

    [Output("bucketName")]
    public Output<string> BucketName { get; private set; } = null!;

    [Output("size")]
    public Output<int> Size { get; private set; } = null!;

    [Output("tags")]
    public Output<ImmutableDictionary<string, string>> Tags { get; private set; } = null!;

    [Output("names")]
    public Output<ImmutableArray<string>> Names { get; private set; } = null!;

    [Output("settings")]
    public Output<TestSettings> Settings { get; private set; } = null!;

    public TestBucket(string name, TestBucketArgs? args = null, CustomResourceOptions? options = null)
        : base(TypeToken, name, args ?? new TestBucketArgs(), options)
    {
    }
}

/// <summary>Args whose top-level keys are named <c>id</c> and <c>urn</c> (dropped by the SDK).</summary>
public sealed class ReservedKeyArgs : ResourceArgs
{
    [Input("id")]
    public Input<string>? LegacyId { get; set; }

    [Input("urn")]
    public Input<string>? LegacyUrn { get; set; }

    [Input("kept")]
    public Input<string>? Kept { get; set; }
}

public sealed class RequiredArgs : ResourceArgs
{
    [Input("name", required: true)]
    public Input<string> Name { get; set; } = null!;
}

public sealed class LongArgs : ResourceArgs
{
    [Input("big")]
    public long Big { get; set; }
}

public sealed class TestThing : CustomResource
{
    public const string TypeToken = "test:index:Thing";

    public TestThing(string name, ResourceArgs args, CustomResourceOptions? options = null)
        : base(TypeToken, name, args, options)
    {
    }
}

public sealed class TestProviderArgs : ResourceArgs
{
    [Input("region")]
    public Input<string>? Region { get; set; }
}

public sealed class TestProvider : ProviderResource
{
    public TestProvider(string name, TestProviderArgs? args = null, CustomResourceOptions? options = null, string package = "test")
        : base(package, name, args ?? new TestProviderArgs(), options)
    {
    }
}

public sealed class TestComponentArgs : ResourceArgs
{
    [Input("label")]
    public Input<string>? Label { get; set; }

    [Input("replicas")]
    public Input<int>? Replicas { get; set; }
}

public sealed class TestComponent : ComponentResource
{
    public const string TypeToken = "test:index:Component";

    [Output("label")]
    public Output<string> Label { get; private set; }

    public TestBucket? Bucket { get; }

    public TestComponent(string name, TestComponentArgs? args = null, ComponentResourceOptions? options = null, bool withBucket = false)
        : base(TypeToken, name, args ?? new TestComponentArgs(), options)
    {
        Label = (args?.Label ?? Output.Create("assigned-by-component")).ToOutput();
        if (withBucket)
            Bucket = new TestBucket($"{name}-bucket", new TestBucketArgs { BucketName = name }, new CustomResourceOptions { Parent = this });

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["label"] = Label,
            ["replicas"] = 3,
        });
    }
}

/// <summary>A stack with two buckets and two [Output] properties (one named, one not).</summary>
public sealed class ConformanceStack : Pulumi.Stack
{
    public static bool? LastIsDryRun;

    public ConformanceStack()
    {
        LastIsDryRun = Deployment.Instance.IsDryRun;
        var first = new TestBucket("first", new TestBucketArgs { BucketName = "one" });
        var second = new TestBucket("second", new TestBucketArgs { BucketName = "two" });
        FirstName = first.BucketName;
        Count = Output.Create(2);
        Second = second;
    }

    public TestBucket Second { get; }

    [Output("firstName")]
    public Output<string> FirstName { get; private set; }

    [Output]
    public Output<int> Count { get; private set; }
}

public sealed class EmptyStack : Pulumi.Stack
{
}

public sealed class UnassignedOutputStack : Pulumi.Stack
{
    [Output("missing")]
    public Output<string> Missing { get; private set; } = null!;
}

public sealed class ThrowingStack : Pulumi.Stack
{
    public ThrowingStack()
    {
        throw new InvalidOperationException("stack-constructor-boom");
    }
}

/// <summary>A stack whose StackOptions carry a legacy transformation that records what it sees.</summary>
public sealed class TransformationStack : Pulumi.Stack
{
    public static readonly List<(string Type, string Name, Resource? Parent)> Seen = new();
    public static TestComponent? Outer;
    public static TestComponent? Inner;

    public TransformationStack()
        : base(new StackOptions { ResourceTransformations = { Record } })
    {
        new TestBucket("top");
        Outer = new TestComponent("outer");
        Inner = new TestComponent("inner", options: new ComponentResourceOptions { Parent = Outer });
        new TestBucket("leaf", options: new CustomResourceOptions { Parent = Inner });
    }

    private static ResourceTransformationResult? Record(ResourceTransformationArgs args)
    {
        lock (Seen)
            Seen.Add((args.Resource.GetResourceType(), args.Resource.GetResourceName(), args.Options.Parent));
        return null;
    }
}
