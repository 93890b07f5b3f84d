using System.Text.Json;
using Infra.Components.Autoscaling;
using Infra.Components.Common;
using Infra.Components.Dns;
using Infra.Sites;
using Pulumi;

namespace Infra.Settings;

/// <summary>
/// A stack's settings, read once from Pulumi config (<c>stacks/Pulumi.&lt;stack&gt;.yaml</c>) into typed
/// specs and validated as a whole: every bad, unknown or missing key is reported at once, with the
/// key as written in the stack file, the value and the fix.
/// </summary>
public sealed record StackSettings(
    string Environment,
    IReadOnlyList<SiteSettings> Sites,
    ServiceSettings Service,
    bool Protect)
{
    /// <summary>Name of the Pulumi stack (e.g. prod), part of every physical name that a cloud account
    /// shares between stacks.</summary>
    public string StackName { get; init; } = "";

    /// <summary>Key the sites are written under: <c>infra:sites</c>, or <c>infra:regions</c> in stack
    /// files written before sites existed.</summary>
    public string SitesAt { get; init; } = "infra:sites";

    /// <summary>Failover DNS in front of the sites (config key <c>infra:failover</c>): a
    /// <see cref="FailoverDnsSpec"/> whose endpoints are the sites, in order, followed by the ones it lists
    /// (e.g. a host outside the stack as the last resort). Default: none.</summary>
    public FailoverDnsSpec? Failover { get; init; }

    /// <summary>The schedule planned from <see cref="ServiceSettings.Forecast"/>, which the groups
    /// follow; none without a forecast block.</summary>
    public ForecastScheduleSpec? ForecastSchedule { get; init; }

    /// <summary>The certificate written on each listener of <c>infra:service.loadBalancer</c> as plain
    /// text, by listener key, for the checks that read it (a secret one, which a plan cannot decrypt,
    /// is not listed).</summary>
    public IReadOnlyDictionary<string, string> ListenerCertificates { get; init; } = new Dictionary<string, string>();

    /// <summary>The kubeconfig Kubernetes sites' providers use (config key <c>infra:kubeconfig</c>, a
    /// secret); default: the kubeconfig of the machine running Pulumi, by each site's context.</summary>
    public Output<string>? Kubeconfig { get; init; }

    /// <summary>Guardrail rules the stack waives (config key <c>infra:waivers</c>): rule id to the written
    /// reason, shown in every plan. Default: none.</summary>
    public IReadOnlyDictionary<string, string> Waivers { get; init; } = new Dictionary<string, string>();

    /// <summary>The keys a stack file may set in the <c>infra</c> namespace; any other is refused, so
    /// that a misspelt <c>infra:protekt</c> cannot silently drop protection.</summary>
    public static readonly IReadOnlyList<string> Keys = ["environment", SiteReader.SitesKey, SiteReader.LegacyRegionsKey, "service", "failover", "protect", "waivers", "kubeconfig"];

    /// <summary>Environments a stack may declare.</summary>
    public static readonly IReadOnlyList<string> Environments = ["dev", "staging", "prod"];

    /// <summary>Key of the pool whose health check also drives instance health.</summary>
    public string FirstPool() => Service.LoadBalancer?.Pools.Keys.FirstOrDefault() ?? "web";

    /// <summary>Tags every site's components put on their resources.</summary>
    public Dictionary<string, string> ServiceTags() => new() { ["service"] = Service.Name };

    /// <summary>The scaling spec the groups get: the stack file's, with the schedule planned from the
    /// forecast block in its predictive policy; null without a scaling spec.</summary>
    public ScalingSpec? ScalingWithSchedule()
    {
        var scaling = Service.Scaling;
        if (scaling is null || ForecastSchedule is null || scaling.Predictive is null)
            return scaling;
        // A deep copy through the same JSON shape the stack file was read with, so the settings keep
        // saying what the stack file says and no property is forgotten by a hand-written copy.
        var copy = JsonSerializer.Deserialize<ScalingSpec>(JsonSerializer.Serialize(scaling, ConfigReader.JsonOptions), ConfigReader.JsonOptions)!;
        copy.Predictive!.Schedule = ForecastSchedule;
        return copy;
    }

    /// <summary>Reads and validates the settings; throws <see cref="InvalidSpecException"/> listing every problem.</summary>
    public static StackSettings Load(Config infra)
    {
        var reader = new ConfigReader(infra, "infra");

        var environment = reader.String("environment", required: true, $"set it to one of {string.Join(", ", Environments)}");
        if (environment != null && !Environments.Contains(environment))
            reader.Problems.Add(new SpecProblem(reader.Key("environment"), environment, $"use one of {string.Join(", ", Environments)}"));

        var (sites, sitesAt) = SiteReader.Read(reader, infra);
        var service = reader.Object<ServiceSettings>("service", required: true,
            "describe the service: name, loadBalancer, scaling (and imageId for AWS sites)");
        var protect = reader.Boolean("protect") ?? false;
        var failover = reader.Object<FailoverDnsSpec>("failover", required: false, "");
        var waivers = reader.Object<Dictionary<string, string?>>(Guardrails.GuardrailWaivers.Key, required: false, "") ?? [];
        reader.Problems.AddRange(Guardrails.GuardrailWaivers.FindProblems(waivers, reader.Key(Guardrails.GuardrailWaivers.Key)));

        // The forecast runs here, once, so that a missing history file is reported with the other
        // problems before anything is created.
        var forecastProblems = new List<SpecProblem>();
        var schedule = service is { Forecast: { } forecast, Scaling: { } scaling }
            ? ServiceForecast.Plan(forecast, scaling, ProjectRoot(), "infra:service.forecast", "infra:service.scaling", forecastProblems)
            : null;

        // A listener certificate the plan cannot decrypt reaches the listener as an unknown secret,
        // never as the placeholder text.
        var writtenCertificates = WrittenCertificatesOf(infra.Get("service"));
        if (service?.LoadBalancer is { } balancer)
            foreach (var (key, listener) in balancer.Listeners)
                if (listener is not null && writtenCertificates.TryGetValue(key, out var written) && SecretValues.IsUndecrypted(written))
                {
                    listener.CertificateId = SecretValues.Unknown();
                    SecretValues.CannotDecide($"infra:service.loadBalancer.listeners.{key}.certificateId", "which service, region and account its ARN names");
                }

        var stackName = Deployment.Instance.StackName;
        reader.Problems.AddRange(UnknownKeys(reader));
        var settings = new StackSettings(environment ?? "", sites ?? [], service ?? new ServiceSettings(), protect)
        {
            StackName = stackName,
            SitesAt = sitesAt,
            ForecastSchedule = schedule,
            Failover = failover,
            Waivers = waivers.Where(w => !string.IsNullOrWhiteSpace(w.Value)).ToDictionary(w => w.Key, w => w.Value!),
            ListenerCertificates = writtenCertificates.Where(c => !SecretValues.IsUndecrypted(c.Value)).ToDictionary(c => c.Key, c => c.Value),
            // Read as a secret, so it reaches the providers as one and a plan never prints it.
            Kubeconfig = infra.GetSecret("kubeconfig"),
        };
        // The design is checked only when the settings it reads could be read at all: a missing or
        // unreadable key is already reported once.
        var design = sites != null && service != null ? StackValidation.FindProblems(settings) : [];
        InvalidSpecException.ThrowIfAny($"Stack '{stackName}'", reader.Problems.Concat(reader.Unreported(forecastProblems.Concat(design))).ToList());
        return settings;
    }

    /// <summary>
    /// Keys of the <c>infra</c> namespace that no setting reads. Pulumi's <see cref="Config"/> cannot list
    /// its keys, so they are read where the Pulumi CLI puts them for the program: the
    /// <c>PULUMI_CONFIG</c> environment variable, a JSON object of every config key (the plan sets it the same way).
    /// </summary>
    private static IEnumerable<SpecProblem> UnknownKeys(ConfigReader reader)
    {
        var all = System.Environment.GetEnvironmentVariable("PULUMI_CONFIG");
        if (string.IsNullOrEmpty(all))
            yield break;
        List<string> keys;
        try
        {
            using var document = JsonDocument.Parse(all);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                yield break;
            keys = [.. document.RootElement.EnumerateObject().Select(p => p.Name)];
        }
        catch (JsonException)
        {
            yield break;
        }
        var prefix = reader.Key("");
        foreach (var key in keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = key[prefix.Length..];
            if (!Keys.Contains(name))
                yield return new SpecProblem(key, "(unknown key)",
                    $"not a setting; check the spelling. Settings: {string.Join(", ", Keys.Select(reader.Key))}");
        }
    }

    /// <summary>The environment a stack's name says it is: the name itself (<c>prod</c>), or its one
    /// part that is an environment (<c>azure-dev</c>, <c>prod-eu</c>); null when the name says none.</summary>
    public static string? EnvironmentOfStackName(string stackName)
    {
        if (Environments.Contains(stackName))
            return stackName;
        var named = (stackName ?? "").Split('-', '_', '.').Where(Environments.Contains).Distinct().ToList();
        return named.Count == 1 ? named[0] : null;
    }

    /// <summary>The certificate text written on each listener in the service's JSON, by listener key;
    /// one read serves both the checks (plain text) and the listeners the plan could not decrypt.</summary>
    private static Dictionary<string, string> WrittenCertificatesOf(string? serviceJson)
    {
        var certificates = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(serviceJson ?? "{}");
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("loadBalancer", out var balancer) && balancer.ValueKind == JsonValueKind.Object
                && balancer.TryGetProperty("listeners", out var listeners) && listeners.ValueKind == JsonValueKind.Object)
                foreach (var listener in listeners.EnumerateObject())
                    if (listener.Value.ValueKind == JsonValueKind.Object && listener.Value.TryGetProperty("certificateId", out var id)
                        && id.ValueKind == JsonValueKind.String)
                        certificates[listener.Name] = id.GetString()!;
        }
        catch (JsonException)
        {
            // An unreadable service is reported by the reader; there is nothing to check here.
        }
        return certificates;
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
