using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace Infra.Plan;

/// <summary>
/// Runs a Pulumi program under <see cref="RecordingMocks"/> (no cloud account, no engine) and
/// returns what it would create. Uses only Pulumi's public testing API, so it works with the real
/// SDK and with the offline one alike.
/// </summary>
public static class PlanRecorder
{
    /// <summary>What the plan shows for a secret input or output.</summary>
    public const string SecretText = "[secret]";

    /// <summary>Runs <paramref name="program"/> as stack <paramref name="stack"/> of <paramref name="project"/>.</summary>
    /// <param name="project">Pulumi project name (config keys without a namespace belong to it).</param>
    /// <param name="stack">Stack name.</param>
    /// <param name="program">Creates the resources and returns the stack outputs.</param>
    /// <param name="preview">Run as <c>pulumi preview</c> would (outputs of new resources unknown).</param>
    /// <param name="mocks">Mocks to record with; a fresh <see cref="RecordingMocks"/> when null.</param>
    /// <param name="rootDirectory">The project's folder (of Pulumi.yaml), which the program reads as
    /// <c>Deployment.Instance.RootDirectory</c> as under the Pulumi CLI; unknown when null.</param>
    public static async Task<PlanRun> RunAsync(
        string project, string stack, Func<IDictionary<string, object?>> program, bool preview = false, RecordingMocks? mocks = null,
        string? rootDirectory = null)
    {
        mocks ??= new RecordingMocks();
        var context = new PlanContext(program);
        PlanStack.Context.Value = context;
        ImmutableArray<Resource> objects;
        try
        {
            objects = await Deployment.TestAsync<PlanStack>(mocks, new TestOptions
            {
                ProjectName = project,
                StackName = stack,
                IsPreview = preview,
                RootDirectory = rootDirectory,
            });
        }
        finally
        {
            PlanStack.Context.Value = null;
        }
        context.Failure?.Throw();

        var resources = new List<(int Order, PlannedResource Resource)>();
        foreach (var r in mocks.Registrations)
        {
            var key = $"{r.Type}::{r.Name}";
            var recorded = context.Resources.GetValueOrDefault(key) ?? RecordedOptions.Unknown;
            var dependsOn = recorded.DependsOn is { } explicitDependencies
                ? (await OutputUtilities.GetValueAsync(explicitDependencies))
                    .Select(d => $"{d.GetResourceType()}::{d.GetResourceName()}").ToImmutableArray()
                : [];
            var inputs = r.Inputs.ToImmutableSortedDictionary(kv => kv.Key, kv => PlainValue(kv.Value), StringComparer.Ordinal);
            // A secret input shows as secret, never as its value (nor, for one the plan could not
            // decrypt, as nothing at all).
            foreach (var (input, isSecret) in recorded.SecretInputs)
                if (await isSecret)
                    inputs = inputs.SetItem(input, SecretText);
            resources.Add((recorded.Order, new PlannedResource(
                r.Type ?? "", r.Name ?? "", recorded.ParentKey,
                inputs,
                r.Provider ?? "", recorded.Custom)
            {
                Protect = recorded.Protect,
                IgnoreChanges = [.. recorded.IgnoreChanges],
                ReplaceOnChanges = [.. recorded.ReplaceOnChanges],
                DependsOn = dependsOn.IsDefault ? [] : dependsOn,
            }));
        }

        var stackUrn = $"urn:pulumi:{stack}::{project}::pulumi:pulumi:Stack::{project}-{stack}";
        var outputs = ImmutableSortedDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        if (mocks.RegisteredOutputs.TryGetValue(stackUrn, out var registered))
        {
            foreach (var (key, output) in registered)
            {
                var known = await OutputUtilities.GetIsKnownAsync(output);
                var secret = await Output.IsSecretAsync(output);
                outputs[key] = secret ? SecretText : known ? PlainValue(await OutputUtilities.GetValueAsync(output)) : "(known after apply)";
            }
        }

        var ordered = resources.OrderBy(r => r.Order).Select(r => r.Resource).ToImmutableArray();
        return new PlanRun(new StackPlan(project, stack, ordered, outputs.ToImmutable()), objects, mocks);
    }

    /// <summary>Mock inputs as plain data: resources become their URN.</summary>
    private static object? PlainValue(object? value) => value switch
    {
        Resource resource => $"<resource {resource.GetResourceType()}>",
        ImmutableArray<object> list => list.Select(PlainValue).ToImmutableArray(),
        ImmutableDictionary<string, object> map => map.ToImmutableSortedDictionary(kv => kv.Key, kv => PlainValue(kv.Value), StringComparer.Ordinal),
        _ => value,
    };
}
