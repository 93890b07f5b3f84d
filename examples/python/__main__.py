"""An internet-facing HTTPS service on AWS from the Infra components.

`pulumi package add ../../provider` generated sdks/infra (the pulumi_infra package) from the
provider's schema.
"""
import pulumi
import pulumi_infra as infra

config = pulumi.Config()

network = infra.AwsNetwork(
    "network",
    cidr_block="10.20.0.0/16",
    availability_zones=["us-east-1a", "us-east-1b"],
    nat_gateways="single",
    tags={"team": "web"},
)

balancer = infra.AwsLoadBalancer(
    "balancer",
    vpc_id=network.vpc_id,
    vpc_cidr_block=network.vpc_cidr_block,
    # Collection outputs are objects: a StringList's items, a StringMap's entries.
    subnet_ids=network.public_subnet_ids.apply(lambda ids: ids.items or []),
    spec=infra.LoadBalancerSpecArgs(
        layer="application",
        public=True,
        algorithm="least-connections",
        listeners={
            "https": infra.ListenerSpecArgs(port=443, protocol="https", certificate_id=config.require("certificateArn")),
            "http": infra.ListenerSpecArgs(port=80, protocol="http", redirect_to_https=True),
        },
        pools={
            "web": infra.BackendPoolSpecArgs(
                port=8080,
                protocol="http",
                health_check=infra.HealthCheckSpecArgs(protocol="http", path="/healthz", interval_seconds=15),
            ),
        },
    ),
)

pulumi.export("url", pulumi.Output.concat("https://", balancer.dns_name))
pulumi.export("web_target_group_arn", balancer.target_group_arns.apply(lambda arns: (arns.entries or {}).get("web")))
