using CxDashboard.Core.Kpis;
using CxDashboard.Web.Formatting;
using CxDashboard.Web.Board;

namespace CxDashboard.Web.Tests.Board;

public sealed class KpiValueFormatTests
{
    private readonly KpiValueFormat _format = new(new FigureFormat("en-US", "USD"));

    private static KpiDefinition Kpi(string code) => KpiCatalog.Find(code)!;

    [Fact]
    public void Values_are_written_in_their_unit()
    {
        Assert.Equal("$5.84", _format.Value(Kpi("CPC"), 5.8412));
        Assert.Equal("$2,204", _format.Value(Kpi("CLV"), 2204.4));
        Assert.Equal("71.3%", _format.Value(Kpi("FCR"), 0.7134));
        Assert.Equal("1.49%", _format.Value(Kpi("CHURN"), 0.01494));
        Assert.Equal("412 s", _format.Value(Kpi("AHT"), 411.6));
        Assert.Equal("15.0", _format.Value(Kpi("NPS"), 15.04));
        Assert.Equal("no data", _format.Value(Kpi("NPS"), null));
    }

    [Fact]
    public void Changes_carry_their_sign_and_rates_move_in_percentage_points()
    {
        Assert.Equal("−28 s", _format.Delta(Kpi("AHT"), -28.2));
        Assert.Equal("+4.1 pp", _format.Delta(Kpi("FCR"), 0.041));
        Assert.Equal("−0.13 pp", _format.Delta(Kpi("CHURN"), -0.0013, reference: 0.0149));
        Assert.Equal("+0.4 pp", _format.Delta(Kpi("FCR"), 0.0035, reference: 0.719));
        Assert.Equal("−$0.85", _format.Delta(Kpi("CPC"), -0.85));
        Assert.Equal("", _format.Delta(Kpi("CPC"), null));
    }

    [Fact]
    public void A_real_change_too_small_for_the_usual_precision_gets_more_digits()
    {
        Assert.Equal("−0.02", _format.Delta(Kpi("NPS"), -0.02));
        Assert.Equal("+0.3 s", _format.Delta(Kpi("AHT"), 0.3));
        Assert.Equal("+0.04 pp", _format.Delta(Kpi("FCR"), 0.0004, reference: 0.719));
    }

    [Fact]
    public void No_change_reads_as_zero_without_a_sign()
    {
        Assert.Equal("±0.0", _format.Delta(Kpi("NPS"), 0.0));
        Assert.Equal("±0 s", _format.Delta(Kpi("AHT"), 0.00001));
    }

    [Fact]
    public void A_value_a_number_cannot_hold_is_not_written_as_one()
    {
        Assert.Equal("n/a", _format.Value(Kpi("CLV"), double.PositiveInfinity));
        Assert.Equal("", _format.Delta(Kpi("CLV"), double.NaN));
    }
}
