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

    /// <summary>Names the property that selects the case of a discriminated union.</summary>
    [AttributeUsage(AttributeTargets.Interface)]
    public sealed class DiscriminatedUnionDiscriminatorAttribute : Attribute
    {
        public string Name { get; }

        public DiscriminatedUnionDiscriminatorAttribute(string name) => Name = name;
    }

    /// <summary>Marks a case of a discriminated union.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public sealed class DiscriminatedUnionCaseAttribute : Attribute
    {
        public string Type { get; }
        public string Value { get; }

        public DiscriminatedUnionCaseAttribute(string type, string value)
        {
            Type = type;
            Value = value;
        }
    }
}
