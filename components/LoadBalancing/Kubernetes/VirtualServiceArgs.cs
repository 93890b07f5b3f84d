using Pulumi;
using Pulumi.Kubernetes.ApiExtensions;

namespace Infra.Components.LoadBalancing.Kubernetes;

/// <summary>Arguments of a <c>networking.istio.io/v1</c> <c>VirtualService</c> custom resource: Istio's routing for one host: subset weights, retries and timeout. Created through
/// <see cref="Pulumi.Kubernetes.ApiExtensions.CustomResource"/>, since Pulumi.Kubernetes has no typed class for this kind.</summary>
public sealed class VirtualServiceArgs : CustomResourceArgs
{
    /// <summary>API version of the kind.</summary>
    public const string Version = "networking.istio.io/v1";

    /// <summary>Creates the arguments for a <c>VirtualService</c>.</summary>
    public VirtualServiceArgs() : base(Version, "VirtualService")
    {
    }

    /// <summary>The object's <c>spec</c>, as the CRD's schema spells it.</summary>
    [Input("spec")]
    public InputMap<object> Spec
    {
        get => _spec ??= new InputMap<object>();
        set => _spec = value;
    }
    private InputMap<object>? _spec;
}
