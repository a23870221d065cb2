using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Money;

namespace CxDashboard.Core.Tests.CashFlows;

public sealed class CashFlowAppraisalTests
{
    private const string Source = "test flows";

    // --- NPV

    [Fact]
    public void Npv_of_an_investment_returned_with_exactly_the_rate_is_zero()
    {
        var npv = CashFlowAppraisal.Npv([-1_000m, 1_100m], 0.10, CashFlowPeriod.Year);

        Assert.Equal(0m, npv.Value!.Value, 20);
        Assert.Equal(1_000m, npv.PresentValueOfBenefits, 20);
        Assert.Equal(1_000m, npv.PresentValueOfCosts);
    }

    [Fact]
    public void Monthly_npv_discounts_month_twelve_by_one_year()
    {
        var flows = new decimal[13];
        flows[12] = 110m;

        var npv = CashFlowAppraisal.Npv(flows, 0.10, CashFlowPeriod.Month);

        Assert.Equal(100m, npv.Value!.Value, 12);
        Assert.Equal(0.00797414042890376, npv.RatePerPeriod, 1e-16);
        Assert.Equal(12, npv.Horizon);
    }

    [Fact]
    public void Npv_leaves_period_zero_undiscounted()
    {
        Assert.Equal(-250m, CashFlowAppraisal.Npv([-250m], 0.10, CashFlowPeriod.Month).Value);
    }

    [Theory]
    [InlineData(double.NaN, "not a finite number")]
    [InlineData(double.PositiveInfinity, "not a finite number")]
    [InlineData(double.NegativeInfinity, "not a finite number")]
    [InlineData(-1.0, "−100 % or less")]
    [InlineData(-1.5, "−100 % or less")]
    public void Npv_at_a_rate_that_is_not_a_rate_is_not_applicable(double rate, string reason)
    {
        var npv = CashFlowAppraisal.Npv([-100m, 60m, 60m], rate, CashFlowPeriod.Month);

        Assert.False(npv.IsApplicable);
        Assert.Null(npv.Value);
        Assert.Contains(reason, npv.NotApplicableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Npv_of_no_flows_is_not_applicable_rather_than_zero()
    {
        var npv = CashFlowAppraisal.Npv([], 0.10, CashFlowPeriod.Year);

        Assert.Null(npv.Value);
        Assert.Equal("There are no cash flows to discount.", npv.NotApplicableReason);
    }

    [Fact]
    public void Npv_at_a_rate_near_minus_one_hundred_percent_over_many_periods_is_not_applicable_rather_than_an_overflow()
    {
        var flows = Enumerable.Repeat(50m, 200).Prepend(-100m).ToList();

        var npv = CashFlowAppraisal.Npv(flows, -0.999999, CashFlowPeriod.Year);

        Assert.Null(npv.Value);
        Assert.Contains("too large", npv.NotApplicableReason, StringComparison.Ordinal);
    }

    // --- IRR

    [Fact]
    public void Irr_of_an_investment_returned_with_ten_percent_is_ten_percent()
    {
        var irr = CashFlowAppraisal.Irr([-100m, 110m], CashFlowPeriod.Year);

        Assert.Equal(0.1, irr.RatePerPeriod!.Value, 1e-15);
        Assert.Equal(irr.RatePerPeriod, irr.AnnualRate);
        Assert.Null(irr.NoIrr);
        Assert.Empty(irr.Candidates);
    }

    [Fact]
    public void Monthly_irr_is_given_per_month_and_per_year()
    {
        var irr = CashFlowAppraisal.Irr([-1_000m, 1_010m], CashFlowPeriod.Month);

        Assert.Equal(0.01, irr.RatePerPeriod!.Value, 1e-15);
        Assert.Equal(0.1268250301319698, irr.AnnualRate!.Value, 1e-15);   // 1.01^12 − 1
    }

    [Fact]
    public void Irr_can_be_negative()
    {
        Assert.Equal(-0.5, CashFlowAppraisal.Irr([-100m, 50m], CashFlowPeriod.Year).RatePerPeriod!.Value, 1e-15);
    }

    [Theory]
    [InlineData(new[] { 100.0, 200.0 }, NoIrrReason.NoSignChange)]
    [InlineData(new[] { -100.0, -1.0, 0.0 }, NoIrrReason.NoSignChange)]
    [InlineData(new[] { 0.0, 0.0, 0.0 }, NoIrrReason.NoSignChange)]
    [InlineData(new[] { -100.0 }, NoIrrReason.TooFewFlows)]
    [InlineData(new double[0], NoIrrReason.TooFewFlows)]
    [InlineData(new[] { 100.0, -300.0, 250.0 }, NoIrrReason.NoRootFound)]
    [InlineData(new[] { -1.0, 1000.0 }, NoIrrReason.OutsideSearchedRange)]
    [InlineData(new[] { -100.0, 230.0, -132.0 }, NoIrrReason.MultipleRoots)]
    public void Irr_says_why_there_is_none_instead_of_a_wrong_number(double[] flows, NoIrrReason reason)
    {
        var irr = CashFlowAppraisal.Irr(flows.Select(f => (decimal)f).ToList(), CashFlowPeriod.Month);

        Assert.False(irr.IsApplicable);
        Assert.Null(irr.RatePerPeriod);
        Assert.Null(irr.AnnualRate);
        Assert.Equal(reason, irr.NoIrr);
        Assert.False(string.IsNullOrWhiteSpace(irr.NotApplicableReason));
    }

    [Fact]
    public void When_npv_is_zero_at_several_rates_they_are_all_reported()
    {
        // −100 + 230v − 132v² = 0 at v = 1/1.1 and v = 1/1.2.
        var irr = CashFlowAppraisal.Irr([-100m, 230m, -132m], CashFlowPeriod.Year);

        Assert.Equal(2, irr.Candidates.Count);
        Assert.Equal(0.1, irr.Candidates[0], 1e-12);
        Assert.Equal(0.2, irr.Candidates[1], 1e-12);
    }

    [Fact]
    public void Irr_with_several_sign_changes_but_one_crossing_is_found()
    {
        // Calc: =IRR(−1000; 500; −100; 600; −50; 400) = 11.525135329439 %.
        var irr = CashFlowAppraisal.Irr([-1_000m, 500m, -100m, 600m, -50m, 400m], CashFlowPeriod.Year);

        Assert.Equal(0.11525135329439, irr.RatePerPeriod!.Value, 1e-13);
    }

    // --- payback

    [Fact]
    public void Payback_is_interpolated_inside_the_month_it_is_reached()
    {
        // Cumulative −100, −60, −20, +20: 20 of month 3's 40 recover the rest → 2 + 20 ÷ 40 = 2.5 months.
        var payback = CashFlowAppraisal.Payback([-100m, 40m, 40m, 40m], CashFlowPeriod.Month);

        Assert.Equal(PaybackStatus.PaidBack, payback.Status);
        Assert.Equal(2.5m, payback.Periods);
        Assert.Equal(2.5m, payback.Months);
        Assert.Equal(3, payback.PaybackPeriod);
        Assert.Equal(20m, payback.StillToRecover);
        Assert.Equal(40m, payback.FlowInPeriod);
    }

    [Fact]
    public void Payback_reached_exactly_at_a_month_end_is_that_whole_month()
    {
        Assert.Equal(2m, CashFlowAppraisal.Payback([-100m, 50m, 50m, 10m], CashFlowPeriod.Month).Periods);
    }

    [Fact]
    public void Payback_is_zero_when_the_start_month_is_already_not_negative()
    {
        var payback = CashFlowAppraisal.Payback([0m, -5m, 10m], CashFlowPeriod.Month);

        Assert.Equal(0m, payback.Periods);
        Assert.Equal(0, payback.PaybackPeriod);
    }

    [Fact]
    public void Payback_is_the_first_crossing_even_when_the_cumulative_dips_again()
    {
        var payback = CashFlowAppraisal.Payback([-100m, 150m, -200m, 300m], CashFlowPeriod.Month);

        Assert.Equal(100m / 150m, payback.Periods);
    }

    [Fact]
    public void Payback_that_is_never_reached_is_not_within_horizon()
    {
        var payback = CashFlowAppraisal.Payback([-100m, 10m], CashFlowPeriod.Month);

        Assert.Equal(PaybackStatus.NotWithinHorizon, payback.Status);
        Assert.Null(payback.Periods);
        Assert.Equal(90m, payback.StillToRecover);
        Assert.StartsWith("Not within horizon", payback.NotApplicableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Annual_payback_is_counted_in_years_and_shown_in_months()
    {
        var payback = CashFlowAppraisal.Payback([-100m, 40m, 40m, 40m], CashFlowPeriod.Year);

        Assert.Equal(2.5m, payback.Periods);
        Assert.Equal(30m, payback.Months);
    }

    [Fact]
    public void Discounted_payback_is_the_payback_of_the_discounted_flows()
    {
        // −100, 60 ÷ 1.1, 60 ÷ 1.21: 1 + (100 − 54.5454…) ÷ 49.5867… = 1 + 60.5 ÷ 66 = 1.91666…
        var payback = CashFlowAppraisal.DiscountedPayback([-100m, 60m, 60m], 0.10, CashFlowPeriod.Year);

        Assert.True(payback.Discounted);
        Assert.Equal(1m + 60.5m / 66m, payback.Periods!.Value, 24);
    }

    [Fact]
    public void Discounted_payback_can_lie_beyond_the_horizon_when_the_payback_does_not()
    {
        Assert.Equal(PaybackStatus.PaidBack, CashFlowAppraisal.Payback([-100m, 50m, 50m], CashFlowPeriod.Year).Status);
        Assert.Equal(PaybackStatus.NotWithinHorizon, CashFlowAppraisal.DiscountedPayback([-100m, 50m, 50m], 0.10, CashFlowPeriod.Year).Status);
    }

    [Fact]
    public void Payback_of_no_flows_or_at_a_rate_that_is_not_a_number_is_not_applicable()
    {
        Assert.Equal(PaybackStatus.NotApplicable, CashFlowAppraisal.Payback([], CashFlowPeriod.Month).Status);
        var nan = CashFlowAppraisal.DiscountedPayback([-100m, 200m], double.NaN, CashFlowPeriod.Month);
        Assert.Equal(PaybackStatus.NotApplicable, nan.Status);
        Assert.Equal("The discount rate is not a finite number.", nan.NotApplicableReason);
    }

    // --- explained figures

    [Fact]
    public void Npv_explains_itself_as_benefits_less_costs_at_the_rate()
    {
        var figure = CashFlowAppraisal.Npv([-1_000m, 600m, 600m], 0.10, CashFlowPeriod.Year).ToFigure(Source);

        Assert.Equal("NPV", figure.Name);
        Assert.Equal(FigureUnit.Money, figure.Unit);
        Assert.Equal(41.322314049586776859504132m, figure.Value!.Value, 23);
        Assert.Equal("{0} − {1}, discounted at {2} a year over years 0 to {3} = {result}", figure.Template);
        Assert.Equal(["Present value of benefits", "Present value of costs", "Annual discount rate", "Last year"], figure.Inputs.Select(i => i.Label));
        Assert.Equal(1_041.322314049586776859504132m, figure.Inputs[0].Value, 23);
        Assert.Equal(1_000m, figure.Inputs[1].Value);
        Assert.Equal(0.1m, figure.Inputs[2].Value);
        Assert.Equal(FigureUnit.Rate, figure.Inputs[2].Unit);
        Assert.All(figure.Inputs, i => Assert.Equal(Source, i.Source));
        Assert.Null(figure.NotApplicableReason);
    }

    [Fact]
    public void A_monthly_npv_figure_talks_about_months()
    {
        var figure = CashFlowAppraisal.Npv([-1_000m, 600m, 600m], 0.10, CashFlowPeriod.Month).ToFigure(Source);

        Assert.Contains("months 0 to {3}", figure.Template, StringComparison.Ordinal);
        Assert.Contains("(1 + annual rate)^(1/12) − 1", figure.Formula, StringComparison.Ordinal);
    }

    [Fact]
    public void A_not_applicable_npv_figure_carries_the_reason_and_no_number()
    {
        var figure = CashFlowAppraisal.Npv([-1_000m, 600m], double.NaN, CashFlowPeriod.Month).ToFigure(Source);

        Assert.Null(figure.Value);
        Assert.Empty(figure.Inputs);
        Assert.Equal("The discount rate is not a finite number.", figure.NotApplicableReason);
    }

    [Fact]
    public void Irr_explains_how_the_monthly_rate_becomes_an_annual_one()
    {
        var figure = CashFlowAppraisal.Irr([-1_000m, 1_010m], CashFlowPeriod.Month).ToFigure(Source);

        Assert.Equal("IRR", figure.Name);
        Assert.Equal(FigureUnit.Rate, figure.Unit);
        Assert.Equal(0.1268250301319698m, figure.Value!.Value, 14);
        Assert.StartsWith("(1 + {0})^12 − 1 = {result}", figure.Template, StringComparison.Ordinal);
        Assert.Equal(0.01m, figure.Inputs[0].Value, 15);
        Assert.Equal(1m, figure.Inputs[1].Value);
    }

    [Fact]
    public void No_irr_becomes_a_figure_with_the_reason()
    {
        var figure = CashFlowAppraisal.Irr([100m, 200m], CashFlowPeriod.Month).ToFigure(Source);

        Assert.Null(figure.Value);
        Assert.Equal("The cash flows never change sign: no discount rate makes NPV zero.", figure.NotApplicableReason);
    }

    [Fact]
    public void Payback_explains_its_interpolation()
    {
        var figure = CashFlowAppraisal.Payback([-100m, 40m, 40m, 40m], CashFlowPeriod.Month).ToFigure(Source);

        Assert.Equal("Payback", figure.Name);
        Assert.Equal(FigureUnit.Months, figure.Unit);
        Assert.Equal(2.5m, figure.Value);
        Assert.Equal("{0} + {1} ÷ {2} = {result}", figure.Template);
        Assert.Equal([2m, 20m, 40m], figure.Inputs.Select(i => i.Value));
    }

    [Fact]
    public void Annual_payback_figure_is_in_months()
    {
        var figure = CashFlowAppraisal.Payback([-100m, 40m, 40m, 40m], CashFlowPeriod.Year).ToFigure(Source);

        Assert.Equal(30m, figure.Value);
        Assert.Equal("({0} + {1} ÷ {2}) × 12 = {result}", figure.Template);
    }

    [Fact]
    public void Payback_in_the_start_month_and_beyond_the_horizon_become_figures_too()
    {
        var atStart = CashFlowAppraisal.Payback([10m, -5m], CashFlowPeriod.Month).ToFigure(Source);
        var never = CashFlowAppraisal.DiscountedPayback([-100m, 10m], 0.10, CashFlowPeriod.Month).ToFigure(Source);

        Assert.Equal(0m, atStart.Value);
        Assert.Equal(10m, Assert.Single(atStart.Inputs).Value);
        Assert.Equal("Discounted payback", never.Name);
        Assert.Null(never.Value);
        Assert.StartsWith("Not within horizon", never.NotApplicableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_series_gives_its_four_headline_figures_with_itself_as_source()
    {
        var series = CashFlowSpreadsheetTests.InitiativeA();

        var figures = series.Figures();

        Assert.Equal(["NPV", "IRR", "Payback", "Discounted payback"], figures.Select(f => f.Name));
        Assert.All(figures, f => Assert.NotNull(f.Value));
        Assert.All(figures.SelectMany(f => f.Inputs), i => Assert.Equal("Initiative A, risk-adjusted, 2025-01 to 2028-01", i.Source));
    }
}
