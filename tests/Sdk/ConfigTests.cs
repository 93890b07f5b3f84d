using Pulumi;
using Pulumi.Utilities;
using Xunit;

namespace Infra.Tests.Sdk;

public sealed class TestConfigObject
{
    public int Size { get; set; }
    public string? Name { get; set; }
}

/// <summary>Config read from PULUMI_CONFIG (checklist 27); every test restores the variable.</summary>
[Collection(EngineCollection.Name)]
public sealed class ConfigTests
{
    private const string Json = """
        {
          "project:name": "web",
          "project:count": 3,
          "project:flag": true,
          "project:flagText": "true",
          "project:ratio": "2.5",
          "project:obj": { "Size": 4, "Name": "x" },
          "project:lower": { "size": 4 },
          "project:config:legacy": "old",
          "other:key": "o"
        }
        """;

    private static async Task<T> WithConfigAsync<T>(string? json, Func<T> read)
    {
        using var scope = new EnvScope("PULUMI_CONFIG", json);
        T result = default!;
        await Engine.RunAsync(new RecordingMocks(), () => result = read());
        return result;
    }

    private static Task<Exception?> CatchAsync(string? json, Action<Config> read)
        => WithConfigAsync<Exception?>(json, () =>
        {
            try
            {
                read(new Config());
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        });

    [Fact]
    public async Task GetAndRequire_ReadStringsAndNumbersAsWritten()
    {
        // checklist 27; sdk/Pulumi/Deployment/Deployment_Config.cs ParseConfig (JsonElement.ToString), Config.cs Get/Require
        var values = await WithConfigAsync(Json, () =>
        {
            var config = new Config();
            return (config.Get("name"), config.Require("name"), config.Get("count"), config.Get("absent"), config.Get("obj"));
        });

        Assert.Equal("web", values.Item1);
        Assert.Equal("web", values.Item2);
        Assert.Equal("3", values.Item3);
        Assert.Null(values.Item4);
        Assert.Equal("{ \"Size\": 4, \"Name\": \"x\" }".Replace(" ", ""), values.Item5!.Replace(" ", ""));
    }

    [Fact]
    public async Task TypedGetters_ParseInt32DoubleAndExactBooleanText()
    {
        // checklist 27; sdk/Pulumi/Config.cs GetInt32/GetDouble/GetBoolean/RequireInt32/RequireDouble/RequireBoolean
        var values = await WithConfigAsync(Json, () =>
        {
            var config = new Config();
            return (config.GetInt32("count"), config.RequireInt32("count"), config.GetDouble("ratio"), config.RequireDouble("ratio"),
                config.GetBoolean("flagText"), config.RequireBoolean("flagText"), config.GetInt32("absent"), config.GetBoolean("absent"));
        });

        Assert.Equal(3, values.Item1);
        Assert.Equal(3, values.Item2);
        Assert.Equal(2.5, values.Item3);
        Assert.Equal(2.5, values.Item4);
        Assert.True(values.Item5);
        Assert.True(values.Item6);
        Assert.Null(values.Item7);
        Assert.Null(values.Item8);
    }

    [Fact]
    public async Task GetBoolean_RejectsJsonTrueStoredAsTrueWithCapitalT()
    {
        // checklist 27; sdk/Pulumi/Deployment/Deployment_Config.cs ("True"), Config.cs GetBooleanImpl, Config_Exceptions.cs
        var (raw, error) = await WithConfigAsync(Json, () =>
        {
            var config = new Config();
            Exception? e = null;
            try
            {
                config.GetBoolean("flag");
            }
            catch (Exception ex)
            {
                e = ex;
            }
            return (config.Get("flag"), e);
        });

        Assert.Equal("True", raw);
        var ex = Assert.IsAssignableFrom<RunException>(error);
        Assert.Equal("Pulumi.Config+ConfigTypeException", ex.GetType().FullName);
        Assert.Equal("Configuration 'project:flag' value 'True' is not a valid Boolean", ex.Message);
    }

    [Fact]
    public async Task GetInt32_OnNonNumber_ThrowsConfigTypeException()
    {
        // sdk/Pulumi/Config.cs GetInt32Impl, Config_Exceptions.cs ConfigTypeException
        var error = await CatchAsync(Json, c => c.GetInt32("name"));

        var ex = Assert.IsAssignableFrom<RunException>(error);
        Assert.Equal("Configuration 'project:name' value 'web' is not a valid Int32", ex.Message);
    }

    [Fact]
    public async Task Require_Missing_ThrowsConfigMissingExceptionWithExactMessage()
    {
        // sdk/Pulumi/Config.cs RequireImpl, Config_Exceptions.cs ConfigMissingException
        var error = await CatchAsync(Json, c => c.Require("missing"));

        var ex = Assert.IsAssignableFrom<RunException>(error);
        Assert.Equal("Pulumi.Config+ConfigMissingException", ex.GetType().FullName);
        Assert.Equal("Missing Required configuration variable 'project:missing'\n\tplease set a value using the command `pulumi config set project:missing <value>`", ex.Message);
    }

    [Fact]
    public async Task Require_Missing_WithoutAnyConfig_FailsTheRunWithTheSameMessage()
    {
        // pulumi/pulumi#4472; sdk/Pulumi/Config.cs + Deployment.Runner.cs (RunException reported by its message)
        using var scope = new EnvScope("PULUMI_CONFIG", null);
        var ex = await Assert.ThrowsAsync<RunException>(() => Engine.RunAsync(new RecordingMocks(), () => new Config().Require("region")));
        Assert.Equal("Missing Required configuration variable 'project:region'\n\tplease set a value using the command `pulumi config set project:region <value>`", ex.Message);
    }

    [Fact]
    public async Task GetObjectAndRequireObject_DeserialiseCaseSensitively()
    {
        // sdk/Pulumi/Config.cs GetObjectImpl (System.Text.Json default options)
        var values = await WithConfigAsync(Json, () =>
        {
            var config = new Config();
            return (config.GetObject<TestConfigObject>("obj"), config.RequireObject<TestConfigObject>("obj"),
                config.GetObject<TestConfigObject>("lower"), config.GetObject<TestConfigObject>("absent"));
        });

        Assert.Equal((4, "x"), (values.Item1!.Size, values.Item1.Name));
        Assert.Equal((4, "x"), (values.Item2.Size, values.Item2.Name));
        Assert.Equal(0, values.Item3!.Size);
        Assert.Null(values.Item4);
    }

    [Fact]
    public async Task SecretGetters_ReturnSecretOutputs()
    {
        // sdk/Pulumi/Config.cs GetSecret/RequireSecret/GetSecretInt32/RequireSecretObject
        var outputs = await WithConfigAsync(Json, () =>
        {
            var config = new Config();
            return (config.GetSecret("name"), config.RequireSecret("name"), config.GetSecretInt32("count"),
                config.RequireSecretObject<TestConfigObject>("obj"), config.GetSecret("absent"));
        });

        Assert.Equal("web", await OutputUtilities.GetValueAsync(outputs.Item1!));
        Assert.True(await Output.IsSecretAsync(outputs.Item1!));
        Assert.True(await Output.IsSecretAsync(outputs.Item2));
        Assert.Equal(3, await OutputUtilities.GetValueAsync(outputs.Item3!));
        Assert.True(await Output.IsSecretAsync(outputs.Item3!));
        Assert.Equal(4, (await OutputUtilities.GetValueAsync(outputs.Item4)).Size);
        Assert.True(await Output.IsSecretAsync(outputs.Item4));
        Assert.Null(outputs.Item5);
    }

    [Fact]
    public async Task ConfigNames_OtherNamespace_ConfigSuffixStripped_LegacyKeysNormalised()
    {
        // sdk/Pulumi/Config.cs constructor (":config" suffix), Deployment_Config.cs CleanKey ("proj:config:key")
        var values = await WithConfigAsync(Json, () =>
            (new Config("other").Get("key"), new Config("project:config").Get("name"), new Config().Get("legacy")));

        Assert.Equal(("o", "web", "old"), values);
    }

    [Fact]
    public async Task Config_IsParsedWhenEachRunStarts()
    {
        // checklist 27; sdk/Pulumi/Deployment/Deployment_Config.cs (AllConfig initialised per Deployment)
        var first = await WithConfigAsync("""{"project:name":"first"}""", () => new Config().Get("name"));
        var second = await WithConfigAsync("""{"project:name":"second"}""", () => new Config().Get("name"));
        var none = await WithConfigAsync<string?>(null, () => new Config().Get("name"));

        Assert.Equal(("first", "second"), (first, second));
        Assert.Null(none);
    }

    [Fact]
    public async Task SecretKeysVariable_DoesNotChangeWhatGetReturns()
    {
        // sdk/Pulumi/Deployment/Deployment_Config.cs ParseConfigSecretKeys (parsed, warning disabled)
        using var keys = new EnvScope("PULUMI_CONFIG_SECRET_KEYS", """["project:name"]""");
        var value = await WithConfigAsync(Json, () => new Config().Get("name"));
        Assert.Equal("web", value);
    }
}
