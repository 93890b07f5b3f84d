using Pulumi;
using Pulumi.Utilities;

namespace Infra.Settings;

/// <summary>
/// Secret settings the plan cannot read. Offline, a <c>secure:</c> value of a stack file is never
/// decrypted and reads as <see cref="Plan.StackConfigFile.SecretPlaceholder"/>; that text must never
/// become a planned value. It reaches resources as an unknown secret instead (the plan shows it as
/// secret), and a check that needs the value says it cannot decide. Under <c>pulumi up</c> the CLI
/// decrypts the value, so none of this applies there.
/// </summary>
public static class SecretValues
{
    /// <summary>Whether <paramref name="value"/> is a secret the plan could not decrypt.</summary>
    public static bool IsUndecrypted(string? value) => value == Plan.StackConfigFile.SecretPlaceholder;

    /// <summary>A secret whose value is not known: what a resource gets for an undecrypted setting.</summary>
    public static Output<string> Unknown() => Output.CreateSecret(OutputUtilities.CreateUnknown(""));

    /// <summary>The setting as a resource input: itself, or <see cref="Unknown"/> when undecrypted.</summary>
    public static Input<string>? AsInput(string? value) => value is null ? null : IsUndecrypted(value) ? Unknown() : (Input<string>)value;

    /// <summary>Tells, without failing the plan, that a check of <paramref name="key"/> needs its value.</summary>
    public static void CannotDecide(string key, string check)
        => Log.Warn($"{key} is a secret this plan cannot decrypt, so it cannot check {check}; pulumi up, which decrypts it, checks it before creating anything");
}
