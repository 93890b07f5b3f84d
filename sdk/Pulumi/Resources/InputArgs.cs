using System.Collections.Immutable;

namespace Pulumi
{
    /// <summary>Base of every argument class; members carrying <see cref="InputAttribute"/> are sent to the engine.</summary>
    public abstract class InputArgs
    {
        private protected InputArgs()
        {
        }
    }

    /// <summary>Arguments of a resource.</summary>
    public abstract class ResourceArgs : InputArgs
    {
        public static readonly ResourceArgs Empty = new EmptyResourceArgs();

        private sealed class EmptyResourceArgs : ResourceArgs
        {
        }
    }

    /// <summary>Arguments of an invoke.</summary>
    public abstract class InvokeArgs : InputArgs
    {
        public static readonly InvokeArgs Empty = new EmptyInvokeArgs();

        private sealed class EmptyInvokeArgs : InvokeArgs
        {
        }
    }

    /// <summary>Arguments of a method call on a resource.</summary>
    public abstract class CallArgs : InputArgs
    {
        public static readonly CallArgs Empty = new EmptyCallArgs();

        private sealed class EmptyCallArgs : CallArgs
        {
        }
    }

    /// <summary>Resource arguments given as a ready map.</summary>
    public sealed class DictionaryResourceArgs : ResourceArgs
    {
        internal ImmutableDictionary<string, object?> Dictionary { get; }

        public DictionaryResourceArgs(ImmutableDictionary<string, object?> dictionary)
        {
            foreach (var (key, value) in dictionary)
                Serialization.Converter.CheckArgumentValue(key, value);
            Dictionary = dictionary;
        }
    }

    /// <summary>Invoke arguments given as a ready map.</summary>
    public sealed class DictionaryInvokeArgs : InvokeArgs
    {
        internal ImmutableDictionary<string, object?> Dictionary { get; }

        public DictionaryInvokeArgs(ImmutableDictionary<string, object?> dictionary)
        {
            foreach (var (key, value) in dictionary)
                Serialization.Converter.CheckArgumentValue(key, value);
            Dictionary = dictionary;
        }
    }
}
