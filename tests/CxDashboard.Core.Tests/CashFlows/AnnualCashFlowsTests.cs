using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;

namespace CxDashboard.Core.Tests.CashFlows;

public sealed class AnnualCashFlowsTests
{
    private static readonly YearMonth January = new(2025, 1);

    /// <summary>Initial −100 (a one-time cost), then 5 a month for 24 months: Year 1 = 60, Year 2 = 60.</summary>
    private static CashFlowSeries TwoYears(int horizon = 24, decimal rate = 0.10m) =>
        CashFlowSeries.Build(
            "Two years", January, horizon,
            [new CostItemSpec("Set-up", CostCategory.Integration, CostNature.Capex, CostRecurrence.OneTime, 100m, January, null, 0m)],
            [BenefitLine.Monthly("Savings", ValueFactor.CostReduction, 5m, 1, horizon, 0m)],
            rate);

    [Fact]
    public void Initial_is_month_zero_and_each_year_sums_twelve_months()
    {
        var annual = TwoYears().Annual();

        Assert.Equal([-100m, 60m, 60m], annual.Net.Flows);
        Assert.Equal(100m, annual.Capex.Initial);
        Assert.Equal([0m, 0m], annual.Opex.Years);
        Assert.Equal([60m, 60m], annual.Benefits.Years);
        Assert.Equal(20m, annual.Net.Total);
    }

    [Fact]
    public void Year_k_is_discounted_by_one_plus_r_to_the_k_and_initial_not_at_all()
    {
        // −100 + 60 ÷ 1.1 + 60 ÷ 1.21 = 4.1322314049586776859504132231…, the spreadsheet's =−100 + NPV(10 %; 60; 60).
        var annual = TwoYears().Annual();

        Assert.Equal(1m, annual.DiscountFactors[0]);
        Assert.Equal(1m / 1.1m, annual.DiscountFactors[1], 26);
        Assert.Equal(1m / 1.21m, annual.DiscountFactors[2], 26);
        Assert.Equal(4.1322314049586776859504132m, annual.Net.PresentValue, 25);
        Assert.Equal(annual.Net.PresentValue, annual.Npv().Value);
        Assert.Equal(4.1322314049586776859504132m, Discounting.AnnualNpv([-100m, 60m, 60m], 0.10m), 25);
        Assert.Equal(CashFlowPeriod.Year, annual.Npv().Period);
    }

    [Fact]
    public void The_annual_npv_differs_from_the_monthly_one_which_discounts_each_month()
    {
        var series = TwoYears();

        Assert.True(series.Npv().Value > series.Annual().Npv().Value);
    }

    [Fact]
    public void A_horizon_that_is_not_whole_years_ends_on_a_part_year()
    {
        var annual = TwoYears(horizon: 30).Annual();

        Assert.Equal(3, annual.YearCount);
        Assert.Equal([-100m, 60m, 60m, 30m], annual.Net.Flows);
    }

    [Fact]
    public void Each_line_has_its_own_row_and_present_value()
    {
        var annual = TwoYears().Annual();

        Assert.Equal(["Set-up", "Savings"], annual.Lines.Select(l => l.Name));
        var savings = annual.Lines[1];
        Assert.Equal(CashFlowLineKind.Benefit, savings.Kind);
        Assert.Equal(104.13223140495867768595041m, savings.PresentValue, 23);
        Assert.Equal(annual.Benefits.PresentValue - annual.Costs.PresentValue, annual.Net.PresentValue, 25);
    }

    [Fact]
    public void Annual_irr_and_payback_are_taken_on_the_net_row()
    {
        var annual = TwoYears().Annual();

        // −100 + 60v + 60v² = 0 → v = (−60 + √27600) ÷ 120, r = 1 ÷ v − 1 = 13.0662386291807…%
        Assert.Equal(0.130662386291808, annual.Irr().RatePerPeriod!.Value, 1e-12);
        var payback = annual.Payback();
        Assert.Equal(1m + 40m / 60m, payback.Periods!.Value, 20);
        Assert.Equal(20m, payback.Months!.Value, 18);
    }

    [Fact]
    public void The_annual_npv_explains_itself_in_years()
    {
        var figure = TwoYears().Annual().NpvFigure();

        Assert.Equal("NPV", figure.Name);
        Assert.Contains("years 0 to {3}", figure.Template, StringComparison.Ordinal);
        Assert.Equal(2m, figure.Inputs[3].Value);
        Assert.EndsWith(", by year", figure.Inputs[0].Source, StringComparison.Ordinal);
    }
}
