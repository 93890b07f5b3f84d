using Infra.Components.Autoscaling;
using Infra.Components.Autoscaling.Aws;
using Infra.Components.HealthChecks;
using Infra.Components.LoadBalancing;
using Infra.Components.LoadBalancing.Aws;
using Xunit;

namespace Infra.Tests.Components.LoadBalancing.Aws;

/// <summary>Documented AWS API limits the neutral specs allow, refused at plan time with the limit in the fix.</summary>
public sealed class AwsApiLimitTests
{
    [Fact]
    public void More_than_fifty_listeners_are_refused()
    {
        var spec = TestSpecs.PublicHttpsService("0.0.0.0/0");
        for (var port = 8000; spec.Listeners.Count <= AwsLoadBalancerArgs.MaxListeners; port++)
            spec.Listeners[$"extra{port}"] = new ListenerSpec { Protocol = ListenerProtocols.Http, Port = port };

        var problem = Assert.Single(AwsLoadBalancerArgs.FindAwsProblems(spec, "lb"), p => p.Key == "lb.listeners");
        Assert.Equal("51 listeners", problem.Value);
        Assert.Contains("at most 50 listeners (ELB quota)", problem.Fix);
    }

    [Fact]
    public void More_inbound_rules_than_a_security_group_holds_are_refused()
    {
        var cidrs = Enumerable.Range(0, 31).Select(i => $"198.51.{i}.0/24").ToArray();
        var spec = TestSpecs.PublicHttpsService(cidrs);

        var problem = Assert.Single(AwsLoadBalancerArgs.FindAwsProblems(spec, "lb"), p => p.Key == "lb.allowedCidrs");
        Assert.Equal("31 ranges × 2 listeners", problem.Value);
        Assert.Contains("this needs 62 inbound rules and a security group holds 60 (VPC quota)", problem.Fix);
        Assert.DoesNotContain(AwsLoadBalancerArgs.FindAwsProblems(TestSpecs.PublicHttpsService(cidrs[..30]), "lb"), p => p.Key == "lb.allowedCidrs");
    }

    [Fact]
    public void A_health_check_path_longer_than_elb_accepts_is_refused()
    {
        var spec = TestSpecs.PublicHttpsService("0.0.0.0/0");
        spec.Pools["web"].HealthCheck = new HealthCheckSpec { Path = "/" + new string('a', 1024) };

        var problem = Assert.Single(AwsLoadBalancerArgs.FindAwsProblems(spec, "lb"), p => p.Key == "lb.pools.web.healthCheck.path");
        Assert.Equal("1025 characters", problem.Value);
        Assert.Contains("at most 1024 characters", problem.Fix);
    }

    [Fact]
    public void A_step_alarm_evaluating_more_than_a_day_is_refused()
    {
        var scaling = new ScalingSpec
        {
            MinSize = 1,
            MaxSize = 4,
            StepScaling =
            {
                ["cpu"] = new StepScalingPolicySpec { EvaluationPeriods = 25, PeriodSeconds = 3600, Steps = { new ScalingStepSpec { LowerBound = 0, Adjustment = 1 } } },
            },
        };

        var problem = Assert.Single(AwsAutoscalingGroupArgs.FindAwsProblems(scaling, "scaling", knowsLoadBalancer: true));
        Assert.Equal("scaling.stepScaling.cpu.evaluationPeriods", problem.Key);
        Assert.Contains("at most 86400 seconds (one day), and 25 × 3600 s is more; use at most 24 periods", problem.Fix);
    }

    [Fact]
    public void More_than_fifty_scaling_policies_on_one_group_are_refused()
    {
        var scaling = new ScalingSpec { MinSize = 1, MaxSize = 4 };
        for (var i = 0; i < 51; i++)
            scaling.TargetTracking[$"t{i}"] = new TargetTrackingPolicySpec { Metric = ScalingMetrics.Cpu, TargetValue = 50 };

        var problem = Assert.Single(AwsAutoscalingGroupArgs.FindAwsProblems(scaling, "scaling", knowsLoadBalancer: true));
        Assert.Equal("scaling.targetTracking", problem.Key);
        Assert.Contains("at most 50 scaling policies", problem.Fix);
    }
}
