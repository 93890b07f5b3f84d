using Pulumi;
using Pulumi.Kubernetes.ApiExtensions;

namespace Infra.Components.LoadBalancing.Kubernetes;

/// <summary>Arguments of a <c>gateway.networking.k8s.io/v1</c> <c>Gateway</c> custom resource: the listeners of a Gateway API gateway. Created through
/// <see cref="Pulumi.Kubernetes.ApiExtensions.CustomResource"/>, since Pulumi.Kubernetes has no typed class for this kind.</summary>
public sealed class GatewayArgs : CustomResourceArgs
{
    /// <summary>API version of the kind.</summary>
    public const string Version = "gateway.networking.k8s.io/v1";

    /// <summary>Creates the arguments for a <c>Gateway</c>.</summary>
    public GatewayArgs() : base(Version, "Gateway")
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
