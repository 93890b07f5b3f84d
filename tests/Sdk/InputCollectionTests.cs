using System.Collections;
using System.Collections.Immutable;
using Pulumi;
using Pulumi.Utilities;
using Xunit;

namespace Infra.Tests.Sdk;

/// <summary>InputList, InputMap and InputUnion, outside a deployment (all values known).</summary>
public sealed class InputCollectionTests
{
    private static Task<T> ValueOf<T>(Input<T> input) => OutputUtilities.GetValueAsync(input.ToOutput());

    [Fact]
    public async Task InputList_CollectionInitialiser_MixesPlainValuesAndOutputs()
    {
        // InputList.Add(params Input<T>[]); sdk/Pulumi/Core/InputList.cs
        var list = new InputList<string> { "a", Output.Create("b"), Output.CreateSecret("c") };

        Assert.Equal(new[] { "a", "b", "c" }, await ValueOf(list));
        Assert.True(await Output.IsSecretAsync(list.ToOutput()));
    }

    [Fact]
    public async Task InputList_Concat_ReturnsNewListAndLeavesReceiverUnchanged()
    {
        // InputList.Concat; sdk/Pulumi/Core/InputList.cs Concat
        var first = new InputList<string> { "a", "b" };
        var second = new InputList<string> { "c" };
        var joined = first.Concat(second);

        Assert.Equal(new[] { "a", "b", "c" }, await ValueOf(joined));
        Assert.Equal(new[] { "a", "b" }, await ValueOf(first));
        Assert.Equal(new[] { "c" }, await ValueOf(second));
    }

    [Fact]
    public async Task InputList_ImplicitConversions_FromArraysListsAndOutputs()
    {
        // implicit conversions into InputList<T>; sdk/Pulumi/Core/InputList.cs
        InputList<string> fromArray = new[] { "x", "y" };
        InputList<string> fromList = new List<string> { "l" };
        InputList<string> fromSingle = "one";
        InputList<string> fromOutputArray = Output.Create(ImmutableArray.Create("o1", "o2"));
        InputList<int> fromImmutable = ImmutableArray.Create(1, 2);

        Assert.Equal(new[] { "x", "y" }, await ValueOf(fromArray));
        Assert.Equal(new[] { "l" }, await ValueOf(fromList));
        Assert.Equal(new[] { "one" }, await ValueOf(fromSingle));
        Assert.Equal(new[] { "o1", "o2" }, await ValueOf(fromOutputArray));
        Assert.Equal(new[] { 1, 2 }, await ValueOf(fromImmutable));
    }

    [Fact]
    public async Task InputList_SynchronousEnumerationThrows_AsyncEnumerationYieldsItems()
    {
        // IEnumerable.GetEnumerator throws NotSupportedException; sdk/Pulumi/Core/InputList.cs
        var list = new InputList<string> { "a", "b" };

        Assert.Throws<NotSupportedException>(() => ((IEnumerable)list).GetEnumerator());

        var items = new List<string>();
        await foreach (var item in list)
            items.Add(await OutputUtilities.GetValueAsync(item.ToOutput()));
        Assert.Equal(new[] { "a", "b" }, items);
    }

    [Fact]
    public async Task InputMap_InitialiserAndIndexer_AddEntries()
    {
        // InputMap.Add / set-only indexer; sdk/Pulumi/Core/InputMap.cs
        var map = new InputMap<string> { { "a", "1" }, { "b", Output.Create("2") } };
        map["c"] = "3";

        var value = await ValueOf(map);
        Assert.Equal(3, value.Count);
        Assert.Equal("1", value["a"]);
        Assert.Equal("2", value["b"]);
        Assert.Equal("3", value["c"]);
    }

    [Fact]
    public async Task InputMap_Merge_SecondWinsAndArgumentsAreUnchanged()
    {
        // InputMap.Merge; sdk/Pulumi/Core/InputMap.cs Merge
        var first = new InputMap<string> { { "a", "1" }, { "b", "first" } };
        var second = new InputMap<string> { { "b", "second" }, { "c", "3" } };

        var merged = await ValueOf(InputMap<string>.Merge(first, second));

        Assert.Equal(new[] { "a=1", "b=second", "c=3" }, merged.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value}"));
        Assert.Equal("first", (await ValueOf(first))["b"]);
        Assert.Equal(2, (await ValueOf(second)).Count);
    }

    [Fact]
    public async Task InputMap_DuplicateKeyWithSameValue_IsAccepted()
    {
        // sdk/Pulumi/Core/InputMap.cs Add (equal values are fine)
        var map = new InputMap<string> { { "k", "v" } };
        map.Add("k", "v");

        var value = await ValueOf(map);
        Assert.Equal("v", Assert.Single(value).Value);
    }

    [Fact]
    public async Task InputMap_DuplicateKeyWithDifferentValue_FaultsWithArgumentException()
    {
        // sdk/Pulumi/Core/InputMap.cs Add: "Key 'k' already exists in the map with a different value."
        var map = new InputMap<string> { { "k", "v1" } };
        map.Add("k", "v2");

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => ValueOf(map));
        Assert.Equal("Key 'k' already exists in the map with a different value.", ex.Message);
    }

    [Fact]
    public async Task InputMap_ImplicitFromDictionary_AndSynchronousEnumerationThrows()
    {
        // implicit Dictionary -> InputMap, IEnumerable throws; sdk/Pulumi/Core/InputMap.cs
        InputMap<int> map = new Dictionary<string, int> { ["x"] = 1 };

        Assert.Equal(1, (await ValueOf(map))["x"]);
        Assert.Throws<NotSupportedException>(() => ((IEnumerable)map).GetEnumerator());
    }

    [Fact]
    public async Task InputUnion_FromEitherSide_KeepsTheCase()
    {
        // InputUnion<T0,T1> / Union<T0,T1>; sdk/Pulumi/Core/InputUnion.cs, Union.cs
        InputUnion<string, int> left = "text";
        InputUnion<string, int> right = 42;
        InputUnion<string, int> fromOutput = Output.Create(7);

        var l = await ValueOf(left);
        var r = await ValueOf(right);
        var o = await ValueOf(fromOutput);

        Assert.True(l.IsT0);
        Assert.Equal("text", l.AsT0);
        Assert.True(r.IsT1);
        Assert.Equal(42, r.AsT1);
        Assert.Equal(42, r.Value);
        Assert.True(o.IsT1);
        Assert.Equal(Union<string, int>.FromT0("text"), l);
        Assert.Equal("len=4", l.Match(s => $"len={s.Length}", i => $"int={i}"));
    }
}
