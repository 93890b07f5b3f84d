using System.Reflection;
using Infra.Plan;

namespace Infra.Tests.Harness;

/// <summary>Where the repository is, recorded at build time, so tests find stacks/ wherever they run from.</summary>
public static class RepoPaths
{
    /// <summary>The repository root (holds Pulumi.yaml).</summary>
    public static string Root { get; } = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "InfraRoot").Value!;

    /// <summary>The Pulumi project of this repository.</summary>
    public static ProjectLayout Layout { get; } = ProjectLayout.Find(Root);
}
