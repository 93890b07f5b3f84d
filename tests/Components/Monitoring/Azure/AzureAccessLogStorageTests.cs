using Infra.Components.Monitoring.Azure;
using Infra.Tests.Harness;
using Xunit;

namespace Infra.Tests.Components.Monitoring.Azure;

[Collection(Infra.Tests.Sdk.EngineCollection.Name)]
public sealed class AzureAccessLogStorageTests
{
    private const string Component = "infra:monitoring:AzureAccessLogStorage::web";
    private const string GatewayId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/applicationGateways/web";

    private static AzureAccessLogStorageArgs Args() => new()
    {
        ResourceGroupName = "web-rg",
        Location = "eastus",
        NamePrefix = "webprodeus",
        GatewayId = GatewayId,
        Tags = { ["service"] = "web" },
    };

    [Fact]
    public async Task Sends_the_gateways_access_log_to_a_locked_down_storage_account_of_its_own()
    {
        var run = await PulumiTest.RunAsync(() => new AzureAccessLogStorage("web", Args()));

        var account = run.Single("azure:storage/account:Account", "web-logs");
        Assert.Equal(Component, account.Parent);
        Assert.Matches("^webprodeus[a-z0-9]{6}$", Assert.IsType<string>(account.Input("name")));
        Assert.Equal(("StorageV2", "Standard", "ZRS"), (account.Input("accountKind"), account.Input("accountTier"), account.Input("accountReplicationType")));
        Assert.Equal((true, "TLS1_2", false, false), (account.Input("httpsTrafficOnlyEnabled"), account.Input("minTlsVersion"),
            account.Input("allowNestedItemsToBePublic"), account.Input("sharedAccessKeyEnabled")));
        Assert.Equal("web", account.Input("tags.service"));

        var setting = run.Single("azure:monitoring/diagnosticSetting:DiagnosticSetting", "web-access-log");
        Assert.Equal(GatewayId, setting.Input("targetResourceId"));
        Assert.Equal("ApplicationGatewayAccessLog", setting.Input("enabledLogs[0].category"));
        Assert.Equal(Infra.Plan.RecordingMocks.IdOf(account.Type, account.Name), setting.Input("storageAccountId"));
        Assert.Equal(6.0, run.Single("random:index/randomString:RandomString", "web-suffix").Number("length"));
    }

    [Fact]
    public async Task A_name_prefix_azure_would_refuse_and_missing_wiring_are_all_reported()
    {
        var args = Args();
        args.NamePrefix = "Web-Prod";
        args.GatewayId = null;
        args.Replication = "XRS";

        var error = await PulumiTest.FailureAsync(() => new AzureAccessLogStorage("web", args));

        Assert.Contains("AzureAccessLogStorage \"web\" has 3 problems", error);
        Assert.Contains("namePrefix = \"Web-Prod\": use 3 to 18 lower-case letters and digits", error);
        Assert.Contains("gatewayId = (not set)", error);
        Assert.Contains("replication = \"XRS\": use LRS, ZRS", error);
    }

    [Fact]
    public async Task Completes_in_preview()
    {
        var run = await PulumiTest.RunAsync(() => new AzureAccessLogStorage("web", Args()), preview: true);

        Assert.Single(run.OfType("azure:monitoring/diagnosticSetting:DiagnosticSetting"));
    }
}
