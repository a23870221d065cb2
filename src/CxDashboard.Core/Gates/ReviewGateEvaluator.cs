using CxDashboard.Core.Money;
using CxDashboard.Core.Time;

namespace CxDashboard.Core.Gates;

/// <summary>Where an initiative stands at a review gate.</summary>
public enum GateStatus
{
    /// <summary>The gate's span has not ended by the as-of month.</summary>
    Pending,
    /// <summary>The gate cannot be judged (no positive projection, a month without figures); the attainment says why.</summary>
    NotApplicable,
    /// <summary>Realized value is at least 100 % of the base projection.</summary>
    OnTrack,
    /// <summary>Realized value is at least 75 % but below 100 % of the base projection.</summary>
    AtRisk,
    /// <summary>Realized value is below 75 % of the base projection.</summary>
    OffTrack,
}

/// <summary>An initiative at one review gate.</summary>
/// <param name="Gate">The gate.</param>
/// <param name="Status">Pending, on track, at risk, off track or not applicable.</param>
/// <param name="Attainment">Realized ÷ projected × 100 over the gate's span; null value with the reason when pending or not applicable.</param>
public sealed record GateReading(ReviewGate Gate, GateStatus Status, ExplainedFigure Attainment);

/// <summary>Judges review gates: realized cumulative value against the base scenario's projection for the same span (FORMULAS.md §7).</summary>
public static class ReviewGateEvaluator
{
    /// <summary>Attainment (in %) at or above which an initiative is on track.</summary>
    public const decimal OnTrackFrom = 100m;

    /// <summary>Attainment (in %) at or above which an initiative short of on track is at risk rather than off track.</summary>
    public const decimal AtRiskFrom = 75m;

    /// <summary>
    /// attainment % = realized cumulative value ÷ base-scenario projected cumulative value × 100, both over the
    /// gate's span; ≥ 100 on track, ≥ 75 at risk, below 75 off track. Pending when the gate's last month is
    /// after <paramref name="asOf"/> (the latest month with figures), whatever the projection. Not applicable,
    /// with the reason, when the projection is ≤ 0 (the denominator: attainment of nothing is not defined).
    /// Throws when the gate spans no month, a programming error rather than data.
    /// </summary>
    /// <param name="gate">The gate.</param>
    /// <param name="asOf">The latest month whose figures are in.</param>
    /// <param name="realizedCumulative">Value realized over the gate's span.</param>
    /// <param name="projectedCumulative">Value the base scenario projected over the same span.</param>
    /// <param name="sourceOfRealized">Where the realized value came from, for lineage.</param>
    /// <param name="sourceOfProjection">Where the projection came from, for lineage.</param>
    public static GateReading Evaluate(
        ReviewGate gate,
        YearMonth asOf,
        decimal realizedCumulative,
        decimal projectedCumulative,
        string sourceOfRealized = "realized value",
        string sourceOfProjection = "base scenario")
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentOutOfRangeException.ThrowIfLessThan(gate.Months, 1, nameof(gate));
        var inputs = Inputs(realizedCumulative, projectedCumulative, sourceOfRealized, sourceOfProjection);
        if (gate.LastMonth > asOf) return new GateReading(gate, GateStatus.Pending, Attainment(null, inputs, PendingReason));
        if (projectedCumulative <= 0)
        {
            return new GateReading(gate, GateStatus.NotApplicable, Attainment(null, inputs,
                "The base scenario projects no positive value over the gate's span: attainment of nothing is not defined."));
        }

        var attainment = realizedCumulative / projectedCumulative * 100m;
        return new GateReading(gate, StatusOf(attainment), Attainment(attainment, inputs, null));
    }

    /// <summary>On track at ≥ 100 %, at risk at ≥ 75 %, off track below: the thresholds of FORMULAS.md §7.</summary>
    public static GateStatus StatusOf(decimal attainment) =>
        attainment >= OnTrackFrom ? GateStatus.OnTrack
        : attainment >= AtRiskFrom ? GateStatus.AtRisk
        : GateStatus.OffTrack;

    /// <summary>
    /// The three gates of an initiative starting in <paramref name="start"/>, each judged by
    /// <see cref="Evaluate(ReviewGate, YearMonth, decimal, decimal, string, string)"/> on the monthly values summed
    /// over its span. A month of a due gate's span missing from either series makes that gate not applicable
    /// with the month named: a missing month is not read as 0 (enter 0 for a month that realized nothing).
    /// </summary>
    /// <param name="start">The initiative's start month.</param>
    /// <param name="asOf">The latest month whose figures are in.</param>
    /// <param name="realizedByMonth">Value realized in each month.</param>
    /// <param name="projectedByMonth">Value the base scenario projects in each month.</param>
    /// <param name="sourceOfRealized">Where the realized values came from, for lineage.</param>
    /// <param name="sourceOfProjection">Where the projection came from, for lineage.</param>
    public static IReadOnlyList<GateReading> EvaluateAll(
        YearMonth start,
        YearMonth asOf,
        IReadOnlyDictionary<YearMonth, decimal> realizedByMonth,
        IReadOnlyDictionary<YearMonth, decimal> projectedByMonth,
        string sourceOfRealized = "realized value",
        string sourceOfProjection = "base scenario")
    {
        ArgumentNullException.ThrowIfNull(realizedByMonth);
        ArgumentNullException.ThrowIfNull(projectedByMonth);
        var readings = new List<GateReading>();
        foreach (var gate in ReviewGateSchedule.For(start))
        {
            if (gate.LastMonth > asOf)
            {
                readings.Add(new GateReading(gate, GateStatus.Pending,
                    Attainment(null, Inputs(0m, 0m, sourceOfRealized, sourceOfProjection), PendingReason)));
                continue;
            }

            decimal realized = 0m, projected = 0m;
            string? missing = null;
            foreach (var month in YearMonth.Range(gate.FirstMonth, gate.LastMonth))
            {
                if (!realizedByMonth.TryGetValue(month, out var r)) { missing = $"No realized value for {month}."; break; }
                if (!projectedByMonth.TryGetValue(month, out var p)) { missing = $"No base-scenario projection for {month}."; break; }
                realized += r;
                projected += p;
            }

            readings.Add(missing is null
                ? Evaluate(gate, asOf, realized, projected, sourceOfRealized, sourceOfProjection)
                : new GateReading(gate, GateStatus.NotApplicable,
                    Attainment(null, Inputs(0m, 0m, sourceOfRealized, sourceOfProjection), missing)));
        }

        return readings;
    }

    private const string PendingReason = "The gate is not due yet: its span ends after the as-of month.";

    internal static FigureInput[] Inputs(decimal realized, decimal projected, string sourceOfRealized, string sourceOfProjection) =>
    [
        new("Realized cumulative value", realized, FigureUnit.Money, sourceOfRealized),
        new("Base-scenario projection", projected, FigureUnit.Money, sourceOfProjection),
    ];

    internal static ExplainedFigure Attainment(decimal? value, IReadOnlyList<FigureInput> inputs, string? reason) => new(
        "Gate attainment", value, FigureUnit.Percent,
        "Realized cumulative value ÷ base-scenario projection for the same span × 100",
        "{0} ÷ {1} × 100 = {result}",
        inputs,
        reason);
}
