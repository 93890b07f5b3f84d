using Infra.Components.Autoscaling.Aws;
using Xunit;

namespace Infra.Tests.Components.Autoscaling.Aws;

public sealed class AwsArchitecturesTests
{
    [Theory]
    [InlineData("m7g.large", "arm64")]
    [InlineData("c7gn.xlarge", "arm64")]
    [InlineData("r6gd.2xlarge", "arm64")]
    [InlineData("t4g.small", "arm64")]
    [InlineData("x2gd.medium", "arm64")]
    [InlineData("im4gn.large", "arm64")]
    [InlineData("is4gen.medium", "arm64")]
    [InlineData("g5g.xlarge", "arm64")]
    [InlineData("hpc7g.4xlarge", "arm64")]
    [InlineData("a1.medium", "arm64")]
    [InlineData("t3.micro", "x86_64")]
    [InlineData("m7i-flex.large", "x86_64")]
    [InlineData("c7a.large", "x86_64")]
    [InlineData("g4dn.xlarge", "x86_64")]
    [InlineData("gr6.4xlarge", "x86_64")]
    [InlineData("x2iedn.xlarge", "x86_64")]
    [InlineData("mac2.metal", null)]
    [InlineData("u-6tb1.metal", null)]
    public void Instance_families_name_their_architecture(string type, string? architecture)
        => Assert.Equal(architecture, AwsArchitectures.OfInstanceType(type));

    [Theory]
    [InlineData("resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64", "arm64")]
    [InlineData("resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64", "x86_64")]
    [InlineData("resolve:ssm:/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id", "x86_64")]
    [InlineData("resolve:ssm:/aws/service/canonical/ubuntu/server/24.04/stable/current/arm64/hvm/ebs-gp3/ami-id", "arm64")]
    [InlineData("resolve:ssm:/golden/web-ami", null)]
    [InlineData("ami-0123456789abcdef0", null)]
    public void Ssm_paths_name_the_image_architecture_and_ami_ids_do_not(string image, string? architecture)
        => Assert.Equal(architecture, AwsArchitectures.OfImage(image));

    [Fact]
    public void A_graviton_family_with_an_x86_image_is_refused_at_the_instance_type_key()
    {
        var problem = Assert.Single(AwsArchitectures.FindArchitectureProblems(
            "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64", "m7g.large", "at.instanceType", "at.imageId"));

        Assert.Equal("at.instanceType", problem.Key);
        Assert.Equal("m7g.large", problem.Value);
        Assert.Contains("m7g.large is arm64 but at.imageId (resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64) is an x86_64 image", problem.Fix);
        Assert.Contains("an x86_64 type such as m7i.large", problem.Fix);
    }

    [Theory]
    [InlineData("ami-0123456789abcdef0", "t3.micro")]
    [InlineData("resolve:ssm:/golden/web-ami", "m7g.large")]
    [InlineData("resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64", "m7g.large")]
    [InlineData("resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64", "mac2.metal")]
    public void A_matching_or_unknown_architecture_is_accepted(string image, string type)
        => Assert.Empty(AwsArchitectures.FindArchitectureProblems(image, type, "t", "i"));

    [Theory]
    [InlineData("ami-0123456789abcdef0")]
    [InlineData("ami-12345678")]
    [InlineData("resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64")]
    [InlineData("resolve:ssm:golden-ami:3")]
    [InlineData("resolve:ssm:arn:aws:ssm:us-east-1:111122223333:parameter/golden/ami:prod")]
    public void Ami_ids_and_ssm_parameters_are_images(string image)
        => Assert.Empty(AwsArchitectures.FindImageProblems(image, "at"));

    [Theory]
    [InlineData("ami-xyz")]
    [InlineData("ssm:/aws/service/ami")]
    [InlineData("al2023")]
    public void Anything_else_is_not_an_image(string image)
    {
        var problem = Assert.Single(AwsArchitectures.FindImageProblems(image, "at"));
        Assert.Equal("at", problem.Key);
        Assert.Contains("use an AMI id (ami- and 8 or 17 hex digits) or a Systems Manager parameter", problem.Fix);
    }
}
