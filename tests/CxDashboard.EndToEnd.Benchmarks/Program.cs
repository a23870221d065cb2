using CxDashboard.Testing;
using System.Globalization;
using CxDashboard.EndToEnd.Benchmarks;
using CxDashboard.EndToEnd.Benchmarks.Circuits;
using CxDashboard.EndToEnd.Benchmarks.Pages;

// dotnet run -c Release --project tests/CxDashboard.EndToEnd.Benchmarks [-- --loads 20 --levels 1,50,100,250,500,1000,1500,2000,3000 --skip-pages --skip-circuits --out FILE --hold SECONDS --past-limit]
var options = RunOptions.Parse(args);
void Say(string line) => Console.WriteLine($"{DateTime.Now:HH:mm:ss} {line}");
var started = DateTimeOffset.Now;
var loadAtStart = LoadAverage.Read();

PageFigures? board = null, floor = null;
if (!options.SkipPages)
{
    Say("page timings: starting the app");
    await using var app = await AppUnderTest.StartAsync();
    (board, floor) = await PageTimings.MeasureAsync(app.Address, warmUps: 3, options.Loads, Say);
}

IReadOnlyList<RampLevel> circuits = [], idle = [];
if (!options.SkipCircuits)
{
    // The floor and the circuits each in an app of their own, one after the other: memory a process has taken is not given back.
    Say("floor: bare SignalR connections, starting the app");
    await using (var app = await AppUnderTest.StartAsync())
    {
        var cookies = await app.SignInAsync("viewer@harbour.demo", "harbour-viewer-2026");
        idle = await new CircuitRamp(app, cookies, await BoardMonths.ReadAsync(app.Address, cookies)).IdleConnectionsAsync(options.Levels, Say);
    }

    Say("circuits: starting the app");
    await using (var app = await AppUnderTest.StartAsync())
    {
        var cookies = await app.SignInAsync("viewer@harbour.demo", "harbour-viewer-2026");
        circuits = await new CircuitRamp(app, cookies, await BoardMonths.ReadAsync(app.Address, cookies)) { Hold = options.Hold, PastLimit = options.PastLimit }.CircuitsAsync(options.Levels, 250, Say);
    }
}

var document = ResultsDocument.Write(new RunFacts(started, DateTimeOffset.Now, loadAtStart, LoadAverage.Read(), options), board, floor, circuits, idle);
await File.WriteAllTextAsync(options.Output, document);
Say($"written: {options.Output}");

/// <summary>What the command line asked for.</summary>
internal sealed record RunOptions(int Loads, IReadOnlyList<int> Levels, bool SkipPages, bool SkipCircuits, string Output, TimeSpan Hold, bool PastLimit)
{
    public static RunOptions Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var here = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "RESULTS.md"));
        return new RunOptions(
            int.Parse(Value("--loads") ?? "20", CultureInfo.InvariantCulture),
            (Value("--levels") ?? "1,50,100,250,500,1000,1500,2000,3000").Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToList(),
            args.Contains("--skip-pages"),
            args.Contains("--skip-circuits"),
            Value("--out") ?? here,
            TimeSpan.FromSeconds(int.Parse(Value("--hold") ?? "0", CultureInfo.InvariantCulture)),
            args.Contains("--past-limit"));
    }
}

/// <summary>When and under what load the run took place.</summary>
internal sealed record RunFacts(DateTimeOffset Started, DateTimeOffset Ended, string LoadAtStart, string LoadAtEnd, RunOptions Options);
