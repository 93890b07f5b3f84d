using System.Collections.Immutable;
using Pulumi;
using Xunit;

namespace Infra.Tests.Sdk;

/// <summary>
/// Resource outputs typed as a discriminated-union interface. Mirrors pulumi-dotnet v3.112.1
/// sdk/Pulumi/Serialization/Attributes.cs (DiscriminatedUnionDiscriminatorAttribute(propertyName),
/// DiscriminatedUnionCaseAttribute(tag, type) on the interface, one per case) and
/// sdk/Pulumi/Serialization/Converter.cs TryConvertDiscriminatedUnion (the tag picks the case class;
/// a missing or unknown tag is a conversion problem: warning and default value, the run goes on).
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class DiscriminatedUnionTests
{
    private static RecordingMocks ShapeMocks(object shape)
        => new() { OnNewResource = args => ($"{args.Name}-id", new Dictionary<string, object> { ["shape"] = shape }) };

    [Fact]
    public async Task The_discriminator_value_selects_the_case_class()
    {
        ShapeHolder? circle = null, square = null;
        await Engine.RunAsync(ShapeMocks(new Dictionary<string, object> { ["kind"] = "circle", ["radius"] = 2.5 }),
            () => circle = new ShapeHolder("c"));
        await Engine.RunAsync(ShapeMocks(new Dictionary<string, object> { ["kind"] = "square", ["side"] = 4 }),
            () => square = new ShapeHolder("s"));

        var c = Assert.IsType<CircleShape>(await Engine.ValueAsync(circle!.Shape));
        Assert.Equal(("circle", 2.5), (c.Kind, c.Radius));
        var s = Assert.IsType<SquareShape>(await Engine.ValueAsync(square!.Shape));
        Assert.Equal(("square", 4), (s.Kind, s.Side));
    }

    [Theory]
    [InlineData("triangle")]
    [InlineData(null)]
    public async Task An_unknown_or_missing_tag_yields_the_default_without_failing_the_run(string? kind)
    {
        var shape = new Dictionary<string, object> { ["radius"] = 1.0 };
        if (kind != null)
            shape["kind"] = kind;
        ShapeHolder? holder = null;
        await Engine.RunAsync(ShapeMocks(shape), () => holder = new ShapeHolder("h"));

        Assert.Null(await Engine.ValueAsync(holder!.Shape));
    }

    [DiscriminatedUnionDiscriminator("kind")]
    [DiscriminatedUnionCase("circle", typeof(CircleShape))]
    [DiscriminatedUnionCase("square", typeof(SquareShape))]
    public interface IShape
    {
        string Kind { get; }
    }

    [OutputType]
    public sealed class CircleShape : IShape
    {
        public string Kind { get; }
        public double Radius { get; }

        [OutputConstructor]
        public CircleShape(string kind, double radius)
        {
            Kind = kind;
            Radius = radius;
        }
    }

    [OutputType]
    public sealed class SquareShape : IShape
    {
        public string Kind { get; }
        public int Side { get; }

        [OutputConstructor]
        public SquareShape(string kind, int side)
        {
            Kind = kind;
            Side = side;
        }
    }

    public sealed class ShapeHolder : CustomResource
    {
        [Output("shape")]
        public Output<IShape> Shape { get; private set; } = null!;

        public ShapeHolder(string name)
            : base("test:index:ShapeHolder", name, ResourceArgs.Empty, options: null)
        {
        }
    }
}
