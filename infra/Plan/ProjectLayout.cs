using YamlDotNet.RepresentationModel;

namespace Infra.Plan;

/// <summary>Where the Pulumi project lives: the folder holding <c>Pulumi.yaml</c>, its name and its stack files.</summary>
public sealed record ProjectLayout(string Root, string Name, string StacksDirectory)
{
    /// <summary>Finds the project from the working directory upwards, else from the program's own folder upwards.</summary>
    public static ProjectLayout Find() => Find(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    /// <summary>Finds the project from each of <paramref name="starts"/> upwards, in order.</summary>
    public static ProjectLayout Find(params string[] starts)
    {
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                var file = Path.Combine(dir.FullName, "Pulumi.yaml");
                if (File.Exists(file))
                    return Load(dir.FullName, file);
            }
        }
        throw new FileNotFoundException("No Pulumi.yaml found in the working directory or above it; run from inside the Infra repository.");
    }

    private static ProjectLayout Load(string root, string file)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(file))
            yaml.Load(reader);
        var mapping = (YamlMappingNode)yaml.Documents[0].RootNode;
        string? Read(string key) => mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? ((YamlScalarNode)node).Value : null;
        var name = Read("name") ?? throw new InvalidDataException($"{file}: no 'name'.");
        var stacks = Path.Combine(root, Read("stackConfigDir") ?? ".");
        return new ProjectLayout(root, name, stacks);
    }

    /// <summary>Path of <c>Pulumi.&lt;stack&gt;.yaml</c>.</summary>
    public string StackFile(string stack) => Path.Combine(StacksDirectory, $"Pulumi.{stack}.yaml");

    /// <summary>Names of the stacks that have a stack file.</summary>
    public IEnumerable<string> StackNames()
        => Directory.Exists(StacksDirectory)
            ? Directory.GetFiles(StacksDirectory, "Pulumi.*.yaml").Select(f => Path.GetFileName(f)["Pulumi.".Length..^".yaml".Length]).Order()
            : [];
}
