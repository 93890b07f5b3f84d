using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Pulumi
{
    /// <summary>Options that control how a resource is managed.</summary>
    public abstract class ResourceOptions
    {
        private InputList<Resource>? _dependsOn;
        private List<string>? _ignoreChanges;
        private List<ResourceTransformation>? _resourceTransformations;
        private List<ResourceTransform>? _resourceTransforms;
        private List<string>? _replaceOnChanges;
        private InputList<Resource>? _replaceWith;
        private List<string>? _hideDiffs;
        private ResourceHookBinding? _hooks;

        private protected ResourceOptions()
        {
        }

        /// <summary>Id of an existing resource to read instead of creating one.</summary>
        public Input<string>? Id { get; set; }

        public Resource? Parent { get; set; }

        public InputList<Resource> DependsOn
        {
            get => _dependsOn ??= new InputList<Resource>();
            set => _dependsOn = value;
        }

        public bool? Protect { get; set; }

        public List<string> IgnoreChanges
        {
            get => _ignoreChanges ??= new List<string>();
            set => _ignoreChanges = value;
        }

        public string? Version { get; set; }

        public ProviderResource? Provider { get; set; }

        public CustomTimeouts? CustomTimeouts { get; set; }

        public List<ResourceTransformation> ResourceTransformations
        {
            get => _resourceTransformations ??= new List<ResourceTransformation>();
            set => _resourceTransformations = value;
        }

        public List<ResourceTransform> ResourceTransforms
        {
            get => _resourceTransforms ??= new List<ResourceTransform>();
            set => _resourceTransforms = value;
        }

        public List<Input<Alias>> Aliases { get; set; } = new List<Input<Alias>>();

        public string? Urn { get; set; }

        public List<string> ReplaceOnChanges
        {
            get => _replaceOnChanges ??= new List<string>();
            set => _replaceOnChanges = value;
        }

        public string? PluginDownloadURL { get; set; }

        public bool? RetainOnDelete { get; set; }

        public Resource? DeletedWith { get; set; }

        public InputList<Resource> ReplaceWith
        {
            get => _replaceWith ??= new InputList<Resource>();
            set => _replaceWith = value;
        }

        public ResourceHookBinding Hooks
        {
            get => _hooks ??= new ResourceHookBinding();
            set => _hooks = value;
        }

        public List<string> HideDiffs
        {
            get => _hideDiffs ??= new List<string>();
            set => _hideDiffs = value;
        }

        public Input<object>? ReplacementTrigger { get; set; }

        internal void CopyTo(ResourceOptions target)
        {
            target.Id = Id;
            target.Parent = Parent;
            target.DependsOn = DependsOn.Clone();
            target.Protect = Protect;
            target.IgnoreChanges = IgnoreChanges.ToList();
            target.Version = Version;
            target.Provider = Provider;
            target.CustomTimeouts = CustomTimeouts?.Clone();
            target.ResourceTransformations = ResourceTransformations.ToList();
            target.ResourceTransforms = ResourceTransforms.ToList();
            target.Aliases = Aliases.ToList();
            target.Urn = Urn;
            target.ReplaceOnChanges = ReplaceOnChanges.ToList();
            target.PluginDownloadURL = PluginDownloadURL;
            target.RetainOnDelete = RetainOnDelete;
            target.DeletedWith = DeletedWith;
            target.ReplaceWith = ReplaceWith.Clone();
            target.Hooks = Hooks;
            target.HideDiffs = HideDiffs.ToList();
            target.ReplacementTrigger = ReplacementTrigger;
        }

        /// <summary>Merge semantics of sdk/Pulumi/Resources/ResourceOptions_Merge.cs: scalars from
        /// <paramref name="source"/> win when set, lists are appended.</summary>
        internal static void MergeInto(ResourceOptions target, ResourceOptions source)
        {
            target.Id = source.Id ?? target.Id;
            target.Parent = source.Parent ?? target.Parent;
            target.Protect = source.Protect ?? target.Protect;
            target.Urn = source.Urn ?? target.Urn;
            target.Version = source.Version ?? target.Version;
            target.PluginDownloadURL = source.PluginDownloadURL ?? target.PluginDownloadURL;
            target.Provider = source.Provider ?? target.Provider;
            target.CustomTimeouts = source.CustomTimeouts ?? target.CustomTimeouts;
            target.RetainOnDelete = source.RetainOnDelete ?? target.RetainOnDelete;
            target.DeletedWith = source.DeletedWith ?? target.DeletedWith;
            target.ReplacementTrigger = source.ReplacementTrigger ?? target.ReplacementTrigger;

            target.IgnoreChanges.AddRange(source.IgnoreChanges);
            target.ResourceTransformations.AddRange(source.ResourceTransformations);
            target.ResourceTransforms.AddRange(source.ResourceTransforms);
            target.Aliases.AddRange(source.Aliases);
            target.ReplaceOnChanges.AddRange(source.ReplaceOnChanges);
            target.HideDiffs.AddRange(source.HideDiffs);

            target.DependsOn = target.DependsOn.Concat(source.DependsOn);
            target.ReplaceWith = target.ReplaceWith.Concat(source.ReplaceWith);
        }
    }

    /// <summary>Options of a custom (provider-managed) resource.</summary>
    public sealed class CustomResourceOptions : ResourceOptions
    {
        private List<string>? _additionalSecretOutputs;
        private Dictionary<string, string>? _envVarMappings;

        public bool? DeleteBeforeReplace { get; set; }

        public List<string> AdditionalSecretOutputs
        {
            get => _additionalSecretOutputs ??= new List<string>();
            set => _additionalSecretOutputs = value;
        }

        public string? ImportId { get; set; }

        public Dictionary<string, string> EnvVarMappings
        {
            get => _envVarMappings ??= new Dictionary<string, string>();
            set => _envVarMappings = value;
        }

        internal CustomResourceOptions Clone()
        {
            var clone = new CustomResourceOptions();
            CopyTo(clone);
            clone.DeleteBeforeReplace = DeleteBeforeReplace;
            clone.AdditionalSecretOutputs = AdditionalSecretOutputs.ToList();
            clone.ImportId = ImportId;
            clone.EnvVarMappings = new Dictionary<string, string>(EnvVarMappings);
            return clone;
        }

        /// <summary>Combines two option sets into a new one; neither input is changed.</summary>
        public static CustomResourceOptions Merge(CustomResourceOptions? options1, CustomResourceOptions? options2)
        {
            var result = options1?.Clone() ?? new CustomResourceOptions();
            var second = options2?.Clone() ?? new CustomResourceOptions();
            MergeInto(result, second);
            result.DeleteBeforeReplace = second.DeleteBeforeReplace ?? result.DeleteBeforeReplace;
            result.ImportId = second.ImportId ?? result.ImportId;
            result.AdditionalSecretOutputs.AddRange(second.AdditionalSecretOutputs);
            foreach (var (key, value) in second.EnvVarMappings)
                result.EnvVarMappings[key] = value;
            return result;
        }
    }

    /// <summary>Options of a component resource.</summary>
    public sealed class ComponentResourceOptions : ResourceOptions
    {
        private List<ProviderResource>? _providers;

        public List<ProviderResource> Providers
        {
            get => _providers ??= new List<ProviderResource>();
            set => _providers = value;
        }

        internal ComponentResourceOptions Clone()
        {
            var clone = new ComponentResourceOptions();
            CopyTo(clone);
            clone.Providers = Providers.ToList();
            return clone;
        }

        /// <summary>Combines two option sets into a new one; neither input is changed.</summary>
        public static ComponentResourceOptions Merge(ComponentResourceOptions? options1, ComponentResourceOptions? options2)
        {
            var result = options1?.Clone() ?? new ComponentResourceOptions();
            var second = options2?.Clone() ?? new ComponentResourceOptions();
            MergeInto(result, second);

            // One provider per package, the second set winning: walk the second list then the first,
            // each from its end, keep the first seen per package, then reverse
            // (ComponentResourceOptions.cs MergeProviders).
            var seen = new HashSet<string>();
            var merged = new List<ProviderResource>();
            foreach (var provider in Enumerable.Reverse(second.Providers).Concat(Enumerable.Reverse(result.Providers)))
                if (seen.Add(provider.Package))
                    merged.Add(provider);
            merged.Reverse();
            result.Providers = merged;
            return result;
        }
    }

    /// <summary>How long create, update and delete may take.</summary>
    public sealed class CustomTimeouts
    {
        public TimeSpan? Create { get; set; }
        public TimeSpan? Update { get; set; }
        public TimeSpan? Delete { get; set; }

        internal CustomTimeouts Clone() => new CustomTimeouts { Create = Create, Update = Update, Delete = Delete };
    }

    /// <summary>An earlier identity of a resource, so that renaming it does not replace it.</summary>
    public sealed class Alias
    {
        public string? Urn { get; set; }
        public Input<string>? Name { get; set; }
        public Input<string>? Type { get; set; }
        public Input<string>? Stack { get; set; }
        public Input<string>? Project { get; set; }
        public Resource? Parent { get; set; }
        public Input<string>? ParentUrn { get; set; }
        public bool NoParent { get; set; }
    }

    /// <summary>Hooks bound to a resource's lifecycle (accepted; the mock engine does not run them).</summary>
    public sealed class ResourceHookBinding
    {
    }

    /// <summary>A legacy transformation: may rewrite the args and options of each resource below
    /// where it is registered, synchronously, before registration.</summary>
    public delegate ResourceTransformationResult? ResourceTransformation(ResourceTransformationArgs args);

    public readonly struct ResourceTransformationArgs
    {
        public Resource Resource { get; }
        public ResourceArgs Args { get; }
        public ResourceOptions Options { get; }

        public ResourceTransformationArgs(Resource resource, ResourceArgs args, ResourceOptions options)
        {
            Resource = resource;
            Args = args;
            Options = options;
        }
    }

    public readonly struct ResourceTransformationResult
    {
        public ResourceArgs Args { get; }
        public ResourceOptions Options { get; }

        public ResourceTransformationResult(ResourceArgs args, ResourceOptions options)
        {
            Args = args;
            Options = options;
        }
    }

    /// <summary>A new-style transform (accepted; the mock engine never runs it).</summary>
    public delegate Task<ResourceTransformResult?> ResourceTransform(ResourceTransformArgs args, CancellationToken cancellationToken = default);

    public readonly struct ResourceTransformArgs
    {
        public string Name { get; }
        public string Type { get; }
        public bool Custom { get; }
        public ImmutableDictionary<string, object?> Args { get; }
        public ResourceOptions Options { get; }

        public ResourceTransformArgs(string name, string type, bool custom, ImmutableDictionary<string, object?> args, ResourceOptions options)
        {
            Name = name;
            Type = type;
            Custom = custom;
            Args = args;
            Options = options;
        }
    }

    public readonly struct ResourceTransformResult
    {
        public ImmutableDictionary<string, object?> Args { get; }
        public ResourceOptions Options { get; }

        public ResourceTransformResult(ImmutableDictionary<string, object?> args, ResourceOptions options)
        {
            Args = args;
            Options = options;
        }
    }

    /// <summary>Options of a stack.</summary>
    public class StackOptions
    {
        private List<ResourceTransformation>? _resourceTransformations;
        private List<ResourceTransform>? _resourceTransforms;

        public List<ResourceTransformation> ResourceTransformations
        {
            get => _resourceTransformations ??= new List<ResourceTransformation>();
            set => _resourceTransformations = value;
        }

        public List<ResourceTransform> ResourceTransforms
        {
            get => _resourceTransforms ??= new List<ResourceTransform>();
            set => _resourceTransforms = value;
        }
    }
}
