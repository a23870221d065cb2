using System.Text;
using CxDashboard.Data.Backups;
using CxDashboard.Data.Imports;
using CxDashboard.Data.Model;
using CxDashboard.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CxDashboard.Data.Tests.Imports;

/// <summary>
/// A store of its own for import tests, started as the app starts it (<c>AddCxData</c> and <c>AddCxBackups</c>),
/// with the standard KPIs and the demo organisation's channels, partners and segments but no measurements unless
/// asked, and an importer whose clock reads <see cref="Now"/>.
/// </summary>
internal sealed class ImportStore : IAsyncDisposable
{
    /// <summary>"Now" for the importer: the current month is 2026-11.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 15, 12, 0, 0, TimeSpan.Zero);

    private readonly TestStore _store;
    private readonly ServiceProvider _services;

    private ImportStore(TestStore store, ServiceProvider services)
    {
        _store = store;
        _services = services;
        Importer = new MeasurementImporter(
            services.GetRequiredService<StoreConnection>(), Contexts, Backups, new FixedClock(Now), NullLogger<MeasurementImporter>.Instance);
    }

    public MeasurementImporter Importer { get; }

    public ImportHistory History => _services.GetRequiredService<ImportHistory>();

    public StoreBackups Backups => _services.GetRequiredService<StoreBackups>();

    public IDbContextFactory<CxDbContext> Contexts => _services.GetRequiredService<IDbContextFactory<CxDbContext>>();

    public IServiceProvider Services => _services;

    /// <summary>The underlying test store (to start the app's store layer again over it).</summary>
    public TestStore Store => _store;

    public static Task<ImportStore> SqliteAsync(bool demo = false) => StartAsync(new SqliteTestStore(), demo);

    public static async Task<ImportStore> PostgresAsync(bool demo = false) => await StartAsync(await PostgresTestStore.CreateAsync(), demo);

    private static async Task<ImportStore> StartAsync(TestStore store, bool demo)
    {
        var settings = new Dictionary<string, string?>(store.Settings) { ["Database:SeedDemoData"] = demo ? "true" : "false" };
        await store.StartAsync(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddCxData(configuration, store.ContentRoot)
            .AddCxBackups(configuration, store.ContentRoot)
            .BuildServiceProvider();
        var importStore = new ImportStore(store, services);
        if (!demo) await importStore.AddDimensionsAsync();
        return importStore;
    }

    private async Task AddDimensionsAsync()
    {
        await using var db = Context();
        var order = 0;
        foreach (var code in new[] { "VOICE", "CHAT", "EMAIL", "SELF" })
            db.Channels.Add(new Channel { Code = code, Name = code.ToLowerInvariant(), SortOrder = order++ });
        foreach (var code in new[] { "INHOUSE", "ATLAS", "MERIDIAN" })
            db.Partners.Add(new Partner { Code = code, Name = code.ToLowerInvariant(), SortOrder = order++ });
        foreach (var code in new[] { "CONSUMER", "BUSINESS" })
            db.Segments.Add(new Segment { Code = code, Name = code.ToLowerInvariant(), SortOrder = order++ });
        await db.SaveChangesAsync();
    }

    public CxDbContext Context() => Contexts.CreateDbContext();

    /// <summary>Reads <paramref name="csv"/> as an uploaded file of that name.</summary>
    public Task<MeasurementBatch> ReadAsync(string csv, string name = "kpis.csv", IProgress<ImportProgress>? progress = null) =>
        Importer.ReadFileAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), name, progress);

    /// <summary>Reads and commits <paramref name="csv"/>, which must have no problem.</summary>
    public async Task<ImportResult> LoadAsync(string csv, string name = "kpis.csv")
    {
        var batch = await ReadAsync(csv, name);
        Assert.True(batch.CanCommit, string.Join(Environment.NewLine, batch.Problems));
        return await Importer.CommitAsync(batch, new ImportOrigin(ImportSource.Page));
    }

    public async Task<int> MeasurementCountAsync()
    {
        await using var db = Context();
        return await db.Measurements.IgnoreQueryFilters().CountAsync();
    }

    public async Task<int> ImportCountAsync()
    {
        await using var db = Context();
        return await db.Imports.IgnoreQueryFilters().CountAsync();
    }

    /// <summary>Every measurement as "202610 FCR VOICE ATLAS CONSUMER = 0.71 710/1000 w- note- #1" (a dash for blank), sorted.</summary>
    public async Task<List<string>> SnapshotAsync()
    {
        await using var db = Context();
        var rows = await db.Measurements.IgnoreQueryFilters().AsNoTracking()
            .Select(m => new { m.Month, Kpi = m.Kpi!.Code, Channel = m.Channel!.Code, Partner = m.Partner!.Code, Segment = m.Segment!.Code, m.Value, m.Numerator, m.Denominator, m.Weight, m.Note, m.ImportId })
            .ToListAsync();
        return rows.Select(r => FormattableString.Invariant(
                $"{r.Month} {r.Kpi} {r.Channel ?? "-"} {r.Partner ?? "-"} {r.Segment ?? "-"} = {r.Value:R} {Blank(r.Numerator)}/{Blank(r.Denominator)} w{Blank(r.Weight)} note{r.Note ?? "-"} #{r.ImportId}"))
            .Order(StringComparer.Ordinal).ToList();
    }

    private static string Blank(double? number) => number is { } n ? n.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "-";

    public async Task<MeasurementImport> ImportAsync(long id)
    {
        await using var db = Context();
        return await db.Imports.IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.Id == id);
    }

    public async Task<int> PartnerIdAsync(string code)
    {
        await using var db = Context();
        return await db.Partners.IgnoreQueryFilters().Where(p => p.Code == code).Select(p => p.Id).SingleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await _store.DisposeAsync();
    }
}

/// <summary>A clock that always reads the same moment.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Progress reports collected as they come (synchronously, unlike <see cref="Progress{T}"/>).</summary>
internal sealed class ProgressLog : IProgress<ImportProgress>
{
    private readonly List<ImportProgress> _reports = [];

    public IReadOnlyList<ImportProgress> Reports
    {
        get
        {
            lock (_reports) return [.. _reports];
        }
    }

    public Action<ImportProgress>? OnReport { get; set; }

    public void Report(ImportProgress value)
    {
        lock (_reports) _reports.Add(value);
        OnReport?.Invoke(value);
    }
}
