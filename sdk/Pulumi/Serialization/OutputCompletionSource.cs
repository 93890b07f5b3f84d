using System;
using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;

namespace Pulumi
{
    /// <summary>Untyped handle on the completion source behind one [Output] property.</summary>
    internal interface IOutputCompletionSource
    {
        string Name { get; }
        object UntypedOutput { get; }
        void SetWire(object? wire, string context);
        void SetDefault(bool isKnown);
        void SetException(Exception exception);
    }

    /// <summary>Completes a resource output once the engine answers; the output depends on its resource.</summary>
    internal sealed class OutputCompletionSource<T> : IOutputCompletionSource
    {
        private readonly TaskCompletionSource<OutputData<T>> _source = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ImmutableHashSet<Resource> _resources;

        public OutputCompletionSource(Resource resource) : this(resource, "urn")
        {
        }

        public OutputCompletionSource(Resource resource, string name)
        {
            Name = name;
            _resources = ImmutableHashSet.Create(resource);
            Output = new Output<T>(_source.Task);
        }

        public string Name { get; }
        public Output<T> Output { get; }
        public object UntypedOutput => Output;

        public void SetValue(T value, bool isKnown, bool isSecret = false)
            => _source.TrySetResult(new OutputData<T>(_resources, value, isKnown, isSecret));

        public void SetDefault(bool isKnown) => SetValue(default!, isKnown);

        public void SetWire(object? wire, string context)
        {
            var data = Serialization.Converter.ConvertValue(wire, typeof(T), context, _resources);
            _source.TrySetResult(new OutputData<T>(_resources, (T)data.Value!, data.IsKnown, data.IsSecret));
        }

        public void SetException(Exception exception) => _source.TrySetException(exception);
    }

    /// <summary>The output property types the real SDK accepts on resources (checked at construction).</summary>
    internal static class OutputTypeCheck
    {
        public static void Check(Type type, string context)
        {
            if (IsAllowed(type))
                return;
            throw new InvalidOperationException(
                $"{context} contains invalid type {type.FullName}. Allowed types are: String, Boolean, Int32, Double, " +
                "Nullable<...>, ImmutableArray<...> and ImmutableDictionary<string, ...> or a class explicitly marked with the [OutputType] attribute.");
        }

        private static bool IsAllowed(Type type)
        {
            if (type == typeof(bool) || type == typeof(int) || type == typeof(double) || type == typeof(string) ||
                type == typeof(object) || type == typeof(JsonElement) || typeof(AssetOrArchive).IsAssignableFrom(type) ||
                typeof(Resource).IsAssignableFrom(type))
                return true;
            if (type.IsEnum)
                return Enum.GetUnderlyingType(type) == typeof(int);
            if (type.IsInterface)
                return true;
            if (type.GetCustomAttribute<EnumTypeAttribute>() != null || type.GetCustomAttribute<OutputTypeAttribute>() != null)
                return true;
            var nullable = Nullable.GetUnderlyingType(type);
            if (nullable != null)
                return IsAllowed(nullable);
            if (type.IsGenericType)
            {
                var definition = type.GetGenericTypeDefinition();
                var arguments = type.GetGenericArguments();
                if (definition == typeof(ImmutableArray<>) || definition == typeof(Output<>))
                    return IsAllowed(arguments[0]);
                if (definition == typeof(ImmutableDictionary<,>))
                    return arguments[0] == typeof(string) && IsAllowed(arguments[1]);
                if (definition == typeof(Union<,>))
                    return IsAllowed(arguments[0]) && IsAllowed(arguments[1]);
            }
            return false;
        }
    }
}
