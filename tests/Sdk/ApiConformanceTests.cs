using System.Reflection;
using System.Text.Json;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;
using Xunit;

namespace Infra.Tests.Sdk;

/// <summary>
/// Public API details where the offline SDK once differed from pulumi-dotnet v3.112.1; each test names
/// the real file it mirrors.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ApiConformanceTests
{
    [Fact]
    public void Output_ToString_outside_a_deployment_throws_because_it_always_logs()
    {
        // mirrors sdk/Pulumi/Core/Output.cs ToString (Log.Warn unconditionally) and sdk/Pulumi/Log.cs
        // (Deployment.InternalInstance, which throws before 'Run').
        using var scope = new EnvScope("PULUMI_ERROR_OUTPUT_STRING", null);
        var error = Assert.Throws<InvalidOperationException>(() => Output.Create("x").ToString());
        Assert.Contains("before 'Run' was called", error.Message);
    }

    [Fact]
    public async Task Output_ToString_inside_a_deployment_warns_and_returns_the_message_with_the_notice()
    {
        // mirrors sdk/Pulumi/Core/Output.cs ToString: the logged text ends at the docs link, the
        // returned one adds "This function may throw in a future version of Pulumi."
        using var scope = new EnvScope("PULUMI_ERROR_OUTPUT_STRING", null);
        string? text = null;
        await Engine.RunAsync(new RecordingMocks(), () => text = Output.Create("x").ToString());

        Assert.StartsWith("Calling [ToString] on an [Output<T>] is not supported.", text);
        Assert.EndsWith($"for more details.{Environment.NewLine}This function may throw in a future version of Pulumi.", text);
    }

    [Fact]
    public void Union_ToString_is_OneOfs_type_name_and_value()
    {
        // mirrors sdk/Pulumi/Core/Union.cs (ToString => OneOf<T0, T1>.ToString: "<FullName>: <value>").
        Assert.Equal("System.String: a", Union<string, int>.FromT0("a").ToString());
        Assert.Equal("System.Int32: 3", Union<string, int>.FromT1(3).ToString());
    }

    [Fact]
    public void Input_collections_implement_async_enumeration_without_a_default_token()
    {
        // mirrors sdk/Pulumi/Core/InputList.cs and InputMap.cs: GetAsyncEnumerator(CancellationToken cancellationToken).
        foreach (var type in new[] { typeof(InputList<string>), typeof(InputMap<string>) })
        {
            var parameter = type.GetMethod("GetAsyncEnumerator")!.GetParameters().Single();
            Assert.False(parameter.HasDefaultValue, type.Name);
        }
    }

    [Fact]
    public void Register_package_request_has_the_real_shape()
    {
        // mirrors sdk/Pulumi/Resources/RegisterPackageRequest.cs: byte[] checksums (empty when none),
        // nested PackageParameterization, "" for a null download URL.
        var parameterization = new RegisterPackageRequest.PackageParameterization("ext", "1.0.0", [1, 2]);
        var request = new RegisterPackageRequest("base", "2.0.0", null, null, parameterization);

        Assert.Equal("", request.DownloadUrl);
        Assert.Empty(request.Checksums);
        Assert.Same(parameterization, request.Parameterization);
        Assert.Null(request.Extension);
        Assert.Equal(typeof(Dictionary<string, byte[]>), typeof(RegisterPackageRequest).GetProperty(nameof(RegisterPackageRequest.Checksums))!.PropertyType);
    }

    [Fact]
    public void Discriminated_union_attributes_have_the_real_signatures()
    {
        // mirrors sdk/Pulumi/Serialization/Attributes.cs: Case(tag, type) on interfaces, more than one allowed.
        var usage = typeof(DiscriminatedUnionCaseAttribute).GetCustomAttribute<AttributeUsageAttribute>()!;
        Assert.Equal((AttributeTargets.Interface, true), (usage.ValidOn, usage.AllowMultiple));
        var unionCase = new DiscriminatedUnionCaseAttribute("a", typeof(string));
        Assert.Equal(("a", typeof(string)), (unionCase.Tag, unionCase.Type));
        Assert.Equal("kind", new DiscriminatedUnionDiscriminatorAttribute("kind").PropertyName);
    }

    [Fact]
    public async Task GetSecretObject_with_options_tests_the_deserialised_value_and_without_tests_the_raw_string()
    {
        // mirrors sdk/Pulumi/Config.cs GetSecretObject<T>(key, options) (null check on the deserialised
        // value) and GetSecretObject<T>(key) (null check on the raw value).
        using var scope = new EnvScope("PULUMI_CONFIG", """{"project:nothing":"null"}""");
        (Output<string>? withOptions, Output<string>? without, Output<int>? missingInt) = (null, null, null);
        await Engine.RunAsync(new RecordingMocks(), () =>
        {
            var config = new Config();
            withOptions = config.GetSecretObject<string>("nothing", new JsonSerializerOptions());
            without = config.GetSecretObject<string>("nothing");
            missingInt = config.GetSecretObject<int>("absent", new JsonSerializerOptions());
        });

        Assert.Null(withOptions);
        Assert.NotNull(without);
        Assert.Null(await OutputUtilities.GetValueAsync(without!));
        Assert.True(await Output.IsSecretAsync(without!));
        Assert.NotNull(missingInt);
        Assert.Equal(0, await OutputUtilities.GetValueAsync(missingInt!));
    }

    [Fact]
    public void Mock_args_collections_are_set_by_the_engine_not_defaulted()
    {
        // mirrors sdk/Pulumi/Testing/IMocks.cs: Inputs and Args are `= null!`.
        Assert.Null(new MockResourceArgs().Inputs);
        Assert.Null(new MockCallArgs().Args);
    }
}
