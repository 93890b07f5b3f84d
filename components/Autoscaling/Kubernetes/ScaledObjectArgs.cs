using Pulumi;
using Pulumi.Kubernetes.ApiExtensions;

namespace Infra.Components.Autoscaling.Kubernetes;

/// <summary>Arguments of a <c>keda.sh/v1alpha1</c> <c>ScaledObject</c> custom resource: KEDA's scaling of one Deployment by triggers (cron, cpu); KEDA creates and owns the HorizontalPodAutoscaler. Created through
/// <see cref="Pulumi.Kubernetes.ApiExtensions.CustomResource"/>, since Pulumi.Kubernetes has no typed class for this kind.</summary>
public sealed class ScaledObjectArgs : CustomResourceArgs
{
    /// <summary>API version of the kind.</summary>
    public const string Version = "keda.sh/v1alpha1";

    /// <summary>Creates the arguments for a <c>ScaledObject</c>.</summary>
    public ScaledObjectArgs() : base(Version, "ScaledObject")
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
