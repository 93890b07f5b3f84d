using Infra.Components.HealthChecks;
using Infra.Components.HealthChecks.Azure;
using Xunit;

namespace Infra.Tests.Components.HealthChecks.Azure;

public sealed class AzureProbeSettingsTests
{
    [Fact]
    public void The_default_check_has_no_problems_on_either_backend()
    {
        Assert.Empty(AzureProbeSettings.FindProblems(new HealthCheckSpec(), "hc", applicationGateway: true));
        Assert.Empty(AzureProbeSettings.FindProblems(new HealthCheckSpec(), "hc", applicationGateway: false));
    }

    [Fact]
    public void A_tcp_check_is_fine_on_the_load_balancer_but_refused_on_the_gateway()
    {
        var check = new HealthCheckSpec { Protocol = HealthCheckProtocols.Tcp };

        Assert.Empty(AzureProbeSettings.FindProblems(check, "hc", applicationGateway: false));
        var problem = Assert.Single(AzureProbeSettings.FindProblems(check, "hc", applicationGateway: true));
        Assert.Equal("hc.protocol", problem.Key);
    }

    [Fact]
    public void Gateway_probe_translates_every_setting()
    {
        var probe = AzureProbeSettings.ForApplicationGateway(new HealthCheckSpec { Protocol = HealthCheckProtocols.Https, Path = "/up" }, "probe-web");

        Assert.Equal("probe-web", Value(probe.Name));
        Assert.Equal("Https", Value(probe.Protocol));
        Assert.Equal("/up", Value(probe.Path!));
        Assert.Equal(15, Value(probe.Interval));
        Assert.Equal(5, Value(probe.Timeout));
        Assert.Equal(3, Value(probe.UnhealthyThreshold));
        Assert.Null(probe.Port);
    }

    [Fact]
    public void Load_balancer_probe_defaults_to_the_traffic_port_and_the_healthz_path()
    {
        var probe = AzureProbeSettings.ForLoadBalancer(new HealthCheckSpec(), 8080, "lb-id");

        Assert.Equal(8080, Value(probe.Port));
        Assert.Equal("Http", Value(probe.Protocol!));
        Assert.Equal("/healthz", Value(probe.RequestPath!));
        Assert.Equal(3, Value(probe.ProbeThreshold!));
    }

    [Theory]
    [InlineData("200-299", new[] { "200-299" })]
    [InlineData("200,204,300-399", new[] { "200", "204", "300-399" })]
    public void Status_codes_become_the_gateways_list(string codes, string[] expected)
        => Assert.Equal(expected, AzureProbeSettings.StatusCodes(codes));

    [Theory]
    [InlineData(HealthCheckProtocols.Http, "Http")]
    [InlineData(HealthCheckProtocols.Https, "Https")]
    [InlineData(HealthCheckProtocols.Tcp, "Tcp")]
    public void Protocols_are_spelled_in_pascal_case(string protocol, string azure) => Assert.Equal(azure, AzureProbeSettings.Protocol(protocol));

    private static T Value<T>(Pulumi.Input<T> input) => Pulumi.Utilities.OutputUtilities.GetValueAsync((Pulumi.Output<T>)input).GetAwaiter().GetResult();
}
