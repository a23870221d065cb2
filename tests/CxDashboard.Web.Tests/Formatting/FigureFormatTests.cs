using CxDashboard.Core.Money;
using CxDashboard.Web.Formatting;

namespace CxDashboard.Web.Tests.Formatting;

public sealed class FigureFormatTests
{
    private static readonly FigureFormat UsDollars = new("en-US", "USD");

    [Fact]
    public void Money_of_100_or_more_is_written_without_cents()
    {
        Assert.Equal("$1,920,000", UsDollars.Format(1_920_000m, FigureUnit.Money));
        Assert.Equal("$1,235", UsDollars.Format(1_234.56m, FigureUnit.Money));
        Assert.Equal("$100", UsDollars.Format(100m, FigureUnit.Money));
    }

    [Fact]
    public void Money_below_100_is_written_with_cents_unless_whole()
    {
        Assert.Equal("$99.50", UsDollars.Format(99.5m, FigureUnit.Money));
        Assert.Equal("$7.90", UsDollars.Format(7.9m, FigureUnit.Money));
        Assert.Equal("$0", UsDollars.Format(0m, FigureUnit.Money));
        Assert.Equal("$48", UsDollars.Format(48m, FigureUnit.Money));
    }

    [Fact]
    public void Negative_money_keeps_its_sign()
    {
        Assert.Equal("−$7,508", UsDollars.Format(-7_508m, FigureUnit.Money));
    }

    [Fact]
    public void Compact_money_uses_one_decimal_and_a_scale_suffix()
    {
        Assert.Equal("$1.9M", UsDollars.Compact(1_920_000m));
        Assert.Equal("$416.5K", UsDollars.Compact(416_516m));
        Assert.Equal("$2.5B", UsDollars.Compact(2_500_000_000m));
    }

    [Fact]
    public void Compact_money_below_ten_thousand_is_written_in_full()
    {
        Assert.Equal("$9,999", UsDollars.Compact(9_999m));
        Assert.Equal("$48", UsDollars.Compact(48m));
        Assert.Equal("$47.50", UsDollars.Compact(47.5m));
    }

    [Fact]
    public void Percent_is_already_multiplied_by_100()
    {
        Assert.Equal("250.0%", UsDollars.Format(250m, FigureUnit.Percent));
        Assert.Equal("−43.4%", UsDollars.Format(-43.4m, FigureUnit.Percent));
    }

    [Fact]
    public void Rate_is_a_fraction_written_as_a_percentage()
    {
        Assert.Equal("25.0%", UsDollars.Format(0.25m, FigureUnit.Rate));
        Assert.Equal("1.42%", UsDollars.Format(0.0142m, FigureUnit.Rate));
    }

    [Fact]
    public void Multiple_has_two_decimals_and_a_times_sign()
    {
        Assert.Equal("2.50×", UsDollars.Format(2.5m, FigureUnit.Multiple));
    }

    [Fact]
    public void Other_units_carry_their_unit()
    {
        Assert.Equal("420 s", UsDollars.Format(420m, FigureUnit.Seconds));
        Assert.Equal("1,500,000", UsDollars.Format(1_500_000m, FigureUnit.Count));
        Assert.Equal("5.0", UsDollars.Format(5m, FigureUnit.Score));
        Assert.Equal("8.5 wk", UsDollars.Format(8.5m, FigureUnit.Weeks));
        Assert.Equal("3.4 mo", UsDollars.Format(3.4m, FigureUnit.Months));
    }

    [Fact]
    public void German_culture_with_euros_uses_its_own_separators()
    {
        var euros = new FigureFormat("de-DE", "EUR");

        // ICU versions differ on a plain or non-breaking space before the symbol; the separators do not.
        Assert.Equal("1.500.000 €", Spaces(euros.Format(1_500_000m, FigureUnit.Money)));
        Assert.Equal("99,50 €", Spaces(euros.Format(99.5m, FigureUnit.Money)));
        Assert.Equal("250,0 %", Spaces(euros.Format(250m, FigureUnit.Percent)));
        Assert.Equal("2,50×", euros.Format(2.5m, FigureUnit.Multiple));
    }

    [Fact]
    public void Currency_comes_from_the_organisation_not_the_culture()
    {
        var euros = new FigureFormat("en-US", "EUR");

        Assert.Equal("€1,500,000", euros.Format(1_500_000m, FigureUnit.Money));
        Assert.Equal("EUR", euros.CurrencyCode);
    }

    [Fact]
    public void An_unknown_currency_is_written_by_its_code()
    {
        var francs = new FigureFormat("en-US", "chf");

        Assert.Equal("CHF 1,500,000", francs.Format(1_500_000m, FigureUnit.Money));
    }

    [Fact]
    public void A_neutral_culture_name_is_accepted()
    {
        var english = new FigureFormat("en", "USD");

        Assert.Equal("$1,500,000", english.Format(1_500_000m, FigureUnit.Money));
    }

    private static string Spaces(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');
}
