namespace Infra.Guardrails;

/// <summary>Type tokens the guardrail rules read (as the providers' schemas spell them).</summary>
public static class PlannedTypes
{
#pragma warning disable CS1591 // one token each; the names say which
    public const string AwsSecurityGroup = "aws:ec2/securityGroup:SecurityGroup";
    public const string AwsSecurityGroupRule = "aws:ec2/securityGroupRule:SecurityGroupRule";
    public const string AwsIngressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    public const string AwsLoadBalancer = "aws:lb/loadBalancer:LoadBalancer";
    public const string AwsListener = "aws:lb/listener:Listener";
    public const string AwsTargetGroup = "aws:lb/targetGroup:TargetGroup";
    public const string AwsLaunchTemplate = "aws:ec2/launchTemplate:LaunchTemplate";
    public const string AwsAutoscalingGroup = "aws:autoscaling/group:Group";
    public const string AwsSubnet = "aws:ec2/subnet:Subnet";
    public const string AwsRoute53Record = "aws:route53/record:Record";
    public const string AzureSecurityRule = "azure:network/networkSecurityRule:NetworkSecurityRule";
    public const string AzureSubnet = "azure:network/subnet:Subnet";
    public const string AzureSubnetNsgAssociation = "azure:network/subnetNetworkSecurityGroupAssociation:SubnetNetworkSecurityGroupAssociation";
    public const string AzureApplicationGateway = "azure:network/applicationGateway:ApplicationGateway";
    public const string AzureLoadBalancer = "azure:lb/loadBalancer:LoadBalancer";
    public const string AzureLoadBalancerRule = "azure:lb/rule:Rule";
    public const string AzureLinuxScaleSet = "azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet";
    public const string AzureWindowsScaleSet = "azure:compute/windowsVirtualMachineScaleSet:WindowsVirtualMachineScaleSet";
    public const string AzureDiagnosticSetting = "azure:monitoring/diagnosticSetting:DiagnosticSetting";
    public const string AzureTrafficManagerProfile = "azure:network/trafficManagerProfile:TrafficManagerProfile";
#pragma warning restore CS1591
}
