using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text.Json;

namespace Pulumi.Serialization
{
    /// <summary>
    /// Turns wire values back into typed program values, as sdk/Pulumi/Serialization/Converter.cs
    /// does: numbers truncate to int, a type mismatch yields the default value (and a warning),
    /// output types are built through their constructor by parameter name.
    /// </summary>
    internal static class Converter
    {
        public static OutputData<object?> ConvertValue(object? wire, Type targetType, string context, ImmutableHashSet<Resource> resources)
        {
            var isSecret = false;
            while (wire is SecretValue secret)
            {
                isSecret = true;
                wire = secret.Value;
            }
            // An unknown anywhere inside makes the whole value unknown (Converter.cs).
            if (WireValue.ContainsUnknowns(wire))
                return new OutputData<object?>(resources, DefaultOf(targetType), false, isSecret);
            isSecret |= WireValue.ContainsSecrets(wire);
            return new OutputData<object?>(resources, ConvertObject(context, wire, targetType), true, isSecret);
        }

        public static object? DefaultOf(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;

        public static object? ConvertObject(string context, object? val, Type targetType)
        {
            while (val is SecretValue secret)
                val = secret.Value;

            var nullable = Nullable.GetUnderlyingType(targetType);
            if (nullable != null)
                return val == null ? null : ConvertObject(context, val, nullable);

            if (val == null || val is UnknownValue)
                return DefaultOf(targetType);

            if (targetType == typeof(object))
                return ToPlainObject(val);

            if (targetType == typeof(string))
                return val is string ? val : Mismatch(context, val, targetType);
            if (targetType == typeof(bool))
                return val is bool ? val : Mismatch(context, val, targetType);
            if (targetType == typeof(double))
                return val is double ? val : Mismatch(context, val, targetType);
            if (targetType == typeof(int))
                return val is double d ? (int)d : Mismatch(context, val, targetType);
            if (targetType.IsEnum)
                return val is double e ? Enum.ToObject(targetType, (int)e) : Mismatch(context, val, targetType);
            if (targetType == typeof(JsonElement))
                return ToJsonElement(val);
            if (typeof(Resource).IsAssignableFrom(targetType))
                return val is ResourceReference r && targetType.IsInstanceOfType(r.Resource) ? r.Resource : Mismatch(context, val, targetType);
            if (typeof(AssetOrArchive).IsAssignableFrom(targetType))
                return targetType.IsInstanceOfType(val) ? val : Mismatch(context, val, targetType);

            if (targetType.GetCustomAttribute<EnumTypeAttribute>() != null)
                return ConvertEnumType(context, val, targetType);

            if (targetType.IsGenericType)
            {
                var definition = targetType.GetGenericTypeDefinition();
                var arguments = targetType.GetGenericArguments();
                if (definition == typeof(ImmutableArray<>))
                {
                    if (val is not ImmutableArray<object?> list)
                        return Mismatch(context, val, targetType);
                    var builderType = typeof(List<>).MakeGenericType(arguments[0]);
                    var items = (IList)Activator.CreateInstance(builderType)!;
                    for (var i = 0; i < list.Length; i++)
                        items.Add(ConvertObject($"{context}[{i}]", list[i], arguments[0]));
                    return typeof(ImmutableArray).GetMethods()
                        .Single(m => m.Name == nameof(ImmutableArray.CreateRange) && m.GetParameters().Length == 1 &&
                                     m.GetParameters()[0].ParameterType.IsGenericType &&
                                     m.GetParameters()[0].ParameterType.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                        .MakeGenericMethod(arguments[0]).Invoke(null, new object[] { items });
                }
                if (definition == typeof(ImmutableDictionary<,>) && arguments[0] == typeof(string))
                {
                    if (val is not ImmutableDictionary<string, object?> map)
                        return Mismatch(context, val, targetType);
                    var builder = typeof(ImmutableDictionary).GetMethods()
                        .Single(m => m.Name == nameof(ImmutableDictionary.CreateBuilder) && m.GetParameters().Length == 0)
                        .MakeGenericMethod(typeof(string), arguments[1]).Invoke(null, null)!;
                    var add = builder.GetType().GetMethod("Add", new[] { typeof(string), arguments[1] })!;
                    foreach (var (key, item) in map)
                        add.Invoke(builder, new[] { key, ConvertObject($"{context}.{key}", item, arguments[1]) });
                    return builder.GetType().GetMethod("ToImmutable")!.Invoke(builder, null);
                }
                if (definition == typeof(Union<,>))
                {
                    foreach (var (index, argument) in new[] { (0, arguments[0]), (1, arguments[1]) })
                    {
                        if (!Fits(val, argument))
                            continue;
                        var converted = ConvertObject(context, val, argument);
                        return targetType.GetMethod(index == 0 ? "FromT0" : "FromT1")!.Invoke(null, new[] { converted });
                    }
                    return Mismatch(context, val, targetType);
                }
            }

            // An interface marked as a discriminated union: the discriminator property's value picks
            // the case class (real Converter.cs TryConvertDiscriminatedUnion, v3.112.1).
            if (targetType.IsInterface)
            {
                var union = targetType.GetCustomAttribute<DiscriminatedUnionDiscriminatorAttribute>();
                if (union != null)
                    return ConvertDiscriminatedUnion(context, val, targetType, union);
            }

            if (targetType.GetCustomAttribute<OutputTypeAttribute>() != null)
                return ConvertOutputType(context, val, targetType);

            return Mismatch(context, val, targetType);
        }

        private static object? ConvertDiscriminatedUnion(string context, object val, Type targetType, DiscriminatedUnionDiscriminatorAttribute union)
        {
            if (val is not ImmutableDictionary<string, object?> map)
                return Mismatch(context, val, targetType);
            var cases = targetType.GetCustomAttributes<DiscriminatedUnionCaseAttribute>().ToArray();
            var expected = string.Join(", ", cases.Select(c => c.Tag).OrderBy(t => t, StringComparer.Ordinal));
            var tag = map.TryGetValue(union.PropertyName, out var raw) ? Unsecret(raw) as string : null;
            var match = tag == null ? null : cases.FirstOrDefault(c => c.Tag == tag);
            if (match == null)
            {
                var problem = tag == null
                    ? $"missing discriminator property \"{union.PropertyName}\""
                    : $"unknown \"{union.PropertyName}\" value \"{tag}\"";
                if (Deployment.TryGetInternalInstance(out var deployment))
                    deployment.Warnings.Enqueue($"{problem}; expected one of: {expected} deserializing {context}");
                return null;
            }
            // The case types were checked when the resource was constructed (OutputTypeCheck).
            return ConvertObject(context, val, match.Type);
        }

        private static object? Unsecret(object? val)
        {
            while (val is SecretValue secret)
                val = secret.Value;
            return val;
        }

        private static bool Fits(object val, Type type) => val switch
        {
            string => type == typeof(string) || type.GetCustomAttribute<EnumTypeAttribute>() != null,
            double => type == typeof(double) || type == typeof(int) || type.IsEnum || type.GetCustomAttribute<EnumTypeAttribute>() != null,
            bool => type == typeof(bool),
            ImmutableArray<object?> => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>),
            ImmutableDictionary<string, object?> => type.GetCustomAttribute<OutputTypeAttribute>() != null ||
                                                    (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableDictionary<,>)),
            _ => true,
        };

        private static object? ConvertEnumType(string context, object val, Type targetType)
        {
            var parameterType = val is string ? typeof(string) : val is double ? typeof(double) : null;
            var constructor = parameterType == null ? null : targetType.GetConstructor(
                BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, null, new[] { parameterType }, null);
            return constructor == null ? Mismatch(context, val, targetType) : constructor.Invoke(new[] { val });
        }

        private static object? ConvertOutputType(string context, object val, Type targetType)
        {
            if (val is not ImmutableDictionary<string, object?> map)
                return Mismatch(context, val, targetType);
            var constructors = targetType.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
            var constructor = constructors.FirstOrDefault(c => c.GetCustomAttribute<OutputConstructorAttribute>() != null)
                              ?? constructors.Where(c => c.IsPublic).SingleOrDefault()
                              ?? throw new InvalidOperationException($"{targetType.FullName} had no constructor marked with {nameof(OutputConstructorAttribute)}");
            var parameters = constructor.GetParameters();
            var values = new object?[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                var name = parameters[i].GetCustomAttribute<OutputConstructorParameterAttribute>()?.Name ?? parameters[i].Name!;
                map.TryGetValue(name, out var item);
                values[i] = ConvertObject($"{context}.{name}", item, parameters[i].ParameterType);
            }
            return constructor.Invoke(values);
        }

        private static object? Mismatch(string context, object val, Type targetType)
        {
            // The real converter reports this as a warning and carries on with the default value.
            if (Deployment.TryGetInternalInstance(out var deployment))
                deployment.Warnings.Enqueue($"{context}: expected {targetType.FullName} but got {val.GetType().FullName}; using the default value.");
            return DefaultOf(targetType);
        }

        /// <summary>Wire value to plain objects: what mocks and <c>object</c> outputs see. Secrets are
        /// unwrapped, nested keys starting with "__" and null entries dropped; a resource reference becomes
        /// what <paramref name="resource"/> makes of it (default: the referenced resource itself).</summary>
        public static object? ToPlainObject(object? val, Func<ResourceReference, object?>? resource = null) => val switch
        {
            SecretValue s => ToPlainObject(s.Value, resource),
            ResourceReference r => resource == null ? r.Resource : resource(r),
            ImmutableArray<object?> list => list.Select(item => ToPlainObject(item, resource)).ToImmutableArray(),
            ImmutableDictionary<string, object?> map => map
                .Where(kv => !kv.Key.StartsWith("__", StringComparison.Ordinal) && kv.Value != null)
                .ToImmutableDictionary(kv => kv.Key, kv => ToPlainObject(kv.Value, resource)),
            _ => val,
        };

        private static JsonElement ToJsonElement(object val)
        {
            using var document = JsonDocument.Parse(Serializer.ToJsonString(val));
            return document.RootElement.Clone();
        }

        /// <summary>Checks a value given in a dictionary of args the way output types are checked.</summary>
        public static void CheckArgumentValue(string key, object? value)
        {
            switch (value)
            {
                case null or string or bool or int or double or IInput or IOutput or InputArgs or Resource or AssetOrArchive or JsonElement or IUnion:
                    return;
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary)
                        CheckArgumentValue($"{key}.{entry.Key}", entry.Value);
                    return;
                case IList list:
                    foreach (var item in list)
                        CheckArgumentValue(key, item);
                    return;
            }
            var type = value.GetType();
            if (type.GetCustomAttribute<EnumTypeAttribute>() != null || type.GetCustomAttribute<OutputTypeAttribute>() != null ||
                (type.IsEnum && Enum.GetUnderlyingType(type) == typeof(int)))
                return;
            throw new InvalidOperationException($"{type.FullName} is not a supported argument type.\n\t{key}");
        }
    }
}
