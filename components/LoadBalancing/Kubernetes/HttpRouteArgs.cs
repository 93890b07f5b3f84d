using Pulumi;
using Pulumi.Kubernetes.ApiExtensions;

namespace Infra.Components.LoadBalancing.Kubernetes;

/// <summary>Arguments of a <c>gateway.networking.k8s.io/v1</c> <c>HTTPRoute</c> custom resource: how a Gateway API gateway routes HTTP requests to Services. Created through
/// <see cref="Pulumi.Kubernetes.ApiExtensions.CustomResource"/>, since Pulumi.Kubernetes has no typed class for this kind.</summary>
public sealed class HttpRouteArgs : CustomResourceArgs
{
    /// <summary>API version of the kind.</summary>
    public const string Version = "gateway.networking.k8s.io/v1";

    /// <summary>Creates the arguments for a <c>HTTPRoute</c>.</summary>
    public HttpRouteArgs() : base(Version, "HTTPRoute")
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
