using System.Collections.Immutable;
using Pulumi;

namespace Infra.Components.Common;

/// <summary>
/// A list of strings as a component output (subnet ids, alarm ARNs, hostnames): the one list shape
/// that both halves of Pulumi 3.112.1 accept, so the component stays servable to TypeScript, Python,
/// Go and YAML through provider/.
/// </summary>
/// <remarks>
/// pulumi-dotnet v3.112.1 disagrees with itself about collection outputs:
/// <c>sdk/Pulumi/Serialization/Converter.cs</c> (<c>CheckTargetType</c>, run on every [Output] of every
/// resource, components included) allows only <c>ImmutableArray</c>/<c>ImmutableDictionary</c> as
/// generic types, while <c>sdk/Pulumi/Provider/ComponentAnalyzer.cs</c> (the schema the provider
/// serves) allows only <c>List</c>/<c>IList</c>/<c>Dictionary</c>/<c>IDictionary</c> and arrays. Both
/// accept a class marked [OutputType]: the engine checks its [OutputConstructor] parameters (here an
/// <see cref="ImmutableArray{T}"/>), the analyzer its public properties (here an
/// <see cref="IList{T}"/> over the same immutable array). Other languages see the object type
/// <c>infra:index:StringList</c> with one property <c>items: array&lt;string&gt;</c>.
/// Writing through <see cref="Items"/> throws: the list is immutable.
/// </remarks>
[OutputType]
public sealed class StringList
{
    private readonly ImmutableArray<string> _items;

    /// <summary>Wraps <paramref name="items"/> (a default array counts as empty).</summary>
    [OutputConstructor]
    public StringList(ImmutableArray<string> items)
    {
        _items = items.IsDefault ? ImmutableArray<string>.Empty : items;
        Items = _items;
    }

    /// <summary>The strings, in the component's order.</summary>
    [Output("items")] public IList<string> Items { get; }

    /// <summary>The strings as an immutable array, for C# callers.</summary>
    public ImmutableArray<string> ToImmutableArray() => _items;
}
