using CxDashboard.Core.Money;
using CxDashboard.Web.Formatting;

namespace CxDashboard.Web.Tests.Formatting;

/// <summary>How p-values and test statistics are written: as decimals, with the digits that matter.</summary>
public sealed class StatisticFormatTests
{
    private static readonly FigureFormat UsDollars = new("en-US", "USD");
    private static readonly FigureFormat German = new("de-DE", "EUR");

    [Theory]
    [InlineData(0.251844, "0.252")]
    [InlineData(0.05, "0.050")]
    [InlineData(0.00132, "0.0013")]
    [InlineData(0.000126, "0.0001")]
    [InlineData(0.00000148, "< 0.0001")]
    [InlineData(0.0, "< 0.0001")]
    [InlineData(1.0, "1.000")]
    public void A_p_value_keeps_the_digits_that_tell_it_apart(double p, string expected)
    {
        Assert.Equal(expected, UsDollars.Format((decimal)p, FigureUnit.Probability));
    }

    [Fact]
    public void A_statistic_has_three_decimals_and_a_true_minus_sign()
    {
        Assert.Equal("3.833", UsDollars.Format(3.83333m, FigureUnit.Statistic));
        Assert.Equal("−1.960", UsDollars.Format(-1.959964m, FigureUnit.Statistic));
    }

    [Fact]
    public void Both_are_written_in_the_organisations_culture()
    {
        Assert.Equal("0,252", German.Format(0.251844m, FigureUnit.Probability));
        Assert.Equal("< 0,0001", German.Format(0.00000148m, FigureUnit.Probability));
        Assert.Equal("1,960", German.Format(1.959964m, FigureUnit.Statistic));
    }
}
