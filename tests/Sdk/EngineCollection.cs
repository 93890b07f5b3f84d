using Xunit;

namespace Infra.Tests.Sdk;

/// <summary>
/// Every test that runs the Pulumi engine (<c>Deployment.TestAsync</c>) or touches the process-wide
/// <c>PULUMI_CONFIG</c> variable joins this collection: the SDK documents that test runs must be
/// serial, and the environment is shared by the whole process.
/// </summary>
[CollectionDefinition(EngineCollection.Name, DisableParallelization = true)]
public sealed class EngineCollection
{
    public const string Name = "Pulumi engine";
}
