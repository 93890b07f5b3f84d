namespace Infra.Components.Autoscaling.Kubernetes;

/// <summary>What changes the replica count of a Kubernetes Deployment. One choice, so a
/// HorizontalPodAutoscaler and a KEDA ScaledObject (which makes its own HPA) never both own one
/// Deployment, which would make them fight over its replicas.</summary>
public static class Autoscalers
{
    /// <summary>A <c>autoscaling/v2</c> HorizontalPodAutoscaler on CPU or a custom pods metric.</summary>
    public const string Hpa = "hpa";

    /// <summary>A KEDA ScaledObject: cron triggers from the forecast schedule plus a CPU trigger.</summary>
    public const string Keda = "keda";

    /// <summary>No autoscaler: the Deployment runs a fixed replica count.</summary>
    public const string None = "none";

    /// <summary>Every choice, for validation messages.</summary>
    public static readonly IReadOnlyList<string> All = [Hpa, Keda, None];
}
