using System.Collections;
using System.Reflection;
using CsCheck;
using Infra.Components.Autoscaling;
using Infra.Components.Common;
using Infra.Components.HealthChecks;
using Infra.Components.LoadBalancing;
using Pulumi;
using Xunit;

namespace Infra.Tests.Specs;

/// <summary>
/// Generated specs, valid and not: validation never throws, and every problem's key names a setting
/// that exists in the spec (so a stack file's author can find it), with a fix to act on.
/// </summary>
public sealed class SpecPropertyTests
{
    private static readonly Gen<HealthCheckSpec> HealthChecks =
        Gen.Select(Gen.OneOf("http", "https", "tcp", "udp"), Gen.OneOf<string?>(null, "/healthz", "healthz", "/"),
                Gen.Int[-1, 400], Gen.Int[-1, 400], Gen.Int[-2, 12], Gen.Int[-2, 12], Gen.OneOf("200-299", "200", "2xx", "600"), Gen.Int[-10, 8000], (i1, i2, i3, i4, i5, i6, i7, i8) => new HealthCheckSpec
                {
                    Protocol = i1,
                    Path = i2,
                    IntervalSeconds = i3,
                    TimeoutSeconds = i4,
                    HealthyThreshold = i5,
                    UnhealthyThreshold = i6,
                    ExpectedStatusCodes = i7,
                    GracePeriodSeconds = i8,
                });

    private static readonly Gen<ListenerSpec> Listeners =
        Gen.Select(Gen.OneOf("http", "https", "tcp", "tls", "quic"), Gen.Int[0, 70000], Gen.Bool, Gen.OneOf<string?>(null, "ELBSecurityPolicy-TLS13-1-2-2021-06"), Gen.Bool, (i1, i2, i3, i4, i5) => new ListenerSpec
        {
            Protocol = i1,
            Port = i2,
            CertificateId = i3 ? (Input<string>)"arn:aws:acm:us-east-1:1:certificate/x" : null,
            TlsPolicy = i4,
            RedirectToHttps = i5,
        });

    private static readonly Gen<BackendPoolSpec> Pools =
        Gen.Select(Gen.Int[0, 70000], Gen.OneOf("http", "https", "tcp", "grpc"), Gen.Int[-1, 1200], HealthChecks, Gen.Int[-1, 4000], Gen.OneOf(0, 15, 30, 1000), (i1, i2, i3, i4, i5, i6) => new BackendPoolSpec
        {
            Port = i1,
            Protocol = i2,
            Weight = i3,
            HealthCheck = i4,
            DeregistrationDelaySeconds = i5,
            SlowStartSeconds = i6,
        });

    private static readonly Gen<LoadBalancerSpec> LoadBalancers =
        Gen.Select(Gen.OneOf("application", "network", "gateway"), Gen.Bool,
                Gen.OneOf("0.0.0.0/0", "10.0.0.0/8", "10.0.0.0/33", "not-a-cidr", "2001:db8::/32").List[0, 3],
                Listeners.List[0, 3], Pools.List[0, 3],
                Gen.OneOf("round-robin", "least-connections", "weighted", "random", "flow-hash", "fastest"), Gen.Bool, Gen.Int[-1, 5000], (i1, i2, i3, i4, i5, i6, i7, i8) => new LoadBalancerSpec
                {
                    Layer = i1,
                    Public = i2,
                    AllowedCidrs = i3,
                    Listeners = i4.Select((l, i) => (Key: $"l{i}", l)).ToDictionary(x => x.Key, x => x.l),
                    Pools = i5.Select((p, i) => (Key: $"p{i}", p)).ToDictionary(x => x.Key, x => x.p),
                    Algorithm = i6,
                    AnomalyMitigation = i7,
                    IdleTimeoutSeconds = i8,
                });

    private static readonly Gen<ScalingSpec> Scaling =
        Gen.Select(Gen.Int[-1, 12], Gen.Int[-1, 12], Gen.Int[-1, 14].Select(d => d < 0 ? (int?)null : d), Gen.Int[-1, 4000],
                Gen.OneOf("cpu", "requests-per-target", "custom", "memory"), Gen.Double[-10, 150], Gen.Bool, (i1, i2, i3, i4, i5, i6, i7) => new ScalingSpec
                {
                    MinSize = i1,
                    MaxSize = i2,
                    DesiredCapacity = i3,
                    InstanceWarmupSeconds = i4,
                    TargetTracking = i7 ? new() { ["main"] = new TargetTrackingPolicySpec { Metric = i5, TargetValue = i6 } } : [],
                });

    [Fact]
    public void Health_check_problems_name_real_settings()
        => HealthChecks.Sample(spec => AssertKeysExist(spec, spec.FindProblems("hc").ToList(), "hc"), iter: 2000);

    [Fact]
    public void Load_balancer_problems_name_real_settings()
        => LoadBalancers.Sample(spec => AssertKeysExist(spec, spec.FindProblems("lb").ToList(), "lb"), iter: 2000);

    [Fact]
    public void Scaling_problems_name_real_settings()
        => Scaling.Sample(spec => AssertKeysExist(spec, spec.FindProblems("scaling").ToList(), "scaling"), iter: 2000);

    private static readonly Gen<LoadBalancerSpec> ValidApplicationBalancers =
        Gen.Select(Gen.OneOf("round-robin", "least-connections", "random"), Gen.Int[5, 300], Gen.Int[1, 4000], Gen.Bool,
            (algorithm, interval, idle, redirect) => new LoadBalancerSpec
            {
                Public = true,
                AllowedCidrs = ["203.0.113.0/24"],
                Algorithm = algorithm,
                IdleTimeoutSeconds = idle,
                Listeners =
                {
                    ["http"] = new ListenerSpec { Protocol = ListenerProtocols.Http, Port = 80, RedirectToHttps = redirect },
                    ["https"] = new ListenerSpec { Port = 443, CertificateId = "arn:aws:acm:us-east-1:1:certificate/x" },
                },
                Pools = { ["web"] = new BackendPoolSpec { HealthCheck = new HealthCheckSpec { IntervalSeconds = interval, TimeoutSeconds = 2 } } },
            });

    [Fact]
    public void A_regional_certificate_copy_keeps_every_setting_and_stays_valid()
        => ValidApplicationBalancers.Sample(spec =>
        {
            Assert.Empty(spec.FindProblems("lb"));
            var copy = spec.WithCertificate("arn:aws:acm:us-west-2:1:certificate/y");

            Assert.Empty(copy.FindProblems("lb"));
            Assert.Equal((spec.Algorithm, spec.IdleTimeoutSeconds, spec.Public, spec.DeletionProtection), (copy.Algorithm, copy.IdleTimeoutSeconds, copy.Public, copy.DeletionProtection));
            Assert.Same(spec.Pools, copy.Pools);
            Assert.Same(spec.Listeners["http"], copy.Listeners["http"]);
            Assert.NotSame(spec.Listeners["https"], copy.Listeners["https"]);
            Assert.Equal(spec.Listeners["https"].Port, copy.Listeners["https"].Port);
        }, iter: 300);

    /// <summary>Each problem has a fix, and its key resolves, from <paramref name="root"/>, through [Input]
    /// names, dictionary keys and list indexes to a member of the spec.</summary>
    private static void AssertKeysExist(object spec, IReadOnlyList<SpecProblem> problems, string root)
    {
        foreach (var problem in problems)
        {
            Assert.False(string.IsNullOrWhiteSpace(problem.Fix), problem.ToString());
            Assert.StartsWith(root + ".", problem.Key, StringComparison.Ordinal);
            Assert.True(Resolves(spec, problem.Key[(root.Length + 1)..]), $"key does not name a setting: {problem}");
        }
    }

    private static bool Resolves(object? node, string path)
    {
        foreach (var segment in path.Replace("[", ".[", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            switch (node)
            {
                case null:
                    return false;
                case IDictionary dictionary when dictionary.Contains(segment):
                    node = dictionary[segment];
                    continue;
                case IList list when segment.StartsWith('['):
                    var index = int.Parse(segment[1..^1], System.Globalization.CultureInfo.InvariantCulture);
                    if (index >= list.Count)
                        return false;
                    node = list[index];
                    continue;
            }
            var member = node.GetType().GetProperties().FirstOrDefault(p => p.GetCustomAttributesData()
                .Any(a => a.AttributeType == typeof(InputAttribute) && (string?)a.ConstructorArguments[0].Value == segment));
            if (member == null)
                return false;
            // A setting that exists but is unset (e.g. a missing health check) is still a real key.
            node = member.GetValue(node) ?? new object();
        }
        return true;
    }
}
