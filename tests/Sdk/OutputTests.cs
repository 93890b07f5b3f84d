using System.Collections.Immutable;
using Pulumi;
using Pulumi.Utilities;
using Xunit;

namespace Infra.Tests.Sdk;

/// <summary>
/// Output/Input behaviour that needs no running deployment: only known values, so no Apply ever
/// consults <c>Deployment.Instance.IsDryRun</c> (sdk/Pulumi/Core/Output.cs ApplyHelperAsync).
/// </summary>
public sealed class OutputTests
{
    [Fact]
    public async Task OutputCreate_IsKnownNotSecretWithoutDependencies()
    {
        // Output.Create; sdk/Pulumi/Core/Output.cs Create + Core/OutputUtilities.cs
        var output = Output.Create("value");

        Assert.Equal("value", await OutputUtilities.GetValueAsync(output));
        Assert.True(await OutputUtilities.GetIsKnownAsync(output));
        Assert.False(await Output.IsSecretAsync(output));
        Assert.Empty(await OutputUtilities.GetDependenciesAsync(output));
    }

    [Fact]
    public async Task OutputCreate_FromTask_ResolvesToTaskResult()
    {
        // Output.Create(Task<T>); sdk/Pulumi/Core/Output.cs Create
        var output = Output.Create(Task.FromResult(41));
        Assert.Equal(41, await OutputUtilities.GetValueAsync(output));
    }

    [Fact]
    public async Task Apply_ValueReturningOverload_TransformsValue()
    {
        // Apply<U>(Func<T,U>); sdk/Pulumi/Core/Output.cs Apply
        Output<int> length = Output.Create("four").Apply(v => v.Length);
        Assert.Equal(4, await OutputUtilities.GetValueAsync(length));
    }

    [Fact]
    public async Task Apply_OutputReturningOverload_FlattensAndMergesSecretness()
    {
        // Apply<U>(Func<T,Output<U>?>): result secret if either is secret; sdk/Pulumi/Core/Output.cs ApplyHelperAsync
        Output<string> flattened = Output.Create("a").Apply(v => Output.CreateSecret(v + "b"));

        Assert.Equal("ab", await OutputUtilities.GetValueAsync(flattened));
        Assert.True(await Output.IsSecretAsync(flattened));
    }

    [Fact]
    public async Task Apply_OutputReturningNull_YieldsDefault()
    {
        // Apply<U>(Func<T,Output<U>?>) with null result => default(U), still known; sdk/Pulumi/Core/Output.cs ApplyHelperAsync
        Output<string> result = Output.Create(1).Apply(_ => (Output<string>?)null);

        Assert.Null(await OutputUtilities.GetValueAsync(result));
        Assert.True(await OutputUtilities.GetIsKnownAsync(result));
    }

    [Fact]
    public async Task Apply_InputReturningOverload_BindsToInputOfU()
    {
        // Apply<U>(Func<T,Input<U>?>) is chosen over Func<T,U> (result is Output<string>, not Output<Input<string>>); sdk/Pulumi/Core/Output.cs
        Output<string> result = Output.Create("x").Apply(v => (Input<string>)(v + "y"));
        Assert.Equal("xy", await OutputUtilities.GetValueAsync(result));
    }

    [Fact]
    public async Task Apply_TaskReturningOverload_AwaitsTheTask()
    {
        // Apply<U>(Func<T,Task<U>>); sdk/Pulumi/Core/Output.cs Apply
        Output<int> result = Output.Create(2).Apply(async v =>
        {
            await Task.Yield();
            return v * 10;
        });
        Assert.Equal(20, await OutputUtilities.GetValueAsync(result));
    }

    [Fact]
    public async Task Apply_PlainTaskOverload_ReturnsOutputOfValueTuple()
    {
        // Apply(Func<T,Task>) -> Output<ValueTuple>; sdk/Pulumi/Core/Output.cs Apply
        var seen = new List<int>();
        Output<ValueTuple> done = Output.Create(7).Apply(async v =>
        {
            await Task.Yield();
            seen.Add(v);
        });

        Assert.Equal(default(ValueTuple), await OutputUtilities.GetValueAsync(done));
        Assert.Equal(new[] { 7 }, seen);
    }

    [Fact]
    public async Task CreateSecret_AndApply_PropagateSecretness_UnsecretClearsIt()
    {
        // CreateSecret/Unsecret/IsSecretAsync; sdk/Pulumi/Core/Output.cs CreateSecret, Unsecret, IsSecretAsync
        var secret = Output.CreateSecret("s3cr3t");
        var derived = secret.Apply(v => v.ToUpperInvariant());
        var wrapped = Output.CreateSecret(Output.Create(5));
        var unsecret = Output.Unsecret(derived);

        Assert.True(await Output.IsSecretAsync(secret));
        Assert.True(await Output.IsSecretAsync(derived));
        Assert.True(await Output.IsSecretAsync(wrapped));
        Assert.False(await Output.IsSecretAsync(unsecret));
        Assert.Equal("S3CR3T", await OutputUtilities.GetValueAsync(unsecret));
        Assert.True(await Output.IsSecretAsync(derived)); // Unsecret does not modify its argument
    }

    [Fact]
    public async Task Tuple_CombinesValues_SecretIfAnyIsSecret()
    {
        // Output.Tuple; sdk/Pulumi/Core/Output_Tuple.cs + Output.cs TupleHelperAsync
        Output<(string, int)> plain = Output.Tuple(Output.Create("a"), Output.Create(1));
        Output<(string, int, bool)> mixed = Output.Tuple(Output.Create("a"), Output.CreateSecret(1), Output.Create(true));
        Output<(string, int)> fromInputs = Output.Tuple<string, int>("b", 2);

        Assert.Equal(("a", 1), await OutputUtilities.GetValueAsync(plain));
        Assert.False(await Output.IsSecretAsync(plain));
        Assert.Equal(("a", 1, true), await OutputUtilities.GetValueAsync(mixed));
        Assert.True(await Output.IsSecretAsync(mixed));
        Assert.Equal(("b", 2), await OutputUtilities.GetValueAsync(fromInputs));
    }

    [Fact]
    public async Task All_CollectsInOrder_UnknownIfAnyUnknown_SecretIfAnySecret()
    {
        // Output.All; sdk/Pulumi/Core/Output.cs AllHelperAsync
        var all = Output.All(Output.Create(1), Output.CreateSecret(2), Output.Create(3));
        var withUnknown = Output.All(Output.Create("a"), OutputUtilities.CreateUnknown("b"));
        var fromInputs = Output.All<string>("x", Output.Create("y"));

        Assert.Equal(new[] { 1, 2, 3 }, await OutputUtilities.GetValueAsync(all));
        Assert.True(await Output.IsSecretAsync(all));
        Assert.False(await OutputUtilities.GetIsKnownAsync(withUnknown));
        Assert.Equal(new[] { "x", "y" }, await OutputUtilities.GetValueAsync(fromInputs));
    }

    [Fact]
    public async Task Format_MixesOutputsAndPlainValues_KeepsSecretness()
    {
        // Output.Format; sdk/Pulumi/Core/Output.cs Format
        var host = Output.Create("db.internal");
        var password = Output.CreateSecret("pw");
        var plain = Output.Format($"{host}:{5432}");
        var secret = Output.Format($"user:{password}@{host}");

        Assert.Equal("db.internal:5432", await OutputUtilities.GetValueAsync(plain));
        Assert.False(await Output.IsSecretAsync(plain));
        Assert.Equal("user:pw@db.internal", await OutputUtilities.GetValueAsync(secret));
        Assert.True(await Output.IsSecretAsync(secret));
    }

    [Fact]
    public async Task JsonSerialize_ResolvesNestedOutputs_AndPropagatesSecrets()
    {
        // Output.JsonSerialize with nested Output<T> values; sdk/Pulumi/Core/Output.cs JsonSerialize + OutputJsonConverter
        var json = Output.JsonSerialize(Output.Create(new { a = 1, b = Output.Create("x") }));
        var secretJson = Output.JsonSerialize(Output.Create(new { s = Output.CreateSecret("p") }));

        Assert.Equal("{\"a\":1,\"b\":\"x\"}", await OutputUtilities.GetValueAsync(json));
        Assert.False(await Output.IsSecretAsync(json));
        Assert.Equal("{\"s\":\"p\"}", await OutputUtilities.GetValueAsync(secretJson));
        Assert.True(await Output.IsSecretAsync(secretJson));
    }

    [Fact]
    public async Task JsonSerialize_WithNestedUnknown_IsUnknown()
    {
        // any nested unknown => whole JSON unknown; sdk/Pulumi/Core/Output.cs JsonSerialize (SeenUnknown)
        var json = Output.JsonSerialize(Output.Create(new { u = OutputUtilities.CreateUnknown("later") }));
        Assert.False(await OutputUtilities.GetIsKnownAsync(json));
    }

    [Fact]
    public async Task JsonDeserialize_ParsesKnownString()
    {
        // Output.JsonDeserialize; sdk/Pulumi/Core/Output.cs JsonDeserialize
        var parsed = Output.JsonDeserialize<Dictionary<string, int>>(Output.Create("{\"a\":3}"));
        Assert.Equal(3, (await OutputUtilities.GetValueAsync(parsed))["a"]);
    }

    [Fact]
    public async Task CreateUnknown_Value_IsUnknown_AndGetValueAsyncReturnsDefaultNotTheValue()
    {
        // checklist 23; sdk/Pulumi/Core/OutputUtilities.cs CreateUnknown + GetValueAsync(whenUnknown: default)
        var unknown = OutputUtilities.CreateUnknown("hidden");

        Assert.False(await OutputUtilities.GetIsKnownAsync(unknown));
        Assert.Null(await OutputUtilities.GetValueAsync(unknown));
        Assert.False(await Output.IsSecretAsync(unknown));
    }

    [Fact]
    public async Task Input_ImplicitConversions_RoundTripThroughOutput()
    {
        // implicit T -> Input<T>, Output<T> -> Input<T>, Input<T> -> Output<T>; sdk/Pulumi/Core/Input.cs
        Input<string> fromValue = "plain";
        Input<string> fromOutput = Output.CreateSecret("hidden");
        Output<string> back = fromValue;
        Input<string>? none = null;

        Assert.Equal("plain", await OutputUtilities.GetValueAsync(back));
        Assert.Equal("hidden", await OutputUtilities.GetValueAsync(fromOutput.ToOutput()));
        Assert.True(await Output.IsSecretAsync(fromOutput.ToOutput()));
        Assert.Equal("PLAIN!", await OutputUtilities.GetValueAsync(fromValue.Apply(v => v.ToUpperInvariant() + "!")));
        Assert.Null(await OutputUtilities.GetValueAsync(none.ToOutput()));
    }

    [Fact]
    public async Task OutputExtensions_GetAtFirstLength_ReadArrays()
    {
        // OutputExtensions GetAt/First/Length; sdk/Pulumi/Core/OutputExtensions.cs
        var array = Output.Create(ImmutableArray.Create("a", "b", "c"));

        Assert.Equal("b", await OutputUtilities.GetValueAsync(array.GetAt(1)));
        Assert.Equal("a", await OutputUtilities.GetValueAsync(array.First()));
        Assert.Equal(3, await OutputUtilities.GetValueAsync(array.Length()));
    }
}
