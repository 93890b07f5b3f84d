using System.Collections.Concurrent;
using Pulumi;

namespace Infra.Plan;

/// <summary>The program a plan runs, and what its transformation learns about each resource.</summary>
internal sealed class PlanContext(Func<IDictionary<string, object?>> program)
{
    private int _sequence;

    public Func<IDictionary<string, object?>> Program { get; } = program;

    /// <summary>The exception the program threw, rethrown once the run has settled.</summary>
    public System.Runtime.ExceptionServices.ExceptionDispatchInfo? Failure { get; set; }

    /// <summary>Parent and construction order of every resource, keyed by <c>type::name</c>.</summary>
    public ConcurrentDictionary<string, (string? ParentKey, int Order, bool Custom)> Resources { get; } = new();

    public ResourceTransformationResult? Record(ResourceTransformationArgs args)
    {
        var parent = args.Options.Parent;
        var parentKey = parent is null or Stack ? null : $"{parent.GetResourceType()}::{parent.GetResourceName()}";
        var key = $"{args.Resource.GetResourceType()}::{args.Resource.GetResourceName()}";
        Resources.TryAdd(key, (parentKey, Interlocked.Increment(ref _sequence), args.Resource is CustomResource));
        return null;
    }
}
