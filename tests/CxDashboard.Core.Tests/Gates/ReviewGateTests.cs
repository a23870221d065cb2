using CxDashboard.Core.Gates;
using CxDashboard.Core.Money;
using CxDashboard.Core.Time;

namespace CxDashboard.Core.Tests.Gates;

/// <summary>
/// An initiative started 2025-01 whose base scenario projects $10,000 a month. Realized: January $8,000,
/// February $9,000, March $10,000, then $12,000 a month. 90-day gate (2025-01..03): 27,000 ÷ 30,000 = 90 %,
/// at risk. 6-month gate (2025-01..06): 63,000 ÷ 60,000 = 105 %, on track. 18-month gate (to 2026-06): pending.
/// </summary>
public sealed class ReviewGateTests
{
    private static readonly YearMonth Start = new(2025, 1);

    private static Dictionary<YearMonth, decimal> Realized(YearMonth through)
    {
        var values = new Dictionary<YearMonth, decimal>
        {
            [new(2025, 1)] = 8_000m,
            [new(2025, 2)] = 9_000m,
            [new(2025, 3)] = 10_000m,
        };
        foreach (var m in YearMonth.Range(new YearMonth(2025, 4), through)) values[m] = 12_000m;
        return values;
    }

    private static Dictionary<YearMonth, decimal> Projected() =>
        YearMonth.Range(Start, new YearMonth(2026, 12)).ToDictionary(m => m, _ => 10_000m);

    private static ReviewGate Gate(ReviewGateKind kind) => ReviewGateSchedule.For(Start).Single(g => g.Kind == kind);

    [Fact]
    public void Gates_fall_after_3_6_and_18_months_with_the_start_month_as_month_one()
    {
        var gates = ReviewGateSchedule.For(Start);

        Assert.Equal([ReviewGateKind.NinetyDays, ReviewGateKind.SixMonths, ReviewGateKind.EighteenMonths], gates.Select(g => g.Kind));
        Assert.Equal([3, 6, 18], gates.Select(g => g.Months));
        Assert.All(gates, g => Assert.Equal(Start, g.FirstMonth));
        Assert.Equal([new YearMonth(2025, 3), new YearMonth(2025, 6), new YearMonth(2026, 6)], gates.Select(g => g.LastMonth));
    }

    [Fact]
    public void Ninety_days_is_three_calendar_months()
    {
        Assert.Equal(3, ReviewGateSchedule.NinetyDayMonths);
    }

    [Fact]
    public void Ninety_day_gate_at_90_percent_of_projection_is_at_risk()
    {
        var readings = ReviewGateEvaluator.EvaluateAll(Start, new YearMonth(2025, 6), Realized(new YearMonth(2025, 6)), Projected());
        var ninety = readings[0];

        Assert.Equal(GateStatus.AtRisk, ninety.Status);
        Assert.Equal(90m, ninety.Attainment.Value);
        Assert.Equal([27_000m, 30_000m], ninety.Attainment.Inputs.Select(i => i.Value));
        Assert.Equal(FigureUnit.Percent, ninety.Attainment.Unit);
        Assert.Equal("{0} ÷ {1} × 100 = {result}", ninety.Attainment.Template);
    }

    [Fact]
    public void Six_month_gate_at_105_percent_is_on_track_and_the_18_month_gate_is_pending()
    {
        var readings = ReviewGateEvaluator.EvaluateAll(Start, new YearMonth(2025, 6), Realized(new YearMonth(2025, 6)), Projected());

        Assert.Equal(GateStatus.OnTrack, readings[1].Status);
        Assert.Equal(105m, readings[1].Attainment.Value);
        Assert.Equal(GateStatus.Pending, readings[2].Status);
        Assert.Null(readings[2].Attainment.Value);
        Assert.NotNull(readings[2].Attainment.NotApplicableReason);
    }

    [Fact]
    public void A_gate_is_pending_until_the_last_month_of_its_span_is_in()
    {
        var gate = Gate(ReviewGateKind.NinetyDays);

        Assert.Equal(GateStatus.Pending, ReviewGateEvaluator.Evaluate(gate, new YearMonth(2025, 2), 30_000m, 30_000m).Status);
        Assert.Equal(GateStatus.OnTrack, ReviewGateEvaluator.Evaluate(gate, new YearMonth(2025, 3), 30_000m, 30_000m).Status);
    }

    [Theory]
    [InlineData(30_000, GateStatus.OnTrack)]     // exactly 100 %
    [InlineData(45_000, GateStatus.OnTrack)]     // 150 %
    [InlineData(29_999, GateStatus.AtRisk)]      // 99.997 %
    [InlineData(22_500, GateStatus.AtRisk)]      // exactly 75 %
    [InlineData(22_499, GateStatus.OffTrack)]    // 74.997 %
    [InlineData(0, GateStatus.OffTrack)]
    [InlineData(-5_000, GateStatus.OffTrack)]    // the initiative lost money
    public void Status_follows_the_100_and_75_percent_thresholds(int realized, GateStatus expected)
    {
        var reading = ReviewGateEvaluator.Evaluate(Gate(ReviewGateKind.NinetyDays), new YearMonth(2025, 3), realized, 30_000m);

        Assert.Equal(expected, reading.Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-10_000)]
    public void A_projection_of_zero_or_less_makes_the_gate_not_applicable_with_a_reason(int projected)
    {
        var reading = ReviewGateEvaluator.Evaluate(Gate(ReviewGateKind.SixMonths), new YearMonth(2025, 9), 5_000m, projected);

        Assert.Equal(GateStatus.NotApplicable, reading.Status);
        Assert.Null(reading.Attainment.Value);
        Assert.Contains("no positive value", reading.Attainment.NotApplicableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gate_spanning_no_month_is_a_programming_error()
    {
        var empty = new ReviewGate(ReviewGateKind.NinetyDays, Start, 0);

        Assert.Throws<ArgumentOutOfRangeException>(() => ReviewGateEvaluator.Evaluate(empty, new YearMonth(2025, 3), 1m, 1m));
    }

    [Fact]
    public void A_future_gate_is_pending_even_without_a_positive_projection()
    {
        var reading = ReviewGateEvaluator.Evaluate(Gate(ReviewGateKind.EighteenMonths), new YearMonth(2025, 9), 0m, 0m);

        Assert.Equal(GateStatus.Pending, reading.Status);
    }

    [Fact]
    public void A_missing_month_in_a_due_gate_is_named_rather_than_read_as_zero()
    {
        var realized = Realized(new YearMonth(2025, 6));
        realized.Remove(new YearMonth(2025, 2));

        var readings = ReviewGateEvaluator.EvaluateAll(Start, new YearMonth(2025, 6), realized, Projected());

        Assert.Equal(GateStatus.NotApplicable, readings[0].Status);
        Assert.Equal("No realized value for 2025-02.", readings[0].Attainment.NotApplicableReason);
        Assert.Equal(GateStatus.NotApplicable, readings[1].Status);
    }

    [Fact]
    public void A_missing_projection_month_is_named_too()
    {
        var projected = Projected();
        projected.Remove(new YearMonth(2025, 5));

        var readings = ReviewGateEvaluator.EvaluateAll(Start, new YearMonth(2025, 6), Realized(new YearMonth(2025, 6)), projected);

        Assert.Equal(GateStatus.AtRisk, readings[0].Status);
        Assert.Equal("No base-scenario projection for 2025-05.", readings[1].Attainment.NotApplicableReason);
    }

    [Fact]
    public void All_three_gates_are_judged_once_18_months_are_in()
    {
        // 18-month gate: 27,000 + 15 × 12,000 = 207,000 ÷ 180,000 = 115 %.
        var asOf = new YearMonth(2026, 6);
        var readings = ReviewGateEvaluator.EvaluateAll(Start, asOf, Realized(asOf), Projected());

        Assert.Equal([GateStatus.AtRisk, GateStatus.OnTrack, GateStatus.OnTrack], readings.Select(r => r.Status));
        Assert.Equal(115m, readings[2].Attainment.Value);
    }

    [Fact]
    public void An_initiative_that_starts_after_the_as_of_month_has_only_pending_gates()
    {
        var readings = ReviewGateEvaluator.EvaluateAll(new YearMonth(2026, 1), new YearMonth(2025, 12), Realized(new YearMonth(2025, 12)), Projected());

        Assert.All(readings, r => Assert.Equal(GateStatus.Pending, r.Status));
    }
}
