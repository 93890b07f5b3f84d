using Pulumi;
using Pulumi.Aws.LB;
using Pulumi.Aws.LB.Inputs;

namespace Infra.Components.LoadBalancing.Aws;

/// <summary>What a listener does with a connection: redirect it to HTTPS or forward it to the pools.</summary>
public static class AwsListenerActions
{
    /// <summary>HTTP status of the redirect: permanent, so browsers and crawlers remember HTTPS.</summary>
    public const string PermanentRedirect = "HTTP_301";

    /// <summary>Port the HTTP listener redirects to.</summary>
    public const int HttpsPort = 443;

    /// <summary>A permanent redirect to the same host and path over HTTPS on port 443.</summary>
    public static ListenerDefaultActionArgs RedirectToHttps() => new()
    {
        Type = "redirect",
        Redirect = new ListenerDefaultActionRedirectArgs
        {
            Protocol = "HTTPS",
            Port = HttpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StatusCode = PermanentRedirect,
        },
    };

    /// <summary>Forward everything to one target group.</summary>
    public static ListenerDefaultActionArgs Forward(TargetGroup targetGroup) => new()
    {
        Type = "forward",
        TargetGroupArn = targetGroup.Arn,
    };

    /// <summary>Split traffic between target groups by weight. With stickiness, a client also stays on
    /// the target group it first reached, for the same duration as on its target.</summary>
    public static ListenerDefaultActionArgs WeightedForward(
        IEnumerable<(TargetGroup TargetGroup, int Weight)> targetGroups, StickinessSpec? stickiness)
    {
        var forward = new ListenerDefaultActionForwardArgs
        {
            Stickiness = stickiness is null
                ? null
                : (Input<ListenerDefaultActionForwardStickinessArgs>)new ListenerDefaultActionForwardStickinessArgs
                {
                    Enabled = true,
                    Duration = stickiness.DurationSeconds,
                },
        };
        foreach (var (targetGroup, weight) in targetGroups)
            forward.TargetGroups.Add(new ListenerDefaultActionForwardTargetGroupArgs { Arn = targetGroup.Arn, Weight = weight });
        return new ListenerDefaultActionArgs { Type = "forward", Forward = forward };
    }
}
