namespace Pulumi.Codegen;

/// <summary>An error in the inputs, reported in MSBuild's canonical <c>file(line): error CODE: text</c> form.</summary>
public sealed class CodegenException(string file, int line, string message) : Exception(message)
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public string Format() => Line > 0
        ? $"{File}({Line}): error PCG001: {Message}"
        : $"{File}: error PCG001: {Message}";
}
