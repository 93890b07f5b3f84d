using System.Diagnostics;
using System.Text;
using Pulumi.Codegen;
using Pulumi.Codegen.Schema;

// Pulumi.Codegen --schema <schema.json> --tokens <tokens.txt> --out <dir> --version <provider version>
//
// Writes the C# that Pulumi's .NET code generator emits for the listed tokens into <dir>. Files whose
// text is unchanged are left alone (so incremental compilation stays incremental) and stale .cs files
// are removed. Errors are printed in MSBuild's canonical format so they show up in build output.

try
{
    var options = Options.Parse(args);
    var stopwatch = Stopwatch.StartNew();

    var package = SchemaReader.Read(options.Schema);
    var selection = TokenList.Resolve(TokenList.Parse(options.Tokens), package);
    var generator = new Generator(package, selection, options.Version);
    var summary = generator.Run();
    var written = Output.Write(options.OutputDirectory, generator.Files);

    Console.WriteLine(
        $"Pulumi.Codegen: {package.Name}: {summary.Resources} resources + provider, {summary.Functions} functions, " +
        $"{summary.InputClasses} input types, {summary.OutputClasses} output types, {summary.Enums} enums " +
        $"-> {summary.Files} files ({written} rewritten) in {stopwatch.ElapsedMilliseconds} ms");
    return 0;
}
catch (CodegenException e)
{
    Console.Error.WriteLine(e.Format());
    return 1;
}
catch (Exception e) when (e is InvalidDataException or IOException or UsageException or System.Text.Json.JsonException)
{
    Console.Error.WriteLine($"Pulumi.Codegen: error PCG002: {e.Message}");
    return 1;
}

/// <summary>Command-line options.</summary>
internal sealed record Options(string Schema, string Tokens, string OutputDirectory, string Version)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new UsageException($"unexpected argument '{args[i]}'");
            }
            values[args[i][2..]] = args[i + 1];
        }

        string Required(string name) => values.TryGetValue(name, out var value)
            ? value
            : throw new UsageException($"missing --{name}. Usage: Pulumi.Codegen --schema <schema.json> --tokens <tokens.txt> --out <dir> --version <version>");

        return new Options(Required("schema"), Required("tokens"), Required("out"), Required("version"));
    }
}

internal sealed class UsageException(string message) : Exception(message);

/// <summary>Writes generated files, touching only those whose content changed.</summary>
internal static class Output
{
    public static int Write(string directory, IReadOnlyDictionary<string, string> files)
    {
        var root = Path.GetFullPath(directory);
        Directory.CreateDirectory(root);
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        var written = 0;
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (relative, content) in files)
        {
            var path = Path.Combine(root, relative);
            expected.Add(path);
            if (File.Exists(path) && File.ReadAllText(path, encoding) == content)
            {
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content, encoding);
            written++;
        }

        foreach (var stale in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Where(p => !expected.Contains(p)))
        {
            File.Delete(stale);
        }
        foreach (var dir in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
        {
            if (!Directory.EnumerateFileSystemEntries(dir).Any())
            {
                Directory.Delete(dir);
            }
        }
        return written;
    }
}
