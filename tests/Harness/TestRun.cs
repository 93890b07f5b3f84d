using System.Collections.Immutable;
using Infra.Plan;
using Pulumi;
using Pulumi.Utilities;

namespace Infra.Tests.Harness;

/// <summary>What a run recorded: every registration with its inputs and parent, and the resource objects.</summary>
public sealed class TestRun(PlanRun run)
{
    /// <summary>The plan: resources in construction order with inputs and parents.</summary>
    public StackPlan Plan => run.Plan;

    /// <summary>Every registered resource (custom, component and provider).</summary>
    public ImmutableArray<PlannedResource> Resources => run.Plan.Resources;

    /// <summary>What the mocks recorded, including invokes.</summary>
    public RecordingMocks Mocks => run.Mocks;

    /// <summary>The one resource with this type and name; fails listing what was registered.</summary>
    public PlannedResource Single(string type, string name)
        => run.Plan.Find(type, name) ?? throw new Xunit.Sdk.XunitException(
            $"No {type} named '{name}'. Registered: {string.Join(", ", Resources.Select(r => $"{r.Type}::{r.Name}"))}");

    /// <summary>All resources of <paramref name="type"/>, in construction order.</summary>
    public ImmutableArray<PlannedResource> OfType(string type) => Resources.Where(r => r.Type == type).ToImmutableArray();

    /// <summary>Number of resources of <paramref name="type"/>.</summary>
    public int Count(string type) => Resources.Count(r => r.Type == type);

    /// <summary>The resource object of class <typeparamref name="T"/> named <paramref name="name"/>.</summary>
    public T Object<T>(string name) where T : Resource
        => run.Resources.OfType<T>().SingleOrDefault(r => r.GetResourceName() == name)
           ?? throw new Xunit.Sdk.XunitException($"No {typeof(T).Name} named '{name}'.");

    /// <summary>The value of an output (default when unknown; never hangs).</summary>
    public static Task<T> ValueAsync<T>(Output<T> output) => OutputUtilities.GetValueAsync(output);
}
