using System.Collections.Immutable;

namespace Pulumi
{
    /// <summary>The resolved state of an output: its value, whether it is known, whether it is
    /// secret, and the resources it came from.</summary>
    internal readonly struct OutputData<T>
    {
        public readonly ImmutableHashSet<Resource> Resources;
        public readonly T Value;
        public readonly bool IsKnown;
        public readonly bool IsSecret;

        public OutputData(ImmutableHashSet<Resource> resources, T value, bool isKnown, bool isSecret)
        {
            Resources = resources;
            Value = value;
            IsKnown = isKnown;
            IsSecret = isSecret;
        }

        public static implicit operator OutputData<object?>(OutputData<T> data)
            => new OutputData<object?>(data.Resources, data.Value, data.IsKnown, data.IsSecret);
    }

    internal static class OutputData
    {
        public static OutputData<T> Create<T>(ImmutableHashSet<Resource> resources, T value, bool isKnown, bool isSecret)
            => new OutputData<T>(resources, value, isKnown, isSecret);

        public static (bool isKnown, bool isSecret) Combine<T>(OutputData<T> data, bool isKnown, bool isSecret)
            => (isKnown && data.IsKnown, isSecret || data.IsSecret);
    }

    /// <summary>Untyped view of an <see cref="Output{T}"/>.</summary>
    internal interface IOutput
    {
        System.Threading.Tasks.Task<ImmutableHashSet<Resource>> GetResourcesAsync();
        System.Threading.Tasks.Task<OutputData<object?>> GetDataAsync();
    }

    /// <summary>Untyped view of an <see cref="Input{T}"/>.</summary>
    internal interface IInput
    {
        IOutput ToOutput();
    }
}
