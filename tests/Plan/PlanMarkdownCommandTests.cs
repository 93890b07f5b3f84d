using Infra.Plan;
using Infra.Tests.Harness;
using Infra.Tests.Sdk;
using Xunit;

namespace Infra.Tests.Plan;

/// <summary><c>plan --stack dev --against FILE --format markdown</c> as the PR workflow runs it, against
/// the empty plan it uses for a stack the base branch does not have.</summary>
[Collection(EngineCollection.Name)]
public sealed class PlanMarkdownCommandTests
{
    [Fact]
    public async Task A_new_stack_is_all_additions_in_markdown()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, """{"project":"infra","stack":"dev","resources":[],"outputs":{}}""");
            var stdout = new StringWriter();
            var stderr = new StringWriter();

            var code = await PlanCommand.RunAsync(["--stack", "dev", "--against", file, "--format", "markdown"], stdout, stderr, RepoPaths.Layout);

            Assert.True(code == 0, stderr.ToString());
            var text = stdout.ToString();
            Assert.StartsWith("<!-- infra-plan:dev -->", text, StringComparison.Ordinal);
            Assert.Contains("**0 to replace, 0 to update, 37 to add, 0 to remove.**", text, StringComparison.Ordinal);
            Assert.Contains("<details><summary>Added (37)</summary>", text, StringComparison.Ordinal);
            Assert.DoesNotContain("protected resource", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_unknown_format_is_refused()
    {
        var stderr = new StringWriter();
        var code = await PlanCommand.RunAsync(["--stack", "dev", "--against", "x.json", "--format", "html"], new StringWriter(), stderr, RepoPaths.Layout);
        Assert.Equal(2, code);
        Assert.Contains("unknown or incomplete option '--format'", stderr.ToString(), StringComparison.Ordinal);
    }
}
