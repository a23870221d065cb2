using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using CxDashboard.EndToEnd.Benchmarks.Circuits;
using CxDashboard.EndToEnd.Benchmarks.Pages;

namespace CxDashboard.EndToEnd.Benchmarks;

/// <summary>RESULTS.md: the machine, the run, and every figure beside its floor with its target and whether it is met.</summary>
internal static class ResultsDocument
{
    public static string Write(RunFacts run, PageFigures? board, PageFigures? floor, IReadOnlyList<RampLevel> circuits, IReadOnlyList<RampLevel> idle)
    {
        var s = new StringBuilder();
        void Line(string text = "") => s.Append(text).Append('\n');
        Line("# CxDashboard end-to-end figures");
        Line();
        Line("Written by `dotnet run -c Release --project tests/CxDashboard.EndToEnd.Benchmarks` (see README.md beside this file).");
        Line("The app runs as a child process in Release and Production on a loopback port, over a fresh SQLite demo store.");
        Line();
        Line("## The run");
        Line();
        Line($"- date: {run.Started:yyyy-MM-dd HH:mm} to {run.Ended:HH:mm} (UTC{run.Started:zzz})");
        Line($"- machine: {Environment.ProcessorCount} cores, {Cpu()}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Line($"- load average (1, 5, 15 min): {run.LoadAtStart} at the start, {run.LoadAtEnd} at the end. The machine is shared: other engineers' builds and tests ran during the run, so these figures are upper bounds of what an idle machine gives.");
        Line();
        if (board is not null && floor is not null)
        {
            Line("## Board page in Chromium, loopback");
            Line();
            Line($"{board.Interactive.Count} loads each, after 3 unmeasured ones, alternating the board (`/?month=2026-10`, signed in as the demo viewer) and its floor, "
                + "the sign-in page of the same app (server-rendered, same stylesheets and scripts, no circuit). Each load is a fresh browser context "
                + "(empty cache, no open circuit) in Debian's headless Chromium; milliseconds from the start of the navigation.");
            Line("Interactive: for the board, the moment its circuit has replaced the prerendered board with the interactive one (from then on a click "
                + "is handled); for the sign-in page, the end of DOMContentLoaded (a plain form needs nothing more).");
            Line();
            Line("| figure | board median | board p95 | floor median | floor p95 | target | met |");
            Line("|---|---:|---:|---:|---:|---|---|");
            Row("first byte of the page (server time plus loopback)", board.FirstByte, floor.FirstByte, null);
            Row("first contentful paint", board.FirstContentfulPaint, floor.FirstContentfulPaint, null);
            Row("largest contentful paint", board.LargestContentfulPaint, floor.LargestContentfulPaint, 1000);
            Row("interactive", board.Interactive, floor.Interactive, null);
            Line();
        }

        if (circuits.Count > 0)
        {
            Line("## Board circuits");
            Line();
            Line("Each circuit is a headless client over the app's SignalR connection (`/_blazor`, WebSocket, the `blazorpack` protocol), signed in "
                + "as the demo viewer, doing what blazor.web.js does for a prerendered board: `StartCircuit`, `UpdateRootComponents` with the "
                + "page's component markers, `OnRenderCompleted` for every render batch, an answer to every JavaScript call. A circuit counts as open "
                + "once the render batch carrying the loaded board (its `data-month` attribute with the month) has arrived. Up to 8 open at once; one prerendered "
                + "page is fetched per 25 circuits.");
            Line($"UI round trip: at each step every open circuit navigates once within the circuit (`OnLocationChanged`, as a click on a month link) "
                + $"to the other month (2026-10 and 2026-09 in turn), at random moments over {CircuitRamp.Window.TotalSeconds:0} s; the time is from "
                + "sending the navigation to the render batch that carries that month's board, which the server computes anew for it (no cache).");
            Line("Memory: the app's resident set (VmRSS in /proc) 3 s after the step's circuits are open, minus the same app's before the first circuit "
                + "(after four warm-up prerenders of the board), over the open circuits; and, when `dotnet-gcdump` is installed, the live managed heap "
                + "the same way (a heap snapshot forces a full collection, so it counts what the circuits hold; the resident set also holds what the "
                + "server GC, on by default in ASP.NET Core, has not yet collected or given back; the snapshot is taken after the step's round trips). Floor: the same steps in a second fresh app with bare "
                + "SignalR connections to the same hub (same cookies, protocol and transport) that start no circuit.");
            Line("App CPU: the app process's processor time (user and system, every thread, from /proc) over the step's round trips, divided by "
                + "the round trips, and as a share of the machine's cores over the same time: what a round trip costs the server, less moved by other "
                + "work on a shared machine than the times are.");
            Line(Invariant($"A snapshot that reaches dotnet-gcdump's limit of {LiveHeap.ObjectLimit:N0} objects has left objects out: its live heap is not given (—), and the resident set is the figure there."));
            Line($"Live heap measured: {(LiveHeap.Tool is null ? "no (dotnet-gcdump not found)" : "yes")}.");
            if (run.Options.PastLimit)
                Line("This run was asked (`--past-limit`) to go on past the 250 ms round-trip limit, for the memory figures at every step.");
            Line();
            Line("| open | resident MB per circuit | floor: per idle connection | live heap MB per circuit | floor: per idle connection | round trip median | p95 | app CPU per round trip (share of cores) | opening median / p95 | failures | load average |");
            Line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (var level in circuits)
            {
                var floorLevel = idle.FirstOrDefault(l => l.Open >= level.Open) ?? (idle.Count > 0 ? idle[^1] : null);
                Line(Invariant($"| {level.Open:N0} | {level.BytesPerOpen / 1e6:0.00} | {(floorLevel is null ? "—" : Invariant($"{floorLevel.BytesPerOpen / 1e6:0.00} ({floorLevel.Open:N0} open)"))} | {Megabytes(level.HeapBytesPerOpen)} | {Megabytes(floorLevel?.HeapBytesPerOpen)} | {level.RoundTrip!.Median:0} ms | {level.RoundTrip.P95:0} ms | {Cpu(level)} | {level.Opening!.Median:0} / {level.Opening.P95:0} ms | {level.Failures} | {level.LoadAverage} |"));
            }

            Line();
            var last = circuits[^1];
            var reached = circuits.Where(l => l.RoundTrip!.P95 <= 250).Select(l => l.Open).DefaultIfEmpty(0).Max();
            Line(Invariant($"Incremental memory between the last two steps: {(circuits.Count > 1 ? Invariant($"{(last.ResidentBytes - circuits[^2].ResidentBytes) / 1e6 / Math.Max(1, last.Open - circuits[^2].Open):0.00} MB per circuit") : "—")}. Threads in the app at the last step: {last.Threads}."));
            Line();
            Line("| target | measured | met |");
            Line("|---|---|---|");
            var passed = circuits.FirstOrDefault(l => l.RoundTrip!.P95 > 250);
            var where = passed is null
                ? Invariant($"not passed by the last step measured ({last.Open:N0})")
                : Invariant($"passed at {passed.Open:N0} ({passed.RoundTrip!.P95:0} ms)");
            Line(Invariant($"| ≥ 1,000 concurrent board circuits with p95 ≤ 250 ms | largest step with p95 ≤ 250 ms: {reached:N0}; the 250 ms p95 is {where} | {(reached >= 1000 ? "yes" : "no")} |"));
            var atThousand = circuits.FirstOrDefault(l => l.Open >= 1000) ?? last;
            var perCircuit = atThousand.HeapBytesPerOpen ?? atThousand.BytesPerOpen;
            Line(Invariant($"| ≤ 1 MB per circuit | {perCircuit / 1e6:0.00} MB {(atThousand.HeapBytesPerOpen is null ? "resident" : "live heap")} at {atThousand.Open:N0} ({atThousand.BytesPerOpen / 1e6:0.00} MB resident) | {(perCircuit <= 1e6 ? "yes" : "no")} |"));
            if (circuits.FirstOrDefault(l => l.FirstFailure is not null) is { } failed)
                Line($"\nFirst failure (at {failed.Open:N0}): {failed.FirstFailure}");
            Line();
        }

        return s.ToString();

        void Row(string name, Stats value, Stats least, double? target)
        {
            var met = target is { } t ? (value.Median <= t ? "yes" : "no") : "";
            Line(Invariant($"| {name} | {value.Median:0} ms | {value.P95:0} ms | {least.Median:0} ms | {least.P95:0} ms | {(target is { } x ? Invariant($"median ≤ {x:0} ms") : "none set")} | {met} |"));
        }
    }

    private static string Cpu(RampLevel level) =>
        level.ProcessorMsPerTrip is { } ms && level.ProcessorShare is { } share ? Invariant($"{ms:0.0} ms ({share:P0})") : "—";

    private static string Megabytes(double? bytes) => bytes is { } b ? Invariant($"{b / 1e6:0.00}") : "—";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Cpu()
    {
        const string file = "/proc/cpuinfo";
        if (!File.Exists(file)) return "unknown CPU";
        return File.ReadLines(file).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
    }
}
