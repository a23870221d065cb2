using BenchmarkDotNet.Attributes;
using CxDashboard.Core.Board;

namespace CxDashboard.Benchmarks;

/// <summary>
/// The full board computation, with every driver's explanation (lineage), for 50 initiatives × 10 drivers ×
/// 60 months (target: median ≤ 5 ms).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class BoardBenchmarks
{
    private BoardInputs _inputs = default!;

    [GlobalSetup]
    public void Setup() => _inputs = SyntheticPortfolio.Board(initiatives: 50, driversPerInitiative: 10, months: 60);

    [Benchmark]
    public RoxBoard Board_50_initiatives_10_drivers_60_months() => RoxBoardCalculator.Compute(_inputs);
}
