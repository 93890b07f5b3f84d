using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;
using Xunit;

namespace Infra.Tests.Sdk;

/// <summary>
/// An <see cref="IMocks"/> that records every registration, invoke and registered-outputs call.
/// By default a resource gets the id <c>"{name}-id"</c> (or the import/read id) and its inputs
/// echoed back as state; <see cref="OnNewResource"/> and <see cref="OnCall"/> override that.
/// </summary>
public sealed class RecordingMocks : IMocks
{
    private readonly object _gate = new();
    private readonly List<MockResourceArgs> _resources = new();
    private readonly List<MockCallArgs> _calls = new();
    private readonly List<MockRegisterResourceOutputsRequest> _registeredOutputs = new();

    public Func<MockResourceArgs, (string? id, object state)>? OnNewResource { get; set; }

    public Func<MockCallArgs, object>? OnCall { get; set; }

    public IReadOnlyList<MockResourceArgs> Resources
    {
        get { lock (_gate) return _resources.ToList(); }
    }

    public IReadOnlyList<MockCallArgs> Calls
    {
        get { lock (_gate) return _calls.ToList(); }
    }

    public IReadOnlyList<MockRegisterResourceOutputsRequest> RegisteredOutputs
    {
        get { lock (_gate) return _registeredOutputs.ToList(); }
    }

    public MockResourceArgs Single(string type, string name)
        => Assert.Single(Resources, r => r.Type == type && r.Name == name);

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        lock (_gate)
            _resources.Add(args);

        if (OnNewResource != null)
            return Task.FromResult(OnNewResource(args));

        var id = string.IsNullOrEmpty(args.Id) ? $"{args.Name}-id" : args.Id;
        return Task.FromResult<(string? id, object state)>((id, args.Inputs));
    }

    public Task<object> CallAsync(MockCallArgs args)
    {
        lock (_gate)
            _calls.Add(args);

        return Task.FromResult(OnCall?.Invoke(args) ?? ImmutableDictionary<string, object>.Empty);
    }

    public Task RegisterResourceOutputs(MockRegisterResourceOutputsRequest request)
    {
        lock (_gate)
            _registeredOutputs.Add(request);
        return Task.CompletedTask;
    }
}

/// <summary>Runs programs under the engine and reads outputs through the public utilities.</summary>
internal static class Engine
{
    public const string Unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    public static Task<ImmutableArray<Resource>> RunAsync(IMocks mocks, Action program, bool preview = false)
        => Deployment.TestAsync(mocks, new TestOptions { IsPreview = preview }, program);

    public static Task<ImmutableArray<Resource>> RunTaskAsync(IMocks mocks, Func<Task> program, bool preview = false)
        => Deployment.TestAsync(mocks, new TestOptions { IsPreview = preview }, program);

    public static Task<T> ValueAsync<T>(Output<T> output) => OutputUtilities.GetValueAsync(output);

    public static Task<bool> KnownAsync<T>(Output<T> output) => OutputUtilities.GetIsKnownAsync(output);

    public static string StackUrn(string project = "project", string stack = "stack")
        => $"urn:pulumi:{stack}::{project}::pulumi:pulumi:Stack::{project}-{stack}";

    /// <summary>
    /// The messages of the error(s) a failed run reported: one error surfaces as a RunException, several
    /// as an AggregateException of RunExceptions (sdk/Pulumi/Deployment/Deployment_Run.cs TryTestAsync).
    /// Used where one fault may reach the runner through more than one tracked output.
    /// </summary>
    public static IReadOnlyList<string> RunErrorMessages(Exception ex) => ex switch
    {
        RunException run => new[] { run.Message },
        AggregateException aggregate when aggregate.InnerExceptions.All(e => e is RunException)
            => aggregate.InnerExceptions.Select(e => e.Message).ToList(),
        _ => throw new Xunit.Sdk.XunitException($"expected RunException or AggregateException of RunExceptions, got {ex}"),
    };

    /// <summary>The URN the mock engine gives any resource below the stack (checklist 4).</summary>
    public static string ChildUrn(string type, string name, string project = "project", string stack = "stack")
        => $"urn:pulumi:{stack}::{project}::pulumi:pulumi:Stack${type}::{name}";
}

/// <summary>Sets an environment variable for the lifetime of the scope and restores the old value.</summary>
internal sealed class EnvScope : IDisposable
{
    private readonly string _name;
    private readonly string? _previous;

    public EnvScope(string name, string? value)
    {
        _name = name;
        _previous = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
}
