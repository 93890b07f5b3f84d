using Pulumi;
using Pulumi.Kubernetes.ApiExtensions;

namespace Infra.Components.LoadBalancing.Kubernetes;

/// <summary>Arguments of a <c>networking.istio.io/v1</c> <c>DestinationRule</c> custom resource: Istio's traffic policy (algorithm, outlier detection, connection pool) and subsets for one host. Created through
/// <see cref="Pulumi.Kubernetes.ApiExtensions.CustomResource"/>, since Pulumi.Kubernetes has no typed class for this kind.</summary>
public sealed class DestinationRuleArgs : CustomResourceArgs
{
    /// <summary>API version of the kind.</summary>
    public const string Version = "networking.istio.io/v1";

    /// <summary>Creates the arguments for a <c>DestinationRule</c>.</summary>
    public DestinationRuleArgs() : base(Version, "DestinationRule")
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
