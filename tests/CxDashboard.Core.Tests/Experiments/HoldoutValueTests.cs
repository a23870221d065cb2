using CxDashboard.Core.Experiments;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Value;

namespace CxDashboard.Core.Tests.Experiments;

public sealed class HoldoutValueTests
{
    [Theory]
    [InlineData(KpiCatalog.Retention, ValueFactor.Retention)]
    [InlineData(KpiCatalog.Churn, ValueFactor.Retention)]
    [InlineData("churn", ValueFactor.Retention)]
    [InlineData("CONVERSION", ValueFactor.RevenueGrowth)]
    [InlineData("UPGRADE_TAKE_UP", ValueFactor.RevenueGrowth)]
    public void Retention_and_churn_tests_are_retention_and_other_shares_of_customers_revenue_growth(string kpi, ValueFactor expected)
    {
        Assert.Equal(expected, HoldoutValue.FactorOf(kpi));
    }

    [Fact]
    public void A_significant_test_counts_and_a_test_that_is_not_counts_only_by_choice()
    {
        var significant = HoldoutExperiment.Analyze(new HoldoutArm(12_500, 10_200), new HoldoutArm(12_500, 10_000), 25_000, 480m);
        var notYet = HoldoutExperiment.Analyze(new HoldoutArm(12_500, 10_100), new HoldoutArm(12_500, 10_000), 25_000, 480m);

        Assert.True(HoldoutValue.Counts(significant, includeInRox: false));
        Assert.False(HoldoutValue.Counts(notYet, includeInRox: false));
        Assert.True(HoldoutValue.Counts(notYet, includeInRox: true));
    }

    [Fact]
    public void A_test_whose_money_cannot_be_computed_never_counts()
    {
        var empty = HoldoutExperiment.Analyze(new HoldoutArm(0, 0), new HoldoutArm(12_500, 10_000), 25_000, 480m);

        Assert.False(HoldoutValue.Counts(empty, includeInRox: true));
    }
}
