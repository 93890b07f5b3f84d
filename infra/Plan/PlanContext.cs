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

    /// <summary>What the engine's mocks cannot see about each resource, keyed by <c>type::name</c>:
    /// its parent, construction order, kind, and the options a reviewer cares about.</summary>
    public ConcurrentDictionary<string, RecordedOptions> Resources { get; } = new();

    public ResourceTransformationResult? Record(ResourceTransformationArgs args)
    {
        var parent = args.Options.Parent;
        var parentKey = parent is null or Stack ? null : $"{parent.GetResourceType()}::{parent.GetResourceName()}";
        var key = $"{args.Resource.GetResourceType()}::{args.Resource.GetResourceName()}";
        // Protect is inherited from the parent unless set (Resources/Resource.cs); the parent was recorded first.
        var inherited = parentKey != null && Resources.TryGetValue(parentKey, out var p) && p.Protect;
        Resources.TryAdd(key, new RecordedOptions(
            parentKey, Interlocked.Increment(ref _sequence), args.Resource is CustomResource,
            args.Options.Protect ?? inherited, [.. args.Options.IgnoreChanges])
        {
            ReplaceOnChanges = [.. args.Options.ReplaceOnChanges],
            DependsOn = args.Options.DependsOn.ToOutput(),
            SecretInputs = SecretInputsOf(args.Args),
        });
        return null;
    }

    /// <summary>Whether each text input of <paramref name="args"/> is secret, by wire name: the mock
    /// engine sees secrets unwrapped (and unknowns not at all), so the plan learns it here.</summary>
    private static Dictionary<string, Task<bool>> SecretInputsOf(ResourceArgs args)
    {
        var secrets = new Dictionary<string, Task<bool>>(StringComparer.Ordinal);
        const System.Reflection.BindingFlags instance = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance;
        // Generated args carry [Input] on the property, or, for properties the provider marks secret,
        // on the private field behind it.
        var members = args.GetType().GetProperties(instance).Select(p => ((System.Reflection.MemberInfo)p, (Func<object?>)(() => p.GetValue(args))))
            .Concat(args.GetType().GetFields(instance).Select(f => ((System.Reflection.MemberInfo)f, (Func<object?>)(() => f.GetValue(args)))));
        foreach (var (member, read) in members)
        {
            // InputAttribute's name is internal in the real SDK; its constructor argument is not.
            var input = member.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(InputAttribute));
            if (input?.ConstructorArguments[0].Value is string name && read() is Input<string> value)
                secrets[name] = Output.IsSecretAsync(value.ToOutput());
        }
        return secrets;
    }
}

/// <summary>What a resource's options say, as recorded by <see cref="PlanContext"/>.</summary>
internal sealed record RecordedOptions(string? ParentKey, int Order, bool Custom, bool Protect, string[] IgnoreChanges)
{
    /// <summary>Inputs whose changes replace the resource (the ReplaceOnChanges option).</summary>
    public string[] ReplaceOnChanges { get; init; } = [];

    /// <summary>Whether each text input is secret, by wire name, resolved once the run has settled.</summary>
    public IReadOnlyDictionary<string, Task<bool>> SecretInputs { get; init; } = new Dictionary<string, Task<bool>>();

    /// <summary>Explicit dependencies (the DependsOn option), resolved once the run has settled.</summary>
    public Output<System.Collections.Immutable.ImmutableArray<Resource>>? DependsOn { get; init; }

    public static readonly RecordedOptions Unknown = new(null, int.MaxValue, true, false, []);
}
