using CxDashboard.Core.Board;
using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;

namespace CxDashboard.Benchmarks;

/// <summary>A deterministic portfolio of initiatives with drivers and monthly actuals, the size the targets name.</summary>
internal static class SyntheticPortfolio
{
    private static readonly ValueDriverType[] Types =
    [
        ValueDriverType.HandleTimeSavings, ValueDriverType.RepeatContactAvoidance, ValueDriverType.Deflection,
        ValueDriverType.CostPerContact, ValueDriverType.ComplaintsAndReturns, ValueDriverType.AgentRampTime,
        ValueDriverType.AgentAttrition, ValueDriverType.ConversionLift, ValueDriverType.RevenuePerCustomer,
        ValueDriverType.ChurnFlat,
    ];

    public static BoardInputs Board(int initiatives, int driversPerInitiative, int months)
    {
        var rng = new Random(42);
        var first = new YearMonth(2022, 1);
        var last = first.AddMonths(months - 1);
        var list = new List<InitiativeInputs>();
        for (var i = 0; i < initiatives; i++)
        {
            var start = first.AddMonths(rng.Next(0, 6));
            var drivers = new List<DriverInputs>();
            for (var d = 0; d < driversPerInitiative; d++)
            {
                var type = Types[d % Types.Length];
                var baseline = 100 + rng.NextDouble() * 300;
                var actuals = YearMonth.Range(first, last).ToDictionary(
                    m => m,
                    m => new KpiAggregate(baseline * (0.9 + rng.NextDouble() * 0.05), 0, 50_000 + rng.Next(0, 10_000), 12));
                var kind = ValueDriverCatalog.Of(type);
                // Each initiative works on one channel, partner and segment (24 combinations): like a real portfolio,
                // a few initiatives share a scope and their drivers meet the double-counting guard.
                drivers.Add(new DriverInputs(
                    new ValueDriverSpec($"Driver {i}.{d}", type, kind.KpiCodes.Count > 0 ? kind.KpiCodes[0] : KpiCatalog.Aht, kind.Factor, kind.IsHard, 0.1m,
                        new DriverParameters(UnitValue: 40m, SecondaryUnitValue: 1m, Margin: 0.5m, Volume: null, PerPoint: 0.01m)),
                    baseline, actuals, "one channel · one partner · one segment", "baseline measured over three months",
                    Scope: new DriverScope(ChannelId: i % 4 + 1, PartnerId: i / 4 % 3 + 1, SegmentId: i / 12 % 2 + 1)));
            }

            list.Add(new InitiativeInputs(
                $"Initiative {i}", start,
                [
                    new CostItemSpec("Licence", CostCategory.SoftwareLicensing, CostNature.Opex, CostRecurrence.Monthly, 20_000m, start, null, 0.05m),
                    new CostItemSpec("Integration", CostCategory.Integration, CostNature.Capex, CostRecurrence.OneTime, 250_000m, start, null, 0.1m),
                ],
                drivers));
        }

        var tiles = KpiCatalog.Standard.Take(7)
            .Select(k => new KpiTileInputs(k, new KpiAggregate(1, 1, 1, 1), new KpiAggregate(1, 1, 1, 1), 1.1, 0.9))
            .ToList();
        return new BoardInputs(last, first, list, tiles);
    }
}
