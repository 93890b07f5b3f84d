using Pulumi;

namespace Infra.Components.Common;

/// <summary>
/// Every problem found in a spec, reported at once before anything is created. Derives from
/// <see cref="RunException"/> so that Pulumi reports it by its message alone, without a stack trace.
/// </summary>
public sealed class InvalidSpecException : RunException
{
    /// <summary>Creates the exception for <paramref name="subject"/> (e.g. <c>AwsLoadBalancer "web"</c>).</summary>
    public InvalidSpecException(string subject, IReadOnlyList<SpecProblem> problems)
        : base(Describe(subject, problems))
    {
        Subject = subject;
        Problems = problems;
    }

    /// <summary>What was being validated.</summary>
    public string Subject { get; }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<SpecProblem> Problems { get; }

    /// <summary>Throws when <paramref name="problems"/> holds anything.</summary>
    public static void ThrowIfAny(string subject, IEnumerable<SpecProblem> problems)
    {
        var list = problems.ToList();
        if (list.Count > 0)
            throw new InvalidSpecException(subject, list);
    }

    private static string Describe(string subject, IReadOnlyList<SpecProblem> problems)
        => $"{subject} has {problems.Count} problem{(problems.Count == 1 ? "" : "s")}:" + Environment.NewLine +
           string.Join(Environment.NewLine, problems.Select(p => "  " + p));
}
