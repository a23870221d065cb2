using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CxDashboard.Data;
using CxDashboard.Data.Backups;
using CxDashboard.Data.Imports;
using CxDashboard.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace CxDashboard.Benchmarks.Importing;

/// <summary>
/// The same million rows from the same CSV file into an empty PostgreSQL store, end to end as the data page runs it
/// (read, check every row, write by natural key through the temporary table and the set-based upsert, commit with
/// the audit entries), against the floor: the same rows, already parsed, by one binary COPY straight into
/// Measurements in one transaction (no checks, no staging, no upsert, no audit). Times are per row; rows per
/// second = 10⁹ ÷ the time in ns. Targets: at least 200,000 rows/s and within 3× the binary COPY.
/// <para>
/// It runs on the server named by <see cref="PostgresServer.Variable"/> (or the store tests' variable), in a database of
/// its own that it creates and drops, so a test database is never touched. Each iteration starts from emptied tables.
/// </para>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class PostgresImportBenchmarks
{
    private const int RowCount = MillionRowFile.RowCount;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cxdashboard-pg-import-benchmark-");
    private string _server = "";
    private string _database = "";
    private string _connectionString = "";
    private string _csv = "";
    private PlainRow[] _rows = [];
    private ServiceProvider? _services;
    private MeasurementImporter? _importer;

    [GlobalSetup]
    public void Setup()
    {
        _server = PostgresServer.ConnectionString()
            ?? throw new InvalidOperationException(PostgresServer.Missing);
        _database = "cxdashboard_bench_" + Guid.NewGuid().ToString("N")[..12];
        _connectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;
        Execute(_server, $"CREATE DATABASE \"{_database}\"");
        _csv = Path.Combine(_folder.FullName, "million.csv");
        _services = Services();
        _services.InitializeCxStoreAsync().GetAwaiter().GetResult();
        using (var db = _services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContext())
        {
            MillionRowFile.AddDimensions(db);
            _rows = MillionRowFile.Write(db, _csv);
        }

        _importer = new MeasurementImporter(
            _services.GetRequiredService<StoreConnection>(), _services.GetRequiredService<IDbContextFactory<CxDbContext>>(),
            _services.GetRequiredService<StoreBackups>(), TimeProvider.System, NullLogger<MeasurementImporter>.Instance);
    }

    /// <summary>
    /// Empties what an import writes, so that every iteration imports into the same empty tables (the audit trail, which
    /// only ever grows, keeps each import's few entries).
    /// </summary>
    [IterationSetup]
    public void EmptyTables()
    {
        Execute(_connectionString, """TRUNCATE "ImportReplacedValues", "Measurements", "Imports" RESTART IDENTITY""");
        // On its own: VACUUM runs outside a transaction. Then the last iteration's writes are flushed before this one
        // starts, when the user may (a superuser or pg_checkpoint), so that no iteration pays for the one before.
        Execute(_connectionString, """VACUUM ANALYZE "Measurements" """);
        try
        {
            Execute(_connectionString, "CHECKPOINT");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            // Without the right the background checkpointer flushes them instead, as it would in production.
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services?.Dispose();
        NpgsqlConnection.ClearAllPools();
        if (_database.Length > 0) Execute(_server, $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        _folder.Delete(recursive: true);
    }

    /// <summary>The import as the data page runs it: read and check the file, then commit.</summary>
    [Benchmark(OperationsPerInvoke = RowCount)]
    public async Task<ImportResult> Import_1M_rows_from_CSV_PostgreSQL()
    {
        await using var content = File.OpenRead(_csv);
        var batch = await _importer!.ReadFileAsync(content, "million.csv");
        if (!batch.CanCommit) throw new InvalidOperationException(batch.Problems[0].Reason);
        return await _importer.CommitAsync(batch, new ImportOrigin(ImportSource.Page));
    }

    /// <summary>The floor: the same rows, already parsed, by one binary COPY into Measurements in one transaction.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = RowCount)]
    public ulong Binary_copy_1M_rows_PostgreSQL()
    {
        using var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        ulong written;
        using (var copy = connection.BeginBinaryImport("""
            COPY "Measurements" ("KpiId", "Month", "ChannelId", "PartnerId", "SegmentId", "Value", "Numerator", "Denominator", "Weight")
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var row in _rows)
            {
                copy.StartRow();
                copy.Write(row.KpiId, NpgsqlDbType.Integer);
                copy.Write(row.Month, NpgsqlDbType.Integer);
                copy.Write(row.ChannelId, NpgsqlDbType.Integer);
                copy.Write(row.PartnerId, NpgsqlDbType.Integer);
                copy.Write(row.SegmentId, NpgsqlDbType.Integer);
                copy.Write(row.Value, NpgsqlDbType.Double);
                Optional(copy, row.Numerator);
                Optional(copy, row.Denominator);
                Optional(copy, row.Weight);
            }

            written = copy.Complete();
        }

        transaction.Commit();
        return written;
    }

    private static void Optional(NpgsqlBinaryImporter copy, double? number)
    {
        if (number is { } n) copy.Write(n, NpgsqlDbType.Double);
        else copy.WriteNull();
    }

    private ServiceProvider Services()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:ConnectionString"] = _connectionString,
            ["Database:SeedDemoData"] = "false",
            ["Backups:Folder"] = Path.Combine(_folder.FullName, "backups"),
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging()
            .AddCxData(configuration, _folder.FullName)
            .AddCxBackups(configuration, _folder.FullName)
            .BuildServiceProvider();
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }
}

/// <summary>The PostgreSQL server the PostgreSQL benchmarks run on, from the environment.</summary>
internal static class PostgresServer
{
    /// <summary>The benchmarks' own variable: a connection string to a server where the user may create databases.</summary>
    public const string Variable = "CXDASHBOARD_BENCH_POSTGRES";

    /// <summary>The store tests' variable, used when the benchmarks' own is not set (only its server is used).</summary>
    public const string TestVariable = "CXDASHBOARD_TEST_POSTGRES";

    /// <summary>Why the PostgreSQL benchmarks did not run when no server is named.</summary>
    public static string Missing =>
        $"No PostgreSQL server: set {Variable} (or {TestVariable}) to a connection string such as \"Host=127.0.0.1;Database=postgres;Username=postgres;Password=...\" whose user may create databases.";

    /// <summary>The connection string named by the environment; null when none is.</summary>
    public static string? ConnectionString() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } own ? own
        : Environment.GetEnvironmentVariable(TestVariable) is { Length: > 0 } tests ? tests
        : null;

    /// <summary>Null when the server answers; otherwise why the PostgreSQL benchmarks cannot run.</summary>
    public static string? Unreachable()
    {
        if (ConnectionString() is not { } connectionString) return Missing;
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var command = new NpgsqlCommand("SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user", connection);
            return command.ExecuteScalar() is true ? null : "The PostgreSQL user may not create databases, which the benchmark needs for a database of its own.";
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or InvalidOperationException)
        {
            return $"The PostgreSQL server named by the environment does not answer ({e.Message.TrimEnd('.')}).";
        }
    }
}
