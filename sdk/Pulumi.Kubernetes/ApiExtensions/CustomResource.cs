using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Pulumi.Kubernetes.Types.Outputs.Meta.V1;

namespace Pulumi.Kubernetes.ApiExtensions
{
    /// <summary>
    /// An instance of a CustomResourceDefinition, e.g. a <c>monitoring.coreos.com/v1</c> <c>ServiceMonitor</c>.
    /// Hand-written in the real package; its type token is <c>kubernetes:{apiVersion}:{kind}</c>.
    /// </summary>
    public class CustomResource : KubernetesResource
    {
        [Output("apiVersion")]
        public Output<string> ApiVersion { get; private set; } = null!;

        [Output("kind")]
        public Output<string> Kind { get; private set; } = null!;

        [Output("metadata")]
        public Output<ObjectMeta> Metadata { get; private set; } = null!;

        public CustomResource(string name, CustomResourceArgs args, CustomResourceOptions? options = null)
            : base(args.Type, name, args, options)
        {
        }
    }

    /// <summary>
    /// Arguments of a <see cref="CustomResource"/>. Abstract: derive a class that adds the custom
    /// resource's own inputs (e.g. <c>[Input("spec")] public Input&lt;MySpecArgs&gt;? Spec { get; set; }</c>)
    /// and passes the plain API version and kind to this constructor.
    /// </summary>
    public abstract class CustomResourceArgs : ResourceArgs
    {
        protected CustomResourceArgs(string apiVersion, string kind)
        {
            ApiVersion = apiVersion;
            Kind = kind;
            Type = $"kubernetes:{apiVersion}:{kind}";
        }

        [Input("apiVersion")]
        public Input<string> ApiVersion { get; }

        [Input("kind")]
        public Input<string> Kind { get; }

        [Input("metadata")]
        public Input<ObjectMetaArgs>? Metadata { get; set; }

        /// <summary>The resource type token; the inputs above cannot provide it as a plain string.</summary>
        internal string Type { get; }
    }
}
