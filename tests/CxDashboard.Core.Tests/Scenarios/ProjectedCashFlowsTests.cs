using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Scenarios;
using static CxDashboard.Core.Tests.Scenarios.Plans;

namespace CxDashboard.Core.Tests.Scenarios;

public sealed class ProjectedCashFlowsTests
{
    [Fact]
    public void The_series_has_the_projections_nets_and_npv()
    {
        var plan = VoiceYear();
        var projection = ScenarioCalculator.Project(plan, ScenarioKind.Base);

        var series = ProjectedCashFlows.Series(plan, projection)!;

        Assert.Equal(projection.Months.Select(m => m.Net), series.NetFlows);
        Assert.Equal(projection.Npv.Value, series.Npv().Value);
        Assert.Equal(January, series.Start);
        Assert.Equal(11, series.HorizonMonths);
    }

    [Fact]
    public void The_annual_view_puts_the_first_month_in_initial_and_the_rest_in_year_one()
    {
        // Month 0: $144,000 of benefit against $360,000 × 1.1 + $15,000 = $411,000; months 1–11: 11 × $144,000 = $1,584,000
        // against 11 × $15,000 = $165,000. PV of the net: −267,000 + 1,419,000 ÷ 1.1 = 1,023,000.
        var plan = VoiceYear();
        var annual = ProjectedCashFlows.Series(plan, ScenarioCalculator.Project(plan, ScenarioKind.Base))!.Annual();

        Assert.Equal(144_000m, annual.Benefits.Initial);
        Assert.Equal(411_000m, annual.Costs.Initial);
        Assert.Equal([1_584_000m], annual.Benefits.Years);
        Assert.Equal([165_000m], annual.Costs.Years);
        Assert.Equal(1_152_000m, annual.Net.Total);
        Assert.Equal(1_023_000m, annual.Net.PresentValue, 2);
    }

    [Fact]
    public void The_benefit_lines_carry_what_the_projection_counts_without_a_second_risk_adjustment()
    {
        var plan = VoiceYear();
        var series = ProjectedCashFlows.Series(plan, ScenarioCalculator.Project(plan, ScenarioKind.Conservative))!;

        // Conservative: half the change, 30 s: $80,000 a month, × (1 − 10 %) = $72,000, counted once.
        var benefit = Assert.Single(series.Lines, l => l.Kind == CashFlowLineKind.Benefit);
        Assert.All(benefit.RiskAdjustedAmounts, a => Assert.Equal(72_000m, a));
        Assert.Equal(12 * 72_000m, series.TotalBenefits);
    }

    [Fact]
    public void A_projection_that_is_not_applicable_has_no_series()
    {
        var plan = VoiceYear() with { Drivers = [VoiceHandleTime(volume: null)] };

        Assert.Null(ProjectedCashFlows.Series(plan, ScenarioCalculator.Project(plan, ScenarioKind.Base)));
    }
}
