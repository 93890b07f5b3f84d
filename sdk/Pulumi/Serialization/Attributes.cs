using System;

namespace Pulumi
{
    /// <summary>Marks a field or property of a <see cref="ResourceArgs"/> as an input sent to the engine.</summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    public sealed class InputAttribute : Attribute
    {
        internal string Name { get; }
        internal bool IsRequired { get; }
        internal bool Json { get; }

        public InputAttribute(string name, bool required = false, bool json = false)
        {
            Name = name;
            IsRequired = required;
            Json = json;
        }
    }

    /// <summary>Marks an <see cref="Output{T}"/> property filled from the engine (resources) or
    /// exported (stacks and components).</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class OutputAttribute : Attribute
    {
        public string? Name { get; }

        public OutputAttribute(string? name = null) => Name = name;
    }

    /// <summary>Marks a class that the engine builds from an output value.</summary>
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class OutputTypeAttribute : Attribute
    {
    }

    /// <summary>Marks the constructor used to build an <see cref="OutputTypeAttribute"/> class.</summary>
    [AttributeUsage(AttributeTargets.Constructor)]
    public sealed class OutputConstructorAttribute : Attribute
    {
    }

    /// <summary>Names the wire property a constructor parameter is read from.</summary>
    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class OutputConstructorParameterAttribute : Attribute
    {
        public string Name { get; }

        public OutputConstructorParameterAttribute(string name) => Name = name;
    }

    /// <summary>Marks a struct that stands for a schema enum.</summary>
    [AttributeUsage(AttributeTargets.Struct)]
    public sealed class EnumTypeAttribute : Attribute
    {
    }

    /// <summary>The type token (and package version) of a resource class.</summary>
    [AttributeUsage(AttributeTargets.Class)]
    public class ResourceTypeAttribute : Attribute
    {
        public string Type { get; }
        public string? Version { get; }

        public ResourceTypeAttribute(string type, string? version)
        {
            Type = type;
            Version = version;
        }
    }

    /// <summary>Marks an interface that stands for a discriminated union of output types; the
    /// discriminator property named by <see cref="PropertyName"/> selects the case.</summary>
    /// <remarks>Signature of pulumi-dotnet v3.112.1 sdk/Pulumi/Serialization/Attributes.cs.</remarks>
    [AttributeUsage(AttributeTargets.Interface)]
    public sealed class DiscriminatedUnionDiscriminatorAttribute : Attribute
    {
        public string PropertyName { get; }

        public DiscriminatedUnionDiscriminatorAttribute(string propertyName) => PropertyName = propertyName;
    }

    /// <summary>One case of a discriminated union interface: the discriminator value
    /// <see cref="Tag"/> selects the output class <see cref="Type"/>, which implements the interface.</summary>
    /// <remarks>Signature and usage (interfaces, one attribute per case) of pulumi-dotnet v3.112.1
    /// sdk/Pulumi/Serialization/Attributes.cs.</remarks>
    [AttributeUsage(AttributeTargets.Interface, AllowMultiple = true)]
    public sealed class DiscriminatedUnionCaseAttribute : Attribute
    {
        public string Tag { get; }
        public Type Type { get; }

        public DiscriminatedUnionCaseAttribute(string tag, Type type)
        {
            Tag = tag;
            Type = type;
        }
    }
}
