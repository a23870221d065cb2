using CxDashboard.Core.Experiments;
using CxDashboard.Core.Money;

namespace CxDashboard.Core.Tests.Experiments;

/// <summary>
/// Power = Φ(|δ| ÷ √(p(1−p)(1/n_t + 1/n_c)) − 1.959964), worked by hand:
/// seed 001, 12,500 per arm at 80 %, δ = 1.2 pp: SE₀ = √(0.16 × 2 ÷ 12,500) = √0.0000256 = 0.0050596;
/// 0.012 ÷ 0.0050596 = 2.37171; 2.37171 − 1.959964 = 0.41175; Φ(0.41175) = 0.6597.
/// A coin-flip rate, 1,000 per arm, δ = 2 pp: SE₀ = √(0.25 × 0.002) = 0.0223607; 0.02 ÷ 0.0223607 = 0.894427;
/// 0.894427 − 1.959964 = −1.065537; Φ(−1.065537) = 0.1433.
/// </summary>
public sealed class ExperimentPowerTests
{
    [Fact]
    public void The_seed_renewal_test_has_66_percent_power_for_its_1_2_point_target()
    {
        var power = ExperimentPower.Achieved(0.80, 12_500, 12_500, 0.012);

        Assert.Equal(0.6597m, decimal.Round(power.Value!.Value, 4));
        Assert.Equal(FigureUnit.Rate, power.Unit);
        Assert.Equal("Φ(|{0}| ÷ √({1} × (1 − {1}) × (1 ÷ {2} + 1 ÷ {3})) − {4}) = {result}", power.Template);
        Assert.Equal([0.012m, 0.8m, 12_500m, 12_500m], power.Inputs.Take(4).Select(i => i.Value));
        Assert.Equal(FigureUnit.Statistic, power.Inputs[4].Unit);
    }

    [Fact]
    public void A_small_test_of_a_coin_flip_rate_has_14_percent_power_for_2_points()
    {
        Assert.Equal(0.1433m, decimal.Round(ExperimentPower.Achieved(0.50, 1_000, 1_000, 0.02).Value!.Value, 4));
    }

    [Fact]
    public void A_test_sized_by_the_planner_has_80_percent_power_at_its_mde()
    {
        var mde = (double)ExperimentPlanner.MinimumDetectableEffect(0.80, 12_500).Value!.Value;

        Assert.Equal(0.8, (double)ExperimentPower.Achieved(0.80, 12_500, 12_500, mde).Value!.Value, 1e-9);
    }

    [Fact]
    public void A_fall_has_the_same_power_as_a_rise_of_the_same_size()
    {
        Assert.Equal(ExperimentPower.Achieved(0.80, 12_500, 12_500, 0.012).Value, ExperimentPower.Achieved(0.80, 12_500, 12_500, -0.012).Value);
    }

    [Fact]
    public void With_equal_arms_the_detectable_effect_is_the_planners_mde()
    {
        // (1.959964 + 0.841621) × √(0.16 × 2 ÷ 12,500) = 2.801585 × 0.0050596 = 0.014175.
        var detectable = ExperimentPower.DetectableEffect(0.80, 12_500, 12_500);

        Assert.Equal(0.014175m, decimal.Round(detectable.Value!.Value, 6));
        Assert.Equal((double)ExperimentPlanner.MinimumDetectableEffect(0.80, 12_500).Value!.Value, (double)detectable.Value!.Value, 1e-12);
    }

    [Fact]
    public void Unequal_arms_detect_a_little_less_than_the_same_customers_split_evenly()
    {
        // 12,000 and 13,000: √(0.16 × (1/12,000 + 1/13,000)) = 0.0050637, × 2.801585 = 0.014186 (even split: 0.014175).
        var detectable = ExperimentPower.DetectableEffect(0.80, 12_000, 13_000);

        Assert.Equal(0.014186m, decimal.Round(detectable.Value!.Value, 6));
    }

    [Fact]
    public void A_test_with_less_than_80_percent_power_for_its_plan_is_underpowered()
    {
        var check = ExperimentPower.Check(0.80, 12_500, 12_500, 0.012);

        Assert.Equal(PowerVerdict.Underpowered, check.Verdict);
        Assert.Null(check.NotApplicableReason);
        Assert.Equal(0.6597m, decimal.Round(check.Power.Value!.Value, 4));
    }

    [Fact]
    public void A_test_planned_for_an_effect_it_can_detect_is_adequate()
    {
        // 20,000 per arm: 0.012 ÷ √(0.32 ÷ 20,000) = 3.0 − 1.959964 = 1.040036; Φ = 0.8508.
        var check = ExperimentPower.Check(0.80, 20_000, 20_000, 0.012);

        Assert.Equal(PowerVerdict.Adequate, check.Verdict);
        Assert.Equal(0.8508m, decimal.Round(check.Power.Value!.Value, 4));
    }

    [Fact]
    public void Without_a_planned_effect_there_is_no_verdict_but_the_detectable_effect_is_still_given()
    {
        var check = ExperimentPower.Check(0.80, 12_500, 12_500, null);

        Assert.Equal(PowerVerdict.NotApplicable, check.Verdict);
        Assert.Null(check.Power.Value);
        Assert.Contains("No minimum detectable effect was planned", check.NotApplicableReason, StringComparison.Ordinal);
        Assert.Equal(0.014175m, decimal.Round(check.DetectableEffect.Value!.Value, 6));
    }

    [Theory]
    [InlineData(0.8, 0L, 100L, 0.01, "test arm has no customers")]
    [InlineData(0.8, 100L, -1L, 0.01, "control arm has no customers")]
    [InlineData(0.0, 100L, 100L, 0.01, "no variance")]
    [InlineData(1.0, 100L, 100L, 0.01, "no variance")]
    [InlineData(double.NaN, 100L, 100L, 0.01, "control rate is not a finite number")]
    [InlineData(0.8, 100L, 100L, 0.0, "planned effect of zero")]
    [InlineData(0.8, 100L, 100L, double.PositiveInfinity, "planned effect is not a finite number")]
    [InlineData(0.8, 100L, 100L, 1.0, "100 points or more")]
    public void Power_is_not_applicable_with_a_reason_for_inputs_it_cannot_judge(double p, long nt, long nc, double effect, string expected)
    {
        var power = ExperimentPower.Achieved(p, nt, nc, effect);
        var check = ExperimentPower.Check(p, nt, nc, effect);

        Assert.Null(power.Value);
        Assert.Contains(expected, power.NotApplicableReason, StringComparison.Ordinal);
        Assert.Equal(PowerVerdict.NotApplicable, check.Verdict);
        Assert.NotNull(check.NotApplicableReason);
    }
}
