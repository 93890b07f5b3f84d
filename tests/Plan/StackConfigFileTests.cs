using Infra.Plan;
using Xunit;

namespace Infra.Tests.Plan;

public sealed class StackConfigFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("infra-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private StackConfigFile Load(string yaml)
    {
        var path = Path.Combine(_dir, "Pulumi.t.yaml");
        File.WriteAllText(path, yaml);
        return StackConfigFile.Load(path, "infra");
    }

    [Fact]
    public void Keys_without_a_namespace_belong_to_the_project()
    {
        var config = Load("config:\n  environment: dev\n  aws:region: eu-west-1\n");
        Assert.Equal("dev", config.Values["infra:environment"]);
        Assert.Equal("eu-west-1", config.Values["aws:region"]);
    }

    [Fact]
    public void Scalars_are_passed_as_the_cli_passes_them()
    {
        var config = Load("config:\n  infra:flag: true\n  infra:count: 3\n  infra:quoted: \"007\"\n");
        // Pulumi's Config reads booleans only as exactly "true"/"false" (a JSON true would arrive as "True").
        Assert.Equal("true", config.Values["infra:flag"]);
        Assert.Equal("3", config.Values["infra:count"]);
        Assert.Equal("007", config.Values["infra:quoted"]);
    }

    [Fact]
    public void Structured_values_become_json_with_yaml_types_kept()
    {
        var config = Load("config:\n  infra:service:\n    port: 8080\n    public: false\n    name: web\n    cidrs: [10.0.0.0/8]\n");
        Assert.Equal("{\"port\":8080,\"public\":false,\"name\":\"web\",\"cidrs\":[\"10.0.0.0/8\"]}", config.Values["infra:service"]);
    }

    [Fact]
    public void Secure_values_are_never_decrypted_and_read_as_a_placeholder()
    {
        var config = Load("config:\n  infra:dbPassword:\n    secure: AAABAKsomething==\n  infra:db:\n    user: app\n    password:\n      secure: AAABAother==\n");
        Assert.Equal("[secret]", config.Values["infra:dbPassword"]);
        Assert.Equal("{\"user\":\"app\",\"password\":\"[secret]\"}", config.Values["infra:db"]);
        Assert.Equal(["infra:db", "infra:dbPassword"], config.SecretKeys);
        Assert.DoesNotContain("AAAB", config.ToPulumiConfigJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_yaml_names_the_file_and_line()
    {
        var e = Assert.Throws<InvalidDataException>(() => Load("config:\n  infra:a: [unclosed\n"));
        Assert.Contains("Pulumi.t.yaml:", e.Message, StringComparison.Ordinal);
    }
}
