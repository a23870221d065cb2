using CxDashboard.Core.Kpis;
using CxDashboard.Core.Value;

namespace CxDashboard.Core.Tests;

public sealed class ValueDriverTests
{
    /// <summary>A month's KPI value with the volume behind it (contacts, customers, leads).</summary>
    private static KpiAggregate Actual(double value, double volume = 0) => new(value, value * volume, volume, 1);

    private static decimal? Money(ValueDriverType type, DriverParameters parameters, double baseline, double actual, double volume = 0, int month = 1) =>
        ValueDriverCalculator.MonthlyValue(type, parameters, baseline, Actual(actual, volume), month).Value;

    [Fact]
    public void Handle_time_savings_price_seconds_saved_at_the_loaded_hourly_rate()
    {
        // 60 s × 200,000 contacts ÷ 3600 × $48/h
        var perMonth = Money(ValueDriverType.HandleTimeSavings, new DriverParameters(UnitValue: 48m, Volume: 200_000m), baseline: 420, actual: 360);

        Assert.Equal(160_000m, perMonth);
    }

    [Fact]
    public void Handle_time_savings_over_a_year_are_twelve_months_of_savings()
    {
        var parameters = new DriverParameters(UnitValue: 48m, Volume: 200_000m);

        var year = Enumerable.Range(1, 12)
            .Sum(m => Money(ValueDriverType.HandleTimeSavings, parameters, 420, 360, month: m));

        Assert.Equal(1_920_000m, year);
    }

    [Fact]
    public void Handle_time_savings_on_a_year_of_contacts_in_one_call()
    {
        // 45 s × 1,500,000 contacts ÷ 3600 × $32/h
        var perYear = Money(ValueDriverType.HandleTimeSavings, new DriverParameters(UnitValue: 32m, Volume: 1_500_000m), baseline: 300, actual: 255);

        Assert.Equal(600_000m, perYear);
    }

    [Fact]
    public void Handle_time_savings_on_monthly_contacts_add_up_to_the_same_year()
    {
        var parameters = new DriverParameters(UnitValue: 32m, Volume: 125_000m);

        var perMonth = Money(ValueDriverType.HandleTimeSavings, parameters, 300, 255);
        var year = Enumerable.Range(1, 12).Sum(m => Money(ValueDriverType.HandleTimeSavings, parameters, 300, 255, month: m));

        Assert.Equal(50_000m, perMonth);
        Assert.Equal(600_000m, year);
    }

    [Fact]
    public void Handle_time_savings_take_contacts_from_the_kpi_when_no_volume_is_given()
    {
        // 30 s × 100,000 measured contacts ÷ 3600 × $36/h: exact only when the division comes last.
        var perMonth = Money(ValueDriverType.HandleTimeSavings, new DriverParameters(UnitValue: 36m), baseline: 420, actual: 390, volume: 100_000);

        Assert.Equal(30_000m, perMonth);
    }

    [Fact]
    public void Handle_time_that_got_worse_is_a_negative_saving()
    {
        var perMonth = Money(ValueDriverType.HandleTimeSavings, new DriverParameters(UnitValue: 36m, Volume: 100_000m), baseline: 360, actual: 390);

        Assert.Equal(-30_000m, perMonth);
    }

    [Fact]
    public void Conversion_lift_prices_extra_customers_at_order_value_and_margin()
    {
        // 10,000 leads × 1 pp = 100 customers × $150 = $15,000 topline × 50 % = $7,500
        var margin = Money(ValueDriverType.ConversionLift, new DriverParameters(UnitValue: 150m, Margin: 0.5m, Volume: 10_000m), baseline: 0.02, actual: 0.03);

        Assert.Equal(7_500m, margin);
    }

    [Fact]
    public void Conversion_lift_at_full_margin_is_the_topline()
    {
        var topline = Money(ValueDriverType.ConversionLift, new DriverParameters(UnitValue: 150m, Margin: 1m, Volume: 10_000m), 0.02, 0.03);
        var customers = Money(ValueDriverType.ConversionLift, new DriverParameters(UnitValue: 1m, Margin: 1m, Volume: 10_000m), 0.02, 0.03);

        Assert.Equal(15_000m, topline);
        Assert.Equal(100m, customers);
    }

    [Fact]
    public void Value_of_churn_is_churned_value_times_relative_churn_reduction()
    {
        // churn 20 % → 19 % is 5 % less churn; 5 % of $70,000
        var kept = Money(ValueDriverType.ChurnValueOfChurn, new DriverParameters(UnitValue: 70_000m), baseline: 0.20, actual: 0.19);

        Assert.Equal(3_500m, kept);
    }

    [Fact]
    public void Value_of_churn_needs_a_baseline_churn_above_zero()
    {
        var result = ValueDriverCalculator.MonthlyValue(
            ValueDriverType.ChurnValueOfChurn, new DriverParameters(UnitValue: 70_000m), 0, Actual(0));

        Assert.Null(result.Value);
        Assert.Equal("a baseline churn above zero", result.Missing);
    }

    [Fact]
    public void Flat_churn_prices_customers_kept_each_month_without_accumulating()
    {
        // 50,000 customers × 0.5 pp × $40 × 60 %
        var parameters = new DriverParameters(UnitValue: 40m, Margin: 0.6m, Volume: 50_000m);

        var perMonth = Money(ValueDriverType.ChurnFlat, parameters, baseline: 0.02, actual: 0.015);
        var year = Enumerable.Range(1, 12).Sum(m => Money(ValueDriverType.ChurnFlat, parameters, 0.02, 0.015, month: m));

        Assert.Equal(6_000m, perMonth);
        Assert.Equal(72_000m, year);
    }

    [Fact]
    public void Flat_churn_over_a_year_is_3000_customer_months()
    {
        // priced at $1 and full margin, the driver counts customer-months
        var count = new DriverParameters(UnitValue: 1m, Margin: 1m, Volume: 50_000m);

        var customerMonths = Enumerable.Range(1, 12).Sum(m => Money(ValueDriverType.ChurnFlat, count, 0.02, 0.015, month: m));

        Assert.Equal(3_000m, customerMonths);
    }

    [Fact]
    public void Annual_churn_converts_to_the_monthly_rate_that_compounds_to_it()
    {
        var monthly = ValueDriverCalculator.MonthlyChurnFromAnnual(0.20);

        Assert.Equal(0.018423470126, monthly, 12);
        Assert.Equal(0.8, Math.Pow(1 - monthly, 12), 12);
    }

    [Fact]
    public void Cohort_survival_gain_is_the_extra_surviving_share_m_months_on()
    {
        // (1 − 0.01)^2 − (1 − 0.02)^2 = 0.9801 − 0.9604
        Assert.Equal(0.0197m, ValueDriverCalculator.CohortSurvivalGain(baseChurn: 0.02, newChurn: 0.01, month: 2));
    }

    [Fact]
    public void Cohort_churn_over_a_year_is_17354_8_customer_months()
    {
        var baseChurn = ValueDriverCalculator.MonthlyChurnFromAnnual(0.20);
        var count = new DriverParameters(UnitValue: 1m, Margin: 1m, Volume: 50_000m);

        var customerMonths = Enumerable.Range(1, 12)
            .Sum(m => Money(ValueDriverType.ChurnCohort, count, baseChurn, baseChurn - 0.005, month: m));

        Assert.Equal(17_354.8m, Math.Round(customerMonths!.Value, 1));
    }

    [Fact]
    public void Cohort_churn_in_year_one_is_worth_416516()
    {
        var baseChurn = ValueDriverCalculator.MonthlyChurnFromAnnual(0.20);
        var parameters = new DriverParameters(UnitValue: 40m, Margin: 0.6m, Volume: 50_000m);

        var year = Enumerable.Range(1, 12)
            .Sum(m => Money(ValueDriverType.ChurnCohort, parameters, baseChurn, baseChurn - 0.005, month: m));

        Assert.Equal(416_516m, Math.Round(year!.Value, 0));
    }

    [Fact]
    public void Cohort_churn_grows_month_by_month_as_the_gap_compounds()
    {
        var parameters = new DriverParameters(UnitValue: 1m, Margin: 1m, Volume: 10_000m);

        // 10,000 × [(0.99)^1 − (0.98)^1] = 100; 10,000 × [(0.99)^2 − (0.98)^2] = 197
        Assert.Equal(100m, Money(ValueDriverType.ChurnCohort, parameters, 0.02, 0.01, month: 1));
        Assert.Equal(197m, Money(ValueDriverType.ChurnCohort, parameters, 0.02, 0.01, month: 2));
    }

    [Fact]
    public void Repeat_contact_avoidance_prices_contacts_resolved_first_time()
    {
        // 10,000 contacts × 5 pp × $6
        var saved = Money(ValueDriverType.RepeatContactAvoidance, new DriverParameters(UnitValue: 6m), baseline: 0.70, actual: 0.75, volume: 10_000);

        Assert.Equal(3_000m, saved);
    }

    [Fact]
    public void Deflection_prices_contained_sessions_at_the_assisted_minus_automated_cost()
    {
        // 20,000 sessions × 10 pp × ($8 − $1)
        var saved = Money(ValueDriverType.Deflection, new DriverParameters(UnitValue: 8m, SecondaryUnitValue: 1m), baseline: 0.30, actual: 0.40, volume: 20_000);

        Assert.Equal(14_000m, saved);
    }

    [Fact]
    public void Cost_per_contact_saving_is_contacts_times_the_drop()
    {
        // 50,000 contacts × ($5.50 − $5.00)
        var saved = Money(ValueDriverType.CostPerContact, new DriverParameters(), baseline: 5.50, actual: 5.00, volume: 50_000);

        Assert.Equal(25_000m, saved);
    }

    [Fact]
    public void Complaints_avoided_are_priced_at_the_cost_per_complaint()
    {
        // (400 − 350) × $120
        var saved = Money(ValueDriverType.ComplaintsAndReturns, new DriverParameters(UnitValue: 120m), baseline: 400, actual: 350, volume: 350);

        Assert.Equal(6_000m, saved);
    }

    [Fact]
    public void Shorter_ramp_time_saves_weeks_of_loaded_cost_per_monthly_hire()
    {
        // 120 hires/year ÷ 12 × (10 − 8) weeks × $1,000/week
        var saved = Money(ValueDriverType.AgentRampTime, new DriverParameters(UnitValue: 1_000m, Volume: 120m), baseline: 10, actual: 8);

        Assert.Equal(20_000m, saved);
    }

    [Fact]
    public void Shorter_ramp_time_is_exact_when_hires_do_not_divide_into_months()
    {
        // 100 hires/year ÷ 12 × (10 − 8) weeks × $600/week = 100 × 2 × 600 ÷ 12
        var saved = Money(ValueDriverType.AgentRampTime, new DriverParameters(UnitValue: 600m, Volume: 100m), baseline: 10, actual: 8);

        Assert.Equal(10_000m, saved);
    }

    [Fact]
    public void Lower_attrition_saves_a_month_of_replacements()
    {
        // 500 agents × (40 % − 34 %) ÷ 12 × $6,000
        var saved = Money(ValueDriverType.AgentAttrition, new DriverParameters(UnitValue: 6_000m, Volume: 500m), baseline: 0.40, actual: 0.34);

        Assert.Equal(15_000m, saved);
    }

    [Fact]
    public void Lower_attrition_is_exact_when_the_monthly_share_does_not_divide_evenly()
    {
        // 100 agents × (30 % − 25 %) ÷ 12 × $6,000 = 5 × 6,000 ÷ 12
        var saved = Money(ValueDriverType.AgentAttrition, new DriverParameters(UnitValue: 6_000m, Volume: 100m), baseline: 0.30, actual: 0.25);

        Assert.Equal(2_500m, saved);
    }

    [Fact]
    public void Revenue_per_customer_prices_the_arpu_rise_at_margin()
    {
        // 8,000 customers × ($52 − $50) × 40 %
        var gained = Money(ValueDriverType.RevenuePerCustomer, new DriverParameters(Margin: 0.4m), baseline: 50, actual: 52, volume: 8_000);

        Assert.Equal(6_400m, gained);
    }

    [Fact]
    public void Referral_prices_nps_points_as_referral_conversions()
    {
        // 100,000 customers × 5 points × 0.0002 referrals per point × $200
        var gained = Money(ValueDriverType.Referral, new DriverParameters(UnitValue: 200m, Volume: 100_000m, PerPoint: 0.0002m), baseline: 30, actual: 35);

        Assert.Equal(20_000m, gained);
    }

    [Theory]
    [InlineData(ValueDriverType.HandleTimeSavings, "loaded hourly rate")]
    [InlineData(ValueDriverType.RepeatContactAvoidance, "cost per contact")]
    [InlineData(ValueDriverType.Deflection, "cost per assisted and per automated contact")]
    [InlineData(ValueDriverType.ComplaintsAndReturns, "cost per complaint or return")]
    [InlineData(ValueDriverType.AgentRampTime, "weekly loaded cost")]
    [InlineData(ValueDriverType.AgentAttrition, "replacement cost")]
    [InlineData(ValueDriverType.ConversionLift, "order value and margin")]
    [InlineData(ValueDriverType.RevenuePerCustomer, "margin")]
    [InlineData(ValueDriverType.Referral, "referral conversions per point and value per referral")]
    [InlineData(ValueDriverType.ChurnValueOfChurn, "churned value")]
    [InlineData(ValueDriverType.ChurnCohort, "ARPU and margin")]
    [InlineData(ValueDriverType.ChurnFlat, "ARPU and margin")]
    public void A_missing_parameter_gives_no_value_and_names_what_is_missing(ValueDriverType type, string missing)
    {
        var result = ValueDriverCalculator.MonthlyValue(type, new DriverParameters(Volume: 1_000m), baseline: 0.2, Actual(0.1, 1_000));

        Assert.Null(result.Value);
        Assert.Equal(missing, result.Missing);
    }

    [Fact]
    public void A_driver_with_only_part_of_a_pair_of_parameters_is_still_missing_one()
    {
        var result = ValueDriverCalculator.MonthlyValue(
            ValueDriverType.ConversionLift, new DriverParameters(UnitValue: 150m, Volume: 10_000m), 0.02, Actual(0.03));

        Assert.Null(result.Value);
        Assert.Equal("order value and margin", result.Missing);
    }

    [Fact]
    public void No_actual_gives_no_value_rather_than_zero()
    {
        var result = ValueDriverCalculator.MonthlyValue(
            ValueDriverType.HandleTimeSavings, new DriverParameters(UnitValue: 48m, Volume: 200_000m), 420, default);

        Assert.Null(result.Value);
        Assert.Equal("actual KPI value", result.Missing);
    }

    [Fact]
    public void A_computed_value_names_nothing_missing()
    {
        var result = ValueDriverCalculator.MonthlyValue(
            ValueDriverType.HandleTimeSavings, new DriverParameters(UnitValue: 48m, Volume: 200_000m), 420, Actual(360));

        Assert.Null(result.Missing);
    }
}
