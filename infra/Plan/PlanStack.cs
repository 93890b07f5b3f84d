using System.Runtime.ExceptionServices;
using Pulumi;

namespace Infra.Plan;

/// <summary>
/// The stack a plan runs the program in. <see cref="Deployment.TestAsync{TStack}"/> needs a
/// parameterless stack, so the program and the parent recorder arrive through an async-local.
/// The recorder is a legacy resource transformation: it sees every resource with its parent,
/// which the mock engine does not tell (mock URNs carry no parent types, pulumi/pulumi#8637).
/// </summary>
internal sealed class PlanStack : Stack
{
    internal static readonly AsyncLocal<PlanContext?> Context = new();

    public PlanStack() : base(new StackOptions { ResourceTransformations = { CurrentContext.Record } })
    {
        // A failing program is reported by its own exception, not wrapped in the engine's
        // "unhandled exception" text: validation errors then read as the list of problems.
        try
        {
            RegisterOutputs(CurrentContext.Program());
        }
        catch (Exception e)
        {
            CurrentContext.Failure = ExceptionDispatchInfo.Capture(e);
        }
    }

    private static PlanContext CurrentContext
        => Context.Value ?? throw new InvalidOperationException("PlanStack runs only inside PlanRecorder.");
}
