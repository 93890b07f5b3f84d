using System.Collections.Immutable;

namespace Pulumi.Serialization
{
    /// <summary>
    /// The engine-side representation of values (what Pulumi puts on the wire as protobuf): null,
    /// bool, double, string, lists as <see cref="ImmutableArray{T}"/> of object, objects as
    /// <see cref="ImmutableDictionary{TKey,TValue}"/>, plus the markers below.
    /// </summary>
    internal sealed class UnknownValue
    {
        /// <summary>The sentinel Pulumi sends for a value that is not known yet.</summary>
        public const string Sentinel = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

        public static readonly UnknownValue Instance = new UnknownValue();

        private UnknownValue()
        {
        }
    }

    /// <summary>A value marked secret on the wire.</summary>
    internal sealed class SecretValue
    {
        public SecretValue(object? value) => Value = value;

        public object? Value { get; }
    }

    /// <summary>A reference to a resource on the wire.</summary>
    internal sealed class ResourceReference
    {
        public ResourceReference(Resource resource, string urn, string? id)
        {
            Resource = resource;
            Urn = urn;
            Id = id;
        }

        public Resource Resource { get; }
        public string Urn { get; }
        /// <summary>Null for components; empty when the id is unknown.</summary>
        public string? Id { get; }
    }

    internal static class WireValue
    {
        /// <summary>On the wire an unknown is the sentinel string, so a literal sentinel counts as unknown too.</summary>
        public static bool ContainsUnknowns(object? value) => value switch
        {
            UnknownValue => true,
            string s => s == UnknownValue.Sentinel,
            SecretValue s => ContainsUnknowns(s.Value),
            ImmutableArray<object?> list => list.Any(ContainsUnknowns),
            ImmutableDictionary<string, object?> map => map.Values.Any(ContainsUnknowns),
            _ => false,
        };

        public static bool ContainsSecrets(object? value) => value switch
        {
            SecretValue => true,
            ImmutableArray<object?> list => list.Any(ContainsSecrets),
            ImmutableDictionary<string, object?> map => map.Values.Any(ContainsSecrets),
            _ => false,
        };

        private static bool Any<T>(this System.Collections.Generic.IEnumerable<T> items, System.Func<T, bool> predicate)
            => System.Linq.Enumerable.Any(items, predicate);
    }
}
