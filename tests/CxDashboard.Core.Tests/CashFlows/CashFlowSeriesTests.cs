using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;

namespace CxDashboard.Core.Tests.CashFlows;

public sealed class CashFlowSeriesTests
{
    private static readonly YearMonth March = new(2025, 3);

    private static CostItemSpec Cost(
        string name, CostNature nature, CostRecurrence recurrence, decimal amount, YearMonth start, YearMonth? end, decimal risk) =>
        new(name, CostCategory.Other, nature, recurrence, amount, start, end, risk);

    /// <summary>
    /// Start 2025-03, months 0..3, no discounting. Licence 10,000 bought in January (+10 % risk) and a 1,000/month course
    /// that ran January–April both land in month 0 as far as they predate the start.
    /// </summary>
    private static CashFlowSeries Worked(bool applyRisk = true) =>
        CashFlowSeries.Build(
            "Worked", March, 3,
            [
                Cost("Licence", CostNature.Capex, CostRecurrence.OneTime, 10_000m, new YearMonth(2025, 1), null, 0.10m),
                Cost("Course", CostNature.Opex, CostRecurrence.Monthly, 1_000m, new YearMonth(2025, 1), new YearMonth(2025, 4), 0m),
                Cost("Set-up", CostNature.Opex, CostRecurrence.OneTime, 500m, new YearMonth(2025, 5), null, 0.20m),
                Cost("Hosting", CostNature.Capex, CostRecurrence.Monthly, 200m, new YearMonth(2025, 6), null, 0m),
            ],
            [
                new BenefitLine("Savings", ValueFactor.CostReduction, [0m, 5_000m, 5_000m, 5_000m, 9_999m], 0.20m),
                new BenefitLine("Lost upsell", ValueFactor.RevenueGrowth, [-1_000m], 0.50m),
            ],
            0m,
            applyRisk);

    [Fact]
    public void Month_zero_holds_costs_dated_before_the_start_and_the_start_month()
    {
        var m0 = Worked().Months[0];

        Assert.Equal(March, m0.Month);
        Assert.Equal(11_000m, m0.Capex);            // 10,000 × 1.10, bought two months before the start
        Assert.Equal(3_000m, m0.Opex);              // January, February and March of the course
        Assert.Equal(-1_500m, m0.Benefits);         // a loss of 1,000 grows by its 50 % risk
        Assert.Equal(-15_500m, m0.Net);
    }

    [Fact]
    public void Recurring_costs_and_benefits_run_from_their_start_month_to_their_end()
    {
        var months = Worked().Months;

        Assert.Equal([11_000m, 0m, 0m, 200m], months.Select(m => m.Capex));
        Assert.Equal([3_000m, 1_000m, 600m, 0m], months.Select(m => m.Opex));
        Assert.Equal([-1_500m, 4_000m, 4_000m, 4_000m], months.Select(m => m.Benefits));
        Assert.Equal([-15_500m, 3_000m, 3_400m, 3_800m], months.Select(m => m.Net));
        Assert.Equal([-15_500m, -12_500m, -9_100m, -5_300m], months.Select(m => m.CumulativeNet));
    }

    [Fact]
    public void Capex_and_opex_are_kept_apart_and_summed_as_the_cost()
    {
        var series = Worked();

        Assert.Equal(11_200m, series.TotalCapex);
        Assert.Equal(4_600m, series.TotalOpex);
        Assert.Equal(15_800m, series.TotalCosts);
        Assert.Equal(10_500m, series.TotalBenefits);
        Assert.Equal(-5_300m, series.NetValue);
    }

    [Fact]
    public void Benefits_past_the_horizon_are_left_out()
    {
        var savings = Worked().Lines.Single(l => l.Name == "Savings");

        Assert.Equal(4, savings.Amounts.Count);
        Assert.Equal(15_000m, savings.Total);
        Assert.Equal(12_000m, savings.RiskAdjustedTotal);
    }

    [Fact]
    public void Without_risk_the_months_carry_the_amounts_as_entered()
    {
        var series = Worked(applyRisk: false);

        Assert.False(series.IsRiskAdjusted);
        Assert.Equal([-14_000m, 4_000m, 4_500m, 4_800m], series.NetFlows);
        Assert.Contains("before risk adjustment", series.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void At_a_zero_rate_the_discounted_columns_equal_the_undiscounted_ones()
    {
        var series = Worked();

        Assert.Equal(series.NetFlows, series.DiscountedNetFlows);
        Assert.Equal(-5_300m, series.Months[^1].CumulativeDiscountedNet);
        Assert.Equal(-5_300m, series.Npv().Value);
    }

    [Fact]
    public void Month_twelve_is_discounted_by_one_year_at_the_annual_rate()
    {
        var flows = new decimal[13];
        flows[12] = 110m;
        var series = CashFlowSeries.Build("One year", March, 12, [], [new BenefitLine("Once", ValueFactor.Retention, flows, 0m)], 0.10m);

        Assert.Equal(1m / 1.1m, series.Months[12].DiscountFactor, 14);
        Assert.Equal(100m, series.Months[12].DiscountedNet, 12);
        Assert.Equal(100m, series.Npv().Value!.Value, 12);
        Assert.Equal(new YearMonth(2026, 3), series.End);
    }

    [Fact]
    public void Npv_is_the_last_cumulative_discounted_net_and_agrees_with_discounting()
    {
        var series = CashFlowSpreadsheetTests.InitiativeA();
        var npv = series.Npv();

        Assert.Equal(series.Months[^1].CumulativeDiscountedNet, npv.Value);
        Assert.Equal(Discounting.Npv(series.NetFlows, 0.10m), npv.Value);
        Assert.Equal(CashFlowAppraisal.Npv(series.NetFlows, 0.10, CashFlowPeriod.Month).Value, npv.Value);
        Assert.Equal(36, npv.Horizon);
    }

    [Fact]
    public void A_zero_horizon_holds_the_start_month_only()
    {
        var series = CashFlowSeries.Build(
            "Pilot", March, 0,
            [Cost("Pilot", CostNature.Opex, CostRecurrence.Monthly, 1_000m, March, null, 0m)], [], 0.10m);

        var month = Assert.Single(series.Months);
        Assert.Equal(-1_000m, month.Net);
        Assert.Equal(0, series.Annual().YearCount);
        Assert.Equal(NoIrrReason.TooFewFlows, series.Irr().NoIrr);
    }

    [Fact]
    public void Roi_sums_capex_and_opex_as_the_investment()
    {
        // FORMULAS.md §1: gains 1,500,000 on an investment of 600,000 → ROX 250 %, ROI 150 %, 2.5×.
        var series = CashFlowSeries.Build(
            "Worked ROI", March, 12,
            [
                Cost("Platform", CostNature.Capex, CostRecurrence.OneTime, 400_000m, March, null, 0m),
                Cost("Run", CostNature.Opex, CostRecurrence.Monthly, 20_000m, March, March.AddMonths(9), 0m),
            ],
            [
                BenefitLine.Monthly("Handle time", ValueFactor.CostReduction, 100_000m, 3, 12, 0m),
                BenefitLine.Monthly("Conversion", ValueFactor.RevenueGrowth, 50_000m, 3, 12, 0m),
            ],
            0.10m);

        var ratios = series.Ratios();

        Assert.Equal(600_000m, series.TotalCosts);
        Assert.Equal(250m, ratios.Rox.Value);
        Assert.Equal(150m, ratios.Roi.Value);
        Assert.Equal(2.5m, ratios.ValueMultiple.Value);
        Assert.Equal(900_000m, ratios.NetValue.Value);
    }

    [Fact]
    public void Without_any_cost_roi_is_not_applicable()
    {
        var series = CashFlowSeries.Build(
            "Free", March, 2, [], [BenefitLine.Monthly("Gift", ValueFactor.Retention, 10m, 0, 2, 0m)], 0.10m);

        Assert.Null(series.Ratios().Roi.Value);
        Assert.NotNull(series.Ratios().Roi.NotApplicableReason);
    }

    [Fact]
    public void A_negative_cost_is_a_credit_and_its_risk_makes_it_smaller()
    {
        Assert.Equal(-900m, TeiRisk.AdjustCost(-1_000m, 0.10m));
        Assert.Equal(1_100m, TeiRisk.AdjustCost(1_000m, 0.10m));
        Assert.Equal(800m, TeiRisk.AdjustBenefit(1_000m, 0.20m));
        Assert.Equal(-1_200m, TeiRisk.AdjustBenefit(-1_000m, 0.20m));
    }

    [Fact]
    public void The_source_names_the_initiative_and_its_months()
    {
        Assert.Equal("Worked, risk-adjusted, 2025-03 to 2025-06", Worked().Source);
    }

    [Fact]
    public void A_rate_of_minus_one_hundred_percent_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CashFlowSeries.Build("x", March, 1, [], [], -1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => CashFlowSeries.Build("x", March, -1, [], [], 0.1m));
    }
}
