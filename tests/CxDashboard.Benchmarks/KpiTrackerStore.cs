using System.Globalization;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Data;
using CxDashboard.Data.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Benchmarks;

/// <summary>
/// A SQLite store the size the KPI tracker's target names: the demo organisation (its KPIs, initiatives, drivers and
/// baselines) with its measurements replaced by about a million rows over 60 months × every KPI × 4 channels ×
/// 21 partners × 12 segments (the demo's dimensions and synthetic ones beside them). The rows go in through one
/// prepared insert in one transaction, the way a bulk load does, not through EF.
/// </summary>
internal sealed class KpiTrackerStore : IAsyncDisposable
{
    public const int Months = 60;
    public const int ExtraPartners = 18;
    public const int ExtraSegments = 10;

    private KpiTrackerStore(ServiceProvider services, string connectionString, int rows)
    {
        Services = services;
        ConnectionString = connectionString;
        Rows = rows;
    }

    public ServiceProvider Services { get; }

    public string ConnectionString { get; }

    /// <summary>How many measurements the store holds.</summary>
    public int Rows { get; }

    /// <summary>The latest month with data, the one the tracker is measured for.</summary>
    public static YearMonth LastMonth => DemoOrganisation.LastMonth;

    private static readonly string[] ParameterNames =
        ["$kpi", "$month", "$channel", "$partner", "$segment", "$value", "$numerator", "$denominator", "$weight"];

    public static async Task<KpiTrackerStore> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cxdashboard-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var connectionString = $"Data Source={Path.Combine(folder, "tracker.db")}";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = connectionString,
            ["Database:SeedDemoData"] = "true",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddCxData(configuration, folder).BuildServiceProvider();
        await services.InitializeCxStoreAsync();
        var rows = await FillAsync(services, connectionString);
        return new KpiTrackerStore(services, connectionString, rows);
    }

    private static async Task<int> FillAsync(IServiceProvider services, string connectionString)
    {
        await using (var db = await services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContextAsync())
        {
            for (var p = 1; p <= ExtraPartners; p++)
                db.Partners.Add(new() { Code = string.Create(CultureInfo.InvariantCulture, $"BPO{p:D2}"), Name = string.Create(CultureInfo.InvariantCulture, $"Partner {p:D2}"), SortOrder = 10 + p });
            for (var s = 1; s <= ExtraSegments; s++)
                db.Segments.Add(new() { Code = string.Create(CultureInfo.InvariantCulture, $"SEG{s:D2}"), Name = string.Create(CultureInfo.InvariantCulture, $"Segment {s:D2}"), SortOrder = 10 + s });
            await db.SaveChangesAsync();
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var kpis = await ReadAsync(connection, "SELECT Id, Code FROM KpiDefinitions");
        var channels = (await ReadAsync(connection, "SELECT Id, Code FROM Channels")).Keys.ToList();
        var partners = (await ReadAsync(connection, "SELECT Id, Code FROM Partners")).Keys.ToList();
        var segments = (await ReadAsync(connection, "SELECT Id, Code FROM Segments")).Keys.ToList();

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using (var clear = connection.CreateCommand())
        {
            clear.Transaction = transaction;
            clear.CommandText = "DELETE FROM Measurements";
            await clear.ExecuteNonQueryAsync();
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO Measurements (KpiId, Month, ChannelId, PartnerId, SegmentId, Value, Numerator, Denominator, Weight, Version)
            VALUES ($kpi, $month, $channel, $partner, $segment, $value, $numerator, $denominator, $weight, 0)
            """;
        var parameters = ParameterNames.Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        insert.Prepare();

        var rng = new Random(20261123);
        var count = 0;
        var first = LastMonth.AddMonths(1 - Months);
        foreach (var month in YearMonth.Range(first, LastMonth))
            foreach (var (kpiId, code) in kpis)
            {
                var definition = KpiCatalog.Find(code)!;
                foreach (var channel in channels)
                    foreach (var partner in partners)
                        foreach (var segment in segments)
                        {
                            var (value, numerator, denominator, weight) = Reading(definition, rng);
                            parameters[0].Value = kpiId;
                            parameters[1].Value = month.Key;
                            parameters[2].Value = channel;
                            parameters[3].Value = partner;
                            parameters[4].Value = segment;
                            parameters[5].Value = value;
                            parameters[6].Value = (object?)numerator ?? DBNull.Value;
                            parameters[7].Value = (object?)denominator ?? DBNull.Value;
                            parameters[8].Value = (object?)weight ?? DBNull.Value;
                            await insert.ExecuteNonQueryAsync();
                            count++;
                        }
            }

        await transaction.CommitAsync();
        return count;
    }

    /// <summary>A plausible reading of the KPI's shape: numerator and denominator for ratios, value and weight for means.</summary>
    private static (double Value, double? Numerator, double? Denominator, double? Weight) Reading(KpiDefinition kpi, Random rng)
    {
        var volume = Math.Round(200 + rng.NextDouble() * 5_000);
        var jitter = 0.9 + rng.NextDouble() * 0.2;
        switch (kpi.Aggregation)
        {
            case KpiAggregation.Ratio:
                var rate = kpi.Unit == KpiUnit.Money ? 6.5 * jitter : Math.Min(1, 0.7 * jitter);
                var numerator = Math.Round(rate * volume, 2);
                return (numerator / volume, numerator, volume, null);
            case KpiAggregation.NetScore:
                var net = Math.Round((0.2 * jitter - 0.05) * volume);
                return (100 * net / volume, net, volume, null);
            case KpiAggregation.WeightedMean:
                var mean = kpi.Unit switch
                {
                    KpiUnit.Rate => 0.6 * jitter,
                    KpiUnit.Seconds => 420 * jitter,
                    KpiUnit.Money => 900 * jitter,
                    KpiUnit.Weeks => 7 * jitter,
                    _ => 3.4 * jitter,
                };
                return (mean, null, null, volume);
            default:
                return (Math.Round(volume * 0.004 * jitter), null, null, null);
        }
    }

    private static async Task<Dictionary<int, string>> ReadAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var result = new Dictionary<int, string>();
        while (await reader.ReadAsync())
            result[reader.GetInt32(0)] = reader.GetString(1);
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path.GetDirectoryName(new SqliteConnectionStringBuilder(ConnectionString).DataSource)!, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finalising connection: the temp folder is the OS's to clean.
        }
    }
}
