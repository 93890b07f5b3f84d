using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CsCheck;
using Infra.Benchmarks;
using Infra.Plan;
using Infra.Tests.Harness;
using Infra.Tests.Sdk;
using Xunit;
using Xunit.Abstractions;

namespace Infra.Tests.BadInput;

/// <summary>
/// Generated stack files: mutations of the real ones (<see cref="StackMutations"/>) through the YAML
/// reader and the whole plan. Whatever the file, the plan ends in a plan, a list of keyed problems or
/// a one-line file error; every problem names a key the file has (or could have: its parent is there);
/// a mutation known to be dangerous is refused at its key; a mutation that keeps the meaning still plans.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class StackFilePropertyTests(ITestOutputHelper output)
{
    /// <summary>Cases per run; CsCheck_Iter in the environment overrides it.</summary>
    private const int Cases = 1000;

    private static readonly string[] Stacks = [.. RepoPaths.Layout.StackNames()];

    private static readonly Gen<StackMutation> Mutations =
        Gen.Select(Gen.OneOf(Stacks), Gen.OneOf([.. StackMutation.Kinds]), Gen.Int[0, 100_000], Gen.Int[0, 1000],
            (stack, kind, target, variant) => new StackMutation(stack, kind, target, variant));

    private static readonly ConcurrentDictionary<string, string> Texts = new();

    [Fact]
    public async Task Mutated_stack_files_never_crash_and_name_only_their_own_keys()
    {
        var counts = new ConcurrentDictionary<(string Kind, string Outcome), int>();
        await Mutations.SampleAsync(async mutation =>
        {
            var mutated = StackMutations.Apply(Texts.GetOrAdd(mutation.Stack, MutatedStacks.Text), mutation);
            // Anything but a plan, a keyed refusal or a file error escapes PlanAsync and fails the case.
            var outcome = await MutatedStacks.PlanAsync(mutation.Stack, mutated.Yaml);
            var kind = outcome.Plan is not null ? "planned" : outcome.Refusal is not null ? "refused" : "file error";
            counts.AddOrUpdate((mutation.Kind, kind), 1, (_, n) => n + 1);
            var what = $"{mutation} ({mutated.Description}): {outcome}";

            if (outcome.FileError is { } error)
                Assert.True(!error.Message.Contains('\n', StringComparison.Ordinal), $"a file error of more than one line: {what}");
            if (outcome.Refusal is { } refusal)
            {
                Assert.True(refusal.Subject.StartsWith("Stack", StringComparison.Ordinal), $"refused by a component, not by the stack's validation: {what}");
                if (KeysOf(mutated.Yaml) is { } keys)
                    foreach (var problem in refusal.Problems)
                        Assert.True(Settable(problem.Key, keys), $"{problem.Key} is not a key of the file nor settable there: {what}");
            }
            if (mutated.MustRefuse)
            {
                Assert.True(outcome.Plan is null, $"a mutation that must be refused planned: {what}");
                if (mutated.ExpectedKey is { } key)
                    Assert.True(outcome.Keys.Contains(key), $"refused, but not at {key}: {what}");
            }
            if (mutated.MustPlan)
                Assert.True(outcome.Plan is not null, $"a mutation that keeps the meaning did not plan: {what}");
        }, iter: Cases, threads: 1, print: m => m.ToString());

        var total = counts.Values.Sum();
        output.WriteLine($"{total} generated stack files ({string.Join(", ", Stacks)}):");
        foreach (var group in counts.GroupBy(c => c.Key.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            output.WriteLine($"  {group.Key,-10} {group.Sum(c => c.Value),4}: " +
                             string.Join(", ", group.OrderBy(c => c.Key.Outcome, StringComparer.Ordinal).Select(c => $"{c.Value} {c.Key.Outcome}")));
        Assert.True(total >= Cases, $"only {total} cases ran");
    }

    [Fact]
    public async Task The_real_stack_files_still_plan()
    {
        foreach (var stack in Stacks)
        {
            var outcome = await MutatedStacks.PlanAsync(stack, MutatedStacks.Text(stack));
            Assert.True(outcome.Plan is not null, $"{stack}: {outcome}");
        }
    }

    /// <summary>Every key path in the stack file, as problems key them, or null when the file cannot be read.</summary>
    private static HashSet<string>? KeysOf(string yaml)
    {
        StackConfigFile config;
        try
        {
            config = StackConfigFile.Parse(new StringReader(yaml), "mutated", RepoPaths.Layout.Name);
        }
        catch (Exception e) when (e is InvalidDataException or Infra.Components.Common.InvalidSpecException)
        {
            return null;
        }
        var keys = new HashSet<string>(StringComparer.Ordinal);
        void Walk(JsonNode? node, string at)
        {
            keys.Add(at);
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (k, v) in obj)
                        Walk(v, $"{at}.{k}");
                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                        Walk(array[i], $"{at}[{i}]");
                    break;
            }
        }
        foreach (var (key, value) in config.Values)
        {
            JsonNode? node = null;
            if (value.StartsWith('{') || value.StartsWith('['))
                try
                {
                    node = JsonNode.Parse(value);
                }
                catch (System.Text.Json.JsonException)
                {
                    // Text that looks like JSON: a scalar key.
                }
            Walk(node, key);
        }
        return keys;
    }

    /// <summary>The key exists, or it is a setting that may be added: below an existing key through
    /// setting names only (e.g. <c>healthCheck.gracePeriodSeconds</c> of a pool without a health check,
    /// whose default the cloud refuses), never through a list entry that is not there.</summary>
    private static bool Settable(string key, HashSet<string> keys)
    {
        for (var at = key; ;)
        {
            if (keys.Contains(at))
                return true;
            var cut = Math.Max(at.LastIndexOf('.'), at.LastIndexOf('['));
            if (cut < 0)
                return true;
            if (at[cut] == '[')
                return false;
            at = at[..cut];
        }
    }
}
