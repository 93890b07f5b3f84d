using Infra.Bench;
using Infra.Components.Autoscaling.Forecasting;
using Infra.Plan;
using Infra.Tests.Harness;
using Infra.Tests.Sdk;
using Xunit;

namespace Infra.Tests.BadInput;

/// <summary>Command arguments that once crashed a verb (issue 12) end with one line on stderr and a
/// documented exit code: 1 the stack cannot be planned, 2 a usage error, 3 a file named by an option
/// cannot be read or written or is not the plan it should be, 70 anything unforeseen.</summary>
[Collection(EngineCollection.Name)]
public sealed class CommandArgumentTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("infra-args-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Code, string Out, string Err)> PlanAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await PlanCommand.RunAsync(args, stdout, stderr, RepoPaths.Layout);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Saved(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static void AssertOneLine(string error, string expected)
    {
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_into_a_missing_folder_is_a_file_error()
    {
        var (code, _, error) = await PlanAsync("--stack", "dev", "--out", Path.Combine(_dir, "missing", "plan.json"));
        Assert.Equal(PlanCommand.FileError, code);
        AssertOneLine(error, "cannot write it (its folder does not exist)");
    }

    [Theory]
    [InlineData("missing", "no such file")]
    [InlineData("folder", "is a folder")]
    [InlineData("{\"resources\": [", "not JSON")]
    [InlineData("null", "holds null, not a plan")]
    [InlineData("[1, 2]", "holds a list, not a plan")]
    [InlineData("\"plan\"", "holds a string, not a plan")]
    [InlineData("{\"name\": \"infra\", \"runtime\": \"dotnet\"}", "has no 'resources' list")]
    [InlineData("{\"project\": \"infra\", \"stack\": \"dev\", \"resources\": [{\"type\": 1, \"name\": \"x\"}]}", "resources[0] has no 'type' text")]
    [InlineData("{\"project\": \"infra\", \"stack\": \"dev\", \"resources\": [null]}", "resources[0] is null")]
    [InlineData("{\"project\": \"infra\", \"stack\": \"dev\", \"resources\": [{\"type\": \"t\", \"name\": \"x\", \"ignoreChanges\": [1]}]}", "is not a plan written by plan --out")]
    public async Task Against_a_file_that_is_no_plan_is_a_file_error(string content, string expected)
    {
        var path = content switch
        {
            "missing" => Path.Combine(_dir, "nothing.json"),
            "folder" => _dir,
            _ => Saved("plan.json", content),
        };
        var (code, output, error) = await PlanAsync("--stack", "dev", "--against", path);
        Assert.Equal(PlanCommand.FileError, code);
        Assert.Empty(output);
        AssertOneLine(error, $"plan: --against {path}: {expected}");
    }

    [Fact]
    public async Task Against_a_plan_of_another_stack_is_refused_not_compared()
    {
        var staging = Path.Combine(_dir, "staging.json");
        Assert.Equal(0, (await PlanAsync("--stack", "staging", "--out", staging)).Code);

        var (code, output, error) = await PlanAsync("--stack", "dev", "--against", staging);

        Assert.Equal(PlanCommand.FileError, code);
        Assert.Empty(output);
        AssertOneLine(error, "a plan of stack 'staging' of project 'infra', not of 'dev' of 'infra'");
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData(".hidden")]
    [InlineData("dev\u0000")]
    public async Task A_stack_name_that_is_a_path_is_a_usage_error(string stack)
    {
        var (code, _, error) = await PlanAsync("--stack", stack);
        Assert.Equal(2, code);
        AssertOneLine(error, "is not a stack name");
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("9999-12-31T23:30:00-05:00")]
    public void A_timestamp_whose_offset_leaves_the_calendar_names_the_file_and_line(string timestamp)
    {
        var csv = $"timestamp,value\n2015-01-01T00:00:00Z,1\n{timestamp},2\n";
        var e = Assert.Throws<LoadHistoryFormatException>(() => LoadHistoryCsv.Parse(new StringReader(csv), TimeZoneInfo.Utc, "trace.csv"));
        Assert.Equal(3, e.LineNumber);
        Assert.StartsWith("trace.csv, line 3:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_on_such_a_trace_exits_1_naming_the_file_and_line()
    {
        var trace = Saved("offsets.csv", "timestamp,value\n2015-01-01T00:00:00Z,1\n0001-01-01T00:00:00+14:00,2\n");
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(1, BenchCommand.Run(["--trace", trace]));
        }
        finally
        {
            Console.SetError(previous);
        }
        Assert.Contains("offsets.csv, line 3:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_last_resort_prints_one_line_without_a_stack_trace()
    {
        Exception thrown;
        try
        {
            throw new InvalidOperationException("first line\nsecond line");
        }
        catch (InvalidOperationException e)
        {
            thrown = e;
        }
        var line = LastResort.Line(new AggregateException(thrown));
        Assert.Equal("infra: internal error (InvalidOperationException): first line; please report it with the command that caused it", line);
        Assert.Equal(70, LastResort.ExitCode);
    }
}
