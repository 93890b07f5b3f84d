using Infra;
using Infra.Benchmarks;
using Infra.Plan;
using Pulumi;

// The last resort: a verb reports its own errors with its documented exit code; anything it did not
// foresee ends here as one line on stderr (no stack trace) and exit code 70 (EX_SOFTWARE, sysexits.h).
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
{
    LastResort.Report(e.ExceptionObject as Exception);
    Environment.Exit(LastResort.ExitCode);
};
try
{
    // `pulumi up` / `pulumi preview` run this program with no arguments; the offline commands take a verb.
    return args.FirstOrDefault() switch
    {
        "plan" => await PlanCommand.RunAsync(args[1..], Console.Out, Console.Error),
        "drill" => await Infra.Drill.DrillCommand.RunAsync(args[1..], Console.Out, Console.Error),
        "bench" => Infra.Bench.BenchCommand.Run(args[1..]),
        "bench-engine" => await EngineBenchmark.RunAsync(args[1..], Console.Out),
        "bench-plan" => await PlanBenchmark.RunAsync(args[1..], Console.Out),
        "bench-validation" => await ValidationBenchmark.RunAsync(args[1..], Console.Out),
        "schema" => Infra.Schema.SchemaCommand.Run(args[1..], Console.Out, Console.Error),
        _ => await Deployment.RunAsync(InfraProgram.Run),
    };
}
catch (Exception e)
{
    LastResort.Report(e);
    return LastResort.ExitCode;
}
