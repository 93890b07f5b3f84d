using Pulumi.Codegen.Schema;

namespace Pulumi.Codegen.Emit;

/// <summary>What every emitter needs: the package, its naming rules, the type usage and the type mapper.</summary>
public sealed class GeneratorContext
{
    public GeneratorContext(PackageDef package, TypeUsage usage, string version)
    {
        Package = package;
        Usage = usage;
        Version = version;
        Naming = new Naming(package);
        Types = new TypeMapper(Naming, usage);
    }

    public PackageDef Package { get; }

    public TypeUsage Usage { get; }

    /// <summary>The provider package version reported by <c>Utilities.Version</c>.</summary>
    public string Version { get; }

    public Naming Naming { get; }

    public TypeMapper Types { get; }

    /// <summary>The resource-type attribute's name without the <c>Attribute</c> suffix, e.g. <c>AwsResourceType</c>.</summary>
    public string ResourceTypeAttribute => Naming.PackageName + "ResourceType";

    /// <summary>The folder of a namespace below the package root: <c>Pulumi.Aws.Ec2</c> → <c>Ec2</c>.</summary>
    public string Folder(string ns)
    {
        var parts = ns.Split('.').Skip(2);
        return string.Join("/", parts);
    }
}
