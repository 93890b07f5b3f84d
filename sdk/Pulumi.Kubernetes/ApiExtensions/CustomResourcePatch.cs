using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Pulumi.Kubernetes.Types.Outputs.Meta.V1;

namespace Pulumi.Kubernetes.ApiExtensions
{
    /// <summary>
    /// A server-side-apply patch of a custom resource; like <see cref="CustomResource"/> with the type
    /// token <c>kubernetes:{apiVersion}:{kind}Patch</c>. Hand-written in the real package.
    /// </summary>
    public class CustomResourcePatch : KubernetesResource
    {
        [Output("apiVersion")]
        public Output<string> ApiVersion { get; private set; } = null!;

        [Output("kind")]
        public Output<string> Kind { get; private set; } = null!;

        [Output("metadata")]
        public Output<ObjectMeta> Metadata { get; private set; } = null!;

        public CustomResourcePatch(string name, CustomResourcePatchArgs args, CustomResourceOptions? options = null)
            : base(args.Type, name, args, options)
        {
        }
    }

    /// <summary>Arguments of a <see cref="CustomResourcePatch"/>; derive from it as from <see cref="CustomResourceArgs"/>.</summary>
    public abstract class CustomResourcePatchArgs : ResourceArgs
    {
        protected CustomResourcePatchArgs(string apiVersion, string kind)
        {
            ApiVersion = apiVersion;
            Kind = kind;
            Type = $"kubernetes:{apiVersion}:{kind}Patch";
        }

        [Input("apiVersion")]
        public Input<string> ApiVersion { get; }

        [Input("kind")]
        public Input<string> Kind { get; }

        [Input("metadata")]
        public Input<ObjectMetaArgs>? Metadata { get; set; }

        internal string Type { get; }
    }
}
