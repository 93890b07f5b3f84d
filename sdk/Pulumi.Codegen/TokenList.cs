using Pulumi.Codegen.Schema;

namespace Pulumi.Codegen;

/// <summary>A token from tokens.txt and where it was written.</summary>
public sealed record TokenEntry(string Token, string File, int Line);

/// <summary>
/// The members to generate, read from a tokens.txt file: one resource or function token per line;
/// blank lines and <c>#</c> comments (whole-line or trailing) are ignored.
/// </summary>
public sealed class TokenList
{
    private TokenList(IReadOnlyList<ResourceDef> resources, IReadOnlyList<FunctionDef> functions,
        IReadOnlyList<(ResourceDef Owner, string Name, FunctionDef Function)> methods)
    {
        Resources = resources;
        Functions = functions;
        Methods = methods;
    }

    public IReadOnlyList<ResourceDef> Resources { get; }

    /// <summary>Standalone functions (static classes).</summary>
    public IReadOnlyList<FunctionDef> Functions { get; }

    /// <summary>Selected methods, with the resource (or provider) that owns each.</summary>
    public IReadOnlyList<(ResourceDef Owner, string Name, FunctionDef Function)> Methods { get; }

    public static IReadOnlyList<TokenEntry> Parse(string path)
    {
        var entries = new List<TokenEntry>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i];
            var hash = text.IndexOf('#');
            if (hash >= 0)
            {
                text = text[..hash];
            }
            text = text.Trim();
            if (text.Length == 0)
            {
                continue;
            }
            if (text.Any(char.IsWhiteSpace))
            {
                throw new CodegenException(path, i + 1, $"expected one token per line, found '{text}'");
            }
            entries.Add(new TokenEntry(text, path, i + 1));
        }
        return entries;
    }

    /// <summary>Resolves every entry against the schema; unknown or repeated tokens are errors.</summary>
    public static TokenList Resolve(IReadOnlyList<TokenEntry> entries, PackageDef package)
    {
        var owners = package.Resources.Values.Prepend(package.Provider)
            .SelectMany(r => r.Methods.Select(m => (Token: m.Value, Owner: r, Name: m.Key)))
            .ToDictionary(m => m.Token, m => (m.Owner, m.Name), StringComparer.Ordinal);

        var seen = new Dictionary<string, TokenEntry>(StringComparer.Ordinal);
        var resources = new List<ResourceDef>();
        var functions = new List<FunctionDef>();
        var methods = new List<(ResourceDef, string, FunctionDef)>();
        foreach (var entry in entries)
        {
            if (seen.TryGetValue(entry.Token, out var first))
            {
                throw new CodegenException(entry.File, entry.Line,
                    $"token '{entry.Token}' is listed twice (first on line {first.Line})");
            }
            seen.Add(entry.Token, entry);

            if (package.Resources.TryGetValue(entry.Token, out var resource))
            {
                resources.Add(resource);
            }
            else if (package.Functions.TryGetValue(entry.Token, out var function))
            {
                if (owners.TryGetValue(entry.Token, out var owner))
                {
                    methods.Add((owner.Owner, owner.Name, function));
                }
                else
                {
                    functions.Add(function);
                }
            }
            else
            {
                throw new CodegenException(entry.File, entry.Line,
                    $"token '{entry.Token}' is not a resource or function in schema '{package.SchemaPath}'");
            }
        }

        foreach (var (owner, _, function) in methods)
        {
            if (!owner.IsProvider && !resources.Contains(owner))
            {
                var entry = seen[function.Token];
                throw new CodegenException(entry.File, entry.Line,
                    $"method '{function.Token}' belongs to '{owner.Token}', which is not listed");
            }
        }

        static int ByToken((ResourceDef Owner, string Name, FunctionDef Function) a, (ResourceDef Owner, string Name, FunctionDef Function) b) =>
            string.CompareOrdinal(a.Function.Token, b.Function.Token);
        resources.Sort((a, b) => string.CompareOrdinal(a.Token, b.Token));
        functions.Sort((a, b) => string.CompareOrdinal(a.Token, b.Token));
        methods.Sort(ByToken);
        return new TokenList(resources, functions, methods);
    }
}
