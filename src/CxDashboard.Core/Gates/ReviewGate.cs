using CxDashboard.Core.Time;

namespace CxDashboard.Core.Gates;

/// <summary>The three review gates of seed 001.</summary>
public enum ReviewGateKind
{
    /// <summary>90 days after the start, taken as the first 3 calendar months.</summary>
    NinetyDays,
    /// <summary>The first 6 calendar months.</summary>
    SixMonths,
    /// <summary>The first 18 calendar months.</summary>
    EighteenMonths,
}

/// <summary>A review gate of one initiative: the span of months it judges, from the initiative's start.</summary>
/// <param name="Kind">Which of the three gates.</param>
/// <param name="FirstMonth">The initiative's start month, the first month of the span.</param>
/// <param name="Months">How many calendar months the span covers, start month included.</param>
public sealed record ReviewGate(ReviewGateKind Kind, YearMonth FirstMonth, int Months)
{
    /// <summary>The last month of the span: the gate falls due once this month's figures are in.</summary>
    public YearMonth LastMonth => FirstMonth.AddMonths(Months - 1);
}

/// <summary>When an initiative's review gates fall (FORMULAS.md §7).</summary>
public static class ReviewGateSchedule
{
    /// <summary>
    /// Months judged by the 90-day gate: 3. Everything in Core is kept by calendar month, and 90 days is
    /// 2.96 average months (90 ÷ 30.44), so the gate covers the start month and the two after it.
    /// </summary>
    public const int NinetyDayMonths = 3;

    /// <summary>Months judged by the 6-month gate.</summary>
    public const int SixMonthMonths = 6;

    /// <summary>Months judged by the 18-month gate.</summary>
    public const int EighteenMonthMonths = 18;

    /// <summary>
    /// The three gates of an initiative that starts in <paramref name="start"/>: months 1–3, 1–6 and 1–18,
    /// the start month being month 1 (an initiative starting 2025-01 has its gates due after 2025-03, 2025-06
    /// and 2026-06).
    /// </summary>
    public static IReadOnlyList<ReviewGate> For(YearMonth start) =>
    [
        new(ReviewGateKind.NinetyDays, start, NinetyDayMonths),
        new(ReviewGateKind.SixMonths, start, SixMonthMonths),
        new(ReviewGateKind.EighteenMonths, start, EighteenMonthMonths),
    ];
}
