using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace Pulumi.Serialization
{
    /// <summary>
    /// Turns program values (args, inputs, outputs, plain values) into wire values, following
    /// sdk/Pulumi/Serialization/Serializer.cs and Resources/InputArgs.cs of the real SDK.
    /// </summary>
    internal sealed class Serializer
    {
        private readonly bool _keepResources;

        public Serializer(bool keepResources = true) => _keepResources = keepResources;

        /// <summary>Resources that the serialised outputs depend on.</summary>
        public HashSet<Resource> DependentResources { get; } = new();

        private sealed record InputMember(InputAttribute Attribute, string MemberName, Func<object, object?> GetValue);

        private static readonly ConcurrentDictionary<Type, InputMember[]> InputMembers = new();

        private static InputMember[] GetInputMembers(Type type)
            => InputMembers.GetOrAdd(type, t =>
            {
                var members = new List<InputMember>();
                // Fields and properties, public and not, declared anywhere in the hierarchy.
                for (var current = t; current != null && current != typeof(object); current = current.BaseType)
                {
                    const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
                    foreach (var field in current.GetFields(flags))
                    {
                        var attribute = field.GetCustomAttribute<InputAttribute>();
                        if (attribute != null)
                            members.Add(new InputMember(attribute, field.Name, field.GetValue));
                    }
                    foreach (var property in current.GetProperties(flags))
                    {
                        var attribute = property.GetCustomAttribute<InputAttribute>();
                        if (attribute != null && property.GetMethod != null)
                            members.Add(new InputMember(attribute, property.Name, property.GetValue));
                    }
                }
                return members.ToArray();
            });

        /// <summary>Names of the wire properties an args type declares, for tools that show them.</summary>
        internal static IEnumerable<(string Name, bool Required)> InputNames(Type type)
            => GetInputMembers(type).Select(m => (m.Attribute.Name, m.Attribute.IsRequired));

        /// <summary>The [Input] members of <paramref name="args"/> as a wire map; null values omitted.</summary>
        public async Task<ImmutableDictionary<string, object?>> SerializeArgsAsync(InputArgs args, string context)
        {
            // A ready map serialises like any other dictionary.
            var dictionary = args switch
            {
                DictionaryResourceArgs dra => dra.Dictionary,
                DictionaryInvokeArgs dia => dia.Dictionary,
                _ => null,
            };
            if (dictionary != null)
                return (ImmutableDictionary<string, object?>)(await SerializeAsync(context, dictionary).ConfigureAwait(false))!;

            var builder = ImmutableDictionary.CreateBuilder<string, object?>();
            foreach (var member in GetInputMembers(args.GetType()))
            {
                var fullName = $"[Input] {args.GetType().FullName}.{member.MemberName}";
                var value = member.GetValue(args);
                if (member.Attribute.IsRequired && value == null)
                    throw new ArgumentNullException(member.MemberName, $"{fullName} is required but was not given a value");

                object? serialized;
                try
                {
                    serialized = await SerializeAsync($"{context}.{member.Attribute.Name}", value).ConfigureAwait(false);
                }
                catch (InvalidOperationException e)
                {
                    throw new InvalidOperationException($"error serializing property \"{member.Attribute.Name}\": {e.Message}", e);
                }

                if (member.Attribute.Json && serialized != null && !WireValue.ContainsUnknowns(serialized))
                    serialized = ToJsonString(serialized);
                if (serialized != null)
                    builder[member.Attribute.Name] = serialized;
            }
            return builder.ToImmutable();
        }

        public async Task<object?> SerializeAsync(string context, object? prop)
        {
            switch (prop)
            {
                case null:
                    return null;
                case string or bool or double:
                    return prop;
                case int i:
                    return (double)i;
                case Enum e when Enum.GetUnderlyingType(e.GetType()) == typeof(int):
                    return (double)Convert.ToInt32(e, CultureInfo.InvariantCulture);
                case UnknownValue or SecretValue or ResourceReference:
                    return prop;
                case AssetOrArchive asset:
                    return asset;
                case JsonElement element:
                    return SerializeJson(element);
                case IInput input:
                    return await SerializeAsync(context, input.ToOutput()).ConfigureAwait(false);
                case IOutput output:
                    {
                        var data = await output.GetDataAsync().ConfigureAwait(false);
                        DependentResources.UnionWith(data.Resources);
                        if (!data.IsKnown)
                            return UnknownValue.Instance;
                        var value = await SerializeAsync(context, data.Value).ConfigureAwait(false);
                        return data.IsSecret ? new SecretValue(value) : value;
                    }
                case IUnion union:
                    return await SerializeAsync(context, union.Value).ConfigureAwait(false);
                case CustomResource custom:
                    {
                        DependentResources.Add(custom);
                        var urn = await custom.Urn.GetValueAsync(whenUnknown: "").ConfigureAwait(false);
                        var id = await custom.Id.GetValueAsync(whenUnknown: "").ConfigureAwait(false);
                        return _keepResources ? new ResourceReference(custom, urn, id ?? "") : (object?)(id ?? "");
                    }
                case ComponentResource component:
                    {
                        DependentResources.Add(component);
                        var urn = await component.Urn.GetValueAsync(whenUnknown: "").ConfigureAwait(false);
                        return _keepResources ? new ResourceReference(component, urn, null) : urn;
                    }
                case InputArgs args:
                    return await SerializeArgsAsync(args, context).ConfigureAwait(false);
                case ValueTuple:
                    return null;
                case Task:
                    throw new InvalidOperationException(
                        $"Tasks are not allowed inside ResourceArgs. Please wrap your Task in an Output:\n\t{context}");
            }

            var type = prop.GetType();
            if (type.GetCustomAttribute<EnumTypeAttribute>() != null)
                return SerializeEnumType(prop, type, context);
            if (type.GetCustomAttribute<OutputTypeAttribute>() != null)
                return await SerializeOutputTypeAsync(prop, type, context).ConfigureAwait(false);

            if (prop is IDictionary dictionary)
            {
                var builder = ImmutableDictionary.CreateBuilder<string, object?>();
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (entry.Key is not string key)
                        throw new InvalidOperationException(
                            $"Dictionaries are only supported with string keys:\n\t{context}");
                    var value = await SerializeAsync($"{context}.{key}", entry.Value).ConfigureAwait(false);
                    if (value != null)
                        builder[key] = value;
                }
                return builder.ToImmutable();
            }

            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>)
                && (bool)type.GetProperty("IsDefault")!.GetValue(prop)!)
                return ImmutableArray<object?>.Empty;

            if (prop is IList list)
            {
                var builder = ImmutableArray.CreateBuilder<object?>(list.Count);
                for (var i = 0; i < list.Count; i++)
                    builder.Add(await SerializeAsync($"{context}[{i}]", list[i]).ConfigureAwait(false));
                return builder.MoveToImmutable();
            }

            throw new InvalidOperationException($"{type.FullName} is not a supported argument type.\n\t{context}");
        }

        private static object SerializeEnumType(object prop, Type type, string context)
        {
            // [EnumType] structs convert explicitly to string or double.
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static))
            {
                if (method.Name == "op_Explicit" && method.GetParameters().Length == 1 && method.GetParameters()[0].ParameterType == type)
                {
                    if (method.ReturnType == typeof(string))
                        return method.Invoke(null, new[] { prop })!;
                    if (method.ReturnType == typeof(double))
                        return method.Invoke(null, new[] { prop })!;
                }
            }
            throw new InvalidOperationException($"{type.FullName} is not a supported argument type.\n\t{context}");
        }

        private async Task<object?> SerializeOutputTypeAsync(object prop, Type type, string context)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, object?>();
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
            {
                var name = char.ToLowerInvariant(field.Name[0]) + field.Name.Substring(1);
                var value = await SerializeAsync($"{context}.{name}", field.GetValue(prop)).ConfigureAwait(false);
                if (value != null)
                    builder[name] = value;
            }
            return builder.ToImmutable();
        }

        private static object? SerializeJson(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => element.GetDouble(),
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Array => element.EnumerateArray().Select(SerializeJson).ToImmutableArray(),
            JsonValueKind.Object => element.EnumerateObject().ToImmutableDictionary(p => p.Name, p => SerializeJson(p.Value)),
            _ => null,
        };

        /// <summary>A wire value as JSON text in the style of protobuf's JsonFormatter
        /// (<c>{ "k": 1 }</c>), which is what a json-serialised input carries.</summary>
        internal static string ToJsonString(object? value)
        {
            var builder = new StringBuilder();
            Write(value);
            return builder.ToString();

            void Write(object? v)
            {
                switch (v)
                {
                    case null:
                        builder.Append("null");
                        break;
                    case SecretValue s:
                        Write(s.Value);
                        break;
                    case bool b:
                        builder.Append(b ? "true" : "false");
                        break;
                    case double d:
                        builder.Append(d.ToString("R", CultureInfo.InvariantCulture));
                        break;
                    case string s:
                        builder.Append(JsonSerializer.Serialize(s));
                        break;
                    case ImmutableArray<object?> list:
                        if (list.Length == 0)
                        {
                            builder.Append("[ ]");
                            break;
                        }
                        builder.Append("[ ");
                        for (var i = 0; i < list.Length; i++)
                        {
                            if (i > 0) builder.Append(", ");
                            Write(list[i]);
                        }
                        builder.Append(" ]");
                        break;
                    case ImmutableDictionary<string, object?> map:
                        if (map.Count == 0)
                        {
                            builder.Append("{ }");
                            break;
                        }
                        builder.Append("{ ");
                        var first = true;
                        foreach (var (key, item) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                        {
                            if (!first) builder.Append(", ");
                            first = false;
                            builder.Append(JsonSerializer.Serialize(key)).Append(": ");
                            Write(item);
                        }
                        builder.Append(" }");
                        break;
                    default:
                        builder.Append(JsonSerializer.Serialize(v.ToString()));
                        break;
                }
            }
        }
    }
}
