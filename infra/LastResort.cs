namespace Infra;

/// <summary>What the program does with an exception no verb handled: one line on stderr, no stack trace.</summary>
public static class LastResort
{
    /// <summary>Exit code of an unforeseen failure: EX_SOFTWARE ("internal software error", sysexits.h).</summary>
    public const int ExitCode = 70;

    /// <summary>Writes <paramref name="e"/> as one line to stderr.</summary>
    public static void Report(Exception? e) => Console.Error.WriteLine(Line(e));

    /// <summary>The one line for <paramref name="e"/>: its type and the first line of its message.</summary>
    public static string Line(Exception? e)
    {
        var inner = e is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : e;
        var message = (inner?.Message ?? "unknown error").ReplaceLineEndings("\n").Split('\n')[0];
        return $"infra: internal error ({inner?.GetType().Name ?? "unknown"}): {message}; please report it with the command that caused it";
    }
}
