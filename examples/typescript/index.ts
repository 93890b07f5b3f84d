// An internet-facing HTTPS service on AWS from the Infra components. `pulumi package add ../../provider`
// generated sdks/infra (the @pulumi/infra dependency) from the provider's schema.
import * as pulumi from "@pulumi/pulumi";
import * as infra from "@pulumi/infra";

const config = new pulumi.Config();

const network = new infra.AwsNetwork("network", {
    cidrBlock: "10.20.0.0/16",
    availabilityZones: ["us-east-1a", "us-east-1b"],
    natGateways: "single",
    tags: { team: "web" },
});

const balancer = new infra.AwsLoadBalancer("balancer", {
    vpcId: network.vpcId,
    vpcCidrBlock: network.vpcCidrBlock,
    // Collection outputs are objects: a StringList's items, a StringMap's entries.
    subnetIds: network.publicSubnetIds.apply(ids => ids.items ?? []),
    spec: {
        layer: "application",
        public: true,
        algorithm: "least-connections",
        listeners: {
            https: { port: 443, protocol: "https", certificateId: config.require("certificateArn") },
            http: { port: 80, protocol: "http", redirectToHttps: true },
        },
        pools: {
            web: { port: 8080, protocol: "http", healthCheck: { protocol: "http", path: "/healthz", intervalSeconds: 15 } },
        },
    },
});

export const url = pulumi.interpolate`https://${balancer.dnsName}`;
export const webTargetGroupArn = balancer.targetGroupArns.apply(arns => arns.entries?.["web"]);
