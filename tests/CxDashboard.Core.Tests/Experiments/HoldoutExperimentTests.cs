using CxDashboard.Core.Experiments;
using CxDashboard.Core.Money;

namespace CxDashboard.Core.Tests.Experiments;

/// <summary>
/// Seed 001's renewal test: 25,000 renewal-eligible customers split evenly, 12,500 per arm, control retention
/// 80 % (10,000 renew). A test arm of 10,200 renewals (81.6 %) gives lift 1.6 pp; SE = √(0.816·0.184/12,500 +
/// 0.8·0.2/12,500) = 0.0049811; 95 % interval 1.6 ± 0.9763 pp = [0.6237, 2.5763] pp; pooled rate 0.808, pooled
/// SE 0.0049821, z = 3.2115, p = 0.00132: significant. At $480 per retained customer over the 25,000:
/// 0.016 × 25,000 × 480 = $192,000, interval [$74,844.14, $309,155.86].
/// </summary>
public sealed class HoldoutExperimentTests
{
    private static readonly HoldoutArm Control = new(12_500, 10_000);

    private static HoldoutResult Renewals(long testRenewals, long population = 25_000, decimal value = 480m) =>
        HoldoutExperiment.Analyze(new HoldoutArm(12_500, testRenewals), Control, population, value);

    [Fact]
    public void Lift_is_test_rate_minus_control_rate()
    {
        var result = Renewals(10_200);

        Assert.Equal(0.016m, result.Lift.Value);
        Assert.Equal(0.816m, result.Lift.Inputs[0].Value);
        Assert.Equal(0.8m, result.Lift.Inputs[1].Value);
        Assert.Equal(FigureUnit.Rate, result.Lift.Unit);
        Assert.Equal("{0} − {1} = {result}", result.Lift.Template);
    }

    [Fact]
    public void Standard_error_is_unpooled_and_the_interval_is_lift_plus_or_minus_1_96_of_it()
    {
        var result = Renewals(10_200);

        Assert.Equal(0.0049811163407413005, result.StandardError!.Value, 1e-15);
        Assert.Equal(0.006237011972146954, result.LiftInterval!.Value.Lower, 1e-15);
        Assert.Equal(0.025762988027852853, result.LiftInterval!.Value.Upper, 1e-15);
    }

    [Fact]
    public void P_value_comes_from_the_pooled_two_proportion_z_test()
    {
        var result = Renewals(10_200);

        Assert.Equal(3.2114687221169054, result.ZScore!.Value, 1e-12);
        Assert.Equal(0.001320583453327146, result.PValue!.Value, 1e-12);
        Assert.True(result.IsSignificant);
        Assert.Null(result.PValueNotApplicableReason);
    }

    [Fact]
    public void Money_is_lift_times_eligible_population_times_value_per_unit_with_the_interval_carried_through()
    {
        var result = Renewals(10_200);

        Assert.Equal(192_000m, result.Money.Value);
        Assert.Equal(74_844.14m, decimal.Round(result.MoneyInterval!.Value.Lower, 2));
        Assert.Equal(309_155.86m, decimal.Round(result.MoneyInterval!.Value.Upper, 2));
        Assert.Equal("{0} × {1} × {2} = {result}", result.Money.Template);
        Assert.Equal([0.016m, 25_000m, 480m], result.Money.Inputs.Select(i => i.Value));
    }

    [Fact]
    public void A_smaller_lift_whose_interval_spans_zero_is_not_significant()
    {
        // 10,100 of 12,500 (80.8 %): lift 0.8 pp, interval [−0.1841, 1.7841] pp, z = 1.5932, p = 0.1111.
        var result = Renewals(10_100);

        Assert.Equal(0.008m, result.Lift.Value);
        Assert.Equal(0.11111233836136133, result.PValue!.Value, 1e-12);
        Assert.False(result.IsSignificant);
        Assert.Equal(-0.0018412456837536492, result.LiftInterval!.Value.Lower, 1e-15);
        Assert.Equal(96_000m, result.Money.Value);
        Assert.Equal(-22_094.95m, decimal.Round(result.MoneyInterval!.Value.Lower, 2));
        Assert.Equal(214_094.95m, decimal.Round(result.MoneyInterval!.Value.Upper, 2));
    }

    [Fact]
    public void Equal_arms_have_no_lift_and_a_p_value_of_one()
    {
        var result = Renewals(10_000);

        Assert.Equal(0m, result.Lift.Value);
        Assert.Equal(0.0, result.ZScore);
        Assert.Equal(1.0, result.PValue!.Value, 1e-15);
        Assert.False(result.IsSignificant);
        Assert.Equal(0m, result.Money.Value);
        Assert.Equal(-result.MoneyInterval!.Value.Upper, result.MoneyInterval!.Value.Lower);
    }

    [Fact]
    public void An_arm_at_100_percent_adds_no_variance_of_its_own()
    {
        // 100 of 100 vs 90 of 100: SE = √(0 + 0.9·0.1/100) = 0.03; pooled 0.95, z = 3.2444, p = 0.001177.
        var result = HoldoutExperiment.Analyze(new HoldoutArm(100, 100), new HoldoutArm(100, 90), 1_000, 10m);

        Assert.Equal(0.1m, result.Lift.Value);
        Assert.Equal(0.03, result.StandardError!.Value, 1e-15);
        Assert.Equal(3.2444284226152487, result.ZScore!.Value, 1e-12);
        Assert.Equal(0.001176865910624748, result.PValue!.Value, 1e-12);
        Assert.Equal(1_000m, result.Money.Value);
    }

    [Fact]
    public void Arms_at_opposite_extremes_have_a_point_interval_but_a_p_value()
    {
        var result = HoldoutExperiment.Analyze(new HoldoutArm(100, 100), new HoldoutArm(100, 0), 1_000, 10m);

        Assert.Equal(1m, result.Lift.Value);
        Assert.Equal(0.0, result.StandardError);
        Assert.Equal(new LiftInterval(1, 1), result.LiftInterval);
        Assert.Equal(14.142135623730951, result.ZScore!.Value, 1e-12);
        Assert.True(result.IsSignificant);
    }

    [Fact]
    public void Both_arms_at_zero_give_no_p_value_with_a_reason_rather_than_a_verdict()
    {
        var result = HoldoutExperiment.Analyze(new HoldoutArm(50, 0), new HoldoutArm(50, 0), 1_000, 10m);

        Assert.Equal(0m, result.Lift.Value);
        Assert.Null(result.ZScore);
        Assert.Null(result.PValue);
        Assert.False(result.IsSignificant);
        Assert.False(string.IsNullOrWhiteSpace(result.PValueNotApplicableReason));
        Assert.Equal(0m, result.Money.Value);
    }

    [Fact]
    public void Both_arms_at_one_hundred_percent_give_no_p_value_either()
    {
        var result = HoldoutExperiment.Analyze(new HoldoutArm(50, 50), new HoldoutArm(70, 70), 1_000, 10m);

        Assert.Null(result.PValue);
        Assert.NotNull(result.PValueNotApplicableReason);
    }

    [Theory]
    [InlineData(0, 0, "test arm has no customers")]
    [InlineData(-5, 0, "test arm's customer count is negative")]
    [InlineData(100, -1, "test arm's success count is negative")]
    [InlineData(100, 101, "test arm has more successes than customers")]
    public void An_empty_or_invalid_test_arm_makes_everything_not_applicable_and_says_which_arm(long customers, long successes, string expected)
    {
        var result = HoldoutExperiment.Analyze(new HoldoutArm(customers, successes), Control, 25_000, 480m);

        Assert.Null(result.Lift.Value);
        Assert.Null(result.Money.Value);
        Assert.Null(result.StandardError);
        Assert.Null(result.LiftInterval);
        Assert.Null(result.PValue);
        Assert.Null(result.MoneyInterval);
        Assert.False(result.IsSignificant);
        Assert.Contains(expected, result.Lift.NotApplicableReason, StringComparison.Ordinal);
        Assert.Contains(expected, result.Money.NotApplicableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_control_arm_is_named_as_the_control()
    {
        var result = HoldoutExperiment.Analyze(new HoldoutArm(100, 50), new HoldoutArm(0, 0), 1_000, 10m);

        Assert.Null(result.Lift.Value);
        Assert.Contains("control arm has no customers", result.Lift.NotApplicableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_population_leaves_the_statistics_but_makes_the_money_not_applicable()
    {
        var result = Renewals(10_200, population: -1);

        Assert.Equal(0.016m, result.Lift.Value);
        Assert.True(result.IsSignificant);
        Assert.Null(result.Money.Value);
        Assert.Null(result.MoneyInterval);
        Assert.Contains("eligible population is negative", result.Money.NotApplicableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Money_too_large_to_hold_is_not_applicable_rather_than_an_overflow()
    {
        var result = Renewals(10_200, population: long.MaxValue, value: 1_000_000_000_000m);

        Assert.Equal(0.016m, result.Lift.Value);
        Assert.Null(result.Money.Value);
        Assert.Contains("too large", result.Money.NotApplicableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_value_per_unit_still_gives_the_lower_end_first()
    {
        var result = Renewals(10_200, value: -480m);

        Assert.Equal(-192_000m, result.Money.Value);
        Assert.Equal(-309_155.86m, decimal.Round(result.MoneyInterval!.Value.Lower, 2));
        Assert.Equal(-74_844.14m, decimal.Round(result.MoneyInterval!.Value.Upper, 2));
    }

    [Fact]
    public void An_arm_rate_is_null_when_it_has_no_customers()
    {
        Assert.Null(new HoldoutArm(0, 0).Rate);
        Assert.Null(new HoldoutArm(10, 11).Rate);
        Assert.Equal(0.816m, new HoldoutArm(12_500, 10_200).Rate);
    }
}
