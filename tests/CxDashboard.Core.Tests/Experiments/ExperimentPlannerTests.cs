using CxDashboard.Core.Experiments;
using CxDashboard.Core.Money;

namespace CxDashboard.Core.Tests.Experiments;

/// <summary>
/// Seed 001: 25,000 renewal-eligible customers split evenly (12,500 per arm), baseline retention 80 %.
/// MDE = (1.959964 + 0.841621) × √(2 × 0.8 × 0.2 ÷ 12,500) = 2.801585 × 0.0050596 = 0.014175 → 1.42 pp.
/// The 1.2 pp target needs n = 2 × 0.8 × 0.2 × 2.801585² ÷ 0.012² = 17,441.95 → 17,442 per arm (34,884 in all).
/// </summary>
public sealed class ExperimentPlannerTests
{
    [Fact]
    public void Seed_renewal_test_can_detect_1_42_points()
    {
        var mde = ExperimentPlanner.MinimumDetectableEffect(0.80, 12_500);

        Assert.Equal(0.0142m, decimal.Round(mde.Value!.Value, 4));
        Assert.Equal(0.014175024557274549, (double)mde.Value!.Value, 1e-12);
        Assert.Equal(FigureUnit.Rate, mde.Unit);
        Assert.Equal("({0} + {1}) × √(2 × {2} × (1 − {2}) ÷ {3}) = {result}", mde.Template);
        Assert.Equal(12_500m, mde.Inputs[3].Value);
    }

    [Fact]
    public void A_1_2_point_target_needs_17_442_customers_per_arm()
    {
        var required = ExperimentPlanner.RequiredCustomersPerArm(0.80, 0.012);

        Assert.Equal(17_442m, required.Value);
        Assert.Equal(FigureUnit.Count, required.Unit);
    }

    [Fact]
    public void The_planner_says_the_seed_test_is_too_small_for_its_1_2_point_target()
    {
        var plan = ExperimentPlanner.Plan(0.80, eligibleCustomers: 25_000, targetEffect: 0.012);

        Assert.Equal(PlanVerdict.NeedsLargerTest, plan.Verdict);
        Assert.Equal(12_500, plan.CustomersPerArm);
        Assert.Equal(0.0142m, decimal.Round(plan.MinimumDetectableEffect.Value!.Value, 4));
        Assert.Equal(17_442m, plan.RequiredCustomersPerArm.Value);
        Assert.Equal(34_884m, plan.RequiredCustomersInAll);
        Assert.Null(plan.NotApplicableReason);
    }

    [Fact]
    public void Exactly_the_required_customers_are_large_enough_and_one_fewer_per_arm_is_not()
    {
        // 17,442 per arm: MDE 1.199998 pp ≤ 1.2; 17,441: MDE 1.200033 pp > 1.2.
        Assert.Equal(PlanVerdict.LargeEnough, ExperimentPlanner.Plan(0.80, 34_884, 0.012).Verdict);
        Assert.Equal(PlanVerdict.NeedsLargerTest, ExperimentPlanner.Plan(0.80, 34_883, 0.012).Verdict);
        Assert.True(ExperimentPlanner.MinimumDetectableEffect(0.80, 17_442).Value <= 0.012m);
        Assert.True(ExperimentPlanner.MinimumDetectableEffect(0.80, 17_441).Value > 0.012m);
    }

    [Fact]
    public void Forty_thousand_customers_are_large_enough_for_1_2_points()
    {
        // 20,000 per arm: MDE = 2.801585 × √(0.32 ÷ 20,000) = 1.1206 pp.
        var plan = ExperimentPlanner.Plan(0.80, 40_000, 0.012);

        Assert.Equal(PlanVerdict.LargeEnough, plan.Verdict);
        Assert.Equal(0.011206m, decimal.Round(plan.MinimumDetectableEffect.Value!.Value, 6));
    }

    [Fact]
    public void A_fall_is_sized_like_a_rise_of_the_same_size()
    {
        Assert.Equal(17_442m, ExperimentPlanner.RequiredCustomersPerArm(0.80, -0.012).Value);
    }

    [Fact]
    public void The_most_variable_baseline_needs_the_most_customers()
    {
        // 2 × 0.5 × 0.5 × 2.801585² ÷ 0.012² = 27,253.05 → 27,254.
        Assert.Equal(27_254m, ExperimentPlanner.RequiredCustomersPerArm(0.50, 0.012).Value);
    }

    [Fact]
    public void The_z_values_are_those_of_alpha_5_percent_and_power_80_percent()
    {
        Assert.Equal(1.959963984540054, ExperimentPlanner.ZAlpha, 1e-13);
        Assert.Equal(0.8416212335729143, ExperimentPlanner.ZPower, 1e-13);
    }

    [Theory]
    [InlineData(0.8, 0L, "no customers per arm")]
    [InlineData(0.8, -10L, "no customers per arm")]
    [InlineData(0.0, 12_500L, "no variance")]
    [InlineData(1.0, 12_500L, "no variance")]
    [InlineData(-0.2, 12_500L, "between 0 and 1")]
    [InlineData(1.2, 12_500L, "between 0 and 1")]
    [InlineData(double.NaN, 12_500L, "baseline rate is not a finite number")]
    [InlineData(double.PositiveInfinity, 12_500L, "baseline rate is not a finite number")]
    public void Mde_is_not_applicable_with_a_reason_for_inputs_it_cannot_size(double baseline, long perArm, string expected)
    {
        var mde = ExperimentPlanner.MinimumDetectableEffect(baseline, perArm);

        Assert.Null(mde.Value);
        Assert.Contains(expected, mde.NotApplicableReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.8, 0.0, "target effect of zero")]
    [InlineData(0.8, double.NaN, "target effect is not a finite number")]
    [InlineData(0.8, double.NegativeInfinity, "target effect is not a finite number")]
    [InlineData(0.8, 0.25, "outside 0..1")]
    [InlineData(0.8, 1e-9, "too small to test")]
    [InlineData(double.NaN, 0.012, "baseline rate is not a finite number")]
    public void Required_sample_is_not_applicable_with_a_reason_for_targets_it_cannot_size(double baseline, double effect, string expected)
    {
        var required = ExperimentPlanner.RequiredCustomersPerArm(baseline, effect);

        Assert.Null(required.Value);
        Assert.Contains(expected, required.NotApplicableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_with_no_customers_is_not_applicable_rather_than_too_small()
    {
        var plan = ExperimentPlanner.Plan(0.80, 0, 0.012);

        Assert.Equal(PlanVerdict.NotApplicable, plan.Verdict);
        Assert.Null(plan.MinimumDetectableEffect.Value);
        Assert.NotNull(plan.NotApplicableReason);
    }

    [Fact]
    public void An_odd_population_leaves_the_odd_customer_out_of_both_arms()
    {
        Assert.Equal(12_500, ExperimentPlanner.Plan(0.80, 25_001, 0.012).CustomersPerArm);
    }
}
