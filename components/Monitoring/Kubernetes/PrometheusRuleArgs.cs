using Pulumi;
using Pulumi.Kubernetes.ApiExtensions;

namespace Infra.Components.Monitoring.Kubernetes;

/// <summary>Arguments of a <c>monitoring.coreos.com/v1</c> <c>PrometheusRule</c> custom resource: alerting rules the prometheus-operator loads into Prometheus. Created through
/// <see cref="Pulumi.Kubernetes.ApiExtensions.CustomResource"/>, since Pulumi.Kubernetes has no typed class for this kind.</summary>
public sealed class PrometheusRuleArgs : CustomResourceArgs
{
    /// <summary>API version of the kind.</summary>
    public const string Version = "monitoring.coreos.com/v1";

    /// <summary>Creates the arguments for a <c>PrometheusRule</c>.</summary>
    public PrometheusRuleArgs() : base(Version, "PrometheusRule")
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
