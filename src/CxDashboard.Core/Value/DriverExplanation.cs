using System.Globalization;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Money;
using CxDashboard.Core.Time;

namespace CxDashboard.Core.Value;

/// <summary>Where a driver's KPI figures came from, for its explanation.</summary>
/// <param name="Kpi">The KPI the driver prices (its unit decides how its values are shown).</param>
/// <param name="ScopeLabel">The channels, partners and segments it covers ("Voice · all partners · all segments").</param>
/// <param name="BaselineSource">Where the baseline came from ("baseline measured 2025-03 to 2025-05").</param>
public sealed record DriverLineage(KpiDefinition Kpi, string ScopeLabel, string BaselineSource);

/// <summary>
/// One driver's money in one month as an <see cref="ExplainedFigure"/>: the formula of its type in words, the
/// same formula with the baseline, this month's actual, the volume and the assumptions substituted, and the
/// source of every input (FORMULAS.md §2, risk as in §4).
/// </summary>
public static class DriverExplanation
{
    /// <summary>
    /// The explanation of <see cref="ValueDriverCalculator.MonthlyValue"/> for the same inputs, risk-adjusted.
    /// When an input is missing the value is null and <see cref="ExplainedFigure.NotApplicableReason"/> names it.
    /// </summary>
    public static ExplainedFigure Explain(
        ValueDriverSpec spec, DriverLineage lineage, double baseline, KpiAggregate actual, YearMonth month, int monthOfInitiative)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(lineage);
        var p = spec.Parameters;
        var value = ValueDriverCalculator.MonthlyValue(spec.Type, p, baseline, actual, monthOfInitiative);
        var adjusted = value.RiskAdjusted(spec.Risk);
        var kpiUnit = UnitOf(lineage.Kpi.Unit);
        var code = lineage.Kpi.Code;
        var actualSource = string.Create(CultureInfo.InvariantCulture,
            $"{code} {month}, {lineage.ScopeLabel}, rolled up from {actual.Count} measurements");
        FigureInput Base() => new($"{code} baseline", D(baseline), kpiUnit, lineage.BaselineSource);
        FigureInput New() => new($"{code} actual", D(actual.Value ?? 0), kpiUnit, actualSource);
        FigureInput Volume(string what) => p.Volume is { } v
            ? new FigureInput(what, v, FigureUnit.Count, $"assumption of the driver: {what}")
            : new FigureInput(what, D(actual.Volume), FigureUnit.Count, $"{(lineage.Kpi.DenominatorLabel ?? what).ToLowerInvariant()} behind {code} {month}, {lineage.ScopeLabel}");
        FigureInput Assumed(string what, decimal? x, FigureUnit unit) => new(what, x ?? 0, unit, $"assumption of the driver: {what}");

        var (words, template, inputs) = spec.Type switch
        {
            ValueDriverType.HandleTimeSavings => (
                "(handle time at baseline − handle time now) × contacts ÷ 3600 × loaded hourly rate",
                "({0} − {1}) × {2} ÷ 3600 × {3}",
                new[] { Base(), New(), Volume("contacts"), Assumed("loaded hourly rate", p.UnitValue, FigureUnit.Money) }),
            ValueDriverType.RepeatContactAvoidance => (
                "contacts × (FCR now − FCR at baseline) × cost per contact",
                "{2} × ({1} − {0}) × {3}",
                new[] { Base(), New(), Volume("contacts"), Assumed("cost per contact", p.UnitValue, FigureUnit.Money) }),
            ValueDriverType.Deflection => (
                "contacts × (containment now − containment at baseline) × (cost per assisted − cost per automated contact)",
                "{2} × ({1} − {0}) × ({3} − {4})",
                new[] { Base(), New(), Volume("contacts"), Assumed("cost per assisted contact", p.UnitValue, FigureUnit.Money), Assumed("cost per automated contact", p.SecondaryUnitValue, FigureUnit.Money) }),
            ValueDriverType.CostPerContact => (
                "contacts × (cost per contact at baseline − cost per contact now)",
                "{2} × ({0} − {1})",
                new[] { Base(), New(), Volume("contacts") }),
            ValueDriverType.ComplaintsAndReturns => (
                "(count at baseline − count now) × cost per complaint or return",
                "({0} − {1}) × {2}",
                new[] { Base(), New(), Assumed("cost per complaint or return", p.UnitValue, FigureUnit.Money) }),
            ValueDriverType.AgentRampTime => (
                "hires per year ÷ 12 × (weeks at baseline − weeks now) × weekly loaded cost",
                "{2} ÷ 12 × ({0} − {1}) × {3}",
                new[] { Base(), New(), Volume("hires per year"), Assumed("weekly loaded cost", p.UnitValue, FigureUnit.Money) }),
            ValueDriverType.AgentAttrition => (
                "headcount × (attrition at baseline − attrition now) ÷ 12 × replacement cost",
                "{2} × ({0} − {1}) ÷ 12 × {3}",
                new[] { Base(), New(), Volume("headcount"), Assumed("replacement cost", p.UnitValue, FigureUnit.Money) }),
            ValueDriverType.ConversionLift => (
                "leads × (conversion now − conversion at baseline) × order value × margin",
                "{2} × ({1} − {0}) × {3} × {4}",
                new[] { Base(), New(), Volume("leads"), Assumed("order value", p.UnitValue, FigureUnit.Money), Assumed("margin", p.Margin, FigureUnit.Rate) }),
            ValueDriverType.RevenuePerCustomer => (
                "customers × (revenue per customer now − at baseline) × margin",
                "{2} × ({1} − {0}) × {3}",
                new[] { Base(), New(), Volume("customers"), Assumed("margin", p.Margin, FigureUnit.Rate) }),
            ValueDriverType.Referral => (
                "customers × NPS points gained × referral conversions per point × value per referral",
                "{2} × ({1} − {0}) × {3} × {4}",
                new[] { Base(), New(), Volume("customers"), Assumed("referral conversions per point", p.PerPoint, FigureUnit.Score), Assumed("value per referral", p.UnitValue, FigureUnit.Money) }),
            ValueDriverType.ChurnValueOfChurn => (
                "churned value × (churn at baseline − churn now) ÷ churn at baseline",
                "{2} × ({0} − {1}) ÷ {0}",
                new[] { Base(), New(), Assumed("churned value per month", p.UnitValue, FigureUnit.Money) }),
            ValueDriverType.ChurnCohort => (
                "customers × [(1 − churn now)^m − (1 − churn at baseline)^m] × ARPU × margin, m months after the start",
                "{2} × [(1 − {1})^{5} − (1 − {0})^{5}] × {3} × {4}",
                new[] { Base(), New(), Volume("customers"), Assumed("ARPU", p.UnitValue, FigureUnit.Money), Assumed("margin", p.Margin, FigureUnit.Rate), new FigureInput("months since the start", monthOfInitiative, FigureUnit.Count, "the initiative's start month") }),
            ValueDriverType.ChurnFlat => (
                "customers × (churn at baseline − churn now) × ARPU × margin",
                "{2} × ({0} − {1}) × {3} × {4}",
                new[] { Base(), New(), Volume("customers"), Assumed("ARPU", p.UnitValue, FigureUnit.Money), Assumed("margin", p.Margin, FigureUnit.Rate) }),
            ValueDriverType.ManualAmount => (
                "agreed amount per month",
                "{0}",
                new[] { Assumed("agreed amount per month", p.UnitValue, FigureUnit.Money) }),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Type, "Unknown value driver type."),
        };

        // The risk adjustment leans towards the conservative side: a gain shrinks, a loss grows.
        var loss = value.Value is < 0;
        var (formula, substituted) = RiskAdjustedText(spec.Type, loss, words, template, inputs.Length);
        var riskInput = new FigureInput("risk", spec.Risk, FigureUnit.Rate, "risk adjustment of the driver (TEI)");
        return new ExplainedFigure(
            spec.Name,
            adjusted,
            FigureUnit.Money,
            formula,
            substituted,
            [.. inputs, riskInput],
            value.Missing is { } missing ? $"Not computed for {month}: missing {missing}." : null);
    }

    /// <summary>Each driver type's formula with its risk factor, in words and as a template; built once per type and sign.</summary>
    private static readonly FormulaText?[,] Texts = new FormulaText?[Enum.GetValues<ValueDriverType>().Length, 2];

    private static FormulaText RiskAdjustedText(ValueDriverType type, bool loss, string words, string template, int riskIndex)
    {
        // The texts depend only on the type and the sign, so a board of hundreds of drivers builds each one once
        // (two threads may both build one; they build the same).
        ref var cached = ref Texts[(int)type, loss ? 1 : 0];
        return cached ??= new FormulaText(
            $"{Capitalise(words)} × (1 {(loss ? "+" : "−")} risk)",
            string.Create(CultureInfo.InvariantCulture, $"{template} × (1 {(loss ? "+" : "−")} {{{riskIndex}}}) = {{result}}"));
    }

    private sealed record FormulaText(string Words, string Template);

    /// <summary>How a KPI's values are shown in an explanation.</summary>
    public static FigureUnit UnitOf(KpiUnit unit) => unit switch
    {
        KpiUnit.Money => FigureUnit.Money,
        KpiUnit.Rate => FigureUnit.Rate,
        KpiUnit.Seconds => FigureUnit.Seconds,
        KpiUnit.Count => FigureUnit.Count,
        KpiUnit.Weeks => FigureUnit.Weeks,
        _ => FigureUnit.Score,
    };

    private static decimal D(double x) => double.IsFinite(x) && Math.Abs(x) < 1e15 ? (decimal)x : 0m;

    private static string Capitalise(string s)
    {
        var i = 0;
        while (i < s.Length && !char.IsLetter(s[i])) i++;
        return i == s.Length ? s : s[..i] + char.ToUpperInvariant(s[i]) + s[(i + 1)..];
    }
}
