using CxDashboard.Core.Kpis;

namespace CxDashboard.Core.Tests;

public sealed class KpiStandingTests
{
    private const KpiDirection Higher = KpiDirection.HigherIsBetter;
    private const KpiDirection Lower = KpiDirection.LowerIsBetter;

    [Fact]
    public void Higher_is_better_kpi_past_its_target_is_green()
    {
        var fcr = KpiStandingCalculator.Evaluate(Higher, baseline: 0.70, target: 0.80, actual: 0.85);

        Assert.Equal(KpiStatus.TargetMet, fcr.Status);
    }

    [Fact]
    public void Higher_is_better_kpi_exactly_at_its_target_is_green_with_full_progress()
    {
        var fcr = KpiStandingCalculator.Evaluate(Higher, baseline: 0.70, target: 0.80, actual: 0.80);

        Assert.Equal(KpiStatus.TargetMet, fcr.Status);
        Assert.Equal(1.0, fcr.ProgressToTarget);
    }

    [Fact]
    public void Higher_is_better_kpi_between_baseline_and_target_is_amber()
    {
        var fcr = KpiStandingCalculator.Evaluate(Higher, baseline: 0.70, target: 0.80, actual: 0.75);

        Assert.Equal(KpiStatus.Improving, fcr.Status);
        Assert.Equal(0.5, fcr.ProgressToTarget!.Value, 12);
    }

    [Fact]
    public void Higher_is_better_kpi_below_baseline_is_red()
    {
        var fcr = KpiStandingCalculator.Evaluate(Higher, baseline: 0.70, target: 0.80, actual: 0.65);

        Assert.Equal(KpiStatus.NotImproved, fcr.Status);
        Assert.Equal(-0.05, fcr.Delta!.Value, 12);
        Assert.Equal(-0.05, fcr.Improvement!.Value, 12);
        Assert.Equal(-0.5, fcr.ProgressToTarget!.Value, 12);
    }

    [Fact]
    public void A_kpi_at_its_baseline_is_red()
    {
        var nps = KpiStandingCalculator.Evaluate(Higher, baseline: 30, target: 40, actual: 30);

        Assert.Equal(KpiStatus.NotImproved, nps.Status);
        Assert.Equal(0.0, nps.Improvement);
    }

    [Fact]
    public void Lower_is_better_kpi_at_its_target_is_green()
    {
        var aht = KpiStandingCalculator.Evaluate(Lower, baseline: 420, target: 360, actual: 360);

        Assert.Equal(KpiStatus.TargetMet, aht.Status);
        Assert.Equal(-60.0, aht.Delta);
        Assert.Equal(60.0, aht.Improvement);
        Assert.Equal(1.0, aht.ProgressToTarget);
    }

    [Fact]
    public void Lower_is_better_kpi_below_its_target_is_green()
    {
        var aht = KpiStandingCalculator.Evaluate(Lower, baseline: 420, target: 360, actual: 340);

        Assert.Equal(KpiStatus.TargetMet, aht.Status);
    }

    [Fact]
    public void Lower_is_better_kpi_that_fell_short_of_target_is_amber_with_its_progress()
    {
        var aht = KpiStandingCalculator.Evaluate(Lower, baseline: 420, target: 360, actual: 390);

        Assert.Equal(KpiStatus.Improving, aht.Status);
        Assert.Equal(-30.0, aht.Delta);
        Assert.Equal(30.0, aht.Improvement);
        Assert.Equal(0.5, aht.ProgressToTarget);
    }

    [Fact]
    public void Lower_is_better_kpi_that_rose_above_baseline_is_red()
    {
        var aht = KpiStandingCalculator.Evaluate(Lower, baseline: 420, target: 360, actual: 450);

        Assert.Equal(KpiStatus.NotImproved, aht.Status);
        Assert.Equal(30.0, aht.Delta);
        Assert.Equal(-30.0, aht.Improvement);
    }

    [Fact]
    public void Without_a_baseline_the_status_is_not_applicable()
    {
        var standing = KpiStandingCalculator.Evaluate(Higher, baseline: null, target: 0.80, actual: 0.85);

        Assert.Equal(new KpiStanding(KpiStatus.NotApplicable, null, null, null), standing);
    }

    [Fact]
    public void Without_an_actual_the_status_is_not_applicable()
    {
        var standing = KpiStandingCalculator.Evaluate(Lower, baseline: 420, target: 360, actual: null);

        Assert.Equal(new KpiStanding(KpiStatus.NotApplicable, null, null, null), standing);
    }

    [Fact]
    public void Without_a_target_any_improvement_is_amber_and_progress_is_unknown()
    {
        var aht = KpiStandingCalculator.Evaluate(Lower, baseline: 420, target: null, actual: 300);

        Assert.Equal(KpiStatus.Improving, aht.Status);
        Assert.Null(aht.ProgressToTarget);
    }

    [Fact]
    public void Without_a_target_no_improvement_is_red()
    {
        var aht = KpiStandingCalculator.Evaluate(Lower, baseline: 420, target: null, actual: 420);

        Assert.Equal(KpiStatus.NotImproved, aht.Status);
    }

    [Fact]
    public void A_target_equal_to_the_baseline_has_no_progress_figure()
    {
        var csat = KpiStandingCalculator.Evaluate(Higher, baseline: 0.80, target: 0.80, actual: 0.85);

        Assert.Equal(KpiStatus.TargetMet, csat.Status);
        Assert.Null(csat.ProgressToTarget);
    }
}
