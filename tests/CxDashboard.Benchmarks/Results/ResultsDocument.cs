using System.Globalization;
using System.Text;

namespace CxDashboard.Benchmarks.Results;

/// <summary>The machine and the conditions of a run, as RESULTS.md states them.</summary>
/// <param name="Date">When the run started (UTC).</param>
/// <param name="Duration">How long it took.</param>
/// <param name="Cpu">The processor.</param>
/// <param name="Cores">Logical cores.</param>
/// <param name="Os">The operating system.</param>
/// <param name="Runtime">The .NET runtime the benchmarks ran on.</param>
/// <param name="BenchmarkDotNet">BenchmarkDotNet's version.</param>
/// <param name="Commit">The commit measured, with "(with uncommitted changes)" when the tree differed from it.</param>
/// <param name="Mode">"full" or "quick (smoke run: ...)".</param>
/// <param name="LoadAtStart">The load average when the run started.</param>
/// <param name="LoadAtEnd">When it ended.</param>
/// <param name="LoadDuring">The one-minute load average sampled during the run: lowest, mean and highest.</param>
/// <param name="Stores">The generated stores measured over, each in words.</param>
public sealed record RunConditions(
    DateTime Date, TimeSpan Duration, string Cpu, int Cores, string Os, string Runtime, string BenchmarkDotNet, string Commit, string Mode,
    string LoadAtStart, string LoadAtEnd, string LoadDuring, IReadOnlyList<string> Stores);

/// <summary>
/// Writes RESULTS.md: the run's conditions, then one table per figure, each beside its floor with the ratio, the
/// targets and whether they are met. The in-process figures come from BenchmarkDotNet's summaries
/// (<see cref="SuiteRunner"/>); end-to-end figures (the board page in Chromium, the Blazor circuits) are measured
/// by another runner and come in through <c>endToEnd</c> as tables of the same shape, written in their
/// own section. Without them the section says that this run did not measure them.
/// </summary>
internal static class ResultsDocument
{
    public static string Write(RunConditions run, IReadOnlyList<FigureTable> inProcess, IReadOnlyList<FigureTable> endToEnd)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(inProcess);
        ArgumentNullException.ThrowIfNull(endToEnd);
        var text = new StringBuilder();
        text.AppendLine("# CxDashboard benchmark results");
        text.AppendLine();
        text.AppendLine("Written by `tests/CxDashboard.Benchmarks/run.sh` (see the README beside this file). Every figure stands beside its");
        text.AppendLine("floor, measured in the same run on the same machine: the ratio is the product's median over the floor's.");
        text.AppendLine("Medians, with the interquartile range in brackets.");
        text.AppendLine();
        text.AppendLine("## Machine and run");
        text.AppendLine();
        text.AppendLine("| | |");
        text.AppendLine("|---|---|");
        Row(text, "date", run.Date.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        Row(text, "run", $"{run.Mode}, {Minutes(run.Duration)}");
        Row(text, "commit", run.Commit);
        Row(text, "CPU", run.Cpu);
        Row(text, "cores", run.Cores.ToString(CultureInfo.InvariantCulture) + " logical");
        Row(text, "OS", run.Os);
        Row(text, ".NET", run.Runtime);
        Row(text, "BenchmarkDotNet", run.BenchmarkDotNet);
        Row(text, "load average (1, 5, 15 min) at start", run.LoadAtStart);
        Row(text, "load average (1, 5, 15 min) at end", run.LoadAtEnd);
        Row(text, "load average (1 min) during the run: lowest, mean, highest", run.LoadDuring);
        text.AppendLine();
        text.AppendLine("The generated stores (the demo organisation with its measurements replaced by a seeded grid; see the README):");
        text.AppendLine();
        foreach (var store in run.Stores) text.AppendLine(CultureInfo.InvariantCulture, $"- {store}");
        text.AppendLine();
        text.AppendLine("The machine is a shared virtual one: other work running beside the benchmarks shows in the load average and");
        text.AppendLine("slows product and floor alike, so the ratios move less than the times.");
        text.AppendLine();

        text.AppendLine("## In process (BenchmarkDotNet)");
        text.AppendLine();
        foreach (var table in inProcess) Table(text, table);

        text.AppendLine("## End to end (browser and circuits)");
        text.AppendLine();
        if (endToEnd.Count == 0)
        {
            text.AppendLine("Not measured by this run. The board page in Chromium (first paint, largest contentful paint, interactive) and the");
            text.AppendLine("Blazor circuits (memory, p95) are measured by the end-to-end runner, whose tables go in this section.");
            text.AppendLine();
        }

        foreach (var table in endToEnd) Table(text, table);
        return text.ToString();
    }

    private static void Table(StringBuilder text, FigureTable table)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"### {table.Title}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- **Figure:** {table.What}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- **Floor:** {table.FloorWhat}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"| case | {table.ValueColumn} | {table.FloorColumn} | ratio | allocated | target | met |");
        text.AppendLine("|---|---:|---:|---:|---:|---|---|");
        foreach (var f in table.Figures)
        {
            if (f.Missing is { } missing)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {f.Case} | not measured | not measured | | | {f.Targets} | {missing} |");
                continue;
            }

            var ratio = f.Ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "";
            var met = f.Met switch { true => "yes", false => "**no**", null => "—" };
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {f.Case} | {Shown(f.Kind, f.Value)} | {Shown(f.Kind, f.Floor)} | {ratio} | {Bytes(f.Value?.AllocatedBytes)} | {f.Targets} | {met} |");
        }

        text.AppendLine();
        foreach (var note in table.Notes) text.AppendLine(note);
        if (table.Notes.Count > 0) text.AppendLine();
    }

    /// <summary>"12.3 ms [11.9–12.8]" for a time; "135,000 rows/s (7.41 µs a row) [...]" for rows.</summary>
    private static string Shown(FigureKind kind, Measured? m)
    {
        if (m is null) return "not measured";
        return kind == FigureKind.Time
            ? string.Create(CultureInfo.InvariantCulture, $"{Ms(m.MedianNs)} [{Ms(m.Q1Ns)}–{Ms(m.Q3Ns)}]")
            : string.Create(CultureInfo.InvariantCulture, $"{1e9 / m.MedianNs:N0} rows/s ({m.MedianNs / 1000:0.00} µs a row) [{1e9 / m.Q3Ns:N0}–{1e9 / m.Q1Ns:N0}]");
    }

    private static string Ms(double ns)
    {
        var ms = ns / 1e6;
        return ms switch
        {
            < 1 => ms.ToString("0.000", CultureInfo.InvariantCulture) + " ms",
            < 100 => ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms",
            _ => ms.ToString("N0", CultureInfo.InvariantCulture) + " ms",
        };
    }

    private static string Bytes(long? bytes) => bytes switch
    {
        null => "",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.##} MB"),
    };

    private static string Minutes(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.TotalMinutes:0} min");

    private static void Row(StringBuilder text, string name, string value) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");
}
