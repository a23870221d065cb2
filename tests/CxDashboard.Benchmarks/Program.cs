using BenchmarkDotNet.Running;
using CxDashboard.Benchmarks;

// "--results" runs the suite and writes RESULTS.md ("--quick" for a smoke run); "--build-stores" builds the generated
// stores ahead of a run; "--splits Rows1M board [calls]" times a page's SQL commands (board, tracker, detail, pack, partners or navigation); anything else
// goes to BenchmarkDotNet (--filter, --job ...).
if (args.Contains("--results"))
    return await CxDashboard.Benchmarks.Results.SuiteRunner.RunAsync(args);

if (args.Contains("--build-stores"))
{
    foreach (var size in Enum.GetValues<StoreSize>())
        Console.WriteLine(await GeneratedStore.EnsureBuiltAsync(size));
    return 0;
}

if (args is ["--splits", var storeSize, var page, ..])
{
    var runs = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 15;
    return await CxDashboard.Benchmarks.Diagnostics.QuerySplits.RunAsync(Enum.Parse<StoreSize>(storeSize, ignoreCase: true), page, runs);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, SuiteConfig.Default);
return 0;
