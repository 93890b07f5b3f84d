using System.Globalization;
using System.Text.Json;

namespace Infra.Components.Common;

/// <summary>One thing wrong with a spec or a stack setting: where it is, what it holds, and how to fix it.</summary>
/// <param name="Key">Path of the setting as written in YAML, e.g. <c>service.healthCheck.timeoutSeconds</c>.</param>
/// <param name="Value">The offending value (null when the setting is missing).</param>
/// <param name="Fix">What to do about it, phrased as an instruction.</param>
public sealed record SpecProblem(string Key, object? Value, string Fix)
{
    /// <summary>The problem as one line: <c>key = value: fix</c>.</summary>
    public override string ToString() => $"{Key} = {Show(Value)}: {Fix}";

    private static string Show(object? value) => value switch
    {
        null => "(not set)",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable items => JsonSerializer.Serialize(items),
        _ => value.ToString() ?? "",
    };
}
