extern alias web;
using BenchmarkDotNet.Attributes;
using CxDashboard.Data;
using CxDashboard.Data.Queries;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using web::CxDashboard.Web.Board;
using web::CxDashboard.Web.Kpis;

namespace CxDashboard.Benchmarks;

/// <summary>
/// The KPI tracker's grid rows for one month over a SQLite store of about a million measurements (target: ≤ 100 ms of
/// server time): 12 months of sums for every KPI, the baselines, and the board's pricing of every KPI's drivers. Run
/// over the store as migrated ("shipped") and with the "one KPI, all months" index widened to carry the values
/// ("covering"), the index change the README proposes.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class KpiTrackerBenchmarks
{
    private KpiTrackerStore _store = default!;
    private KpiTrackerService _tracker = default!;
    private readonly KpiFilter _voice = KpiFilter.Parse("VOICE", null, null);

    /// <summary>The measurements' indexes: as the migrations create them, or with the proposed covering index.</summary>
    [Params("shipped", "covering")]
    public string Index { get; set; } = "shipped";

    [GlobalSetup]
    public void Setup()
    {
        _store = KpiTrackerStore.CreateAsync().GetAwaiter().GetResult();
        if (Index == "covering") WidenKpiMonthIndex(_store.ConnectionString);
        var contexts = _store.Services.GetRequiredService<IDbContextFactory<CxDbContext>>();
        var organisation = new OrganisationQueries(contexts);
        _tracker = new KpiTrackerService(new KpiQueries(contexts), organisation, new RoxBoardService(new MeasurementQueries(contexts), organisation, new ExperimentQueries(contexts)));
        Console.WriteLine($"// KPI tracker store: {_store.Rows:N0} measurements, {Index} indexes");
    }

    [GlobalCleanup]
    public void Cleanup() => _store.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public Task<KpiTrackerView> Tracker_one_month_1M_rows() => _tracker.GetAsync(KpiTrackerStore.LastMonth, KpiFilter.All);

    [Benchmark]
    public Task<KpiTrackerView> Tracker_one_month_one_channel_1M_rows() => _tracker.GetAsync(KpiTrackerStore.LastMonth, _voice);

    /// <summary>
    /// The proposed index: "one KPI, all months" carrying the dimensions and the values, so that the tracker's 12 months
    /// and the drivers' months are read from the index alone.
    /// </summary>
    private static void WidenKpiMonthIndex(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            DROP INDEX "IX_Measurements_Kpi_Month";
            CREATE INDEX "IX_Measurements_Kpi_Month" ON "Measurements"
                ("KpiId", "Month", "ChannelId", "PartnerId", "SegmentId", "Value", "Numerator", "Denominator", "Weight");
            """;
        command.ExecuteNonQuery();
    }
}
