using Infra.Settings;
using Pulumi;

namespace Infra;

/// <summary>The Infra program: reads the stack's config once into typed settings and composes the
/// components. Shared by <c>pulumi up</c>, <c>plan</c> and the tests.</summary>
public static class InfraProgram
{
    /// <summary>Creates the stack's resources; returns the stack outputs.</summary>
    public static IDictionary<string, object?> Run()
    {
        var settings = StackSettings.Load(new Config());
        return ServiceStack.Build(settings);
    }
}
