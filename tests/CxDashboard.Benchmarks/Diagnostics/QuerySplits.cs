extern alias web;
using CxDashboard.Testing;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using CxDashboard.Benchmarks.Pages;
using CxDashboard.Core.Kpis;
using CxDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using web::CxDashboard.Web.Kpis;

namespace CxDashboard.Benchmarks.Diagnostics;

/// <summary>
/// Where a page's time goes: runs the board, the tracker or the KPI page over a generated store with every SQL
/// command timed (from its execution to its reader's disposal, so reading the rows counts), and prints the median of
/// each command and of the whole call. A stopwatch split for finding the work, not a benchmark: the figures are in
/// RESULTS.md. Run with <c>--splits Rows1M board</c> (or <c>tracker</c>, <c>detail</c>, <c>pack</c>, <c>partners</c>, or
/// <c>navigation</c>: the board with the pack and the partner comparison, what a board circuit computes on a change of month).
/// </summary>
internal static class QuerySplits
{
    public static async Task<int> RunAsync(StoreSize size, string page, int runs = 15)
    {
        await using var store = await GeneratedStore.OpenAsync(size);
        var timer = new CommandTimer();
        var pages = new PageServices(new TimedContexts(store.ConnectionString, timer));
        Func<Task> call = page switch
        {
            "board" => () => pages.Board.GetAsync(GeneratedStore.LastMonth),
            "tracker" => () => pages.Tracker.GetAsync(GeneratedStore.LastMonth, KpiFilter.All),
            "detail" => () => pages.Detail.GetAsync(KpiCatalog.Aht, GeneratedStore.LastMonth, KpiFilter.All),
            "pack" => () => pages.Pack.GetAsync(GeneratedStore.LastMonth),
            "partners" => () => pages.Partners.GetAsync(GeneratedStore.LastMonth),
            "navigation" => () => pages.BoardPageAsync(GeneratedStore.LastMonth),
            _ => throw new ArgumentException($"Unknown page \"{page}\": use board, tracker, detail, pack, partners or navigation.", nameof(page)),
        };

        for (var i = 0; i < 3; i++) await call();
        timer.Clear();
        var totals = new List<double>();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call();
            totals.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / runs;
        // The processor time the calls used is less moved by other work on the machine than their elapsed time.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{page} over {size} ({store.Rows:N0} rows), median of {runs} calls: {Median(totals):N1} ms elapsed, {cpu:N1} ms of processor time a call on average; load average {LoadAverage.Read()}"));
        var commands = timer.Commands.GroupBy(c => c.Sql)
            .Select(g => (Sql: g.Key, Calls: g.Count() / runs, Median: Median(g.Select(c => c.Milliseconds).ToList())))
            .OrderByDescending(c => c.Median * c.Calls).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"SQL commands per call: {timer.Commands.Count / runs}, their medians add up to {commands.Sum(c => c.Median * c.Calls):N1} ms"));
        foreach (var (sql, calls, median) in commands)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{median,8:N2} ms × {calls}  {Shorten(sql)}"));
        return 0;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count == 0 ? 0 : values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }

    private static string Shorten(string sql)
    {
        var flat = string.Join(' ', sql.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 2000 ? flat : flat[..2000] + "…";
    }

    /// <summary>Contexts as the store creates them, with the command timer on.</summary>
    private sealed class TimedContexts(string connectionString, CommandTimer timer) : IDbContextFactory<CxDbContext>
    {
        public CxDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<SqliteCxDbContext>()
                .UseSqlite(connectionString, o => o.CommandTimeout(60))
                .AddInterceptors(timer)
                .Options;
            return new SqliteCxDbContext(options);
        }
    }

    /// <summary>Each command's time from its execution to its reader's disposal, on a stopwatch of its own.</summary>
    private sealed class CommandTimer : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<(string Sql, double Milliseconds)> _commands = new();
        private readonly ConcurrentDictionary<DbCommand, long> _started = new();

        public ConcurrentQueue<(string Sql, double Milliseconds)> Commands => _commands;

        public void Clear() => _commands.Clear();

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            _started[command] = Stopwatch.GetTimestamp();
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _started[command] = Stopwatch.GetTimestamp();
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            if (_started.TryRemove(command, out var started))
                _commands.Enqueue((command.CommandText, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            return result;
        }
    }
}
