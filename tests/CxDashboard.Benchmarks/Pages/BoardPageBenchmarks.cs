extern alias web;
using BenchmarkDotNet.Attributes;
using web::CxDashboard.Web.Board;

namespace CxDashboard.Benchmarks.Pages;

/// <summary>
/// The board page's whole server work for one month, <see cref="RoxBoardService.GetAsync"/> (every query, Core's
/// computation with every figure's lineage, the figures written for the organisation's culture), over generated
/// stores of 100k, 1M and 10M measurements; beside it its floor, the one SQL aggregate query that reads the same sums
/// (<see cref="SqlFloor.BoardSql"/>). Targets: ≤ 50 ms at 1M rows, and ≤ 2× the floor.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 12, iterationCount: 15)]
public class BoardPageBenchmarks
{
    private GeneratedStore _store = default!;
    private PageServices _pages = default!;
    private SqlFloor _floor = default!;
    private string _sql = "";

    [Params(StoreSize.Rows100k, StoreSize.Rows1M, StoreSize.Rows10M)]
    public StoreSize Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _store = GeneratedStore.OpenAsync(Size).GetAwaiter().GetResult();
        _pages = new PageServices(_store.Services);
        _floor = SqlFloor.Of(_store.ConnectionString);
        _sql = _floor.BoardSql(GeneratedStore.LastMonth, RoxBoardService.TileKpis);
        // A board without data would measure nothing: say what is measured.
        var board = _pages.Board.GetAsync(GeneratedStore.LastMonth).GetAwaiter().GetResult();
        if (!board.HasData) throw new InvalidOperationException($"The {Size} store has no board for {GeneratedStore.LastMonth}.");
        Console.WriteLine($"// {Size}: {_store.Rows:N0} measurements; board for {board.MonthLabel}: "
            + string.Join("; ", board.Headline.Select(f => $"{f.Name} {f.Value}")));
    }

    [GlobalCleanup]
    public void Cleanup() => _store.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>What the board page waits for when it opens a month.</summary>
    [Benchmark]
    public Task<BoardView> Board_one_month() => _pages.Board.GetAsync(GeneratedStore.LastMonth);

    /// <summary>The floor: the board's sums in one hand-written SQL query.</summary>
    [Benchmark(Baseline = true)]
    public int Board_floor_one_query() => _floor.Run(_sql);
}
