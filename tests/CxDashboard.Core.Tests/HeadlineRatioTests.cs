using CxDashboard.Core.Money;

namespace CxDashboard.Core.Tests;

public sealed class HeadlineRatioTests
{
    [Fact]
    public void Rox_is_gains_over_investment()
    {
        var ratios = HeadlineRatioCalculator.Compute(costReduction: 1_500_000m, revenueGrowth: 0m, retention: 0m, investment: 600_000m);

        Assert.Equal(250m, ratios.Rox.Value);
        Assert.Null(ratios.Rox.NotApplicableReason);
    }

    [Fact]
    public void Roi_is_net_benefit_over_cost()
    {
        var ratios = HeadlineRatioCalculator.Compute(1_500_000m, 0m, 0m, 600_000m);

        Assert.Equal(150m, ratios.Roi.Value);
    }

    [Fact]
    public void Value_multiple_is_gains_over_investment_as_a_multiple()
    {
        var ratios = HeadlineRatioCalculator.Compute(1_500_000m, 0m, 0m, 600_000m);

        Assert.Equal(2.5m, ratios.ValueMultiple.Value);
    }

    [Fact]
    public void Net_value_is_benefits_minus_cost()
    {
        var ratios = HeadlineRatioCalculator.Compute(1_500_000m, 0m, 0m, 600_000m);

        Assert.Equal(900_000m, ratios.NetValue.Value);
    }

    [Fact]
    public void Ratios_are_the_same_when_gains_are_split_across_the_three_factors()
    {
        var ratios = HeadlineRatioCalculator.Compute(costReduction: 900_000m, revenueGrowth: 400_000m, retention: 200_000m, investment: 600_000m);

        Assert.Equal(250m, ratios.Rox.Value);
        Assert.Equal(150m, ratios.Roi.Value);
        Assert.Equal(2.5m, ratios.ValueMultiple.Value);
        Assert.Equal(900_000m, ratios.NetValue.Value);
    }

    [Fact]
    public void Each_ratio_is_labelled_with_its_formula()
    {
        var ratios = HeadlineRatioCalculator.Compute(1_500_000m, 0m, 0m, 600_000m);

        Assert.Equal("ROX", ratios.Rox.Name);
        Assert.Equal("Monetized experience gains ÷ CX investment × 100", ratios.Rox.Formula);
        Assert.Equal("ROI", ratios.Roi.Name);
        Assert.Equal("(Benefits − cost) ÷ cost × 100", ratios.Roi.Formula);
        Assert.Equal("Value multiple", ratios.ValueMultiple.Name);
        Assert.Equal(FigureUnit.Percent, ratios.Rox.Unit);
        Assert.Equal(FigureUnit.Multiple, ratios.ValueMultiple.Unit);
    }

    [Fact]
    public void Zero_investment_makes_the_ratios_not_applicable_without_throwing()
    {
        var ratios = HeadlineRatioCalculator.Compute(1_500_000m, 0m, 0m, 0m);

        Assert.Null(ratios.Rox.Value);
        Assert.Null(ratios.Roi.Value);
        Assert.Null(ratios.ValueMultiple.Value);
        Assert.False(string.IsNullOrWhiteSpace(ratios.Rox.NotApplicableReason));
        Assert.False(string.IsNullOrWhiteSpace(ratios.Roi.NotApplicableReason));
        Assert.False(string.IsNullOrWhiteSpace(ratios.ValueMultiple.NotApplicableReason));
    }

    [Fact]
    public void Net_value_stays_applicable_without_investment()
    {
        var ratios = HeadlineRatioCalculator.Compute(1_500_000m, 0m, 0m, 0m);

        Assert.Equal(1_500_000m, ratios.NetValue.Value);
        Assert.Null(ratios.NetValue.NotApplicableReason);
    }
}
