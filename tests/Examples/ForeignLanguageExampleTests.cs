using Infra.Schema;
using Infra.Tests.Harness;
using Xunit;

namespace Infra.Tests.Examples;

/// <summary>
/// The consumers in examples/yaml, examples/typescript and examples/python, written as a user of
/// <c>pulumi package add ../../provider</c> writes them. The YAML program is checked against the schema
/// the provider serves (tokens, property names, types, output references); schema.json at the root is
/// that schema as committed for review.
/// </summary>
public sealed class ForeignLanguageExampleTests
{
    private static string Example(params string[] path) => Path.Combine([RepoPaths.Root, "examples", .. path]);

    [Fact]
    public void The_yaml_example_matches_the_package_schema()
    {
        var problems = new YamlExampleChecker(PackageSchema.Generate()).Check(File.ReadAllText(Example("yaml", "Pulumi.yaml")));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_checker_reports_wrong_tokens_names_types_and_references()
    {
        var yaml = File.ReadAllText(Example("yaml", "Pulumi.yaml"))
            .Replace("infra:index:AwsNetwork", "infra:index:AwsNetwrk", StringComparison.Ordinal)
            .Replace("port: 8080", "port: eighty", StringComparison.Ordinal)
            .Replace("redirectToHttps: true", "redirectToHttp: true", StringComparison.Ordinal)
            .Replace("${balancer.targetGroupArns.entries[\"web\"]}", "${balancer.targetGroupArn}", StringComparison.Ordinal)
            .Replace("${network.vpcCidrBlock}", "${balancer.targetGroupArns}", StringComparison.Ordinal);

        var problems = new YamlExampleChecker(PackageSchema.Generate()).Check(yaml);

        Assert.Contains("resources.network.type: 'infra:index:AwsNetwrk' is not a resource of package infra", problems);
        Assert.Contains("resources.balancer.properties.spec.pools.web.port: wants an integer", problems);
        Assert.Contains(problems, p => p.StartsWith("resources.balancer.properties.spec.listeners.http.redirectToHttp: not a property", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("outputs.webTargetGroupArn: ${balancer.targetGroupArn}: infra:index:AwsLoadBalancer has no output 'targetGroupArn'", StringComparison.Ordinal));
        Assert.Contains("resources.balancer.properties.vpcCidrBlock: ${balancer.targetGroupArns} is #/types/infra:index:StringMap, the property wants string", problems);
    }

    [Theory]
    [InlineData("typescript", "index.ts", "new infra.AwsLoadBalancer(")]
    [InlineData("python", "__main__.py", "infra.AwsLoadBalancer(")]
    public void The_typescript_and_python_examples_use_the_package(string folder, string program, string usage)
    {
        Assert.Contains("infra: ../../provider", File.ReadAllText(Example(folder, "Pulumi.yaml")), StringComparison.Ordinal);
        var text = File.ReadAllText(Example(folder, program));
        Assert.Contains(usage, text, StringComparison.Ordinal);
        // Every component they construct is one the package serves.
        var schema = PackageSchema.Generate();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(text, @"infra\.(Aws|Azure|Kubernetes|Failover)\w*(?=\()"))
            Assert.Contains($"infra:index:{m.Value["infra.".Length..]}", schema.Resources.Keys);
    }

    [Fact]
    public void Schema_json_is_what_the_components_give()
    {
        var committed = File.ReadAllText(Path.Combine(RepoPaths.Root, "schema.json")).ReplaceLineEndings("\n");
        Assert.True(committed == PackageSchema.ToJson(PackageSchema.Generate()),
            "schema.json is out of date: run `dotnet run --project infra -- schema --out schema.json` and commit it.");
    }

    [Fact]
    public void The_schema_command_checks_and_writes_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"infra-schema-{Guid.NewGuid():N}.json");
        try
        {
            var output = new StringWriter();
            var errors = new StringWriter();
            Assert.Equal(1, SchemaCommand.Run(["--check", path], output, errors));
            Assert.Contains("is missing", errors.ToString(), StringComparison.Ordinal);
            Assert.Equal(0, SchemaCommand.Run(["--out", path], output, errors));
            Assert.Equal(0, SchemaCommand.Run(["--check", path], output, errors));
            Assert.Equal(2, SchemaCommand.Run(["--bogus"], output, errors));
            // Every component of the package is in the schema.
            var components = typeof(Infra.Components.Dns.FailoverDns).Assembly.GetTypes()
                .Count(t => t.IsSubclassOf(typeof(Pulumi.ComponentResource)) && !t.IsAbstract && t.IsPublic);
            Assert.Equal(components, PackageSchema.Generate().Resources.Count);
            Assert.True(components >= 12, $"{components} components");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
