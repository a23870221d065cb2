using BenchmarkDotNet.Attributes;
using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Scenarios;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;

namespace CxDashboard.Benchmarks;

/// <summary>
/// The tornado for one initiative with 30 inputs moved ±20 % alone (target: ≤ 2 ms): nine handle-time drivers on
/// different channels (hourly rate, volume and KPI change each), two cost lines and the discount rate, over 36 months.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TornadoBenchmarks
{
    private InitiativePlan _plan = default!;

    [GlobalSetup]
    public void Setup()
    {
        var start = new YearMonth(2026, 1);
        var drivers = Enumerable.Range(1, 9).Select(i => new ScenarioDriver(
            new ValueDriverSpec($"Handle-time savings, channel {i}", ValueDriverType.HandleTimeSavings, "AHT", ValueFactor.CostReduction,
                true, 0.1m, new DriverParameters(UnitValue: 40m + i)),
            Baseline: 420, Target: 380 - i,
            Conservative: ScenarioDelta.Times(0.5),
            Optimistic: ScenarioDelta.Times(1.25),
            ProjectedVolume: 50_000m + 1_000m * i,
            Scope: new DriverScope(ChannelId: i))).ToList();
        _plan = new InitiativePlan("Benchmark", start, 36, drivers,
        [
            new CostItemSpec("Integration", CostCategory.Integration, CostNature.Capex, CostRecurrence.OneTime, 400_000m, start, null, 0.1m),
            new CostItemSpec("Licence", CostCategory.SoftwareLicensing, CostNature.Opex, CostRecurrence.Monthly, 30_000m, start, null, 0.05m),
        ]);
    }

    [Benchmark]
    public Tornado Tornado_30_inputs_36_months() => SensitivityCalculator.Compute(_plan);
}
