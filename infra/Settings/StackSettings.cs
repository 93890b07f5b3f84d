using Infra.Components.Autoscaling;
using Infra.Components.Common;
using Infra.Components.Dns;
using Pulumi;

namespace Infra.Settings;

/// <summary>
/// A stack's settings, read once from Pulumi config (<c>stacks/Pulumi.&lt;stack&gt;.yaml</c>) into typed
/// specs and validated as a whole: every bad, unknown or missing key is reported at once, with the
/// key as written in the stack file, the value and the fix.
/// </summary>
public sealed record StackSettings(
    string Environment,
    IReadOnlyList<RegionSettings> Regions,
    ServiceSettings Service,
    bool Protect)
{
    /// <summary>Failover DNS in front of the regions' load balancers (config key <c>infra:failover</c>):
    /// a <see cref="FailoverDnsSpec"/> whose endpoints are the regions, in order, followed by the ones it lists
    /// (e.g. an Azure host as the last resort). Default: none.</summary>
    public FailoverDnsSpec? Failover { get; init; }

    /// <summary>The schedule planned from <see cref="ServiceSettings.Forecast"/>, which the groups
    /// follow; none without a forecast block.</summary>
    public ForecastScheduleSpec? ForecastSchedule { get; init; }

    /// <summary>Environments a stack may declare.</summary>
    public static readonly IReadOnlyList<string> Environments = ["dev", "staging", "prod"];

    /// <summary>Reads and validates the settings; throws <see cref="InvalidSpecException"/> listing every problem.</summary>
    public static StackSettings Load(Config infra)
    {
        var reader = new ConfigReader(infra, "infra");

        var environment = reader.String("environment", required: true, $"set it to one of {string.Join(", ", Environments)}");
        if (environment != null && !Environments.Contains(environment))
            reader.Problems.Add(new SpecProblem(reader.Key("environment"), environment, $"use one of {string.Join(", ", Environments)}"));

        var regions = reader.Object<List<RegionSettings>>("regions", required: true,
            "list the AWS regions to run in, each with its network, e.g. [{region: us-east-1, network: {availabilityZones: [us-east-1a, us-east-1b]}}]");
        var service = reader.Object<ServiceSettings>("service", required: true,
            "describe the service: name, imageId, loadBalancer, scaling");
        var protect = infra.GetBoolean("protect") ?? false;
        var failover = reader.Object<FailoverDnsSpec>("failover", required: false, "");

        // The forecast runs here, once, so that a missing history file is reported with the other
        // problems before anything is created.
        var forecastProblems = new List<SpecProblem>();
        var schedule = service is { Forecast: { } forecast, Scaling: { } scaling }
            ? ServiceForecast.Plan(forecast, scaling, ProjectRoot(), "infra:service.forecast", "infra:service.scaling", forecastProblems)
            : null;

        var settings = new StackSettings(environment ?? "", regions ?? [], service ?? new ServiceSettings(), protect)
        {
            ForecastSchedule = schedule,
            Failover = failover,
        };
        // The design is checked only when the settings it reads could be read at all: a missing or
        // unreadable key is already reported once.
        var design = regions != null && service != null ? ServiceDesign.FindProblems(settings) : [];
        InvalidSpecException.ThrowIfAny($"Stack '{Deployment.Instance.StackName}'", reader.Problems.Concat(forecastProblems).Concat(design));
        return settings;
    }

    /// <summary>The folder of Pulumi.yaml, where relative paths in settings start.</summary>
    private static string? ProjectRoot()
    {
        try
        {
            return Deployment.Instance.RootDirectory;
        }
        catch (InvalidOperationException)
        {
            // A Pulumi CLI too old to tell, or a test run that did not say: the program runs in its
            // main folder, inside the project.
            try
            {
                return Plan.ProjectLayout.Find().Root;
            }
            catch (FileNotFoundException)
            {
                return null;
            }
        }
    }
}
