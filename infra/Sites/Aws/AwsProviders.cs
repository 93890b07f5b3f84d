using Infra.Settings;

namespace Infra.Sites.Aws;

/// <summary>The stack's explicit AWS providers: one per region, with the tags every resource carries.</summary>
public static class AwsProviders
{
    /// <summary>A provider named <paramref name="name"/> for <paramref name="region"/>, tagging every
    /// resource with the environment, the service and the tool that manages it.</summary>
    public static Pulumi.Aws.Provider Create(StackSettings stack, string name, string region)
        => new(name, new Pulumi.Aws.ProviderArgs
        {
            Region = region,
            DefaultTags = new Pulumi.Aws.Inputs.ProviderDefaultTagsArgs
            {
                Tags = { { "environment", stack.Environment }, { "service", stack.Service.Name }, { "managed-by", "infra" } },
            },
        });
}
