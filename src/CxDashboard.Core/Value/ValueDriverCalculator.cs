using CxDashboard.Core.Kpis;

namespace CxDashboard.Core.Value;

/// <summary>Money in one month from one driver's KPI change (FORMULAS.md §2).</summary>
/// <param name="Value">Money before risk adjustment; null when an input is missing.</param>
/// <param name="Missing">Which input was missing; null when the value was computed.</param>
public readonly record struct DriverMonth(decimal? Value, string? Missing)
{
    /// <summary>
    /// The money after the TEI risk adjustment, always towards the conservative side: a gain × (1 − risk),
    /// a loss (a KPI that moved the wrong way) × (1 + risk); null when not computed.
    /// </summary>
    public decimal? RiskAdjusted(decimal risk) => Value is { } v ? CashFlows.TeiRisk.AdjustBenefit(v, risk) : null;
}

/// <summary>Turns a KPI delta into money per month for each driver type.</summary>
public static class ValueDriverCalculator
{
    /// <summary>
    /// Money in one month: the formula of <paramref name="type"/> applied to the baseline and this month's
    /// actual. Volumes come from <see cref="DriverParameters.Volume"/> or, when that is null, from the actual's
    /// measured volume (its denominator or weight). <paramref name="monthOfInitiative"/> counts from 1 in the
    /// initiative's first month and is used only by the cohort churn model. A missing input gives a null value
    /// with the name of what was missing, never 0.
    /// </summary>
    public static DriverMonth MonthlyValue(
        ValueDriverType type, DriverParameters parameters, double baseline, KpiAggregate actual, int monthOfInitiative = 1)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (type == ValueDriverType.ManualAmount)
            return parameters.UnitValue is { } agreed ? new DriverMonth(agreed, null) : new DriverMonth(null, "the agreed amount per month");
        if (actual.Value is not { } a) return new DriverMonth(null, "actual KPI value");
        // A value a decimal cannot hold (an infinite CLV at zero churn) prices nothing, rather than failing.
        if (!IsMoneySafe(a) || !IsMoneySafe(baseline) || !IsMoneySafe(actual.Volume))
            return new DriverMonth(null, "a finite KPI value");
        var b = baseline;
        var fixedVolume = parameters.Volume;
        var measuredVolume = actual.Volume;
        // volume × KPI change, the measured part of every formula. Both measured figures are doubles, so their
        // product is taken in double and becomes money once; an agreed volume stays decimal throughout.
        if (!IsMoneySafe(measuredVolume * (b - a))) return Missing("a finite KPI value");
        decimal VolumeTimes(double change) => fixedVolume is { } v ? v * D(change) : D(measuredVolume * change);

        var unit = parameters.UnitValue;
        var margin = parameters.Margin;

        var better = D(b - a); // positive when a lower value is better and it fell

        // Divide last: decimal keeps 28 digits, so dividing first turns an exact $30,000 into 29,999.99…9.
        return type switch
        {
            ValueDriverType.HandleTimeSavings => unit is { } rate
                ? new DriverMonth(VolumeTimes(b - a) * rate / 3600m, null) : Missing("loaded hourly rate"),
            ValueDriverType.RepeatContactAvoidance => unit is { } costPerContact
                ? new DriverMonth(VolumeTimes(a - b) * costPerContact, null) : Missing("cost per contact"),
            ValueDriverType.Deflection => unit is { } assisted && parameters.SecondaryUnitValue is { } automated
                ? new DriverMonth(VolumeTimes(a - b) * (assisted - automated), null)
                : Missing("cost per assisted and per automated contact"),
            ValueDriverType.CostPerContact => new DriverMonth(VolumeTimes(b - a), null),
            ValueDriverType.ComplaintsAndReturns => unit is { } costPerCase
                ? new DriverMonth(better * costPerCase, null) : Missing("cost per complaint or return"),
            ValueDriverType.AgentRampTime => unit is { } weekly
                ? new DriverMonth(VolumeTimes(b - a) * weekly / 12m, null) : Missing("weekly loaded cost"),
            ValueDriverType.AgentAttrition => unit is { } replacement
                ? new DriverMonth(VolumeTimes(b - a) * replacement / 12m, null) : Missing("replacement cost"),
            ValueDriverType.ConversionLift => unit is { } aov && margin is { } m1
                ? new DriverMonth(VolumeTimes(a - b) * aov * m1, null)
                : Missing("order value and margin"),
            ValueDriverType.RevenuePerCustomer => margin is { } m0
                ? new DriverMonth(VolumeTimes(a - b) * m0, null) : Missing("margin"),
            ValueDriverType.Referral => unit is { } perReferral && parameters.PerPoint is { } perPoint
                ? new DriverMonth(VolumeTimes(a - b) * perPoint * perReferral, null)
                : Missing("referral conversions per point and value per referral"),
            ValueDriverType.ChurnValueOfChurn => b <= 0 ? Missing("a baseline churn above zero")
                : unit is { } churned ? new DriverMonth(churned * better / D(b), null) : Missing("churned value"),
            ValueDriverType.ChurnCohort => unit is { } arpu && margin is { } m2
                ? new DriverMonth((fixedVolume ?? D(measuredVolume)) * CohortSurvivalGain(b, a, monthOfInitiative) * arpu * m2, null)
                : Missing("ARPU and margin"),
            ValueDriverType.ChurnFlat => unit is { } arpu2 && margin is { } m3
                ? new DriverMonth(VolumeTimes(b - a) * arpu2 * m3, null)
                : Missing("ARPU and margin"),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown value driver type."),
        };
    }

    /// <summary>How a realized benefit of this type is known: agreed amounts are assumed, everything else is measured.</summary>
    public static EvidenceKind RealizedEvidence(ValueDriverType type) =>
        type == ValueDriverType.ManualAmount ? EvidenceKind.Assumed : EvidenceKind.Measured;

    /// <summary>
    /// Extra surviving share of a cohort m months on: (1 − c_new)^m − (1 − c_base)^m, with monthly churn rates.
    /// </summary>
    public static decimal CohortSurvivalGain(double baseChurn, double newChurn, int month) =>
        D(Math.Pow(1 - newChurn, month) - Math.Pow(1 - baseChurn, month));

    /// <summary>The monthly churn rate equal to an annual rate a: c = 1 − (1 − a)^(1/12).</summary>
    public static double MonthlyChurnFromAnnual(double annual) => 1 - Math.Pow(1 - annual, 1.0 / 12);

    private static decimal D(double x) => (decimal)x;

    private static DriverMonth Missing(string what) => new(null, what);

    private static bool IsMoneySafe(double x) => double.IsFinite(x) && Math.Abs(x) < 1e15;
}
