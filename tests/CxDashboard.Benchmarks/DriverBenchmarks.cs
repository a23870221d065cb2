using BenchmarkDotNet.Attributes;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Value;

namespace CxDashboard.Benchmarks;

/// <summary>One driver-month of each common type: the unit of work the board repeats.</summary>
public class DriverBenchmarks
{
    private readonly DriverParameters _parameters = new(UnitValue: 40m, SecondaryUnitValue: 1m, Margin: 0.5m, PerPoint: 0.01m);
    private readonly KpiAggregate _actual = new(372.123456789, 0, 54_321, 12);

    [Params(ValueDriverType.HandleTimeSavings, ValueDriverType.CostPerContact, ValueDriverType.ChurnFlat)]
    public ValueDriverType Type { get; set; }

    [Benchmark]
    public DriverMonth Driver_month() => ValueDriverCalculator.MonthlyValue(Type, _parameters, 401.987654321, _actual, 7);
}
