using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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

    /// <summary>The output property types the real SDK accepts on every resource, checked at construction
    /// (mirrors Serialization/Converter.cs CheckTargetType, messages included).</summary>
    internal static class OutputTypeCheck
    {
        public static void Check(Type type, string context) => Check(context, type, new HashSet<Type>());

        private static void Check(string context, Type targetType, HashSet<Type> seenTypes)
        {
            if (!seenTypes.Add(targetType))
                return;

            if (targetType == typeof(bool) || targetType == typeof(int) || targetType == typeof(double) ||
                targetType == typeof(string) || targetType == typeof(object) || targetType == typeof(Asset) ||
                targetType == typeof(Archive) || targetType == typeof(AssetOrArchive) || targetType == typeof(JsonElement))
                return;
            if (targetType.IsSubclassOf(typeof(Resource)) || targetType == typeof(Resource))
                return;
            if (targetType == typeof(ImmutableDictionary<string, object>) || targetType == typeof(ImmutableArray<object>))
                return;
            if (targetType.IsEnum && targetType.GetEnumUnderlyingType() == typeof(int))
                return;
            if (targetType.IsValueType && targetType.GetCustomAttribute<EnumTypeAttribute>() != null)
                return;

            if (targetType.IsConstructedGenericType)
            {
                var definition = targetType.GetGenericTypeDefinition();
                var arguments = targetType.GenericTypeArguments;
                if (definition == typeof(Nullable<>) || definition == typeof(ImmutableArray<>) || definition == typeof(Output<>))
                {
                    Check(context, arguments[0], seenTypes);
                    return;
                }
                if (definition == typeof(Union<,>))
                {
                    Check(context, arguments[0], seenTypes);
                    Check(context, arguments[1], seenTypes);
                    return;
                }
                if (definition == typeof(ImmutableDictionary<,>))
                {
                    if (arguments[0] != typeof(string))
                        throw new InvalidOperationException($"{context} contains invalid type {targetType.FullName}:\n    The only allowed ImmutableDictionary 'TKey' type is 'String'.");
                    Check(context, arguments[1], seenTypes);
                    return;
                }
                throw new InvalidOperationException($"{context} contains invalid type {targetType.FullName}:\n    The only generic types allowed are ImmutableArray<...> and ImmutableDictionary<string, ...>");
            }

            // A discriminated-union interface: every case class must implement it and be a valid output type.
            if (targetType.IsInterface)
            {
                var union = targetType.GetCustomAttribute<DiscriminatedUnionDiscriminatorAttribute>();
                if (union != null)
                {
                    foreach (var unionCase in targetType.GetCustomAttributes<DiscriminatedUnionCaseAttribute>())
                    {
                        if (!targetType.IsAssignableFrom(unionCase.Type))
                            throw new InvalidOperationException(
                                $"{targetType.FullName} had [{nameof(DiscriminatedUnionCaseAttribute)}(\"{unionCase.Tag}\")] with type {unionCase.Type.FullName} that is not assignable to {targetType.FullName}.");
                        Check($"{targetType.FullName}(\"{unionCase.Tag}\")", unionCase.Type, seenTypes);
                    }
                    return;
                }
            }

            if (targetType.GetCustomAttribute<OutputTypeAttribute>() == null)
                throw new InvalidOperationException(
                    $"{context} contains invalid type {targetType.FullName}. Allowed types are:\n    String, Boolean, Int32, Double,\n    " +
                    $"Nullable<...>, ImmutableArray<...> and ImmutableDictionary<string, ...> or\n    a class explicitly marked with the [{nameof(OutputTypeAttribute)}].");

            var constructors = targetType.GetConstructors(BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Instance);
            var constructor = constructors.FirstOrDefault(c => c.GetCustomAttribute<OutputConstructorAttribute>() != null)
                              ?? (constructors.Count(c => c.IsPublic) == 1 ? constructors.Single(c => c.IsPublic) : null)
                              ?? throw new InvalidOperationException($"{targetType.FullName} had [{nameof(OutputTypeAttribute)}], but did not contain constructor marked with [{nameof(OutputConstructorAttribute)}].");
            foreach (var parameter in constructor.GetParameters())
                Check($"{targetType.FullName}({parameter.Name})", parameter.ParameterType, seenTypes);
        }
    }
}
