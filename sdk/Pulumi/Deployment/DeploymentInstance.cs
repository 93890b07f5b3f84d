using System;
using System.Threading.Tasks;

namespace Pulumi
{
    /// <summary>The running deployment: names, mode, invokes and calls.</summary>
    public sealed class DeploymentInstance
    {
        private readonly Deployment _deployment;

        internal DeploymentInstance(Deployment deployment) => _deployment = deployment;

        public string StackName => _deployment.StackName;

        public string ProjectName => _deployment.ProjectName;

        public string OrganizationName => _deployment.OrganizationName;

        /// <summary>True during a preview.</summary>
        public bool IsDryRun => _deployment.IsDryRun;

        public string RootDirectory
            => _deployment.RootDirectory ?? throw new InvalidOperationException("The root directory of the Pulumi program is not known.");

        public Task<T> InvokeAsync<T>(string token, InvokeArgs args, InvokeOptions? options = null)
            => _deployment.InvokeAsync<T>(token, args, options, single: false);

        public Task<T> InvokeAsync<T>(string token, InvokeArgs args, InvokeOptions? options, RegisterPackageRequest? registerPackageRequest)
            => _deployment.InvokeAsync<T>(token, args, options, single: false);

        public async Task InvokeAsync(string token, InvokeArgs args, InvokeOptions? options = null)
            => await _deployment.InvokeRawAsync(token, args, options?.Provider, options?.Parent, single: false).ConfigureAwait(false);

        public async Task InvokeAsync(string token, InvokeArgs args, InvokeOptions? options, RegisterPackageRequest? registerPackageRequest)
            => await _deployment.InvokeRawAsync(token, args, options?.Provider, options?.Parent, single: false).ConfigureAwait(false);

        public Task<T> InvokeSingleAsync<T>(string token, InvokeArgs args, InvokeOptions? options = null)
            => _deployment.InvokeAsync<T>(token, args, options, single: true);

        public Task<T> InvokeSingleAsync<T>(string token, InvokeArgs args, InvokeOptions? options, RegisterPackageRequest? registerPackageRequest)
            => _deployment.InvokeAsync<T>(token, args, options, single: true);

        public Output<T> Invoke<T>(string token, InvokeArgs args, InvokeOptions? options = null)
            => _deployment.Invoke<T>(token, args, options, single: false);

        public Output<T> Invoke<T>(string token, InvokeArgs args, InvokeOptions? options, RegisterPackageRequest? registerPackageRequest)
            => _deployment.Invoke<T>(token, args, options, single: false);

        public Output<T> Invoke<T>(string token, InvokeArgs args, InvokeOutputOptions options)
            => _deployment.Invoke<T>(token, args, options, single: false);

        public Output<T> Invoke<T>(string token, InvokeArgs args, InvokeOutputOptions options, RegisterPackageRequest? registerPackageRequest)
            => _deployment.Invoke<T>(token, args, options, single: false);

        public Output<T> InvokeSingle<T>(string token, InvokeArgs args, InvokeOptions? options = null)
            => _deployment.Invoke<T>(token, args, options, single: true);

        public Output<T> InvokeSingle<T>(string token, InvokeArgs args, InvokeOptions? options, RegisterPackageRequest? registerPackageRequest)
            => _deployment.Invoke<T>(token, args, options, single: true);

        public Output<T> InvokeSingle<T>(string token, InvokeArgs args, InvokeOutputOptions options)
            => _deployment.Invoke<T>(token, args, options, single: true);

        public Output<T> InvokeSingle<T>(string token, InvokeArgs args, InvokeOutputOptions options, RegisterPackageRequest? registerPackageRequest)
            => _deployment.Invoke<T>(token, args, options, single: true);

        public Output<T> Call<T>(string token, CallArgs args, Resource? self = null, CallOptions? options = null)
            => _deployment.Call<T>(token, args, self, options, single: false);

        public Output<T> Call<T>(string token, CallArgs args, Resource? self, CallOptions? options, RegisterPackageRequest? registerPackageRequest)
            => _deployment.Call<T>(token, args, self, options, single: false);

        public void Call(string token, CallArgs args, Resource? self = null, CallOptions? options = null)
            => _deployment.Call<object>(token, args, self, options, single: false);

        public void Call(string token, CallArgs args, Resource? self, CallOptions? options, RegisterPackageRequest? registerPackageRequest)
            => _deployment.Call<object>(token, args, self, options, single: false);

        /// <summary>Accepted; the mock engine does not run invoke transforms.</summary>
        public void RegisterInvokeTransform(InvokeTransform transform)
        {
        }
    }

    /// <summary>Options of an invoke.</summary>
    public class InvokeOptions
    {
        public Resource? Parent { get; set; }
        public ProviderResource? Provider { get; set; }
        public string? Version { get; set; }
        public string? PluginDownloadURL { get; set; }
    }

    /// <summary>Options of an output-form invoke, which may wait on resources.</summary>
    public sealed class InvokeOutputOptions : InvokeOptions
    {
        private InputList<Resource>? _dependsOn;

        public InputList<Resource> DependsOn
        {
            get => _dependsOn ??= new InputList<Resource>();
            set => _dependsOn = value;
        }
    }

    /// <summary>Options of a method call on a resource.</summary>
    public sealed class CallOptions
    {
        public Resource? Parent { get; set; }
        public ProviderResource? Provider { get; set; }
        public string? Version { get; set; }
        public string? PluginDownloadURL { get; set; }
    }

    /// <summary>Rewrites an invoke before it is sent (accepted; not run by the mock engine).</summary>
    public delegate Task<InvokeTransformResult?> InvokeTransform(InvokeTransformArgs args, System.Threading.CancellationToken cancellationToken = default);

    public readonly struct InvokeTransformArgs
    {
        public string Token { get; }
        public System.Collections.Immutable.ImmutableDictionary<string, object?> Args { get; }
        public InvokeOptions Options { get; }

        public InvokeTransformArgs(string token, System.Collections.Immutable.ImmutableDictionary<string, object?> args, InvokeOptions options)
        {
            Token = token;
            Args = args;
            Options = options;
        }
    }

    public readonly struct InvokeTransformResult
    {
        public System.Collections.Immutable.ImmutableDictionary<string, object?> Args { get; }
        public InvokeOptions Options { get; }

        public InvokeTransformResult(System.Collections.Immutable.ImmutableDictionary<string, object?> args, InvokeOptions options)
        {
            Args = args;
            Options = options;
        }
    }
}
