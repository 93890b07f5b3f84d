namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>A load-history file has a row that cannot be read; the message names the source, the
/// line number and the text of the row.</summary>
public sealed class LoadHistoryFormatException : FormatException
{
    /// <summary>Creates the exception for line <paramref name="lineNumber"/> of
    /// <paramref name="source"/>.</summary>
    /// <param name="source">The file name or another label for the input.</param>
    /// <param name="lineNumber">1-based line number, the header being line 1.</param>
    /// <param name="lineText">The offending line as read.</param>
    /// <param name="reason">What is wrong and how to fix it.</param>
    public LoadHistoryFormatException(string source, int lineNumber, string lineText, string reason)
        : base($"{source}, line {lineNumber}: {reason}: \"{lineText}\"")
    {
        SourceName = source;
        LineNumber = lineNumber;
        LineText = lineText;
    }

    /// <summary>Creates the exception for the value at <paramref name="jsonPath"/> of a JSON export
    /// (<c>$.MetricDataResults[0].Values[3]</c>).</summary>
    /// <param name="source">The file name or another label for the input.</param>
    /// <param name="jsonPath">Where in the document the value is.</param>
    /// <param name="reason">What is wrong and how to fix it.</param>
    public LoadHistoryFormatException(string source, string jsonPath, string reason)
        : base($"{source}, at {jsonPath}: {reason}")
    {
        SourceName = source;
        LineText = "";
        JsonPath = jsonPath;
    }

    /// <summary>Creates the exception with a message only (for serializers and tests).</summary>
    public LoadHistoryFormatException()
        : this("load history", 0, "", "unreadable row")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public LoadHistoryFormatException(string message)
        : base(message)
    {
        SourceName = "load history";
        LineText = "";
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public LoadHistoryFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        SourceName = "load history";
        LineText = "";
    }

    /// <summary>The file name or label of the input that holds the row.</summary>
    public string SourceName { get; }

    /// <summary>1-based number of the offending line, the header being line 1; 0 when unknown.</summary>
    public int LineNumber { get; }

    /// <summary>The offending line as read.</summary>
    public string LineText { get; }

    /// <summary>Where in a JSON export the offending value is; null for CSV rows and syntax errors.</summary>
    public string? JsonPath { get; }
}
