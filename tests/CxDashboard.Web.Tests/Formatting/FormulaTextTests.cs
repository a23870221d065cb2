using CxDashboard.Core.Money;
using CxDashboard.Web.Formatting;

namespace CxDashboard.Web.Tests.Formatting;

/// <summary>The formulas of FORMULAS.md §1 written with the worked example's numbers, as the board's tooltips show them.</summary>
public sealed class FormulaTextTests
{
    private static readonly FigureFormat UsDollars = new("en-US", "USD");

    [Fact]
    public void Rox_formula_reads_with_the_numbers_substituted()
    {
        var ratios = HeadlineRatioCalculator.Compute(1_500_000m, 0m, 0m, 600_000m);

        Assert.Equal("$1,500,000 ÷ $600,000 × 100 = 250.0%", UsDollars.Substitute(ratios.Rox));
    }

    [Fact]
    public void Roi_formula_reads_with_the_numbers_substituted()
    {
        var ratios = HeadlineRatioCalculator.Compute(1_500_000m, 0m, 0m, 600_000m);

        Assert.Equal("($1,500,000 − $600,000) ÷ $600,000 × 100 = 150.0%", UsDollars.Substitute(ratios.Roi));
    }

    [Fact]
    public void Value_multiple_formula_names_each_factor()
    {
        var ratios = HeadlineRatioCalculator.Compute(costReduction: 900_000m, revenueGrowth: 400_000m, retention: 200_000m, investment: 600_000m);

        Assert.Equal("($400,000 + $200,000 + $900,000) ÷ $600,000 = 2.50×", UsDollars.Substitute(ratios.ValueMultiple));
    }

    [Fact]
    public void Substituted_formula_says_na_when_there_is_no_investment()
    {
        var ratios = HeadlineRatioCalculator.Compute(1_500_000m, 0m, 0m, 0m);

        Assert.Equal("$1,500,000 ÷ $0 × 100 = n/a", UsDollars.Substitute(ratios.Rox));
    }
}
