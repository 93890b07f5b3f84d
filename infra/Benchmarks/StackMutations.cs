using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Benchmarks;

/// <summary>A stack file after a <see cref="StackMutation"/>: its text, what was done, and whether it
/// must be refused (<see cref="MustRefuse"/>, with the key the refusal must name when known) or must
/// still plan (<see cref="MustPlan"/>).</summary>
public sealed record MutatedStack(StackMutation Mutation, string Yaml, string Description, bool MustRefuse, string? ExpectedKey, bool MustPlan);

/// <summary>
/// Applies <see cref="StackMutation"/>s to real stack files: edits of the YAML tree (deletions, renames,
/// type changes, nulls, bounds, odd text) and of the text (YAML oddities, known-dangerous values,
/// meaning-preserving rewrites). Deterministic: the same mutation of the same file gives the same text.
/// </summary>
public static class StackMutations
{
    private static readonly string[] Bounds = ["-1", "0", "-0", "0.5", "65536", "2147483648", "1e9", "5e-1000", "1e400", "-2147483649", "99999999999999999999"];
    private static readonly string[] Texts = ["\"\"", "\" \"", "\"a\\u0000b\"", "\"line\\nbreak\"", "yes", "no", "on", "\"true\"", "\"80\"", "\"\\u202Eevil\"", "LONG", "\"../../etc/passwd\""];

    /// <summary>Applies <paramref name="mutation"/> to <paramref name="yaml"/> (the text of its stack file).</summary>
    public static MutatedStack Apply(string yaml, StackMutation mutation)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(mutation);
        return mutation.Kind switch
        {
            StackMutation.YamlOddity => Oddity(yaml, mutation),
            StackMutation.Dangerous => Dangerous(yaml, mutation),
            StackMutation.Benign => Benign(yaml, mutation),
            _ => TreeEdit(yaml, mutation),
        };
    }

    private static MutatedStack TreeEdit(string yaml, StackMutation m)
    {
        var (stream, nodes) = Load(yaml);
        var (path, owner, key, node) = nodes[Math.Abs(m.Target % nodes.Count)];
        string description;
        switch (m.Kind)
        {
            case StackMutation.Delete:
                Remove(owner, key);
                description = $"delete {path}";
                break;
            case StackMutation.Rename when owner is YamlMappingNode mapping && key is YamlScalarNode name:
                var renamed = Misspell(name.Value ?? "", m.Variant);
                if (mapping.Children.ContainsKey(new YamlScalarNode(renamed)))
                    renamed += "x";
                var value = mapping.Children[name];
                mapping.Children.Remove(name);
                mapping.Children.Add(new YamlScalarNode(renamed), value);
                description = $"rename {path} to {renamed}";
                break;
            case StackMutation.TypeChange:
                var replacement = Math.Abs(m.Variant % 3) switch
                {
                    0 => (YamlNode)new YamlSequenceNode(Copy(node)),
                    1 => new YamlMappingNode(new YamlScalarNode("value"), Copy(node)),
                    _ => node is YamlScalarNode ? new YamlSequenceNode() : new YamlScalarNode("text"),
                };
                Replace(owner, key, replacement);
                description = $"retype {path} as {replacement.NodeType}";
                break;
            case StackMutation.Null:
                Replace(owner, key, Plain(Math.Abs(m.Variant % 3) switch { 0 => "null", 1 => "~", _ => "" }));
                description = $"null {path}";
                break;
            case StackMutation.Bound:
                var bound = Bounds[Math.Abs(m.Variant % Bounds.Length)];
                Replace(owner, key, Plain(bound));
                description = $"{path} = {bound}";
                break;
            default:
                var text = Texts[Math.Abs(m.Variant % Texts.Length)];
                var scalar = text == "LONG" ? new YamlScalarNode(new string('x', 10_000))
                    : text.StartsWith('"') ? new YamlScalarNode(System.Text.Json.JsonSerializer.Deserialize<string>(text)) { Style = ScalarStyle.DoubleQuoted }
                    : Plain(text);
                Replace(owner, key, scalar);
                description = $"{path} = {(text == "LONG" ? "10,000 characters" : text)}";
                break;
        }
        return new MutatedStack(m, Save(stream), description, MustRefuse: false, null, MustPlan: false);
    }

    /// <summary>Every value under <c>config</c> with its key path, its owner and its key (or index) there.</summary>
    private static (YamlStream, List<(string Path, YamlNode Owner, object Key, YamlNode Node)>) Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var config = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("config")];
        var nodes = new List<(string, YamlNode, object, YamlNode)>();
        void Walk(YamlNode owner, string at)
        {
            switch (owner)
            {
                case YamlMappingNode mapping:
                    foreach (var (k, v) in mapping.Children)
                    {
                        var path = at.Length == 0 ? ((YamlScalarNode)k).Value! : $"{at}.{((YamlScalarNode)k).Value}";
                        nodes.Add((path, mapping, k, v));
                        Walk(v, path);
                    }
                    break;
                case YamlSequenceNode sequence:
                    for (var i = 0; i < sequence.Children.Count; i++)
                    {
                        nodes.Add(($"{at}[{i}]", sequence, i, sequence.Children[i]));
                        Walk(sequence.Children[i], $"{at}[{i}]");
                    }
                    break;
            }
        }
        Walk(config, "");
        return (stream, nodes);
    }

    private static void Remove(YamlNode owner, object key)
    {
        if (owner is YamlMappingNode mapping)
            mapping.Children.Remove((YamlNode)key);
        else
            ((YamlSequenceNode)owner).Children.RemoveAt((int)key);
    }

    private static void Replace(YamlNode owner, object key, YamlNode value)
    {
        if (owner is YamlMappingNode mapping)
            mapping.Children[(YamlNode)key] = value;
        else
            ((YamlSequenceNode)owner).Children[(int)key] = value;
    }

    private static YamlScalarNode Plain(string text) => new(text) { Style = ScalarStyle.Plain };

    private static YamlNode Copy(YamlNode node) => node switch
    {
        YamlScalarNode scalar => new YamlScalarNode(scalar.Value) { Style = scalar.Style },
        YamlSequenceNode sequence => new YamlSequenceNode(sequence.Children.Select(Copy)),
        YamlMappingNode mapping => new YamlMappingNode(mapping.Children.Select(kv => new KeyValuePair<YamlNode, YamlNode>(Copy(kv.Key), Copy(kv.Value)))),
        _ => new YamlScalarNode(""),
    };

    private static string Misspell(string name, int variant) => Math.Abs(variant % 4) switch
    {
        0 when name.Length > 1 => name[..^1],
        1 => name.ToUpperInvariant(),
        2 when name.Length > 2 => $"{name[1]}{name[0]}{name[2..]}",
        _ => name + "s",
    };

    private static string Save(YamlStream stream)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        // YamlDotNet ends a saved stream with a document-end marker; a stack file has none.
        return writer.ToString().Replace("\n...\n", "\n", StringComparison.Ordinal);
    }

    private static string InsertTop(string yaml, string lines)
    {
        var at = yaml.IndexOf("config:\n", StringComparison.Ordinal) + "config:\n".Length;
        return yaml[..at] + lines + yaml[at..];
    }

    private static string ReplaceFirst(string yaml, string find, string replace)
    {
        var at = yaml.IndexOf(find, StringComparison.Ordinal);
        return at < 0 ? yaml : yaml[..at] + replace + yaml[(at + find.Length)..];
    }

    private static MutatedStack Oddity(string yaml, StackMutation m)
    {
        var laughs = "  infra:a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + string.Concat(Enumerable.Range(1, 6)
            .Select(i => $"  infra:a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n"));
        (string Text, string What)[] oddities =
        [
            (InsertTop(yaml, "  infra:loop: &l [*l]\n"), "recursive alias"),
            (InsertTop(yaml, "  infra:map: &m {self: *m}\n"), "recursive alias in a mapping"),
            (yaml + "---\nconfig:\n  infra:protect: false\n", "second document"),
            (InsertTop(yaml, "  ? [a, b]\n  : c\n"), "complex top-level key"),
            (InsertTop(yaml, "  infra:service2:\n    ? {a: b}\n    : c\n"), "complex key"),
            (InsertTop(yaml, "  infra:deep: " + new string('[', 1001) + new string(']', 1001) + "\n"), "1001 levels of nesting"),
            (InsertTop(yaml, laughs), "aliases expanding to a million values"),
            (ReplaceFirst(yaml, "port: 443", "port: .nan"), ".nan"),
            (ReplaceFirst(yaml, "port: 443", "port: .inf"), ".inf"),
            (ReplaceFirst(yaml, "port: 443", "port: 1e400"), "1e400"),
            (ReplaceFirst(yaml, "port: 443", "port: 5e-1000"), "5e-1000"),
            (InsertTop(yaml, "  infra:environment: dev\n"), "duplicate key"),
            (InsertTop(yaml, "\t  infra:x: 1\n"), "tab indentation"),
            (InsertTop(yaml, "  infra:x: [unclosed\n"), "unclosed list"),
        ];
        var (text, what) = oddities[Math.Abs(m.Variant % oddities.Length)];
        // Every oddity must be refused; a file without "port: 443" keeps the .nan family unchanged, so
        // it gets a recursive alias instead.
        if (text == yaml)
            (text, what) = oddities[0];
        return new MutatedStack(m, text, what, MustRefuse: true, null, MustPlan: false);
    }

    private static MutatedStack Dangerous(string yaml, StackMutation m)
    {
        var environment = yaml.Contains("infra:environment: prod", StringComparison.Ordinal) ? "prod" : yaml.Contains("infra:environment: staging", StringComparison.Ordinal) ? "staging" : "dev";
        (string Find, string Replace, string Key, string What)[] dangers =
        [
            ("http: {protocol: http, port: 80}", "http: {protocol: http, port: 22}", "infra:service.loadBalancer.listeners.http.port", "SSH listener open to the internet"),
            ("http: {protocol: http, port: 80}", "http: {protocol: http, port: 3389}", "infra:service.loadBalancer.listeners.http.port", "RDP listener open to the internet"),
            ("minSize: 3", "minSize: 0", "infra:service.scaling.minSize", "prod without instances"),
            ($"infra:environment: {environment}", $"infra:environment: {(environment == "dev" ? "prod" : "dev")}", "infra:environment", "environment of another stack"),
            ("  infra:environment:", "  infra:protekt: true\n  infra:environment:", "infra:protekt", "misspelt top-level key"),
            ("      region: us-east-1\n", "      region: mars-1\n", "infra:sites[0].region", "a region that does not exist"),
            ("us-east-1b", "us-west-2b", "infra:sites[0].network.availabilityZones[1]", "a zone of another region"),
            ("allowedCidrs: [0.0.0.0/0]", "allowedCidrs: [0.0.0.1/0]", "infra:service.loadBalancer.allowedCidrs[0]", "a non-canonical CIDR"),
            ("maxSize: ", "maxSize: 1e9 #", "infra:service.scaling.maxSize", "a billion instances"),
            ("history: ../shared/data/traces/nasa_http_1995.csv", "history: /etc/passwd", "infra:service.forecast.history", "history outside the project"),
            ("imageId: resolve:ssm:", "imageId: \"\" #", "infra:service.imageId", "an empty image id"),
            ("allowedCidrs: [0.0.0.0/0]", "allowedCidrs: [0.0.0.0/0, null]", "infra:service.loadBalancer.allowedCidrs[1]", "a null CIDR"),
            ("    name: web\n", "    name: \"w\\u0007eb\"\n", "infra:service.name", "a control character in the name"),
        ];
        var (find, replace, key, what) = dangers[Math.Abs(m.Variant % dangers.Length)];
        // A danger that does not apply to this stack file becomes the one that applies to every file.
        if (!yaml.Contains(find, StringComparison.Ordinal) || (what == "prod without instances" && environment != "prod"))
            (find, replace, key, what) = dangers[4];
        var text = ReplaceFirst(yaml, find, replace);
        // The prod image id lives on the sites, as does the region: key them where they are written.
        if (what == "an empty image id" && !yaml.Contains("\n    imageId: resolve", StringComparison.Ordinal))
            key = "infra:sites[0].imageId";
        return new MutatedStack(m, text, what, MustRefuse: true, key, MustPlan: false);
    }

    private static MutatedStack Benign(string yaml, StackMutation m)
    {
        switch (Math.Abs(m.Variant % 3))
        {
            case 0:
                return new MutatedStack(m, InsertTop(yaml, "  # a comment\n") + "\n# trailing comment\n", "comments added", false, null, MustPlan: true);
            case 1:
                return new MutatedStack(m, ReplaceFirst(yaml, "    name: web\n", "    name: \"web\"\n"), "a name quoted", false, null, MustPlan: true);
            default:
                // Mappings reordered (lists keep their order: sites and zones are ordered).
                var (stream, _) = Load(yaml);
                var config = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("config")];
                Reverse(config);
                return new MutatedStack(m, Save(stream), "mappings reordered", false, null, MustPlan: true);
        }
    }

    private static void Reverse(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var children = mapping.Children.Reverse().ToList();
                mapping.Children.Clear();
                foreach (var (k, v) in children)
                {
                    Reverse(v);
                    mapping.Children.Add(k, v);
                }
                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                    Reverse(item);
                break;
        }
    }
}
