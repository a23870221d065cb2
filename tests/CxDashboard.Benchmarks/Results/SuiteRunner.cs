using CxDashboard.Testing;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using CxDashboard.Benchmarks.Importing;
using CxDashboard.Benchmarks.Pages;

namespace CxDashboard.Benchmarks.Results;

/// <summary>
/// The suite in one command (<c>--results</c>): builds the generated stores it needs, runs the page and import
/// benchmarks through BenchmarkDotNet in one go, reads the figures from BenchmarkDotNet's summaries and writes
/// RESULTS.md with the machine, the date and the load average around and during the run.
/// <c>--quick</c> is a smoke run: no 10M store, a few iterations, written to the artifacts folder rather than over
/// RESULTS.md. The PostgreSQL import runs when the environment names a server (<see cref="PostgresServer"/>); without
/// one it is left out with the reason printed and written in its row.
/// </summary>
internal static class SuiteRunner
{
    private const string QuickJob = "Quick";

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var loadAtStart = LoadAverage.Read();
        using var load = new LoadSampler();
        var sizes = quick ? new[] { StoreSize.Rows100k, StoreSize.Rows1M } : Enum.GetValues<StoreSize>();
        var rows = new Dictionary<StoreSize, long>();
        foreach (var size in sizes)
        {
            await using var store = await GeneratedStore.OpenAsync(size);
            rows[size] = store.Rows;
            Console.WriteLine($"// {size} store: {store.Rows:N0} measurements, {store.Shape}");
        }

        var postgres = PostgresServer.Unreachable();
        if (postgres is not null) Console.WriteLine($"// PostgreSQL import left out: {postgres}");
        var types = new List<Type> { typeof(BoardPageBenchmarks), typeof(KpiTrackerBenchmarks), typeof(KpiDetailBenchmarks), typeof(ImportBenchmarks) };
        if (postgres is null) types.Add(typeof(PostgresImportBenchmarks));

        var runs = types.Select(t => RunInfo(t, quick, sizes)).ToArray();
        var summaries = BenchmarkRunner.Run(runs);
        var reports = new Reports(summaries);

        var host = summaries.First().HostEnvironmentInfo;
        var cpu = host.Cpu.Value;
        var conditions = new RunConditions(
            started,
            clock.Elapsed,
            cpu?.ProcessorName ?? RuntimeInformation.ProcessArchitecture.ToString(),
            Environment.ProcessorCount,
            host.Os.Value?.ToString() ?? RuntimeInformation.OSDescription,
            host.RuntimeVersion,
            host.BenchmarkDotNetVersion,
            Commit(),
            quick ? "quick (smoke run: 100k and 1M stores only, one warm-up and three iterations; not for comparison)" : "full",
            loadAtStart,
            LoadAverage.Read(),
            load.Describe(),
            rows.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{FigureCatalog.Name(kv.Key)}: {kv.Value:N0} measurements, {StoreShape.Of(kv.Key)}")).ToList());
        var tables = FigureCatalog.Tables(reports, rows, postgres);
        var document = ResultsDocument.Write(conditions, tables, endToEnd: []);
        var file = quick
            ? Path.Combine(summaries.First().ResultsDirectoryPath, "RESULTS-quick.md")
            : Path.Combine(ProjectFolder(), "RESULTS.md");
        await File.WriteAllTextAsync(file, document);
        Console.WriteLine($"// Results written to {file}");
        return reports.AllSucceeded ? 0 : 1;
    }

    /// <summary>
    /// The benchmarks of <paramref name="type"/>: in a full run with the job its attributes give; in a quick run with
    /// short jobs instead, and without the sizes left out.
    /// </summary>
    private static BenchmarkRunInfo RunInfo(Type type, bool quick, IReadOnlyCollection<StoreSize> sizes)
    {
        if (!quick) return BenchmarkConverter.TypeToBenchmarks(type, SuiteConfig.Default);

        var imports = type == typeof(ImportBenchmarks) || type == typeof(PostgresImportBenchmarks);
        var job = imports
            ? Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(1)
            : Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3);
        var config = ManualConfig.Create(SuiteConfig.Default).AddJob(job.WithId(QuickJob)).AddDiagnoser(MemoryDiagnoser.Default);
        var run = BenchmarkConverter.TypeToBenchmarks(type, config);
        // The classes' own jobs come along with the quick one: only the quick one's cases are kept.
        var kept = run.BenchmarksCases
            .Where(c => c.Job.Id == QuickJob && c.Parameters.Items.All(p => p.Value is not StoreSize size || sizes.Contains(size)))
            .ToArray();
        return new BenchmarkRunInfo(kept, run.Type, run.Config);
    }

    /// <summary>The benchmarks project's folder, where RESULTS.md is kept: found upwards from the working folder.</summary>
    private static string ProjectFolder()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CxDashboard.Benchmarks.csproj"))) return folder.FullName;
            var inside = Path.Combine(folder.FullName, "tests", "CxDashboard.Benchmarks");
            if (File.Exists(Path.Combine(inside, "CxDashboard.Benchmarks.csproj"))) return inside;
        }

        throw new InvalidOperationException("Run the suite from the repository (or inside it): RESULTS.md is written beside the benchmarks project.");
    }

    /// <summary>The commit measured, and whether the working tree differed from it; "unknown" without git.</summary>
    private static string Commit()
    {
        var head = Git("rev-parse --short HEAD");
        if (head is null) return "unknown";
        return Git("status --porcelain --untracked-files=no") is { Length: > 0 } ? head + " (with uncommitted changes)" : head;
    }

    private static string? Git(string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (git is null) return null;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>The one-minute load average every 15 seconds while the suite runs.</summary>
    private sealed class LoadSampler : IDisposable
    {
        private readonly List<double> _samples = [];
        private readonly Timer _timer;

        public LoadSampler() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromSeconds(15));

        public string Describe()
        {
            lock (_samples)
            {
                if (_samples.Count == 0) return "unknown";
                return string.Create(CultureInfo.InvariantCulture,
                    $"{_samples.Min():0.00}, {_samples.Average():0.00}, {_samples.Max():0.00} ({_samples.Count} samples, one every 15 s)");
            }
        }

        public void Dispose() => _timer.Dispose();

        private void Sample()
        {
            if (LoadAverage.Sample() is not { } s) return;
            lock (_samples) _samples.Add(s.One);
        }
    }
}

/// <summary>The reports of a run, found by benchmark class, method and store size.</summary>
internal sealed class Reports(IReadOnlyList<Summary> summaries)
{
    /// <summary>True when every benchmark ran and produced figures.</summary>
    public bool AllSucceeded => summaries.All(s => s.Reports.All(r => r.Success && r.ResultStatistics is not null) && !s.HasCriticalValidationErrors);

    /// <summary>The figures of one benchmark; null when it did not run or failed.</summary>
    public Measured? Of(Type type, string method, StoreSize? size = null)
    {
        var report = summaries.SelectMany(s => s.Reports).FirstOrDefault(r =>
            r.BenchmarkCase.Descriptor.Type == type
            && r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method
            && (size is null || Equals(r.BenchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Size")?.Value, size)));
        if (report?.ResultStatistics is not { } statistics) return null;
        var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
        return new Measured(statistics.Median, statistics.Q1, statistics.Q3, statistics.N, allocated);
    }

    /// <summary>Whether any case of <paramref name="type"/> (for <paramref name="size"/>, when given) was run.</summary>
    public bool Ran(Type type, StoreSize? size = null) => summaries.SelectMany(s => s.BenchmarksCases).Any(c =>
        c.Descriptor.Type == type && (size is null || Equals(c.Parameters.Items.FirstOrDefault(p => p.Name == "Size")?.Value, size)));
}
