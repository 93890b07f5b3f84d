using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;

namespace Pulumi
{
    /// <summary>A resource managed by Pulumi: custom (provider-managed), component or provider.</summary>
    public class Resource
    {
        private readonly string _type;
        private readonly string _name;

        internal readonly ImmutableArray<ResourceTransformation> _transformations;
        internal readonly bool? _protect;
        internal readonly ImmutableDictionary<string, ProviderResource> _providers;
        internal readonly Resource? _parentResource;
        internal readonly List<IOutputCompletionSource> _completionSources = new();

        [Output("urn")]
        public Output<string> Urn { get; private protected set; }

        internal readonly OutputCompletionSource<string> _urnSource;

        private protected Resource(string type, string name, bool custom, ResourceArgs args, ResourceOptions options,
            bool remote = false, bool dependency = false)
        {
            if (dependency)
            {
                _type = "";
                _name = "";
                _urnSource = new OutputCompletionSource<string>(this);
                Urn = _urnSource.Output;
                _providers = ImmutableDictionary<string, ProviderResource>.Empty;
                _transformations = ImmutableArray<ResourceTransformation>.Empty;
                return;
            }

            if (string.IsNullOrEmpty(type))
                throw new ArgumentException("'type' cannot be null or empty.", nameof(type));
            if (string.IsNullOrEmpty(name))
                throw new ArgumentException("'name' cannot be null or empty.", nameof(name));

            var deployment = Deployment.InternalInstance;
            _type = type;
            _name = name;
            // Output property types are checked before any output exists, so a refused type leaves
            // nothing pending behind it.
            var outputProperties = this is Stack ? [] : OutputPropertiesOf(GetType());
            args ??= ResourceArgs.Empty;

            // Legacy transformations see the caller's own args and options objects, with Parent as the
            // caller set it (null below the stack); the stack default only contributes its chain of
            // transformations, and options are copied afterwards (Resources/Resource.cs).
            var chainParent = options.Parent ?? (this is Stack || options.Urn != null ? null : deployment.Stack);
            var transformations = ImmutableArray.CreateBuilder<ResourceTransformation>();
            transformations.AddRange(options.ResourceTransformations);
            if (chainParent != null)
                transformations.AddRange(chainParent._transformations);
            _transformations = transformations.ToImmutable();

            foreach (var transformation in _transformations)
            {
                var result = transformation(new ResourceTransformationArgs(this, args, options));
                if (result == null)
                    continue;
                if (result.Value.Options.Parent != options.Parent)
                    throw new ArgumentException("Transformations cannot currently be used to change the 'parent' of a resource.");
                args = result.Value.Args;
                options = result.Value.Options;
            }

            options = CopyOptions(options);
            if (options.Parent == null && this is not Stack && options.Urn == null)
                options.Parent = deployment.Stack;

            _parentResource = options.Parent;
            _protect = options.Protect ?? options.Parent?._protect;

            var providers = options.Parent?._providers ?? ImmutableDictionary<string, ProviderResource>.Empty;
            if (options is ComponentResourceOptions componentOptions)
            {
                if (componentOptions.Provider != null && componentOptions.Providers.Count > 0)
                    throw new ResourceException("Do not supply both 'provider' and 'providers' options to a ComponentResource.", options.Parent);
                var own = componentOptions.Provider != null ? new List<ProviderResource> { componentOptions.Provider } : componentOptions.Providers;
                foreach (var provider in own)
                    providers = providers.SetItem(provider.Package, provider);
            }
            else if (custom && options.Provider != null)
            {
                providers = providers.SetItem(options.Provider.Package, options.Provider);
            }
            _providers = providers;

            _urnSource = new OutputCompletionSource<string>(this);
            Urn = _urnSource.Output;
            // Every resource's [Output] properties are initialised and type-checked, components too
            // (Deployment_ReadOrRegisterResource.cs calls OutputCompletionSource.InitializeOutputs for
            // all but the stack); a component's own assignments in its constructor then replace them.
            InitializeOutputs(outputProperties);

            deployment.ReadOrRegisterResource(this, custom, remote, args, options);
        }

        private static ResourceOptions CopyOptions(ResourceOptions options) => options switch
        {
            CustomResourceOptions c => c.Clone(),
            ComponentResourceOptions c => c.Clone(),
            _ => throw new ArgumentException($"Unexpected options type {options.GetType().FullName}"),
        };

        /// <summary>The type token, e.g. <c>aws:lb/targetGroup:TargetGroup</c>.</summary>
        public string GetResourceType() => _type;

        /// <summary>The logical name given to the constructor.</summary>
        public string GetResourceName() => _name;

        internal string Package
        {
            get
            {
                var colon = _type.IndexOf(':');
                return colon < 0 ? _type : _type.Substring(0, colon);
            }
        }

        private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Name, Type ValueType)[]> OutputProperties = new();

        private void InitializeOutputs((PropertyInfo Property, string Name, Type ValueType)[] outputProperties)
        {
            foreach (var (property, name, valueType) in outputProperties)
            {
                if (name == "urn")
                    continue;
                var source = (IOutputCompletionSource)Activator.CreateInstance(
                    typeof(OutputCompletionSource<>).MakeGenericType(valueType), this, name)!;
                property.SetValue(this, source.UntypedOutput);
                _completionSources.Add(source);
            }
        }

        internal static (PropertyInfo Property, string Name, Type ValueType)[] OutputPropertiesOf(Type type)
            => OutputProperties.GetOrAdd(type, t =>
            {
                var result = new List<(PropertyInfo, string, Type)>();
                for (var current = t; current != null && current != typeof(object); current = current.BaseType)
                {
                    foreach (var property in current.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    {
                        var attribute = property.GetCustomAttribute<OutputAttribute>();
                        if (attribute == null)
                            continue;
                        var propertyType = property.PropertyType;
                        if (!propertyType.IsGenericType || propertyType.GetGenericTypeDefinition() != typeof(Output<>))
                            throw new InvalidOperationException($"{t.FullName}.{property.Name} was not an Output<T>");
                        if (property.SetMethod == null)
                            throw new InvalidOperationException($"{t.FullName}.{property.Name} has no setter");
                        var valueType = propertyType.GetGenericArguments()[0];
                        OutputTypeCheck.Check(valueType, $"[Output] {t.FullName}.{property.Name}");
                        result.Add((property, attribute.Name ?? property.Name, valueType));
                    }
                }
                return result.ToArray();
            });
    }

    /// <summary>A resource managed by a resource provider.</summary>
    public class CustomResource : Resource
    {
        [Output("id")]
        public Output<string> Id { get; private protected set; } = null!;

        public CustomResource(string type, string name, ResourceArgs? args, CustomResourceOptions? options = null)
            : base(type, name, custom: true, args ?? ResourceArgs.Empty, options ?? new CustomResourceOptions())
        {
        }

        public CustomResource(string type, string name, ResourceArgs? args, CustomResourceOptions? options = null, RegisterPackageRequest? registerPackageRequest = null)
            : base(type, name, custom: true, args ?? ResourceArgs.Empty, options ?? new CustomResourceOptions())
        {
        }

        private protected CustomResource(string type, string name, ResourceArgs? args, CustomResourceOptions? options, bool dependency)
            : base(type, name, custom: true, args ?? ResourceArgs.Empty, options ?? new CustomResourceOptions(), dependency: dependency)
        {
        }
    }

    /// <summary>A logical grouping of resources.</summary>
    public class ComponentResource : Resource
    {
        public ComponentResource(string type, string name, ComponentResourceOptions? options = null)
            : this(type, name, ResourceArgs.Empty, options)
        {
        }

        public ComponentResource(string type, string name, ResourceArgs? args, ComponentResourceOptions? options = null, bool remote = false)
            : base(type, name, custom: false, args ?? ResourceArgs.Empty, options ?? new ComponentResourceOptions(), remote)
        {
        }

        public ComponentResource(string type, string name, ResourceArgs? args, ComponentResourceOptions? options, bool remote, RegisterPackageRequest? registerPackageRequest = null)
            : base(type, name, custom: false, args ?? ResourceArgs.Empty, options ?? new ComponentResourceOptions(), remote)
        {
        }

        /// <summary>Registers the public [Output] properties (except Urn) as this component's outputs.</summary>
        protected void RegisterOutputs()
        {
            var outputs = new Dictionary<string, object?>();
            foreach (var property in GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public))
            {
                var attribute = property.GetCustomAttribute<OutputAttribute>();
                if (attribute == null || property.Name == nameof(Urn))
                    continue;
                var key = string.IsNullOrWhiteSpace(attribute.Name) ? property.Name : attribute.Name;
                outputs[key] = property.GetValue(this);
            }
            RegisterOutputs(outputs);
        }

        protected void RegisterOutputs(IDictionary<string, object?> outputs)
        {
            if (outputs == null)
                throw new ArgumentNullException(nameof(outputs));
            RegisterOutputs(Task.FromResult(outputs));
        }

        protected void RegisterOutputs(Task<IDictionary<string, object?>> outputs)
        {
            if (outputs == null)
                throw new ArgumentNullException(nameof(outputs));
            RegisterOutputs(Output.Create(outputs));
        }

        protected void RegisterOutputs(Output<IDictionary<string, object?>> outputs)
        {
            if (outputs == null)
                throw new ArgumentNullException(nameof(outputs));
            Deployment.InternalInstance.RegisterResourceOutputs(this, outputs);
        }
    }

    /// <summary>A configured instance of a resource provider.</summary>
    public class ProviderResource : CustomResource
    {
        internal new string Package { get; }

        private Task<string>? _registrationId;

        public ProviderResource(string package, string name, ResourceArgs args, CustomResourceOptions? options = null)
            : this(package, name, args, options, registerPackageRequest: null)
        {
        }

        public ProviderResource(string package, string name, ResourceArgs args, CustomResourceOptions? options = null, RegisterPackageRequest? registerPackageRequest = null)
            : base($"pulumi:providers:{package}", name, args, options, registerPackageRequest)
        {
            Package = package;
        }

        /// <summary>The reference the engine uses for this provider: <c>{urn}::{id}</c>, the unknown
        /// sentinel standing in for an id that is not known.</summary>
        internal Task<string> GetReferenceAsync()
        {
            return _registrationId ??= Compute();

            async Task<string> Compute()
            {
                var urn = await Urn.GetValueAsync(whenUnknown: "").ConfigureAwait(false);
                var id = await Id.GetValueAsync(whenUnknown: "").ConfigureAwait(false);
                if (string.IsNullOrEmpty(id))
                    id = Serialization.UnknownValue.Sentinel;
                return $"{urn}::{id}";
            }
        }
    }

    /// <summary>Stands for a resource known only by URN (what the engine passes for resource references).</summary>
    internal sealed class DependencyResource : CustomResource
    {
        public DependencyResource(string urn, string? id)
            : base("", "", ResourceArgs.Empty, null, dependency: true)
        {
            _urnSource.SetValue(urn, isKnown: true);
            var idSource = new OutputCompletionSource<string>(this, "id");
            idSource.SetValue(id ?? "", isKnown: !string.IsNullOrEmpty(id));
            Id = idSource.Output;
        }
    }
}
