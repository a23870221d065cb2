using CxDashboard.Core.Experiments;
using CxDashboard.Core.Money;

namespace CxDashboard.Core.Tests.Experiments;

/// <summary>
/// Seed 001's renewal test again (12,500 per arm; 10,200 and 10,000 renew; 25,000 eligible at $480), figure by figure:
/// SE = √(0.816 × 0.184 ÷ 12,500 + 0.8 × 0.2 ÷ 12,500) = 0.0049811; interval 0.016 ∓ 1.96 × 0.0049811 = [0.0062370, 0.0257630];
/// pooled rate 20,200 ÷ 25,000 = 0.808; z = 0.016 ÷ √(0.808 × 0.192 × 2 ÷ 12,500) = 3.2115; p = 0.00132;
/// money [0.0062370 × 25,000 × 480, 0.0257630 × 25,000 × 480] = [$74,844.14, $309,155.86].
/// </summary>
public sealed class HoldoutExplanationTests
{
    private static HoldoutFigures Renewals(long testRenewals = 10_200, decimal value = 480m) =>
        HoldoutExplanation.Explain(new HoldoutArm(12_500, testRenewals), new HoldoutArm(12_500, 10_000), 25_000, value, "renewal test", "finance");

    [Fact]
    public void The_interval_ends_are_the_lift_less_and_plus_1_96_standard_errors_with_their_numbers()
    {
        var figures = Renewals();

        Assert.Equal(0.0049811m, decimal.Round(figures.StandardError.Value!.Value, 7));
        Assert.Equal([0.816m, 12_500m, 0.8m, 12_500m], figures.StandardError.Inputs.Select(i => i.Value));
        Assert.Equal(0.0062370m, decimal.Round(figures.LiftLower.Value!.Value, 7));
        Assert.Equal(0.0257630m, decimal.Round(figures.LiftUpper.Value!.Value, 7));
        Assert.Equal("{0} − {1} × {2} = {result}", figures.LiftLower.Template);
        Assert.Equal([0.016m, 1.96m], figures.LiftLower.Inputs.Take(2).Select(i => i.Value));
        Assert.Equal(figures.StandardError.Value, figures.LiftUpper.Inputs[2].Value);
    }

    [Fact]
    public void The_p_value_follows_from_the_pooled_rate_and_the_z_statistic()
    {
        var figures = Renewals();

        Assert.Equal(0.808m, figures.PooledRate.Value);
        Assert.Equal([10_200m, 10_000m, 12_500m, 12_500m], figures.PooledRate.Inputs.Select(i => i.Value));
        Assert.Equal(3.2115m, decimal.Round(figures.ZScore.Value!.Value, 4));
        Assert.Equal(FigureUnit.Statistic, figures.ZScore.Unit);
        Assert.Equal(0.00132m, decimal.Round(figures.PValue.Value!.Value, 5));
        Assert.Equal(FigureUnit.Probability, figures.PValue.Unit);
        Assert.Equal(figures.ZScore.Value, figures.PValue.Inputs[0].Value);
        Assert.True(figures.Result.IsSignificant);
    }

    [Fact]
    public void The_money_interval_carries_each_end_of_the_lift_through_the_same_product()
    {
        var figures = Renewals();

        Assert.Equal(192_000m, figures.Money.Value);
        Assert.Equal(74_844.14m, decimal.Round(figures.MoneyLower.Value!.Value, 2));
        Assert.Equal(309_155.86m, decimal.Round(figures.MoneyUpper.Value!.Value, 2));
        Assert.Equal([figures.LiftLower.Value!.Value, 25_000m, 480m], figures.MoneyLower.Inputs.Select(i => i.Value));
        Assert.Equal("finance", figures.MoneyUpper.Inputs[2].Source);
    }

    [Fact]
    public void A_negative_value_per_unit_takes_the_lower_money_from_the_upper_lift()
    {
        var figures = Renewals(value: -480m);

        Assert.Equal(-309_155.86m, decimal.Round(figures.MoneyLower.Value!.Value, 2));
        Assert.Equal(figures.LiftUpper.Value, figures.MoneyLower.Inputs[0].Value);
    }

    [Fact]
    public void An_empty_arm_leaves_every_figure_without_a_value_and_with_the_reason()
    {
        var figures = HoldoutExplanation.Explain(new HoldoutArm(0, 0), new HoldoutArm(12_500, 10_000), 25_000, 480m);

        ExplainedFigure[] all = [figures.Lift, figures.StandardError, figures.LiftLower, figures.LiftUpper, figures.PooledRate,
            figures.ZScore, figures.PValue, figures.Money, figures.MoneyLower, figures.MoneyUpper];
        Assert.All(all, f => Assert.Null(f.Value));
        Assert.All(all, f => Assert.Contains("test arm has no customers", f.NotApplicableReason, StringComparison.Ordinal));
    }

    [Fact]
    public void Arms_with_no_variation_have_a_lift_but_no_z_or_p_value()
    {
        var figures = HoldoutExplanation.Explain(new HoldoutArm(50, 50), new HoldoutArm(70, 70), 1_000, 10m);

        Assert.Equal(0m, figures.Lift.Value);
        Assert.Equal(1m, figures.PooledRate.Value);
        Assert.Null(figures.ZScore.Value);
        Assert.Null(figures.PValue.Value);
        Assert.Contains("same outcome", figures.PValue.NotApplicableReason, StringComparison.Ordinal);
    }
}
