using System.Collections.Concurrent;
using System.Data.Common;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Data.Queries;
using CxDashboard.Data.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CxDashboard.Data.Tests;

/// <summary>
/// How SQLite runs the board's sums: through the "one KPI, all months" index alone, grouped in that index's order,
/// with no sort of its own. A query shape that makes SQLite sort the rows it groups (a grouping column the index does
/// not lead with) once cost the board at a million rows two thirds more SQL time, with every sum still right.
/// </summary>
public sealed class MeasurementQueryPlanTests
{
    private static readonly YearMonth October = new(2026, 10);

    [Fact]
    public async Task The_tiles_sums_read_the_covering_index_in_its_own_order()
    {
        await using var store = new SqliteTestStore();
        var services = await store.StartAsync();
        var (queries, commands) = Recorded(store);
        var kpis = await KpiIdsAsync(services, KpiCatalog.Fcr, KpiCatalog.Aht, KpiCatalog.Csat);

        var sums = await queries.SumsByKpiAsync(kpis, October.AddMonths(-1), October, MeasurementScope.All);

        Assert.NotEmpty(sums);
        var plan = await PlanAsync(store, Assert.Single(commands));
        AssertGroupedInIndexOrder(plan);
    }

    [Fact]
    public async Task A_value_drivers_months_over_one_channel_read_the_covering_index_in_its_own_order()
    {
        await using var store = new SqliteTestStore();
        var services = await store.StartAsync();
        var (queries, commands) = Recorded(store);
        var aht = (await KpiIdsAsync(services, KpiCatalog.Aht))[0];
        int voice;
        await using (var db = services.Context())
            voice = await StoreContents.ChannelIdAsync(db, "VOICE");

        var months = await queries.SumsByMonthAsync(
            [new KpiMonths(aht, new YearMonth(2025, 1), October, MeasurementScope.Of(voice, null, null))]);

        Assert.Equal(22, Assert.Single(months).Count);
        AssertGroupedInIndexOrder(await PlanAsync(store, Assert.Single(commands)));
    }

    private static void AssertGroupedInIndexOrder(string plan)
    {
        Assert.Contains("USING COVERING INDEX IX_Measurements_Kpi_Month", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    private static (MeasurementQueries Queries, ConcurrentQueue<(string Sql, (string Name, object? Value)[] Parameters)> Commands) Recorded(SqliteTestStore store)
    {
        var recorder = new CommandRecorder();
        return (new MeasurementQueries(new RecordingContexts($"Data Source={store.FilePath}", recorder)), recorder.Commands);
    }

    /// <summary>SQLite's EXPLAIN QUERY PLAN of a recorded command, its steps one per line.</summary>
    private static async Task<string> PlanAsync(SqliteTestStore store, (string Sql, (string Name, object? Value)[] Parameters) command)
    {
        await using var connection = new SqliteConnection($"Data Source={store.FilePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        foreach (var (name, value) in command.Parameters)
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await using var reader = await explain.ExecuteReaderAsync();
        var steps = new List<string>();
        while (await reader.ReadAsync())
            steps.Add(reader.GetString(3));
        return string.Join('\n', steps);
    }

    private static async Task<int[]> KpiIdsAsync(IServiceProvider services, params string[] codes)
    {
        await using var db = services.Context();
        var ids = await db.Kpis.Where(k => codes.Contains(k.Code)).Select(k => k.Id).ToArrayAsync();
        Assert.Equal(codes.Length, ids.Length);
        return ids;
    }

    private sealed class RecordingContexts(string connectionString, CommandRecorder recorder) : IDbContextFactory<CxDbContext>
    {
        public CxDbContext CreateDbContext() =>
            new SqliteCxDbContext(new DbContextOptionsBuilder<SqliteCxDbContext>().UseSqlite(connectionString).AddInterceptors(recorder).Options);
    }

    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public ConcurrentQueue<(string Sql, (string Name, object? Value)[] Parameters)> Commands { get; } = new();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Enqueue((command.CommandText,
                command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToArray()));
            return ValueTask.FromResult(result);
        }
    }
}
