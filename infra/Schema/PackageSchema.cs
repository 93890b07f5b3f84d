using System.Text.Json;
using System.Text.Json.Serialization;
using Infra.Components.Common;
using Pulumi.Experimental.Provider;

namespace Infra.Schema;

/// <summary>
/// The package schema provider/ serves to TypeScript, Python, Go and YAML: exactly what
/// <c>ComponentProviderHost.Serve(args, typeof(SpecProblem).Assembly, "infra")</c> answers to the
/// engine's GetSchema, built the same way (<see cref="ComponentAnalyzer.GenerateSchema(Metadata, System.Reflection.Assembly)"/>)
/// and written as the real provider writes it (indented, nulls left out).
/// </summary>
public static class PackageSchema
{
    /// <summary>The package name provider/Program.cs serves under.</summary>
    public const string PackageName = "infra";

    /// <summary>
    /// The metadata the host derives: the given package name, the namespace from the assembly name
    /// (Infra.Components gives "infra") and the version the host pins (0.0.0; see
    /// sdk/Pulumi/Provider/ComponentProviderHost.cs).
    /// </summary>
    public static Metadata Metadata { get; } = new(Name: PackageName, Namespace: "infra", Version: "0.0.0");

    /// <summary>The schema of every component in Infra.Components.</summary>
    public static PackageSpec Generate() => ComponentAnalyzer.GenerateSchema(Metadata, typeof(SpecProblem).Assembly);

    /// <summary>The schema as JSON, with a final newline.</summary>
    public static string ToJson(PackageSpec schema) => JsonSerializer.Serialize(schema, new JsonSerializerOptions
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    }) + "\n";
}
