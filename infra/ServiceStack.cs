using Pulumi;

namespace Infra;

/// <summary>Composes the components of one stack from its settings.</summary>
public static class ServiceStack
{
    /// <summary>Creates the stack's resources; returns the stack outputs.</summary>
    public static IDictionary<string, object?> Build(StackSettings settings)
    {
        // Every AWS resource goes through one explicit provider, so region and default tags are
        // visible in the plan and cannot drift from ambient credentials' defaults.
        var aws = new Pulumi.Aws.Provider($"aws-{settings.AwsRegion}", new Pulumi.Aws.ProviderArgs
        {
            Region = settings.AwsRegion,
            DefaultTags = new Pulumi.Aws.Inputs.ProviderDefaultTagsArgs
            {
                Tags = { { "environment", settings.Environment }, { "managed-by", "infra" } },
            },
        });

        return new Dictionary<string, object?>
        {
            ["environment"] = settings.Environment,
            ["awsRegion"] = settings.AwsRegion,
            ["awsProvider"] = aws.Urn,
        };
    }
}
