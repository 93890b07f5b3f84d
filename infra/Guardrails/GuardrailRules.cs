using System.Collections.Immutable;

namespace Infra.Guardrails;

/// <summary>Every guardrail rule, in the order a plan reports them.</summary>
public static class GuardrailRules
{
    /// <summary>The rules every plan runs.</summary>
    public static readonly ImmutableArray<GuardrailRule> All =
    [
        NetworkRules.NoOpenIngress,
        NetworkRules.InstancesOnlyFromLoadBalancer,
        EdgeRules.Tls12,
        EdgeRules.HttpOnlyRedirects,
        EdgeRules.AccessLogs,
        EdgeRules.ProdProtection,
        AvailabilityRules.TwoZones,
        AvailabilityRules.HealthChecks,
        ComputeRules.Imdsv2,
        ComputeRules.EncryptedDisks,
        ComputeRules.NoPasswordLogin,
        HygieneRules.NoPlainSecrets,
        HygieneRules.EnvironmentMatchesStack,
        HygieneRules.Tags,
        .. KubernetesRules.All,
    ];

    /// <summary>The rule with id <paramref name="id"/>, or null.</summary>
    public static GuardrailRule? Find(string id) => All.FirstOrDefault(r => r.Id == id);
}
