namespace Infra.Schema;

/// <summary>
/// <c>infra schema [--out schema.json] [--check schema.json]</c>: writes the package schema of the
/// components (see <see cref="PackageSchema"/>) so a pull request shows how the package other languages
/// get changes; <c>--check</c> fails when the file is not what the components give.
/// </summary>
public static class SchemaCommand
{
    /// <summary>Runs the command; returns the exit code (0 ok, 1 out of date, 2 bad arguments).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? output = null, check = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--out" when value is not null: output = value; i++; break;
                case "--check" when value is not null: check = value; i++; break;
                default:
                    stderr.WriteLine($"schema: unexpected argument '{args[i]}'. Usage: schema [--out schema.json] [--check schema.json]");
                    return 2;
            }
        }

        var json = PackageSchema.ToJson(PackageSchema.Generate());
        if (check is not null)
        {
            var current = File.Exists(check) ? File.ReadAllText(check).ReplaceLineEndings("\n") : null;
            if (current != json)
            {
                stderr.WriteLine($"schema: {check} is {(current is null ? "missing" : "out of date")}; run `dotnet run --project infra -- schema --out {check}` and commit it.");
                return 1;
            }

            stdout.WriteLine($"schema: {check} is current.");
        }

        if (output is not null)
        {
            File.WriteAllText(output, json);
            stdout.WriteLine($"schema: wrote {output}.");
        }
        else if (check is null)
        {
            stdout.Write(json);
        }

        return 0;
    }
}
