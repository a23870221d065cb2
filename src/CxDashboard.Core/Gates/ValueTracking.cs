using CxDashboard.Core.Money;
using CxDashboard.Core.Time;

namespace CxDashboard.Core.Gates;

/// <summary>Realized value against the base scenario's projection over one span of months.</summary>
/// <param name="Realized">Σ realized value over the span.</param>
/// <param name="Projected">Σ projected value over the same span.</param>
/// <param name="Attainment">Realized ÷ projected × 100; null value with the reason when it cannot be judged.</param>
/// <param name="Status">On track, at risk or off track by the gates' thresholds; not applicable when the attainment is.</param>
public sealed record ValueComparison(ExplainedFigure Realized, ExplainedFigure Projected, ExplainedFigure Attainment, GateStatus Status);

/// <summary>
/// Tracks realized value against the base projection between gates: the same comparison a review gate makes
/// (FORMULAS.md §7), over any span of months, for the board pack's portfolio view.
/// </summary>
public static class ValueTracking
{
    /// <summary>
    /// realized = Σ realized value over <paramref name="first"/>..<paramref name="last"/>; projected = Σ projection over
    /// the same months; attainment % = realized ÷ projected × 100, judged by
    /// <see cref="ReviewGateEvaluator.StatusOf(decimal)"/>. A month missing from either series makes the attainment not
    /// applicable with the month named (a missing month is not read as 0), and so does a projection ≤ 0 (the
    /// denominator). Throws when <paramref name="last"/> is before <paramref name="first"/>.
    /// </summary>
    /// <param name="first">The first month of the span.</param>
    /// <param name="last">The last month of the span.</param>
    /// <param name="realizedByMonth">Value realized in each month.</param>
    /// <param name="projectedByMonth">Value the base scenario projects in each month.</param>
    /// <param name="sourceOfRealized">Where the realized values came from, for lineage.</param>
    /// <param name="sourceOfProjection">Where the projection came from, for lineage.</param>
    public static ValueComparison Compare(
        YearMonth first,
        YearMonth last,
        IReadOnlyDictionary<YearMonth, decimal> realizedByMonth,
        IReadOnlyDictionary<YearMonth, decimal> projectedByMonth,
        string sourceOfRealized = "realized value",
        string sourceOfProjection = "base scenario")
    {
        ArgumentNullException.ThrowIfNull(realizedByMonth);
        ArgumentNullException.ThrowIfNull(projectedByMonth);
        if (last < first)
            throw new ArgumentOutOfRangeException(nameof(last), last, "The span must end in or after its first month.");

        decimal realized = 0m, projected = 0m;
        string? missing = null;
        foreach (var month in YearMonth.Range(first, last))
        {
            if (!realizedByMonth.TryGetValue(month, out var r)) { missing ??= $"No realized value for {month}."; continue; }
            if (!projectedByMonth.TryGetValue(month, out var p)) { missing ??= $"No base-scenario projection for {month}."; continue; }
            realized += r;
            projected += p;
        }

        var span = $"{first} to {last}";
        var months = first.MonthsUntil(last) + 1;
        var realizedFigure = Sum("Realized value", realized, months, "Σ realized value per month, risk-adjusted", $"{sourceOfRealized}, {span}", missing);
        var projectedFigure = Sum("Projected value", projected, months, "Σ base-scenario projection per month, risk-adjusted", $"{sourceOfProjection}, {span}", missing);
        var inputs = ReviewGateEvaluator.Inputs(realized, projected, $"{sourceOfRealized}, {span}", $"{sourceOfProjection}, {span}");
        if (missing is not null)
            return new ValueComparison(realizedFigure, projectedFigure, ReviewGateEvaluator.Attainment(null, inputs, missing), GateStatus.NotApplicable);
        if (projected <= 0)
        {
            return new ValueComparison(realizedFigure, projectedFigure, ReviewGateEvaluator.Attainment(null, inputs,
                "The base scenario projects no positive value over the span: attainment of nothing is not defined."), GateStatus.NotApplicable);
        }

        var attainment = realized / projected * 100m;
        return new ValueComparison(realizedFigure, projectedFigure, ReviewGateEvaluator.Attainment(attainment, inputs, null), ReviewGateEvaluator.StatusOf(attainment));
    }

    private static ExplainedFigure Sum(string name, decimal value, int months, string formula, string source, string? missing) => new(
        name, missing is null ? value : null, FigureUnit.Money, formula, "Σ over {0} months = {result}",
        [new FigureInput("Months", months, FigureUnit.Count, source)], missing);
}
