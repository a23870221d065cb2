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

/// <summary>How many measurements a generated store holds.</summary>
public enum StoreSize
{
    /// <summary>About 100,000 measurements.</summary>
    Rows100k,

    /// <summary>About a million measurements.</summary>
    Rows1M,

    /// <summary>About ten million measurements.</summary>
    Rows10M,
}

/// <summary>
/// The grid a generated store fills: every KPI along the channels the demo measures it in, and along every partner and
/// segment when the demo measures it along those (churn and the other customer KPIs have no channel or partner; the
/// workforce KPIs no segment), for every month from <see cref="FirstMonth"/> to the demo's last.
/// </summary>
/// <param name="Months">How many months, the demo's last month last.</param>
/// <param name="Partners">How many partners: the demo's three and synthetic ones beside them.</param>
/// <param name="Segments">How many segments: the demo's two and synthetic ones beside them.</param>
public sealed record StoreShape(int Months, int Partners, int Segments)
{
    /// <summary>The shape of each size: the months and the grain (partners × segments) grow together.</summary>
    public static StoreShape Of(StoreSize size) => size switch
    {
        StoreSize.Rows100k => new StoreShape(60, 7, 8),
        StoreSize.Rows1M => new StoreShape(60, 21, 27),
        StoreSize.Rows10M => new StoreShape(120, 54, 53),
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "Unknown store size."),
    };

    /// <summary>The first month with data.</summary>
    public YearMonth FirstMonth => DemoOrganisation.LastMonth.AddMonths(1 - Months);

    /// <summary>"60 months × 21 partners × 27 segments".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Months} months ({FirstMonth} to {DemoOrganisation.LastMonth}) × {Partners} partners × {Segments} segments");
}

/// <summary>
/// A SQLite store of the demo organisation (its KPIs, initiatives, drivers, baselines and experiments, exactly as the
/// app seeds them) whose measurements are replaced by a deterministic grid of 100k, 1M or 10M rows
/// (<see cref="StoreShape"/>). Each generated row takes its level from the demo's own measurements for the same KPI,
/// month, channel and segment (before the demo's first month, from its first month), with a little seeded noise,
/// and an even share of the demo's volume there: so the rows roll up to about the demo's KPIs, the initiatives show
/// their effects against the demo's baselines, and the board's figures are the demo's in size, not zeros.
/// The rows go in through one prepared insert in one transaction, the way a bulk load does, with the measurements'
/// indexes dropped and then built again from the migrations' own definitions.
/// <para>
/// A built store is kept on disk between runs, named by its size, the store's last migration and
/// <see cref="GeneratorVersion"/>: it is the benchmarks' input, never an answer they measure. Every benchmark reads
/// it and none writes to it.
/// </para>
/// </summary>
internal sealed class GeneratedStore : IAsyncDisposable
{
    /// <summary>Raised whenever the generated rows change, so that stores built by an older generator are built again.</summary>
    public const int GeneratorVersion = 2;

    /// <summary>The environment variable that names the folder built stores are kept in.</summary>
    public const string FolderVariable = "CXDASHBOARD_BENCH_STORES";

    private const int Seed = 20261123;

    private static readonly string[] ParameterNames =
        ["$kpi", "$month", "$channel", "$partner", "$segment", "$value", "$numerator", "$denominator", "$weight"];

    private GeneratedStore(StoreSize size, ServiceProvider services, string connectionString, long rows)
    {
        Size = size;
        Services = services;
        ConnectionString = connectionString;
        Rows = rows;
    }

    /// <summary>The size asked for.</summary>
    public StoreSize Size { get; }

    /// <summary>The grid its rows fill.</summary>
    public StoreShape Shape => StoreShape.Of(Size);

    /// <summary>The store's services, as the app registers them (<c>AddCxData</c>).</summary>
    public ServiceProvider Services { get; }

    /// <summary>A connection string to the store's file, for hand-written floors.</summary>
    public string ConnectionString { get; }

    /// <summary>How many measurements the store holds.</summary>
    public long Rows { get; }

    /// <summary>The latest month with data, the one the pages are measured for.</summary>
    public static YearMonth LastMonth => DemoOrganisation.LastMonth;

    /// <summary>The folder built stores are kept in.</summary>
    public static string Folder =>
        Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder
            ? folder
            : Path.Combine(Path.GetTempPath(), "cxdashboard-benchmark-stores");

    /// <summary>Opens the store of <paramref name="size"/>, building it first when no store of this size, schema and generator is kept.</summary>
    public static async Task<GeneratedStore> OpenAsync(StoreSize size)
    {
        var file = await EnsureBuiltAsync(size);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString();
        var services = Build(connectionString, Path.GetDirectoryName(file)!, seed: false);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM \"Measurements\"";
        var rows = Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        return new GeneratedStore(size, services, connectionString, rows);
    }

    /// <summary>The kept store's file for <paramref name="size"/>, built now when there is none.</summary>
    public static async Task<string> EnsureBuiltAsync(StoreSize size)
    {
        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"{size}-{SchemaVersion()}-g{GeneratorVersion}.db"));
        if (File.Exists(file)) return file;

        var building = Directory.CreateDirectory(Path.Combine(Folder, "building-" + Guid.NewGuid().ToString("N")));
        try
        {
            var started = TimeProvider.System.GetTimestamp();
            var store = Path.Combine(building.FullName, "store.db");
            var rows = await BuildAsync(store, StoreShape.Of(size));
            SqliteConnection.ClearAllPools();
            // Moved into place only once complete: a build cut short leaves no store that looks finished.
            File.Move(store, file, overwrite: true);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// Built the {size} store ({rows:N0} measurements, {StoreShape.Of(size)}) in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:N0} s"));
        }
        finally
        {
            building.Delete(recursive: true);
        }

        return file;
    }

    /// <summary>The store's last migration: a store built under an older schema is not reused.</summary>
    private static string SchemaVersion()
    {
        var options = new DbContextOptionsBuilder<SqliteCxDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new SqliteCxDbContext(options);
        return db.Database.GetMigrations().Last();
    }

    private static ServiceProvider Build(string connectionString, string folder, bool seed)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = connectionString,
            ["Database:SeedDemoData"] = seed ? "true" : "false",
        }).Build();
        return new ServiceCollection().AddLogging().AddCxData(configuration, folder).BuildServiceProvider();
    }

    /// <summary>Seeds the demo organisation into <paramref name="file"/>, then replaces its measurements by the generated grid.</summary>
    private static async Task<long> BuildAsync(string file, StoreShape shape)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        await using (var services = Build(connectionString, Path.GetDirectoryName(file)!, seed: true))
        {
            await services.InitializeCxStoreAsync();
            await using var db = await services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContextAsync();
            for (var p = 1; p <= shape.Partners - 3; p++)
                db.Partners.Add(new() { Code = Code("BPO", p), Name = Code("Partner ", p), SortOrder = 10 + p });
            for (var s = 1; s <= shape.Segments - 2; s++)
                db.Segments.Add(new() { Code = Code("SEG", s), Name = Code("Segment ", s), SortOrder = 10 + s });
            await db.SaveChangesAsync();
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;");
        var profile = await DemoProfile.ReadAsync(connection);
        var partners = await IdsAsync(connection, "SELECT \"Id\" FROM \"Partners\" ORDER BY \"SortOrder\", \"Id\"");
        var segments = await IdsAsync(connection, "SELECT \"Id\" FROM \"Segments\" ORDER BY \"SortOrder\", \"Id\"");
        // Each synthetic segment looks like one of the demo's (consumer, business, consumer, ...).
        var demoSegment = segments.Select((id, i) => i < 2 ? id : segments[(i - 2) % 2]).ToArray();
        var segmentsLike = demoSegment.GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());
        var indexes = await IndexDefinitionsAsync(connection);

        long count = 0;
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            foreach (var (name, _) in indexes)
                await ExecuteAsync(connection, $"DROP INDEX \"{name}\"", transaction);
            await ExecuteAsync(connection, "DELETE FROM \"Measurements\"", transaction);

            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO "Measurements" ("KpiId", "Month", "ChannelId", "PartnerId", "SegmentId", "Value", "Numerator", "Denominator", "Weight", "Version")
                VALUES ($kpi, $month, $channel, $partner, $segment, $value, $numerator, $denominator, $weight, 0)
                """;
            var parameters = ParameterNames.Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
            insert.Prepare();

            var rng = new Random(Seed);
            // In the natural key's order (month, KPI, channel, partner, segment), the order an import of whole months writes.
            foreach (var month in YearMonth.Range(shape.FirstMonth, LastMonth))
            {
                var source = month < profile.FirstMonth ? profile.FirstMonth : month;
                foreach (var kpi in profile.Kpis)
                {
                    int? NoneWhenAbsent(bool along, int id) => along ? id : null;
                    var partnerCount = kpi.AlongPartners ? partners.Count : 1;
                    foreach (var channel in kpi.Channels)
                        for (var p = 0; p < partnerCount; p++)
                            for (var s = 0; s < (kpi.AlongSegments ? segments.Count : 1); s++)
                            {
                                var segment = kpi.AlongSegments ? demoSegment[s] : (int?)null;
                                if (!profile.Levels.TryGetValue((kpi.Id, source.Key, channel, segment), out var level)) continue;
                                var share = segment is { } like ? partnerCount * segmentsLike[like] : partnerCount;
                                var (value, numerator, denominator, weight) = Reading(kpi.Definition, level, share, rng);
                                parameters[0].Value = kpi.Id;
                                parameters[1].Value = month.Key;
                                parameters[2].Value = (object?)channel ?? DBNull.Value;
                                parameters[3].Value = (object?)NoneWhenAbsent(kpi.AlongPartners, partners[p]) ?? DBNull.Value;
                                parameters[4].Value = (object?)NoneWhenAbsent(kpi.AlongSegments, segments[s]) ?? DBNull.Value;
                                parameters[5].Value = value;
                                parameters[6].Value = (object?)numerator ?? DBNull.Value;
                                parameters[7].Value = (object?)denominator ?? DBNull.Value;
                                parameters[8].Value = (object?)weight ?? DBNull.Value;
                                await insert.ExecuteNonQueryAsync();
                                count++;
                            }
                }
            }

            foreach (var (_, sql) in indexes)
                await ExecuteAsync(connection, sql, transaction);
            await transaction.CommitAsync();
        }

        // Back to the mode the app keeps its store in.
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL");
        return count;
    }

    /// <summary>
    /// One generated reading: the level of the demo's KPI in that place and month with ±2 % noise, and an even share of
    /// the demo's volume there (between half and one and a half of it), so that the grid adds up to about the demo.
    /// </summary>
    private static (double Value, double? Numerator, double? Denominator, double? Weight) Reading(
        KpiDefinition kpi, DemoProfile.Level level, int share, Random rng)
    {
        var volume = Math.Max(0.01, Math.Round(level.Volume / share * (0.5 + rng.NextDouble()), 2));
        var noise = 1 + (rng.NextDouble() - 0.5) * 0.04;
        var value = level.Value * noise;
        if (kpi.Unit == KpiUnit.Rate) value = Math.Min(1, value);
        switch (kpi.Aggregation)
        {
            case KpiAggregation.Ratio:
                return (value, value * volume, volume, null);
            case KpiAggregation.NetScore:
                return (value, value / 100 * volume, volume, null);
            case KpiAggregation.WeightedMean:
                return (value, null, null, volume);
            default:
                return (volume, null, null, null);
        }
    }

    private static async Task<List<(string Name, string Sql)>> IndexDefinitionsAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"name\", \"sql\" FROM \"sqlite_master\" WHERE \"type\" = 'index' AND \"tbl_name\" = 'Measurements' AND \"sql\" IS NOT NULL ORDER BY \"name\"";
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<(string, string)>();
        while (await reader.ReadAsync())
            result.Add((reader.GetString(0), reader.GetString(1)));
        return result;
    }

    private static async Task<List<int>> IdsAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<int>();
        while (await reader.ReadAsync())
            result.Add(reader.GetInt32(0));
        return result;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static string Code(string prefix, int i) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:D2}");

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>
    /// The demo's measurements as levels: per KPI, month, channel and segment (partners together), the KPI's rolled-up
    /// value and its volume; and per KPI the channels it is measured in and whether along partners and segments.
    /// </summary>
    private sealed class DemoProfile
    {
        public sealed record Level(double Value, double Volume);

        public sealed record KpiShape(int Id, KpiDefinition Definition, IReadOnlyList<int?> Channels, bool AlongPartners, bool AlongSegments);

        private DemoProfile(YearMonth firstMonth, IReadOnlyList<KpiShape> kpis, IReadOnlyDictionary<(int, int, int?, int?), Level> levels)
        {
            FirstMonth = firstMonth;
            Kpis = kpis;
            Levels = levels;
        }

        public YearMonth FirstMonth { get; }

        public IReadOnlyList<KpiShape> Kpis { get; }

        public IReadOnlyDictionary<(int KpiId, int Month, int? ChannelId, int? SegmentId), Level> Levels { get; }

        public static async Task<DemoProfile> ReadAsync(SqliteConnection connection)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT m."KpiId", k."Code", m."Month", m."ChannelId", m."PartnerId", m."SegmentId", m."Value", m."Numerator", m."Denominator", m."Weight"
                FROM "Measurements" AS m JOIN "KpiDefinitions" AS k ON k."Id" = m."KpiId"
                ORDER BY m."KpiId", m."Month"
                """;
            var sums = new Dictionary<(int, int, int?, int?), MeasurementSums>();
            var codes = new SortedDictionary<int, string>();
            var channels = new Dictionary<int, SortedSet<int>>();
            var alongPartners = new HashSet<int>();
            var alongSegments = new HashSet<int>();
            var first = int.MaxValue;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    var kpi = reader.GetInt32(0);
                    codes[kpi] = reader.GetString(1);
                    var month = reader.GetInt32(2);
                    first = Math.Min(first, month);
                    int? channel = reader.IsDBNull(3) ? null : reader.GetInt32(3);
                    int? segment = reader.IsDBNull(5) ? null : reader.GetInt32(5);
                    if (!channels.TryGetValue(kpi, out var set)) channels[kpi] = set = [];
                    if (channel is { } c) set.Add(c);
                    if (!reader.IsDBNull(4)) alongPartners.Add(kpi);
                    if (segment is not null) alongSegments.Add(kpi);
                    double? Optional(int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);
                    var one = KpiRollup.Of(reader.GetDouble(6), Optional(7), Optional(8), Optional(9));
                    var key = (kpi, month, channel, segment);
                    sums[key] = sums.TryGetValue(key, out var s) ? s.Add(one) : one;
                }
            }

            var kpis = codes.Select(kv => new KpiShape(
                kv.Key,
                KpiCatalog.Find(kv.Value) ?? throw new InvalidOperationException($"The demo measures {kv.Value}, which the catalog does not define."),
                channels[kv.Key].Count == 0 ? [null] : channels[kv.Key].Select(c => (int?)c).ToList(),
                alongPartners.Contains(kv.Key),
                alongSegments.Contains(kv.Key))).ToList();
            var rules = kpis.ToDictionary(k => k.Id, k => k.Definition.Aggregation);
            var levels = sums.ToDictionary(kv => kv.Key, kv =>
            {
                var aggregate = KpiRollup.Combine(rules[kv.Key.Item1], kv.Value);
                return new Level(aggregate.Value ?? 0, aggregate.Volume);
            });
            return new DemoProfile(YearMonth.FromKey(first), kpis, levels);
        }
    }
}
