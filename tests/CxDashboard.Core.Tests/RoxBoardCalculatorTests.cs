using CxDashboard.Core.Board;
using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;

namespace CxDashboard.Core.Tests;

/// <summary>
/// One initiative started 2025-01 with a $30,000 one-time integration cost (10 % risk: $33,000), a $5,000
/// monthly licence (20 % risk: $6,000 a month) and a handle-time driver at $36/h (20 % risk) against a
/// 420 s baseline. Benefit per month = (420 − AHT) × contacts × 36 ÷ 3600 × 0.8:
/// January 400 s on 90,000 contacts = $18,000 → $14,400; February 390 s on 100,000 = $30,000 → $24,000;
/// March 360 s on 132,500 = $79,500 → $63,600. To date: gains $102,000, investment $39,000 + $6,000 + $6,000 = $51,000.
/// </summary>
public sealed class RoxBoardCalculatorTests
{
    private const string InitiativeName = "Voice self-service";
    private const string DriverName = "Handle-time savings, voice";

    private static readonly YearMonth December = new(2024, 12);
    private static readonly YearMonth January = new(2025, 1);
    private static readonly YearMonth February = new(2025, 2);
    private static readonly YearMonth March = new(2025, 3);

    private static KpiAggregate Aht(double seconds, double contacts) => new(seconds, seconds * contacts, contacts, 1);

    private static Dictionary<YearMonth, KpiAggregate> ThreeMonthsOfAht() => new()
    {
        [January] = Aht(400, 90_000),
        [February] = Aht(390, 100_000),
        [March] = Aht(360, 132_500),
    };

    private static InitiativeInputs Initiative(IReadOnlyDictionary<YearMonth, KpiAggregate> actuals) => new(
        InitiativeName,
        January,
        [
            new CostItemSpec("Integration", CostCategory.Integration, CostNature.Capex, CostRecurrence.OneTime, 30_000m, January, null, 0.10m),
            new CostItemSpec("Licence", CostCategory.SoftwareLicensing, CostNature.Opex, CostRecurrence.Monthly, 5_000m, January, null, 0.20m),
        ],
        [
            new DriverInputs(
                new ValueDriverSpec(DriverName, ValueDriverType.HandleTimeSavings, KpiCatalog.Aht, ValueFactor.CostReduction,
                    IsHard: true, Risk: 0.20m, new DriverParameters(UnitValue: 36m)),
                Baseline: 420,
                actuals,
                "Voice · all partners"),
        ]);

    private static IReadOnlyList<KpiTileInputs> Tiles(IReadOnlyDictionary<YearMonth, KpiAggregate> actuals, YearMonth month) =>
    [
        new(KpiCatalog.Find(KpiCatalog.Aht)!,
            actuals.TryGetValue(month, out var a) ? a : default,
            actuals.TryGetValue(month.AddMonths(-1), out var p) ? p : default,
            Baseline: 420, Target: 360),
        new(KpiCatalog.Find(KpiCatalog.Csat)!, new KpiAggregate(0.82, 820, 1_000, 1), new KpiAggregate(0.80, 800, 1_000, 1), Baseline: 0.78, Target: 0.85),
    ];

    private static RoxBoard Board(YearMonth month, IReadOnlyDictionary<YearMonth, KpiAggregate> actuals) =>
        RoxBoardCalculator.Compute(new BoardInputs(month, December, [Initiative(actuals)], Tiles(actuals, month)));

    [Fact]
    public void Headline_is_risk_adjusted_gains_over_risk_adjusted_investment_to_date()
    {
        var board = Board(March, ThreeMonthsOfAht());

        Assert.Equal(200m, board.Headline.Rox.Value);
        Assert.Equal(100m, board.Headline.Roi.Value);
        Assert.Equal(2m, board.Headline.ValueMultiple.Value);
        Assert.Equal(51_000m, board.Headline.NetValue.Value);
        Assert.Equal(January, board.PeriodStart);
    }

    [Fact]
    public void Headline_says_where_its_numbers_came_from()
    {
        var board = Board(March, ThreeMonthsOfAht());

        Assert.Equal(
            ["1 value driver of 1 initiative, risk-adjusted, 2025-01 to 2025-03", "cost items of 1 initiative, risk-adjusted, 2025-01 to 2025-03"],
            board.Headline.Rox.Inputs.Select(i => i.Source));
    }

    [Fact]
    public void Series_holds_each_months_value_and_investment_from_the_first_chart_month()
    {
        var board = Board(March, ThreeMonthsOfAht());

        Assert.Equal(
            [
                new FactorMonth(December, 0m, 0m, 0m, 0m),
                new FactorMonth(January, 14_400m, 0m, 0m, 39_000m),
                new FactorMonth(February, 24_000m, 0m, 0m, 6_000m),
                new FactorMonth(March, 63_600m, 0m, 0m, 6_000m),
            ],
            board.Series);
    }

    [Fact]
    public void Monthly_net_is_gains_minus_investment()
    {
        var board = Board(March, ThreeMonthsOfAht());

        Assert.Equal([0m, -24_600m, 18_000m, 57_600m], board.Series.Select(s => s.Net));
    }

    [Fact]
    public void This_month_is_the_selected_month_alone()
    {
        var board = Board(March, ThreeMonthsOfAht());

        Assert.Equal(new FactorMonth(March, 63_600m, 0m, 0m, 6_000m), board.ThisMonth);
        Assert.Equal(1_060m, board.MonthHeadline.Rox.Value);
        Assert.Equal(57_600m, board.MonthHeadline.NetValue.Value);
    }

    [Fact]
    public void Initiative_summary_holds_its_gains_investment_and_rox_to_date()
    {
        var board = Board(March, ThreeMonthsOfAht());

        var initiative = Assert.Single(board.Initiatives);
        Assert.Equal(InitiativeName, initiative.Name);
        Assert.Equal(January, initiative.Start);
        Assert.Equal(102_000m, initiative.Gains);
        Assert.Equal(51_000m, initiative.Investment);
        Assert.Equal(200m, initiative.Rox.Value);
    }

    [Fact]
    public void Driver_reports_its_risk_adjusted_money_this_month_and_to_date()
    {
        var board = Board(March, ThreeMonthsOfAht());

        var driver = Assert.Single(board.Drivers);
        Assert.Equal(
            new DriverValue(InitiativeName, DriverName, "AHT", ValueFactor.CostReduction, true, 63_600m, 102_000m, null, "Voice · all partners"),
            driver with { Explanation = null });
        // Its explanation carries the same money with the month's actual: (420 − 360) s × 132,500 ÷ 3600 × $36 × 0.8.
        Assert.Equal(63_600m, driver.Explanation!.Value);
        Assert.Equal([420m, 360m, 132_500m, 36m, 0.20m], driver.Explanation.Inputs.Select(i => i.Value));
    }

    [Fact]
    public void A_missing_actual_adds_nothing_that_month_and_says_what_is_missing()
    {
        var actuals = ThreeMonthsOfAht();
        actuals.Remove(March);

        var board = Board(March, actuals);

        var driver = Assert.Single(board.Drivers);
        Assert.Null(driver.ThisMonth);
        Assert.Equal("actual KPI value", driver.Missing);
        Assert.Equal(38_400m, driver.ToDate);
        Assert.Equal(new FactorMonth(March, 0m, 0m, 0m, 6_000m), board.ThisMonth);
        Assert.Equal(-12_600m, board.Headline.NetValue.Value);
    }

    [Fact]
    public void A_missing_actual_in_an_earlier_month_still_counts_the_other_months()
    {
        var actuals = ThreeMonthsOfAht();
        actuals.Remove(February);

        var board = Board(March, actuals);

        var driver = Assert.Single(board.Drivers);
        Assert.Equal(63_600m, driver.ThisMonth);
        Assert.Null(driver.Missing);
        Assert.Equal(78_000m, driver.ToDate);
        Assert.Equal(0m, board.Series.Single(s => s.Month == February).CostReduction);
    }

    [Fact]
    public void A_month_before_any_initiative_started_has_no_ratios_and_no_value()
    {
        var board = RoxBoardCalculator.Compute(new BoardInputs(
            new YearMonth(2024, 11), new YearMonth(2024, 10), [Initiative(ThreeMonthsOfAht())], []));

        Assert.Equal(new YearMonth(2024, 11), board.PeriodStart);
        Assert.Null(board.Headline.Rox.Value);
        Assert.False(string.IsNullOrWhiteSpace(board.Headline.Rox.NotApplicableReason));
        Assert.Null(board.Headline.Roi.Value);
        Assert.Null(board.Headline.ValueMultiple.Value);
        Assert.Equal(0m, board.Headline.NetValue.Value);
        Assert.Equal(
            [new FactorMonth(new YearMonth(2024, 10), 0m, 0m, 0m, 0m), new FactorMonth(new YearMonth(2024, 11), 0m, 0m, 0m, 0m)],
            board.Series);

        var driver = Assert.Single(board.Drivers);
        Assert.Null(driver.ThisMonth);
        Assert.Equal(0m, driver.ToDate);
        Assert.Equal("the initiative had not started", driver.Missing);

        Assert.False(driver.Started);

        var initiative = Assert.Single(board.Initiatives);
        Assert.False(initiative.Started);
        Assert.Equal(0m, initiative.Gains);
        Assert.Equal(0m, initiative.Investment);
        Assert.Null(initiative.Rox.Value);
    }

    [Fact]
    public void A_kpi_priced_only_by_an_initiative_that_has_not_started_awaits_its_start_instead_of_showing_zero()
    {
        var actuals = ThreeMonthsOfAht();
        var board = RoxBoardCalculator.Compute(new BoardInputs(December, December, [Initiative(actuals)], Tiles(actuals, December)));

        var aht = board.Tiles.Single(t => t.Kpi.Code == KpiCatalog.Aht);
        Assert.True(aht.AwaitingStart);
        Assert.Null(aht.MoneyThisMonth);
        Assert.Null(aht.MissingThisMonth);
        Assert.False(aht.NotValueLinked);
    }

    [Fact]
    public void A_started_driver_without_this_months_actual_leaves_the_tile_without_money_and_says_why()
    {
        var actuals = ThreeMonthsOfAht();
        actuals.Remove(March);
        var board = Board(March, actuals);

        var aht = board.Tiles.Single(t => t.Kpi.Code == KpiCatalog.Aht);
        Assert.Null(aht.MoneyThisMonth);
        Assert.Equal("actual KPI value", aht.MissingThisMonth);
        Assert.False(aht.AwaitingStart);
    }

    [Fact]
    public void A_board_without_initiatives_has_no_ratios()
    {
        var board = RoxBoardCalculator.Compute(new BoardInputs(March, March, [], []));

        Assert.Null(board.Headline.Rox.Value);
        Assert.Equal([new FactorMonth(March, 0m, 0m, 0m, 0m)], board.Series);
    }

    [Fact]
    public void Each_driver_adds_to_its_own_factor_and_the_headline_counts_from_the_earliest_start()
    {
        // A second initiative from February: flat churn, 50,000 customers × 0.5 pp × $40 × 60 % = $6,000 a month,
        // no risk, no cost. To date: gains $102,000 + $12,000, investment $51,000.
        var retention = new InitiativeInputs(
            "Save desk",
            February,
            [],
            [
                new DriverInputs(
                    new ValueDriverSpec("Churn reduction", ValueDriverType.ChurnFlat, KpiCatalog.Churn, ValueFactor.Retention,
                        IsHard: true, Risk: 0m, new DriverParameters(UnitValue: 40m, Margin: 0.6m, Volume: 50_000m)),
                    Baseline: 0.02,
                    new Dictionary<YearMonth, KpiAggregate>
                    {
                        [February] = new(0.015, 750, 50_000, 1),
                        [March] = new(0.015, 750, 50_000, 1),
                    },
                    "All segments"),
            ]);

        var board = RoxBoardCalculator.Compute(new BoardInputs(March, March, [retention, Initiative(ThreeMonthsOfAht())], []));

        Assert.Equal(January, board.PeriodStart);
        Assert.Equal([January, February, March], board.Series.Select(s => s.Month));
        Assert.Equal([0m, 6_000m, 6_000m], board.Series.Select(s => s.Retention));
        Assert.Equal([14_400m, 24_000m, 63_600m], board.Series.Select(s => s.CostReduction));
        Assert.Equal(63_000m, board.Headline.NetValue.Value);
        Assert.Equal(2.235294m, Math.Round(board.Headline.ValueMultiple.Value!.Value, 6)); // 114,000 ÷ 51,000
    }

    [Fact]
    public void A_kpi_tile_shows_the_money_its_drivers_made_this_month()
    {
        var board = Board(March, ThreeMonthsOfAht());

        var aht = board.Tiles.Single(t => t.Kpi.Code == KpiCatalog.Aht);
        Assert.Equal(360.0, aht.Actual);
        Assert.Equal(390.0, aht.Previous);
        Assert.Equal(KpiStatus.TargetMet, aht.Standing.Status);
        Assert.Equal(63_600m, aht.MoneyThisMonth);
        Assert.Equal(["Handle-time savings, voice (Voice self-service; Voice · all partners)"], aht.Drivers);
        Assert.False(aht.NotValueLinked);
    }

    [Fact]
    public void A_kpi_no_driver_prices_is_not_value_linked_and_has_no_money()
    {
        var board = Board(March, ThreeMonthsOfAht());

        var csat = board.Tiles.Single(t => t.Kpi.Code == KpiCatalog.Csat);
        Assert.True(csat.NotValueLinked);
        Assert.Null(csat.MoneyThisMonth);
        Assert.Empty(csat.Drivers);
        Assert.Equal(KpiStatus.Improving, csat.Standing.Status);
    }

    [Fact]
    public void A_kpi_that_is_not_directional_and_has_no_driver_is_not_flagged_as_a_vanity_metric()
    {
        var clv = new KpiTileInputs(KpiCatalog.Find(KpiCatalog.Clv)!, new KpiAggregate(2_200, 0, 50_000, 1), default, Baseline: 2_100, Target: 2_300);

        var board = RoxBoardCalculator.Compute(new BoardInputs(March, December, [Initiative(ThreeMonthsOfAht())], [clv]));

        var tile = Assert.Single(board.Tiles);
        Assert.False(tile.NotValueLinked);
        Assert.Empty(tile.Drivers);
        Assert.Null(tile.ChangeFromPrevious);
    }

    [Fact]
    public void A_cost_paid_before_the_launch_counts_in_the_investment()
    {
        // $12,000 of design work in December, before the January launch, at no risk: investment to date is
        // $51,000 + $12,000 = $63,000 and the to-date period starts in December.
        var launch = Initiative(ThreeMonthsOfAht());
        var withDesign = launch with
        {
            Costs = [.. launch.Costs, new CostItemSpec("Design", CostCategory.Other, CostNature.Opex, CostRecurrence.OneTime, 12_000m, December, null, 0m)],
        };

        var board = RoxBoardCalculator.Compute(new BoardInputs(March, December, [withDesign], []));

        Assert.Equal(December, board.PeriodStart);
        Assert.Equal(63_000m, board.Initiatives.Single().Investment);
        Assert.Equal(12_000m, board.Series.Single(s => s.Month == December).Investment);
        Assert.Equal(102_000m - 63_000m, board.Headline.NetValue.Value);
    }

    [Fact]
    public void The_change_from_last_month_is_this_month_minus_the_last()
    {
        var board = Board(March, ThreeMonthsOfAht());

        Assert.Equal(-30.0, board.Tiles.Single(t => t.Kpi.Code == KpiCatalog.Aht).ChangeFromPrevious);
    }

    [Fact]
    public void Gains_are_split_by_evidence_and_by_hard_or_soft()
    {
        // Beside the measured handle-time savings ($102,000 to date), an agreed $5,000 a month of soft value from
        // January at 50 % risk: $2,500 a month, $7,500 to date, assumed.
        var launch = Initiative(ThreeMonthsOfAht());
        var agreed = new DriverInputs(
            new ValueDriverSpec("Brand uplift (agreed)", ValueDriverType.ManualAmount, KpiCatalog.Nps, ValueFactor.RevenueGrowth,
                IsHard: false, Risk: 0.5m, new DriverParameters(UnitValue: 5_000m)),
            Baseline: 0, new Dictionary<YearMonth, KpiAggregate>(), "all channels");

        var board = RoxBoardCalculator.Compute(new BoardInputs(March, December, [launch with { Drivers = [.. launch.Drivers, agreed] }], []));

        Assert.Equal(new EvidenceSplit(Measured: 102_000m, Modelled: 0m, Assumed: 7_500m, Hard: 102_000m, Soft: 7_500m), board.Evidence);
        Assert.Equal(EvidenceKind.Assumed, board.Drivers.Single(d => d.Name == "Brand uplift (agreed)").Evidence);
        Assert.Equal(109_500m - 51_000m, board.Headline.NetValue.Value);
    }

    [Fact]
    public void Two_drivers_pricing_the_same_agent_hours_are_counted_once_and_named()
    {
        // Beside the handle-time savings (January $14,400, February $24,000, March $63,600 after risk), a
        // repeat-contact driver on the same voice contacts: 100,000 contacts × 2 pp × $7.50 = $15,000 a month, no risk.
        // Each month the larger counts: January keeps the $15,000 repeat-contact savings, February and March the
        // handle-time savings. Gains to date: $15,000 + $24,000 + $63,600 = $102,600 instead of $147,000.
        var launch = Initiative(ThreeMonthsOfAht());
        var fcr = new Dictionary<YearMonth, KpiAggregate>
        {
            [January] = new(0.72, 72_000, 100_000, 1),
            [February] = new(0.72, 72_000, 100_000, 1),
            [March] = new(0.72, 72_000, 100_000, 1),
        };
        var repeat = new DriverInputs(
            new ValueDriverSpec("Repeat-contact avoidance, voice", ValueDriverType.RepeatContactAvoidance, KpiCatalog.Fcr,
                ValueFactor.CostReduction, IsHard: true, Risk: 0m, new DriverParameters(UnitValue: 7.5m)),
            Baseline: 0.70, fcr, "Voice · all partners", Scope: new DriverScope(ChannelId: 1));
        var handleTime = launch.Drivers[0] with { Scope = new DriverScope(ChannelId: 1) };

        var board = RoxBoardCalculator.Compute(new BoardInputs(March, December, [launch with { Drivers = [handleTime, repeat] }], []));

        var overlap = Assert.Single(board.Overlaps!);
        Assert.Equal((DriverName + " (" + InitiativeName + ")", "Repeat-contact avoidance, voice (" + InitiativeName + ")"), (overlap.First, overlap.Second));
        Assert.Equal(14_400m + 15_000m + 15_000m, overlap.ClaimedTwice);
        Assert.Equal(102_600m, board.Initiatives.Single().Gains);
        Assert.Equal([15_000m, 24_000m, 63_600m], board.Series.Where(s => s.Month >= January).Select(s => s.CostReduction));
        Assert.Equal(30_000m, board.Drivers.Single(d => d.KpiCode == KpiCatalog.Fcr).LeftOutToDate);
        Assert.Equal(14_400m, board.Drivers.Single(d => d.KpiCode == KpiCatalog.Aht).LeftOutToDate);
    }

    [Fact]
    public void A_driver_month_that_divides_is_carried_to_a_millionth_of_the_currency()
    {
        // At $35 an hour: (420 − 419) × 1 contact × 35 ÷ 3600 × 0.8 = 0.0077777…, which decimal would carry to
        // 28 digits; the board keeps 0.007778. Two such months add up to 0.015556, not 0.0155555….
        var spec = new ValueDriverSpec(DriverName, ValueDriverType.HandleTimeSavings, KpiCatalog.Aht, ValueFactor.CostReduction,
            IsHard: true, Risk: 0.20m, new DriverParameters(UnitValue: 35m));
        var actuals = new Dictionary<YearMonth, KpiAggregate> { [January] = Aht(419, 1), [February] = Aht(419, 1) };
        var board = RoxBoardCalculator.Compute(new BoardInputs(February, January,
            [new InitiativeInputs(InitiativeName, January, [], [new DriverInputs(spec, 420, actuals, "Voice · all partners")])],
            []));

        Assert.Equal([0.007778m, 0.007778m], board.Series.Select(m => m.CostReduction));
        Assert.Equal(0.007778m, Assert.Single(board.Drivers).ThisMonth);
        Assert.Equal(0.015556m, board.Drivers[0].ToDate);
    }
}
