using CxDashboard.Core.Gates;
using CxDashboard.Core.Time;

namespace CxDashboard.Core.Tests.Gates;

/// <summary>
/// A portfolio whose base scenario projects $10,000 a month from 2025-01 and which realized $8,000, $9,000, $10,000,
/// then $12,000 a month: the same figures as <see cref="ReviewGateTests"/>, over spans that are not gates.
/// </summary>
public sealed class ValueTrackingTests
{
    private static readonly Dictionary<YearMonth, decimal> Realized = new()
    {
        [new(2025, 1)] = 8_000m,
        [new(2025, 2)] = 9_000m,
        [new(2025, 3)] = 10_000m,
        [new(2025, 4)] = 12_000m,
        [new(2025, 5)] = 12_000m,
    };

    private static readonly Dictionary<YearMonth, decimal> Projected =
        YearMonth.Range(new YearMonth(2025, 1), new YearMonth(2025, 12)).ToDictionary(m => m, _ => 10_000m);

    [Fact]
    public void Four_months_at_39000_of_40000_projected_is_97_5_percent_and_at_risk()
    {
        var comparison = ValueTracking.Compare(new YearMonth(2025, 1), new YearMonth(2025, 4), Realized, Projected);

        Assert.Equal(39_000m, comparison.Realized.Value);
        Assert.Equal(40_000m, comparison.Projected.Value);
        Assert.Equal(97.5m, comparison.Attainment.Value);
        Assert.Equal(GateStatus.AtRisk, comparison.Status);
        Assert.Equal([39_000m, 40_000m], comparison.Attainment.Inputs.Select(i => i.Value));
        Assert.Equal("realized value, 2025-01 to 2025-04", comparison.Attainment.Inputs[0].Source);
    }

    [Fact]
    public void Five_months_at_51000_of_50000_projected_is_on_track()
    {
        var comparison = ValueTracking.Compare(new YearMonth(2025, 1), new YearMonth(2025, 5), Realized, Projected);

        Assert.Equal(102m, comparison.Attainment.Value);
        Assert.Equal(GateStatus.OnTrack, comparison.Status);
    }

    [Fact]
    public void One_month_at_8000_of_10000_is_at_risk_and_below_75_percent_is_off_track()
    {
        Assert.Equal(GateStatus.AtRisk, ValueTracking.Compare(new YearMonth(2025, 1), new YearMonth(2025, 1), Realized, Projected).Status);
        var low = new Dictionary<YearMonth, decimal> { [new(2025, 1)] = 7_499m };
        var comparison = ValueTracking.Compare(new YearMonth(2025, 1), new YearMonth(2025, 1), low, Projected);
        Assert.Equal(74.99m, comparison.Attainment.Value);
        Assert.Equal(GateStatus.OffTrack, comparison.Status);
    }

    [Fact]
    public void A_month_without_a_realized_value_is_named_not_read_as_zero()
    {
        var comparison = ValueTracking.Compare(new YearMonth(2025, 1), new YearMonth(2025, 6), Realized, Projected);

        Assert.Equal(GateStatus.NotApplicable, comparison.Status);
        Assert.Null(comparison.Attainment.Value);
        Assert.Null(comparison.Realized.Value);
        Assert.Equal("No realized value for 2025-06.", comparison.Attainment.NotApplicableReason);
    }

    [Fact]
    public void No_positive_projection_makes_the_attainment_not_applicable()
    {
        var nothing = YearMonth.Range(new YearMonth(2025, 1), new YearMonth(2025, 3)).ToDictionary(m => m, _ => 0m);

        var comparison = ValueTracking.Compare(new YearMonth(2025, 1), new YearMonth(2025, 3), Realized, nothing);

        Assert.Equal(GateStatus.NotApplicable, comparison.Status);
        Assert.Equal(27_000m, comparison.Realized.Value);
        Assert.Contains("projects no positive value", comparison.Attainment.NotApplicableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_span_that_ends_before_it_starts_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ValueTracking.Compare(new YearMonth(2025, 3), new YearMonth(2025, 1), Realized, Projected));
    }

    [Fact]
    public void Status_thresholds_are_100_and_75_percent()
    {
        Assert.Equal(GateStatus.OnTrack, ReviewGateEvaluator.StatusOf(100m));
        Assert.Equal(GateStatus.AtRisk, ReviewGateEvaluator.StatusOf(99.99m));
        Assert.Equal(GateStatus.AtRisk, ReviewGateEvaluator.StatusOf(75m));
        Assert.Equal(GateStatus.OffTrack, ReviewGateEvaluator.StatusOf(74.99m));
    }
}
