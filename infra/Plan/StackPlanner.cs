using Pulumi;

namespace Infra.Plan;

/// <summary>Plans a stack of this project from its stack file, offline: the stack file becomes
/// the program's config exactly as the Pulumi CLI would pass it.</summary>
public static class StackPlanner
{
    /// <summary>Plans <paramref name="stack"/> by running <paramref name="program"/> (default: the Infra program).</summary>
    public static async Task<StackPlan> PlanAsync(ProjectLayout layout, string stack, bool preview = false,
        Func<IDictionary<string, object?>>? program = null)
    {
        var file = layout.StackFile(stack);
        if (!File.Exists(file))
            throw new FileNotFoundException(
                $"No stack file {file}. Stacks: {string.Join(", ", layout.StackNames())}.");
        return await PlanAsync(layout, stack, StackConfigFile.Load(file, layout.Name), preview, program);
    }

    /// <summary>Plans <paramref name="stack"/> from <paramref name="config"/> (a stack file already read,
    /// e.g. with <see cref="StackConfigFile.Parse"/>), relative paths starting at the project root.</summary>
    public static async Task<StackPlan> PlanAsync(ProjectLayout layout, string stack, StackConfigFile config, bool preview = false,
        Func<IDictionary<string, object?>>? program = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(config);
        var region = config.Values.GetValueOrDefault("aws:region", "us-east-1");
        var run = await WithConfigAsync(config, () =>
            PlanRecorder.RunAsync(layout.Name, stack, program ?? InfraProgram.Run, preview, new RecordingMocks(region), layout.Root));
        // The guardrail report reads the waivers the stack writes (validated by the program itself).
        return run.Plan with { Waivers = Guardrails.GuardrailWaivers.Parse(config.Values.GetValueOrDefault($"{layout.Name}:{Guardrails.GuardrailWaivers.Key}")) };
    }

    /// <summary>Runs <paramref name="action"/> with PULUMI_CONFIG set from <paramref name="config"/>,
    /// restoring the previous environment afterwards.</summary>
    public static async Task<T> WithConfigAsync<T>(StackConfigFile config, Func<Task<T>> action)
    {
        var previousConfig = Environment.GetEnvironmentVariable("PULUMI_CONFIG");
        var previousSecrets = Environment.GetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS");
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", config.ToPulumiConfigJson());
        Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", config.ToSecretKeysJson());
        try
        {
            return await action();
        }
        finally
        {
            Environment.SetEnvironmentVariable("PULUMI_CONFIG", previousConfig);
            Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", previousSecrets);
        }
    }
}
