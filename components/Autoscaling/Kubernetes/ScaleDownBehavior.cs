namespace Infra.Components.Autoscaling.Kubernetes;

/// <summary>How fast an autoscaler may remove pods.</summary>
/// <param name="StabilizationSeconds">Seconds of lower recommendations before pods are removed (the
/// highest recommendation in the window wins, so brief dips do not remove pods).</param>
/// <param name="MaxPercentPerMinute">Most of the current pods removed per minute, in percent.</param>
public sealed record ScaleDownBehavior(int StabilizationSeconds, int MaxPercentPerMinute);
