using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Pulumi.Serialization;
using Pulumi.Testing;

namespace Pulumi
{
    /// <summary>
    /// Entry points of a Pulumi program and its tests. In this offline SDK there is no engine to
    /// deploy with: <c>RunAsync</c> explains that and exits non-zero, while <c>TestAsync</c> runs the
    /// program in-process against <see cref="IMocks"/> exactly as the real mock engine does.
    /// </summary>
    public sealed partial class Deployment
    {
        private static readonly AsyncLocal<Deployment?> CurrentDeployment = new();

        internal static Deployment InternalInstance
            => CurrentDeployment.Value ?? throw new InvalidOperationException("Trying to acquire Deployment.Instance before 'Run' was called.");

        internal static bool TryGetInternalInstance(out Deployment deployment)
        {
            deployment = CurrentDeployment.Value!;
            return deployment != null;
        }

        internal static void TrackTask(Task task)
        {
            if (CurrentDeployment.Value is { } deployment)
                deployment.Runner.Register(task);
        }

        /// <summary>The deployment being run; throws outside a run.</summary>
        public static DeploymentInstance Instance => InternalInstance._instance;

        private readonly DeploymentInstance _instance;
        private readonly ConcurrentDictionary<string, ImmutableDictionary<string, object?>> _stateByUrn = new();
        private readonly List<Resource> _resources = new();
        private readonly List<string> _errors = new();

        internal IMocks Mocks { get; }
        internal string ProjectName { get; }
        internal string StackName { get; }
        internal string OrganizationName { get; }
        internal string? RootDirectory { get; }
        internal bool IsDryRun { get; }
        internal Stack? Stack { get; set; }
        internal Runner Runner { get; } = new();
        internal ConcurrentQueue<string> Warnings { get; } = new();
        internal ImmutableDictionary<string, string> AllConfig { get; }
        internal ImmutableHashSet<string> ConfigSecretKeys { get; }

        private Deployment(IMocks mocks, TestOptions options)
        {
            Mocks = mocks;
            ProjectName = options.ProjectName ?? "project";
            StackName = options.StackName ?? "stack";
            OrganizationName = options.OrganizationName ?? "organization";
            RootDirectory = options.RootDirectory;
            IsDryRun = options.IsPreview ?? true;
            AllConfig = ConfigParser.ParseConfig(Environment.GetEnvironmentVariable("PULUMI_CONFIG"));
            ConfigSecretKeys = ConfigParser.ParseSecretKeys(Environment.GetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS"));
            _instance = new DeploymentInstance(this);
        }

        // ---------------------------------------------------------------- run entry points

        private const string NoEngineMessage =
            "This program was built with the offline Pulumi SDK (PulumiSdk=offline), which has no engine to deploy with.\n" +
            "  To see what a stack would create:  dotnet run --project infra -- plan --stack <name>\n" +
            "  To preview or deploy for real:     build with the real Pulumi packages (PulumiSdk=nuget, the default)\n" +
            "                                     and run `pulumi preview` / `pulumi up` with the Pulumi CLI.";

        private static Task<int> NoEngine()
        {
            Console.Error.WriteLine(NoEngineMessage);
            return Task.FromResult(1);
        }

        public static Task<int> RunAsync(Action action) => NoEngine();

        public static Task<int> RunAsync(Func<IDictionary<string, object?>> func) => NoEngine();

        public static Task<int> RunAsync(Func<Task> func) => NoEngine();

        public static Task<int> RunAsync(Func<Task<IDictionary<string, object?>>> func, StackOptions? options = null) => NoEngine();

        public static Task<int> RunAsync<TStack>() where TStack : Stack, new() => NoEngine();

        public static Task<int> RunAsync<TStack>(IServiceProvider serviceProvider) where TStack : Stack => NoEngine();

        // ---------------------------------------------------------------- test entry points

        /// <summary>Runs <typeparamref name="TStack"/> against <paramref name="mocks"/>; returns the stack
        /// and then every registered resource in arrival order.</summary>
        public static async Task<ImmutableArray<Resource>> TestAsync<TStack>(IMocks mocks, TestOptions? options = null)
            where TStack : Stack, new()
            => (await RunTestAsync(mocks, options, () => (TStack)Activator.CreateInstance(
                typeof(TStack), BindingFlags.DoNotWrapExceptions | BindingFlags.Public | BindingFlags.Instance, null, null, null)!).ConfigureAwait(false)).Resources;

        public static async Task<ImmutableArray<Resource>> TestWithServiceProviderAsync<TStack>(IMocks mocks, IServiceProvider serviceProvider, TestOptions? options = null)
            where TStack : Stack
            => (await RunTestAsync(mocks, options, () =>
                (TStack?)serviceProvider.GetService(typeof(TStack))
                ?? throw new ApplicationException($"Failed to resolve instance of type {typeof(TStack)} from service provider. Register the type with the service provider before calling RunAsync.")).ConfigureAwait(false)).Resources;

        public static async Task<(ImmutableArray<Resource> Resources, IDictionary<string, object?> Outputs)> TestAsync(
            IMocks testMocks, TestOptions testOptions, Func<Task<IDictionary<string, object?>>> createResources)
        {
            IDictionary<string, object?> outputs = ImmutableDictionary<string, object?>.Empty;
            var run = await RunTestAsync(testMocks, testOptions, () => new TestStack(() =>
            {
                outputs = createResources().GetAwaiter().GetResult();
                return outputs;
            })).ConfigureAwait(false);
            return (WithoutTestStack(run.Resources), outputs);
        }

        public static Task<(ImmutableArray<Resource> Resources, IDictionary<string, object?> Outputs)> TestAsync(
            IMocks testMocks, TestOptions testOptions, Func<IDictionary<string, object?>> createResources)
            => TestAsync(testMocks, testOptions, () => Task.FromResult(createResources()));

        public static async Task<ImmutableArray<Resource>> TestAsync(IMocks testMocks, TestOptions testOptions, Func<Task> createResources)
            => (await TestAsync(testMocks, testOptions, async () =>
            {
                await createResources().ConfigureAwait(false);
                return (IDictionary<string, object?>)ImmutableDictionary<string, object?>.Empty;
            }).ConfigureAwait(false)).Resources;

        public static async Task<ImmutableArray<Resource>> TestAsync(IMocks testMocks, TestOptions testOptions, Action createResources)
            => (await TestAsync(testMocks, testOptions, () =>
            {
                createResources();
                return (IDictionary<string, object?>)ImmutableDictionary<string, object?>.Empty;
            }).ConfigureAwait(false)).Resources;

        private static ImmutableArray<Resource> WithoutTestStack(ImmutableArray<Resource> resources)
            => resources.Where(r => r is not TestStack).ToImmutableArray();

        /// <summary>The stack the lambda overloads run their program in.</summary>
        private sealed class TestStack : Stack
        {
            public TestStack(Func<IDictionary<string, object?>> program)
            {
                var outputs = program();
                RegisterReturnedOutputs(outputs);
            }
        }

        private static async Task<(ImmutableArray<Resource> Resources, Deployment Deployment)> RunTestAsync(
            IMocks mocks, TestOptions? options, Func<Stack> createStack)
        {
            if (mocks == null)
                throw new ArgumentNullException(nameof(mocks));
            var deployment = new Deployment(mocks, options ?? new TestOptions());
            CurrentDeployment.Value = deployment;

            var constructed = false;
            try
            {
                var stack = createStack();
                if (stack is not TestStack)
                    stack.RegisterPropertyOutputs();
                constructed = true;
            }
            catch (Exception exception)
            {
                deployment.ReportException(exception);
            }

            if (constructed)
            {
                var fault = await deployment.Runner.WaitAsync().ConfigureAwait(false);
                if (fault != null)
                    deployment.ReportException(fault);
            }

            List<string> errors;
            lock (deployment._errors)
                errors = deployment._errors.ToList();
            if (errors.Count == 1)
                throw new RunException(errors[0]);
            if (errors.Count > 1)
                throw new AggregateException(errors.Select(e => new RunException(e)));

            lock (deployment._resources)
                return (deployment._resources.ToImmutableArray(), deployment);
        }

        /// <summary>How Deployment.Runner.cs turns an unhandled exception into an error message.</summary>
        private void ReportException(Exception exception)
        {
            var message = exception switch
            {
                RunException => exception.Message,
                ResourceException resourceException => resourceException.HideStack ? resourceException.Message : resourceException.ToString(),
                _ => $"Running program '{Assembly.GetEntryAssembly()?.Location}' failed with an unhandled exception:{Environment.NewLine}{exception}",
            };
            LogError(message);
        }

        internal void LogError(string message)
        {
            lock (_errors)
                _errors.Add(message);
        }

        // ---------------------------------------------------------------- resources

        internal void ReadOrRegisterResource(Resource resource, bool custom, bool remote, ResourceArgs args, ResourceOptions options)
            => Runner.Register(ReadOrRegisterResourceAsync(resource, custom, remote, args, options));

        private async Task ReadOrRegisterResourceAsync(Resource resource, bool custom, bool remote, ResourceArgs args, ResourceOptions options)
        {
            try
            {
                // The real SDK registers after the constructor has returned; run it off the caller's
                // synchronization context so a test that blocks on a run cannot deadlock it.
                await Task.Run(() => RegisterCoreAsync(resource, custom, remote, args, options)).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                resource._urnSource.SetException(exception);
                foreach (var source in resource._completionSources)
                    source.SetException(exception);
                throw;
            }
        }

        private async Task RegisterCoreAsync(Resource resource, bool custom, bool remote, ResourceArgs args, ResourceOptions options)
        {
            var type = resource.GetResourceType();
            var name = resource.GetResourceName();

            if (options.Urn != null)
            {
                // Adopting an existing resource: its state comes from what the mock returned for it before.
                if (!_stateByUrn.TryGetValue(options.Urn, out var existing))
                    throw new InvalidOperationException($"Unknown resource {options.Urn}");
                CompleteOutputs(resource, custom || remote, options.Urn, existing.TryGetValue("id", out var existingId) ? existingId as string : null, existing);
                return;
            }

            string? readId = null;
            if (custom && options.Id != null)
            {
                readId = await options.Id.ToOutput().GetValueAsync(whenUnknown: "").ConfigureAwait(false);
                if (string.IsNullOrEmpty(readId))
                    readId = null;
            }

            var serializer = new Serializer(keepResources: true);
            var props = await serializer.SerializeArgsAsync(args, $"{type}:{name}").ConfigureAwait(false);
            props = props.Remove("id").Remove("urn");

            var parentUrn = resource._parentResource == null
                ? null
                : await resource._parentResource.Urn.GetValueAsync(whenUnknown: "").ConfigureAwait(false);

            foreach (var dependency in await options.DependsOn.ToOutput().GetValueAsync(whenUnknown: ImmutableArray<Resource>.Empty).ConfigureAwait(false))
                await dependency.Urn.GetValueAsync(whenUnknown: "").ConfigureAwait(false);

            var providerReference = "";
            if (custom && resource is not ProviderResource)
            {
                var provider = options.Provider ?? resource._providers.GetValueOrDefault(resource.Package);
                if (provider != null)
                    providerReference = await provider.GetReferenceAsync().ConfigureAwait(false);
            }

            var importId = (options as CustomResourceOptions)?.ImportId;
            var urn = NewUrn(parentUrn, type, name);
            lock (_resources)
                _resources.Add(resource);

            string? id = null;
            var state = ImmutableDictionary<string, object?>.Empty;
            if (resource is not Pulumi.Stack)
            {
                var (mockId, mockState) = await Mocks.NewResourceAsync(new MockResourceArgs
                {
                    Type = type,
                    Name = name,
                    Inputs = ToMockInputs(props),
                    Provider = providerReference,
                    Id = readId ?? importId ?? "",
                }).ConfigureAwait(false);
                state = await SerializeStateAsync(mockState).ConfigureAwait(false);
                id = readId ?? mockId ?? importId ?? "";
            }

            _stateByUrn[urn] = state.SetItem("id", id);
            CompleteOutputs(resource, custom || remote, urn, id, state);
        }

        private void CompleteOutputs(Resource resource, bool fromState, string urn, string? id, ImmutableDictionary<string, object?> state)
        {
            resource._urnSource.SetValue(urn, isKnown: true);
            foreach (var source in resource._completionSources)
            {
                if (!fromState)
                {
                    // A local component's state is ignored; what its constructor did not assign resolves to the default.
                    source.SetDefault(isKnown: !IsDryRun);
                    continue;
                }
                if (source.Name == "id")
                {
                    // An empty id is unknown, in previews and updates alike.
                    ((OutputCompletionSource<string>)source).SetValue(id ?? "", isKnown: !string.IsNullOrEmpty(id));
                }
                else if (state.TryGetValue(source.Name, out var value))
                {
                    source.SetWire(value, $"{resource.GetResourceType()}.{source.Name}");
                }
                else
                {
                    source.SetDefault(isKnown: !IsDryRun);
                }
            }
        }

        /// <summary>URN as the mock monitor forms it (Testing/MockMonitor.cs NewUrn): only the part of
        /// the parent's type before the first '$' is kept, so every resource below the stack reads
        /// <c>pulumi:pulumi:Stack$type</c> (pulumi/pulumi-dotnet#149).</summary>
        internal string NewUrn(string? parentUrn, string type, string name)
        {
            var prefix = "";
            if (!string.IsNullOrEmpty(parentUrn))
            {
                var qualifiedType = parentUrn.Split("::")[2];
                prefix = qualifiedType.Split('$')[0] + "$";
            }
            return $"urn:pulumi:{StackName}::{ProjectName}::{prefix}{type}::{name}";
        }

        /// <summary>Inputs as a mock sees them: unknown or null properties absent, secrets unwrapped.</summary>
        internal static ImmutableDictionary<string, object> ToMockInputs(ImmutableDictionary<string, object?> props)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, object>();
            foreach (var (key, value) in props)
            {
                if (value == null || WireValue.ContainsUnknowns(value))
                    continue;
                builder[key] = ToMockValue(value)!;
            }
            return builder.ToImmutable();
        }

        private static object? ToMockValue(object? value) => Converter.ToPlainObject(value, ResourceFor);

        /// <summary>A referenced resource arrives as an instance of its class when that class carries a
        /// matching [ResourceType] token, else as a bare dependency (type and name empty).</summary>
        private static Resource ResourceFor(ResourceReference reference)
        {
            var attribute = reference.Resource.GetType().GetCustomAttribute<ResourceTypeAttribute>(inherit: true);
            if (attribute != null && attribute.Type == reference.Resource.GetResourceType())
                return reference.Resource;
            return new DependencyResource(reference.Urn, reference.Id);
        }

        private static async Task<ImmutableDictionary<string, object?>> SerializeStateAsync(object state)
        {
            var serializer = new Serializer(keepResources: true);
            if (state is InputArgs args)
                return await serializer.SerializeArgsAsync(args, "state").ConfigureAwait(false);
            if (state is System.Collections.IDictionary || state.GetType().GetCustomAttribute<OutputTypeAttribute>() != null)
                return (ImmutableDictionary<string, object?>)(await serializer.SerializeAsync("state", state).ConfigureAwait(false))!;
            throw new InvalidOperationException($"{state.GetType().FullName} is not a supported argument type.");
        }

        internal void RegisterResourceOutputs(Resource resource, Output<IDictionary<string, object?>> outputs)
        {
            Runner.Register(RegisterAsync());

            async Task RegisterAsync()
            {
                var urn = await resource.Urn.GetValueAsync(whenUnknown: "").ConfigureAwait(false);
                var dictionary = await outputs.GetValueAsync(whenUnknown: null!).ConfigureAwait(false)
                                 ?? ImmutableDictionary<string, object?>.Empty;
                var builder = ImmutableDictionary.CreateBuilder<string, Output<object?>>();
                foreach (var (key, value) in dictionary)
                {
                    var wire = await new Serializer(keepResources: true).SerializeAsync($"{urn}.{key}", value).ConfigureAwait(false);
                    if (wire == null)
                        continue;
                    var isKnown = !WireValue.ContainsUnknowns(wire);
                    var isSecret = WireValue.ContainsSecrets(wire);
                    var plain = isKnown ? Converter.ToPlainObject(wire) : null;
                    builder[key] = new Output<object?>(Task.FromResult(new OutputData<object?>(ImmutableHashSet<Resource>.Empty, plain, isKnown, isSecret)));
                }
                await Mocks.RegisterResourceOutputs(new MockRegisterResourceOutputsRequest(urn, builder.ToImmutable())).ConfigureAwait(false);
            }
        }

        // ---------------------------------------------------------------- invokes

        private async Task<string> ProviderReferenceForAsync(string token, ProviderResource? provider, Resource? parent)
        {
            var package = token.Split(':')[0];
            provider ??= parent?._providers.GetValueOrDefault(package);
            return provider == null ? "" : await provider.GetReferenceAsync().ConfigureAwait(false);
        }

        internal async Task<object?> InvokeRawAsync(string token, InvokeArgs args, ProviderResource? provider, Resource? parent, bool single)
        {
            var serializer = new Serializer(keepResources: true);
            var props = await serializer.SerializeArgsAsync(args, token).ConfigureAwait(false);
            return await CallMockAsync(token, props, provider, parent, single).ConfigureAwait(false);
        }

        private async Task<object?> CallMockAsync(string token, ImmutableDictionary<string, object?> props, ProviderResource? provider, Resource? parent, bool single)
        {
            var providerReference = await ProviderReferenceForAsync(token, provider, parent).ConfigureAwait(false);
            var result = await Mocks.CallAsync(new MockCallArgs
            {
                Token = token,
                Args = ToMockInputs(props),
                Provider = providerReference,
            }).ConfigureAwait(false);
            var map = await SerializeStateAsync(result).ConfigureAwait(false);
            if (!single)
                return map;
            return map.Count == 0 ? null : map.First().Value;
        }

        internal async Task<T> InvokeAsync<T>(string token, InvokeArgs args, InvokeOptions? options, bool single)
        {
            var wire = await InvokeRawAsync(token, args, options?.Provider, options?.Parent, single).ConfigureAwait(false);
            return (T)Converter.ConvertObject(token, wire, typeof(T))!;
        }

        internal Output<T> Invoke<T>(string token, InvokeArgs args, InvokeOptions? options, bool single)
        {
            return new Output<T>(InvokeOutputAsync());

            async Task<OutputData<T>> InvokeOutputAsync()
            {
                var serializer = new Serializer(keepResources: true);
                var props = await serializer.SerializeArgsAsync(args, token).ConfigureAwait(false);
                var resources = serializer.DependentResources.ToImmutableHashSet();
                var isSecret = props.Values.Any(WireValue.ContainsSecrets);

                // Unknown arguments, or a dependency whose id is unknown, skip the call (Deployment_Invoke.cs).
                var known = !props.Values.Any(WireValue.ContainsUnknowns);
                if (known && options is InvokeOutputOptions outputOptions)
                {
                    foreach (var dependency in await outputOptions.DependsOn.ToOutput().GetValueAsync(whenUnknown: ImmutableArray<Resource>.Empty).ConfigureAwait(false))
                    {
                        resources = resources.Add(dependency);
                        if (dependency is CustomResource custom && !await Utilities.OutputUtilities.GetIsKnownAsync(custom.Id).ConfigureAwait(false))
                            known = false;
                    }
                }
                if (!known)
                    return new OutputData<T>(resources, default!, false, isSecret);

                var wire = await CallMockAsync(token, props, options?.Provider, options?.Parent, single).ConfigureAwait(false);
                var data = Converter.ConvertValue(wire, typeof(T), token, resources);
                return new OutputData<T>(resources, (T)data.Value!, data.IsKnown, isSecret || data.IsSecret);
            }
        }

        internal Output<T> Call<T>(string token, CallArgs args, Resource? self, CallOptions? options, bool single)
        {
            return new Output<T>(CallOutputAsync());

            async Task<OutputData<T>> CallOutputAsync()
            {
                var serializer = new Serializer(keepResources: true);
                var props = await serializer.SerializeArgsAsync(args, token).ConfigureAwait(false);
                if (self != null)
                    props = props.SetItem("__self__", await serializer.SerializeAsync("__self__", self).ConfigureAwait(false));
                var resources = serializer.DependentResources.ToImmutableHashSet();
                if (props.Values.Any(WireValue.ContainsUnknowns))
                    return new OutputData<T>(resources, default!, false, false);
                var provider = options?.Provider ?? self?._providers.GetValueOrDefault(token.Split(':')[0]);
                var wire = await CallMockAsync(token, props, provider, options?.Parent, single).ConfigureAwait(false);
                var data = Converter.ConvertValue(wire, typeof(T), token, resources);
                return new OutputData<T>(resources, (T)data.Value!, data.IsKnown, data.IsSecret);
            }
        }
    }
}
