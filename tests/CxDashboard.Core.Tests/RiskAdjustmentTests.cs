using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;

namespace CxDashboard.Core.Tests;

public sealed class RiskAdjustmentTests
{
    private static readonly YearMonth March = new(2025, 3);

    private static CostItemSpec Cost(CostRecurrence recurrence, decimal amount, YearMonth start, YearMonth? end, decimal risk) =>
        new("Licence", CostCategory.SoftwareLicensing, CostNature.Opex, recurrence, amount, start, end, risk);

    [Fact]
    public void A_benefit_is_reduced_by_its_risk()
    {
        Assert.Equal(128_000m, new DriverMonth(160_000m, null).RiskAdjusted(0.20m));
    }

    [Fact]
    public void A_benefit_without_risk_is_unchanged()
    {
        Assert.Equal(160_000m, new DriverMonth(160_000m, null).RiskAdjusted(0m));
    }

    [Fact]
    public void A_missing_benefit_stays_missing_after_risk_adjustment()
    {
        Assert.Null(new DriverMonth(null, "loaded hourly rate").RiskAdjusted(0.20m));
    }

    [Fact]
    public void A_loss_is_made_larger_by_the_risk_not_smaller()
    {
        // Cross-sell that fell $22,668 below baseline, at 25 % risk: the conservative figure is −$28,335, not −$17,001.
        Assert.Equal(-28_335m, new DriverMonth(-22_668m, null).RiskAdjusted(0.25m));
    }

    [Fact]
    public void A_cost_is_raised_by_its_risk()
    {
        var cost = Cost(CostRecurrence.OneTime, 10_000m, March, null, 0.10m);

        Assert.Equal(10_000m, cost.AmountIn(March));
        Assert.Equal(11_000m, cost.RiskAdjustedIn(March));
    }

    [Fact]
    public void A_one_time_cost_is_paid_only_in_its_start_month()
    {
        var cost = Cost(CostRecurrence.OneTime, 10_000m, March, null, 0.10m);

        Assert.Equal(0m, cost.RiskAdjustedIn(new YearMonth(2025, 2)));
        Assert.Equal(11_000m, cost.RiskAdjustedIn(March));
        Assert.Equal(0m, cost.RiskAdjustedIn(new YearMonth(2025, 4)));
        Assert.Equal(0m, cost.RiskAdjustedIn(new YearMonth(2026, 3)));
    }

    [Fact]
    public void A_monthly_cost_is_paid_from_its_start_through_its_end()
    {
        var cost = Cost(CostRecurrence.Monthly, 2_000m, March, new YearMonth(2025, 5), 0.05m);

        Assert.Equal(0m, cost.RiskAdjustedIn(new YearMonth(2025, 2)));
        Assert.Equal(2_100m, cost.RiskAdjustedIn(March));
        Assert.Equal(2_100m, cost.RiskAdjustedIn(new YearMonth(2025, 4)));
        Assert.Equal(2_100m, cost.RiskAdjustedIn(new YearMonth(2025, 5)));
        Assert.Equal(0m, cost.RiskAdjustedIn(new YearMonth(2025, 6)));
    }

    [Fact]
    public void An_open_ended_monthly_cost_is_paid_every_month_from_its_start()
    {
        var cost = Cost(CostRecurrence.Monthly, 2_000m, March, null, 0m);

        Assert.Equal(0m, cost.AmountIn(new YearMonth(2025, 2)));
        Assert.Equal(2_000m, cost.AmountIn(March));
        Assert.Equal(2_000m, cost.AmountIn(new YearMonth(2030, 12)));
    }
}
