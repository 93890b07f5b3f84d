namespace Pulumi.Experimental.Provider
{
    /// <summary>
    /// Identity of a component package: what <see cref="ComponentAnalyzer"/> writes at the top of the
    /// schema and uses as the first segment of every resource and type token.
    /// </summary>
    /// <remarks>
    /// Mirrors the positional record at the end of pulumi/pulumi-dotnet
    /// sdk/Pulumi/Provider/ComponentAnalyzer.cs (same parameter order, so positional calls bind alike).
    /// </remarks>
    /// <param name="Name">Package name; must start with a letter and contain only letters, digits, '-' and '_'.</param>
    /// <param name="Namespace">Optional publisher namespace; lowercase letters, digits and '-', starting with a letter.</param>
    /// <param name="Version">Optional package version; the schema carries "" when absent.</param>
    /// <param name="DisplayName">Optional display name; the schema carries <paramref name="Name"/> when absent.</param>
    public record Metadata(string Name, string? Namespace = null, string? Version = null, string? DisplayName = null);
}
