using System.Collections.Immutable;
using Pulumi;

namespace Infra.Components.Common;

/// <summary>
/// Strings by key as a component output (target group ARNs by pool, health check ids by endpoint):
/// the one map shape that both halves of Pulumi 3.112.1 accept, so the component stays servable to
/// TypeScript, Python, Go and YAML through provider/.
/// </summary>
/// <remarks>
/// Why a wrapper and not <c>Output&lt;ImmutableDictionary&lt;string, string&gt;&gt;</c>: see
/// <see cref="StringList"/> (<c>Serialization/Converter.cs</c> <c>CheckTargetType</c> against
/// <c>Provider/ComponentAnalyzer.cs</c> in pulumi-dotnet v3.112.1). Other languages see the object type
/// <c>infra:index:StringMap</c> with one property <c>entries: map&lt;string&gt;</c>.
/// Writing through <see cref="Entries"/> throws: the map is immutable.
/// </remarks>
[OutputType]
public sealed class StringMap
{
    private readonly ImmutableDictionary<string, string> _entries;

    /// <summary>Wraps <paramref name="entries"/> (null counts as empty).</summary>
    [OutputConstructor]
    public StringMap(ImmutableDictionary<string, string> entries)
    {
        _entries = entries ?? ImmutableDictionary<string, string>.Empty;
        Entries = _entries;
    }

    /// <summary>The strings by key.</summary>
    [Output("entries")] public IDictionary<string, string> Entries { get; }

    /// <summary>The strings by key as an immutable dictionary, for C# callers.</summary>
    public ImmutableDictionary<string, string> ToImmutableDictionary() => _entries;
}
