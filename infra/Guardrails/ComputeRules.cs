using static Infra.Guardrails.GuardrailPlan;

namespace Infra.Guardrails;

/// <summary>How instances are built: IMDSv2, encrypted disks, no password login.</summary>
public static class ComputeRules
{
    /// <summary>INFRA-VM-001.</summary>
    public static readonly GuardrailRule Imdsv2 = new(
        "INFRA-VM-001",
        "Instances require IMDSv2 (session tokens)",
        "set metadataOptions.httpTokens = \"required\" on the launch template (AwsAutoscalingGroup does this)",
        plan => plan.OfType(PlannedTypes.AwsLaunchTemplate)
            .Where(t => Text(t.Inputs, "metadataOptions.httpTokens") != "required")
            .Select(t => new GuardrailFinding(t, $"metadataOptions.httpTokens is {Text(t.Inputs, "metadataOptions.httpTokens") ?? "unset (IMDSv1 allowed)"}")));

    /// <summary>INFRA-VM-002.</summary>
    public static readonly GuardrailRule EncryptedDisks = new(
        "INFRA-VM-002",
        "Instance disks are encrypted",
        "encrypt every EBS volume of the launch template (ebs.encrypted) and set encryptionAtHostEnabled on scale sets",
        plan => plan.OfType(PlannedTypes.AwsLaunchTemplate)
            .SelectMany(t => Blocks(t.Inputs, "blockDeviceMappings")
                .Where(m => m.ContainsKey("ebs") && !IsTrue(m, "ebs.encrypted"))
                .Select(m => new GuardrailFinding(t, $"volume {Text(m, "deviceName")} is not encrypted")))
            .Concat(plan.OfType(PlannedTypes.AzureLinuxScaleSet).Concat(plan.OfType(PlannedTypes.AzureWindowsScaleSet))
                .Where(s => !IsTrue(s.Inputs, "encryptionAtHostEnabled"))
                .Select(s => new GuardrailFinding(s, "encryptionAtHostEnabled is off: temp disks and caches are not encrypted"))));

    /// <summary>INFRA-VM-003.</summary>
    public static readonly GuardrailRule NoPasswordLogin = new(
        "INFRA-VM-003",
        "No password login on instances",
        "log in with SSH keys only: disablePasswordAuthentication = true and no adminPassword",
        plan => plan.OfType(PlannedTypes.AzureLinuxScaleSet)
            .Where(s => !IsTrue(s.Inputs, "disablePasswordAuthentication") || s.Inputs.ContainsKey("adminPassword"))
            .Select(s => new GuardrailFinding(s, s.Inputs.ContainsKey("adminPassword") ? "sets an admin password" : "allows password login"))
            // Windows scale sets log in with an admin password by design.
            .Concat(plan.OfType(PlannedTypes.AzureWindowsScaleSet).Select(s => new GuardrailFinding(s, "a Windows scale set logs in with an admin password"))));
}
