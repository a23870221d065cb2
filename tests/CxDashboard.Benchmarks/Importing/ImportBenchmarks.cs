using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CxDashboard.Data;
using CxDashboard.Data.Backups;
using CxDashboard.Data.Imports;
using CxDashboard.Data.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CxDashboard.Benchmarks.Importing;

/// <summary>
/// A million measurement rows from a CSV file into an empty SQLite store, end to end (read, check every row,
/// back up, write by natural key, commit), against a plain prepared INSERT of the same rows in one transaction
/// into the same table. Each iteration starts from a fresh copy of the same empty store. Times are per row
/// (OperationsPerInvoke); rows per second = 10⁹ ÷ the time in ns.
/// Targets: at least 200,000 rows/s (≤ 5,000 ns a row) and within 3× the plain INSERT.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ImportBenchmarks
{
    private const int RowCount = MillionRowFile.RowCount;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cxdashboard-import-benchmark-");
    private string _emptyStore = "";
    private string _csv = "";
    private PlainRow[] _rows = [];
    private ServiceProvider? _services;
    private MeasurementImporter? _importer;

    private string StoreFile => Path.Combine(_folder.FullName, "store", "cxdashboard.db");

    [GlobalSetup]
    public void Setup()
    {
        _emptyStore = Path.Combine(_folder.FullName, "empty.db");
        _csv = Path.Combine(_folder.FullName, "million.csv");
        using (var services = Services(_emptyStore))
        {
            services.InitializeCxStoreAsync().GetAwaiter().GetResult();
            using var db = services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContext();
            MillionRowFile.AddDimensions(db);
            _rows = MillionRowFile.Write(db, _csv);
        }

        SqliteConnection.ClearAllPools();
    }

    [IterationSetup]
    public void FreshStore()
    {
        _services?.Dispose();
        SqliteConnection.ClearAllPools();
        var folder = Path.GetDirectoryName(StoreFile)!;
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        File.Copy(_emptyStore, StoreFile);
        _services = Services(StoreFile);
        _importer = new MeasurementImporter(
            _services.GetRequiredService<StoreConnection>(), _services.GetRequiredService<IDbContextFactory<CxDbContext>>(),
            _services.GetRequiredService<StoreBackups>(), TimeProvider.System, NullLogger<MeasurementImporter>.Instance);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services?.Dispose();
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    /// <summary>The import as the data page runs it: read and check the file, then commit.</summary>
    [Benchmark(OperationsPerInvoke = RowCount)]
    public async Task<ImportResult> Import_1M_rows_from_CSV()
    {
        await using var content = File.OpenRead(_csv);
        var batch = await _importer!.ReadFileAsync(content, "million.csv");
        if (!batch.CanCommit) throw new InvalidOperationException(batch.Problems[0].Reason);
        return await _importer.CommitAsync(batch, new ImportOrigin(ImportSource.Page));
    }

    /// <summary>Reading and checking alone (no store write), to split the import's time.</summary>
    [Benchmark(OperationsPerInvoke = RowCount)]
    public async Task<MeasurementBatch> Read_and_check_1M_rows()
    {
        await using var content = File.OpenRead(_csv);
        return await _importer!.ReadFileAsync(content, "million.csv");
    }

    /// <summary>The floor: the same rows, already parsed, by one prepared INSERT in one transaction.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = RowCount)]
    public int Plain_prepared_insert_1M_rows()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = StoreFile, Pooling = false }.ToString());
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO "Measurements" ("KpiId", "Month", "ChannelId", "PartnerId", "SegmentId", "Value", "Numerator", "Denominator", "Weight", "Note", "ImportId", "Version")
            VALUES ($kpi, $month, $channel, $partner, $segment, $value, $numerator, $denominator, $weight, NULL, NULL, 0)
            """;
        var kpi = command.Parameters.Add("$kpi", SqliteType.Integer);
        var month = command.Parameters.Add("$month", SqliteType.Integer);
        var channel = command.Parameters.Add("$channel", SqliteType.Integer);
        var partner = command.Parameters.Add("$partner", SqliteType.Integer);
        var segment = command.Parameters.Add("$segment", SqliteType.Integer);
        var value = command.Parameters.Add("$value", SqliteType.Real);
        var numerator = command.Parameters.Add("$numerator", SqliteType.Real);
        var denominator = command.Parameters.Add("$denominator", SqliteType.Real);
        var weight = command.Parameters.Add("$weight", SqliteType.Real);
        command.Prepare();
        foreach (var row in _rows)
        {
            kpi.Value = row.KpiId;
            month.Value = row.Month;
            channel.Value = row.ChannelId;
            partner.Value = row.PartnerId;
            segment.Value = row.SegmentId;
            value.Value = row.Value;
            numerator.Value = row.Numerator is { } n ? n : DBNull.Value;
            denominator.Value = row.Denominator is { } d ? d : DBNull.Value;
            weight.Value = row.Weight is { } w ? w : DBNull.Value;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return _rows.Length;
    }

    private ServiceProvider Services(string file)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={file}",
            ["Database:SeedDemoData"] = "false",
            ["Backups:Folder"] = Path.Combine(Path.GetDirectoryName(file)!, "backups"),
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging()
            .AddCxData(configuration, _folder.FullName)
            .AddCxBackups(configuration, _folder.FullName)
            .BuildServiceProvider();
    }
}
