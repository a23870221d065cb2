extern alias web;
using BenchmarkDotNet.Attributes;
using CxDashboard.Core.Kpis;
using web::CxDashboard.Web.Kpis;

namespace CxDashboard.Benchmarks.Pages;

/// <summary>
/// The KPI tracker (<c>/kpis</c>) for one month over the whole organisation, <see cref="KpiTrackerService.GetAsync"/>:
/// every KPI's last 12 months, baselines, and the board's pricing of every KPI's drivers, written as the grid's rows;
/// beside it its floor, the same sums in one hand-written SQL query (<see cref="SqlFloor.TrackerSql"/>).
/// Target: ≤ 100 ms at 1M rows.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 12, iterationCount: 15)]
public class KpiTrackerBenchmarks
{
    private GeneratedStore _store = default!;
    private PageServices _pages = default!;
    private SqlFloor _floor = default!;
    private string _sql = "";

    [Params(StoreSize.Rows1M, StoreSize.Rows10M)]
    public StoreSize Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _store = GeneratedStore.OpenAsync(Size).GetAwaiter().GetResult();
        _pages = new PageServices(_store.Services);
        _floor = SqlFloor.Of(_store.ConnectionString);
        _sql = _floor.TrackerSql(GeneratedStore.LastMonth, KpiTrackerService.SparklineMonths);
        var tracker = _pages.Tracker.GetAsync(GeneratedStore.LastMonth, KpiFilter.All).GetAwaiter().GetResult();
        if (!tracker.HasData) throw new InvalidOperationException($"The {Size} store has no tracker for {GeneratedStore.LastMonth}.");
        Console.WriteLine($"// {Size}: {_store.Rows:N0} measurements; tracker for {tracker.MonthLabel}: {tracker.Rows.Count} KPIs, "
            + $"{tracker.Rows.Count(r => r.Money is not null)} with money");
    }

    [GlobalCleanup]
    public void Cleanup() => _store.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>What the tracker page waits for when it opens a month.</summary>
    [Benchmark]
    public Task<KpiTrackerView> Tracker_one_month() => _pages.Tracker.GetAsync(GeneratedStore.LastMonth, KpiFilter.All);

    /// <summary>The floor: the tracker's sums in one hand-written SQL query.</summary>
    [Benchmark(Baseline = true)]
    public int Tracker_floor_one_query() => _floor.Run(_sql);
}

/// <summary>
/// The KPI page (<c>/kpis/AHT</c>) for one month over the whole organisation, <see cref="KpiDetailService.GetAsync"/>
/// as an organisation editor sees it: 36 months of handle time for the chart and its year-before line, the month by
/// channel, partner and segment, the month's measurements, the baselines with their history, the board's pricing of
/// the drivers, and the choices of the baseline form; beside it its floor, the same reads in one hand-written command
/// of four statements (<see cref="SqlFloor.DetailSql"/>). Handle time is a board tile and a value driver's KPI.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 12, iterationCount: 15)]
public class KpiDetailBenchmarks
{
    private GeneratedStore _store = default!;
    private PageServices _pages = default!;
    private SqlFloor _floor = default!;
    private string _sql = "";

    [Params(StoreSize.Rows1M, StoreSize.Rows10M)]
    public StoreSize Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _store = GeneratedStore.OpenAsync(Size).GetAwaiter().GetResult();
        _pages = new PageServices(_store.Services);
        _floor = SqlFloor.Of(_store.ConnectionString);
        _sql = _floor.DetailSql(KpiCatalog.Aht, GeneratedStore.LastMonth, KpiDetailService.ChartMonths);
        var page = _pages.Detail.GetAsync(KpiCatalog.Aht, GeneratedStore.LastMonth, KpiFilter.All).GetAwaiter().GetResult()
            ?? throw new InvalidOperationException($"The {Size} store has no {KpiCatalog.Aht}.");
        Console.WriteLine($"// {Size}: {_store.Rows:N0} measurements; {KpiCatalog.Aht} for {page.MonthLabel}: {page.Summary.Actual}, "
            + $"{page.Measurements.Count:N0} measurements in the month");
    }

    [GlobalCleanup]
    public void Cleanup() => _store.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>What the KPI page waits for when it opens a month.</summary>
    [Benchmark]
    public Task<KpiDetailView?> Detail_one_month() => _pages.Detail.GetAsync(KpiCatalog.Aht, GeneratedStore.LastMonth, KpiFilter.All);

    /// <summary>The floor: the page's reads in one hand-written command.</summary>
    [Benchmark(Baseline = true)]
    public int Detail_floor_one_command() => _floor.Run(_sql);
}
