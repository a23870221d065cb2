using CxDashboard.Core.Kpis;
using CxDashboard.Core.Money;

namespace CxDashboard.Core.Tests;

public sealed class KpiFormulasTests
{
    [Fact]
    public void Nps_is_percent_promoters_minus_percent_detractors()
    {
        // 600 promoters, 250 passives, 150 detractors: (600 − 150) ÷ 1,000 × 100 = 45.
        var nps = KpiFormulas.Nps(600, 250, 150);

        Assert.Equal(45m, nps.Value);
        Assert.Equal(FigureUnit.Score, nps.Unit);
        Assert.Equal("({0} − {2}) ÷ ({0} + {1} + {2}) × 100 = {result}", nps.Template);
    }

    [Fact]
    public void Nps_runs_from_minus_100_to_100()
    {
        Assert.Equal(100m, KpiFormulas.Nps(10, 0, 0).Value);
        Assert.Equal(-100m, KpiFormulas.Nps(0, 0, 10).Value);
        Assert.Equal(0m, KpiFormulas.Nps(0, 10, 0).Value);
    }

    [Fact]
    public void Nps_with_no_responses_is_not_applicable_not_zero()
    {
        var nps = KpiFormulas.Nps(0, 0, 0);

        Assert.Null(nps.Value);
        Assert.Contains("no responses", nps.NotApplicableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Nps_names_a_negative_count()
    {
        Assert.Equal("The detractor count is negative.", KpiFormulas.Nps(10, 5, -1).NotApplicableReason);
        Assert.Equal("The promoter count is negative.", KpiFormulas.Nps(-1, 5, 1).NotApplicableReason);
    }

    [Fact]
    public void Csat_is_the_share_of_4_and_5_answers()
    {
        // 50, 50, 100, 400, 400 answers of 1..5: (400 + 400) ÷ 1,000 = 0.8.
        var csat = KpiFormulas.CsatTopTwoBox([50, 50, 100, 400, 400]);

        Assert.Equal(0.8m, csat.Value);
        Assert.Equal(FigureUnit.Rate, csat.Unit);
        Assert.Equal(5, csat.Inputs.Count);
    }

    [Fact]
    public void Csat_with_no_answers_is_not_applicable_and_a_negative_count_is_named()
    {
        Assert.Null(KpiFormulas.CsatTopTwoBox([0, 0, 0, 0, 0]).Value);
        Assert.Equal("The count of answers of three is negative.", KpiFormulas.CsatTopTwoBox([1, 1, -1, 1, 1]).NotApplicableReason);
    }

    [Fact]
    public void Csat_rejects_a_scale_that_is_not_1_to_5()
    {
        Assert.Throws<ArgumentException>(() => KpiFormulas.CsatTopTwoBox([1, 2, 3]));
    }

    [Fact]
    public void Ces_is_the_mean_effort_answer()
    {
        // 100, 200, 300, 200, 100, 50, 50 answers of 1..7:
        // (100 + 400 + 900 + 800 + 500 + 300 + 350) ÷ 1,000 = 3,350 ÷ 1,000 = 3.35.
        var ces = KpiFormulas.CesMean([100, 200, 300, 200, 100, 50, 50]);

        Assert.Equal(3.35m, ces.Value);
        Assert.Equal(FigureUnit.Score, ces.Unit);
    }

    [Fact]
    public void Ces_with_no_answers_is_not_applicable()
    {
        var ces = KpiFormulas.CesMean([0, 0, 0, 0, 0, 0, 0]);

        Assert.Null(ces.Value);
        Assert.NotNull(ces.NotApplicableReason);
        Assert.Throws<ArgumentException>(() => KpiFormulas.CesMean([1, 2, 3, 4, 5]));
    }

    [Fact]
    public void Churn_is_customers_lost_over_customers_at_start_and_retention_is_its_complement()
    {
        // 250 of 10,000 lost: churn 0.025, retention 0.975.
        Assert.Equal(0.025m, KpiFormulas.ChurnRate(10_000, 250).Value);
        Assert.Equal(0.975m, KpiFormulas.RetentionRate(10_000, 250).Value);
        Assert.Equal("{1} ÷ {0} = {result}", KpiFormulas.ChurnRate(10_000, 250).Template);
    }

    [Theory]
    [InlineData(0L, 0L, "no customers at the start")]
    [InlineData(-1L, 0L, "customers at the start is negative")]
    [InlineData(100L, -1L, "customers lost is negative")]
    [InlineData(100L, 101L, "More customers were lost")]
    public void Churn_and_retention_are_not_applicable_for_counts_that_cannot_be_divided(long atStart, long lost, string expected)
    {
        var churn = KpiFormulas.ChurnRate(atStart, lost);
        var retention = KpiFormulas.RetentionRate(atStart, lost);

        Assert.Null(churn.Value);
        Assert.Null(retention.Value);
        Assert.Contains(expected, churn.NotApplicableReason, StringComparison.Ordinal);
        Assert.Contains(expected, retention.NotApplicableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Simple_clv_is_arpu_times_margin_over_monthly_churn()
    {
        // $40 × 0.6 ÷ 0.02 = $1,200.
        var clv = KpiFormulas.SimpleClv(40m, 0.6m, 0.02);

        Assert.Equal(1_200m, clv.Value);
        Assert.Equal(FigureUnit.Money, clv.Unit);
        Assert.Equal("{0} × {1} ÷ {2} = {result}", clv.Template);
    }

    [Fact]
    public void Simple_clv_with_all_customers_leaving_is_one_month_of_margin()
    {
        Assert.Equal(24m, KpiFormulas.SimpleClv(40m, 0.6m, 1.0).Value);
    }

    [Theory]
    [InlineData(0.0, "churn is zero")]
    [InlineData(double.NaN, "monthly churn is not a finite number")]
    [InlineData(double.PositiveInfinity, "monthly churn is not a finite number")]
    [InlineData(-0.01, "between 0 and 1")]
    [InlineData(1.5, "between 0 and 1")]
    public void Simple_clv_is_not_applicable_for_a_churn_it_cannot_divide_by(double churn, string expected)
    {
        var clv = KpiFormulas.SimpleClv(40m, 0.6m, churn);

        Assert.Null(clv.Value);
        Assert.Contains(expected, clv.NotApplicableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Simple_clv_names_a_negative_arpu_or_a_margin_above_100_percent_and_allows_a_negative_margin()
    {
        Assert.Equal("ARPU is negative.", KpiFormulas.SimpleClv(-1m, 0.6m, 0.02).NotApplicableReason);
        Assert.Contains("above 100 %", KpiFormulas.SimpleClv(40m, 1.2m, 0.02).NotApplicableReason, StringComparison.Ordinal);
        Assert.Equal(-200m, KpiFormulas.SimpleClv(40m, -0.1m, 0.02).Value);
    }

    [Fact]
    public void Simple_clv_too_large_for_money_is_not_applicable_rather_than_an_overflow()
    {
        var clv = KpiFormulas.SimpleClv(10_000_000_000_000_000m, 1m, 1e-12);

        Assert.Null(clv.Value);
        Assert.Contains("too large", clv.NotApplicableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Discounted_clv_is_arpu_times_margin_times_one_plus_d_over_one_plus_d_minus_retention()
    {
        // $40 × 0.6 × 1.01 ÷ (1.01 − 0.98) = 24.24 ÷ 0.03 = $808.
        var clv = KpiFormulas.DiscountedClv(40m, 0.6m, monthlyRetention: 0.98, monthlyDiscountRate: 0.01);

        Assert.Equal(808m, clv.Value);
        Assert.Equal("{0} × {1} × (1 + {3}) ÷ (1 + {3} − {2}) = {result}", clv.Template);
    }

    [Fact]
    public void Discounted_clv_without_discounting_is_the_simple_clv()
    {
        // d = 0: 24 × 1 ÷ (1 − 0.98) = 1,200, as ARPU × margin ÷ churn.
        Assert.Equal(1_200m, KpiFormulas.DiscountedClv(40m, 0.6m, 0.98, 0.0).Value);
    }

    [Fact]
    public void Discounted_clv_at_full_retention_is_bounded_by_the_discount()
    {
        // r = 1, d = 0.01: 24 × 1.01 ÷ 0.01 = 2,424.
        Assert.Equal(2_424m, KpiFormulas.DiscountedClv(40m, 0.6m, 1.0, 0.01).Value);
    }

    [Fact]
    public void Discounted_clv_at_full_retention_without_discounting_is_not_applicable()
    {
        var clv = KpiFormulas.DiscountedClv(40m, 0.6m, 1.0, 0.0);

        Assert.Null(clv.Value);
        Assert.Contains("1 + d − r is zero", clv.NotApplicableReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN, 0.01, "monthly retention is not a finite number")]
    [InlineData(0.98, double.NaN, "monthly discount rate is not a finite number")]
    [InlineData(0.98, double.NegativeInfinity, "monthly discount rate is not a finite number")]
    [InlineData(1.1, 0.01, "monthly retention must be a fraction")]
    [InlineData(0.98, -0.01, "monthly discount rate must be a fraction")]
    public void Discounted_clv_names_the_input_that_is_not_a_rate(double retention, double discount, string expected)
    {
        var clv = KpiFormulas.DiscountedClv(40m, 0.6m, retention, discount);

        Assert.Null(clv.Value);
        Assert.Contains(expected, clv.NotApplicableReason, StringComparison.Ordinal);
    }
}
