using CxDashboard.Core.Value;

namespace CxDashboard.Core.Tests;

public sealed class ValueDriverCatalogTests
{
    [Fact]
    public void Every_driver_type_declares_its_factor_inputs_and_formula()
    {
        Assert.Equal(Enum.GetValues<ValueDriverType>().Order(), ValueDriverCatalog.All.Select(k => k.Type).Order());
        Assert.All(ValueDriverCatalog.All, k =>
        {
            Assert.False(string.IsNullOrWhiteSpace(k.Name));
            Assert.NotEmpty(k.Inputs);
            Assert.False(string.IsNullOrWhiteSpace(k.Formula));
        });
    }

    [Fact]
    public void The_three_churn_methods_are_labelled_and_feed_retention()
    {
        Assert.Equal(
            ["Churn reduction (value of churn)", "Churn reduction (cohort survival)", "Churn reduction (flat)"],
            ValueDriverCatalog.All.Where(k => k.KpiCodes.Contains("CHURN")).Select(k => k.Name));
        Assert.All(ValueDriverCatalog.All.Where(k => k.KpiCodes.Contains("CHURN")), k => Assert.Equal(ValueFactor.Retention, k.Factor));
    }

    [Fact]
    public void Factors_follow_the_table_of_formulas()
    {
        Assert.Equal(ValueFactor.CostReduction, ValueDriverCatalog.Of(ValueDriverType.HandleTimeSavings).Factor);
        Assert.Equal(ValueFactor.RevenueGrowth, ValueDriverCatalog.Of(ValueDriverType.ConversionLift).Factor);
        Assert.False(ValueDriverCatalog.Of(ValueDriverType.Referral).IsHard);
    }
}
