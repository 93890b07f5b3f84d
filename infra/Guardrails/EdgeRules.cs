using Infra.Components.LoadBalancing.Aws;
using Infra.Components.LoadBalancing.Azure;
using static Infra.Guardrails.GuardrailPlan;

namespace Infra.Guardrails;

/// <summary>What the load balancers promise clients and operators: TLS 1.2+, HTTP only redirecting,
/// access logs where users are, protection in prod.</summary>
public static class EdgeRules
{
    /// <summary>Environments whose load balancers must write access logs.</summary>
    public static readonly IReadOnlyList<string> LoggedEnvironments = ["staging", "prod"];

    /// <summary>INFRA-TLS-001.</summary>
    public static readonly GuardrailRule Tls12 = new(
        "INFRA-TLS-001",
        "TLS 1.2 or newer on every TLS listener",
        $"name a TLS 1.2+ policy: {AwsTlsPolicies.Default} on ELB listeners, {AzureTlsPolicies.Default} on Application Gateways",
        plan => AwsTls(plan).Concat(AzureTls(plan)));

    /// <summary>INFRA-TLS-002.</summary>
    public static readonly GuardrailRule HttpOnlyRedirects = new(
        "INFRA-TLS-002",
        "Plain HTTP listeners only redirect to HTTPS",
        "make every HTTP listener's only action a permanent redirect to HTTPS (listener protocol http in the spec does this)",
        plan => AwsRedirects(plan).Concat(AzureRedirects(plan)));

    /// <summary>INFRA-LOG-001.</summary>
    public static readonly GuardrailRule AccessLogs = new(
        "INFRA-LOG-001",
        "Access logs on every load balancer in staging and prod",
        "set accessLogs: true in infra:service.loadBalancer (AWS: an encrypted S3 bucket with the ELB log-delivery policy; Azure: a diagnostic setting to a storage account)",
        AccessLogFindings);

    /// <summary>INFRA-PROT-001.</summary>
    public static readonly GuardrailRule ProdProtection = new(
        "INFRA-PROT-001",
        "Deletion protection and Protect on load balancers and DNS in prod",
        "in prod set infra:protect: true and keep infra:service.loadBalancer.deletionProtection on (its default)",
        Protection);

    private static IEnumerable<GuardrailFinding> AwsTls(GuardrailPlan plan)
    {
        foreach (var listener in plan.OfType(PlannedTypes.AwsListener))
        {
            if (Text(listener.Inputs, "protocol") is not ("HTTPS" or "TLS"))
                continue;
            // Without a policy ELB applies ELBSecurityPolicy-2016-08, which still accepts TLS 1.0.
            var policy = Text(listener.Inputs, "sslPolicy");
            if (policy == null || !AwsTlsPolicies.IsTls12OrNewer(policy))
                yield return new(listener, $"sslPolicy {(policy == null ? "is unset (ELB's default ELBSecurityPolicy-2016-08 accepts TLS 1.0)" : $"{policy} accepts TLS below 1.2")}");
        }
    }

    private static IEnumerable<GuardrailFinding> AzureTls(GuardrailPlan plan)
    {
        foreach (var gateway in plan.OfType(PlannedTypes.AzureApplicationGateway))
        {
            if (!Blocks(gateway.Inputs, "httpListeners").Any(l => Equals(l.GetValueOrDefault("protocol"), "Https")))
                continue;
            var type = Text(gateway.Inputs, "sslPolicy.policyType");
            var name = Text(gateway.Inputs, "sslPolicy.policyName");
            var minimum = Text(gateway.Inputs, "sslPolicy.minProtocolVersion");
            var ok = type switch
            {
                "Predefined" => name != null && AzureTlsPolicies.IsTls12OrNewer(name),
                "Custom" or "CustomV2" => minimum is "TLSv1_2" or "TLSv1_3",
                _ => false,
            };
            if (!ok)
                yield return new(gateway, type == null
                    ? "sslPolicy is unset (the gateway's default policy accepts TLS below 1.2)"
                    : $"sslPolicy {type} {name ?? minimum ?? ""} accepts TLS below 1.2");
        }
    }

    private static IEnumerable<GuardrailFinding> AwsRedirects(GuardrailPlan plan)
    {
        foreach (var listener in plan.OfType(PlannedTypes.AwsListener).Where(l => Equals(l.Inputs.GetValueOrDefault("protocol"), "HTTP")))
        {
            var actions = Blocks(listener.Inputs, "defaultActions").ToList();
            if (actions.Count == 0 || actions.Any(a => !Equals(a.GetValueOrDefault("type"), "redirect") || Text(a, "redirect.protocol") != "HTTPS"))
                yield return new(listener, $"an HTTP listener {(actions.Count == 0 ? "without actions" : $"with actions {string.Join(", ", actions.Select(a => a.GetValueOrDefault("type")))}")} serves plain HTTP instead of redirecting to HTTPS");
        }
    }

    private static IEnumerable<GuardrailFinding> AzureRedirects(GuardrailPlan plan)
    {
        foreach (var gateway in plan.OfType(PlannedTypes.AzureApplicationGateway))
        {
            var http = Blocks(gateway.Inputs, "httpListeners").Where(l => Equals(l.GetValueOrDefault("protocol"), "Http"))
                .Select(l => Text(l, "name")).OfType<string>().ToHashSet();
            var redirects = Blocks(gateway.Inputs, "redirectConfigurations").ToDictionary(r => Text(r, "name") ?? "", r => r);
            foreach (var rule in Blocks(gateway.Inputs, "requestRoutingRules").Where(r => http.Contains(Text(r, "httpListenerName") ?? "")))
            {
                var redirect = Text(rule, "redirectConfigurationName") is { } name ? redirects.GetValueOrDefault(name) : null;
                if (rule.ContainsKey("backendAddressPoolName") || redirect == null
                    || (Text(redirect, "targetListenerName") == null && Text(redirect, "targetUrl")?.StartsWith("https://", StringComparison.Ordinal) != true))
                    yield return new(gateway, $"routing rule {Text(rule, "name")} on HTTP listener {Text(rule, "httpListenerName")} serves plain HTTP instead of redirecting to HTTPS");
                http.Remove(Text(rule, "httpListenerName")!);
            }
            foreach (var listener in http)
                yield return new(gateway, $"HTTP listener {listener} has no routing rule redirecting it to HTTPS");
        }
    }

    private static IEnumerable<GuardrailFinding> AccessLogFindings(GuardrailPlan plan)
    {
        if (plan.Environment is not { } environment || !LoggedEnvironments.Contains(environment))
            yield break;
        foreach (var balancer in plan.OfType(PlannedTypes.AwsLoadBalancer))
        {
            // A Network Load Balancer logs only TLS listeners; it still needs logs turned on to log those.
            if (!IsTrue(balancer.Inputs, "accessLogs.enabled") || string.IsNullOrEmpty(Text(balancer.Inputs, "accessLogs.bucket")))
                yield return new(balancer, $"writes no access logs in {environment}");
        }
        var diagnosed = plan.OfType(PlannedTypes.AzureDiagnosticSetting)
            .Where(d => (Text(d.Inputs, "storageAccountId") ?? Text(d.Inputs, "logAnalyticsWorkspaceId") ?? Text(d.Inputs, "eventhubAuthorizationRuleId")) != null)
            .Where(d => Blocks(d.Inputs, "enabledLogs").Any(l => Text(l, "category") == "ApplicationGatewayAccessLog" || Text(l, "categoryGroup") is "allLogs"))
            .Select(d => Text(d.Inputs, "targetResourceId")).OfType<string>().ToHashSet();
        foreach (var gateway in plan.OfType(PlannedTypes.AzureApplicationGateway))
            if (!diagnosed.Contains(IdOf(gateway)))
                yield return new(gateway, $"writes no access logs in {environment} (no diagnostic setting sends ApplicationGatewayAccessLog anywhere)");
    }

    private static IEnumerable<GuardrailFinding> Protection(GuardrailPlan plan)
    {
        if (plan.Environment != "prod")
            yield break;
        foreach (var balancer in plan.OfType(PlannedTypes.AwsLoadBalancer))
        {
            if (!IsTrue(balancer.Inputs, "enableDeletionProtection"))
                yield return new(balancer, "has no deletion protection in prod");
            if (!balancer.Protect)
                yield return new(balancer, "is not protected (Protect) in prod");
        }
        var edge = new[] { PlannedTypes.AzureApplicationGateway, PlannedTypes.AzureLoadBalancer, PlannedTypes.AwsRoute53Record, PlannedTypes.AzureTrafficManagerProfile };
        foreach (var resource in plan.Plan.Resources.Where(r => edge.Contains(r.Type) && !r.Protect))
            yield return new(resource, "is not protected (Protect) in prod");
    }
}
