using CxDashboard.Core.Money;

namespace CxDashboard.Core.CashFlows;

/// <summary>The length of one period of a cash-flow series.</summary>
public enum CashFlowPeriod
{
    /// <summary>Calendar months: the monthly series of FORMULAS.md §3, discounted at the monthly rate equal to the annual rate.</summary>
    Month,
    /// <summary>Years: the TEI annual view (Initial, Year 1..N), discounted at the annual rate.</summary>
    Year,
}

/// <summary>Why a series has no IRR.</summary>
public enum NoIrrReason
{
    /// <summary>Fewer than two flows: there is nothing to balance.</summary>
    TooFewFlows,
    /// <summary>All flows have the same sign (or are all zero): no rate makes NPV zero.</summary>
    NoSignChange,
    /// <summary>The flows change sign once, so one IRR exists, but it lies outside the range searched (−99.9999 % to 10,000 % per period).</summary>
    OutsideSearchedRange,
    /// <summary>The flows change sign more than once and NPV never crosses zero in the range searched.</summary>
    NoRootFound,
    /// <summary>The flows change sign more than once and NPV crosses zero at several rates: no single IRR describes them.</summary>
    MultipleRoots,
}

/// <summary>Whether and how a payback was reached.</summary>
public enum PaybackStatus
{
    /// <summary>The cumulative net cash flow reached 0 within the horizon.</summary>
    PaidBack,
    /// <summary>The cumulative net cash flow stays below 0 to the end of the horizon.</summary>
    NotWithinHorizon,
    /// <summary>The payback cannot be computed (no flows, or a discount rate that is not a number or is −100 % or less).</summary>
    NotApplicable,
}

/// <summary>
/// A net present value: Σ CFₜ ÷ (1 + r)^t with CF₀ undiscounted, split into the present value of benefits (inflows)
/// and of costs (outflows, as a positive number) so that it explains itself.
/// </summary>
/// <param name="Value">The NPV; null when not applicable (see <paramref name="NotApplicableReason"/>).</param>
/// <param name="Period">Months or years.</param>
/// <param name="AnnualRate">The annual discount rate as a fraction.</param>
/// <param name="RatePerPeriod">The rate each period is discounted at: the monthly rate (1 + r)^(1/12) − 1 for months, r for years.</param>
/// <param name="Horizon">The last period counted (the flows run from period 0 to this).</param>
/// <param name="PresentValueOfBenefits">Present value of the benefits (of the positive flows for a bare series).</param>
/// <param name="PresentValueOfCosts">Present value of the costs as a positive number (of the negative flows for a bare series).</param>
/// <param name="NotApplicableReason">Why there is no value; null when there is one.</param>
public sealed record NpvResult(
    decimal? Value,
    CashFlowPeriod Period,
    double AnnualRate,
    double RatePerPeriod,
    int Horizon,
    decimal PresentValueOfBenefits,
    decimal PresentValueOfCosts,
    string? NotApplicableReason = null)
{
    /// <summary>True when there is a value.</summary>
    public bool IsApplicable => Value is not null;

    /// <summary>
    /// The NPV as a figure that explains itself: "{0} − {1}, discounted at {2} a year over months 0 to {3} = {result}",
    /// with the present values of benefits and costs, the annual rate and the horizon as inputs.
    /// </summary>
    /// <param name="source">Where the flows came from, for lineage ("Voice IVR, risk-adjusted, 2025-01 to 2028-01").</param>
    public ExplainedFigure ToFigure(string source)
    {
        var periods = Period == CashFlowPeriod.Month ? "months" : "years";
        var formula = Period == CashFlowPeriod.Month
            ? "Σ net cash flowₜ ÷ (1 + monthly rate)^t over months t = 0..horizon, month 0 undiscounted; monthly rate = (1 + annual rate)^(1/12) − 1"
            : "Initial + Σ Yearₖ ÷ (1 + annual rate)^k over years k = 1..N (TEI convention; a spreadsheet's =Initial + NPV(r, Year1..YearN))";
        IReadOnlyList<FigureInput> inputs = Value is null || !double.IsFinite(AnnualRate) || Math.Abs(AnnualRate) > 1e15
            ? []
            :
            [
                new FigureInput("Present value of benefits", PresentValueOfBenefits, FigureUnit.Money, source),
                new FigureInput("Present value of costs", PresentValueOfCosts, FigureUnit.Money, source),
                new FigureInput("Annual discount rate", (decimal)AnnualRate, FigureUnit.Rate, source),
                new FigureInput(Period == CashFlowPeriod.Month ? "Last month" : "Last year", Horizon, FigureUnit.Count, source),
            ];
        return new ExplainedFigure(
            "NPV", Value, FigureUnit.Money, formula,
            "{0} − {1}, discounted at {2} a year over " + periods + " 0 to {3} = {result}",
            inputs, NotApplicableReason);
    }
}

/// <summary>
/// An internal rate of return: the rate per period at which NPV = 0, and that rate expressed per year
/// ((1 + r)^12 − 1 for months). When there is none, <see cref="NoIrr"/> says why; a wrong number is never given.
/// </summary>
/// <param name="RatePerPeriod">The IRR per period (per month for a monthly series); null when there is none.</param>
/// <param name="AnnualRate">The IRR per year: (1 + monthly IRR)^12 − 1 for months, the same as the periodic one for years; null when there is none.</param>
/// <param name="Period">Months or years.</param>
/// <param name="Horizon">The last period counted.</param>
/// <param name="NoIrr">Why there is no IRR; null when there is one.</param>
/// <param name="Candidates">The rates per period at which NPV crosses zero when there are several (<see cref="NoIrrReason.MultipleRoots"/>); otherwise empty.</param>
/// <param name="NotApplicableReason">The reason in words; null when there is an IRR.</param>
public sealed record IrrResult(
    double? RatePerPeriod,
    double? AnnualRate,
    CashFlowPeriod Period,
    int Horizon,
    NoIrrReason? NoIrr,
    IReadOnlyList<double> Candidates,
    string? NotApplicableReason = null)
{
    /// <summary>True when there is an IRR.</summary>
    public bool IsApplicable => RatePerPeriod is not null;

    /// <summary>
    /// The annual IRR as a figure (unit: rate). For months: "(1 + {0})^12 − 1 = {result}, where Σ CFₜ ÷ (1 + {0})^t = 0
    /// over months 0 to {1}"; for years: "Σ CFₜ ÷ (1 + {result})^t = 0 over years 0 to {0}".
    /// </summary>
    /// <param name="source">Where the flows came from, for lineage.</param>
    public ExplainedFigure ToFigure(string source)
    {
        decimal? value = AnnualRate is { } a && Math.Abs(a) < 1e27 ? (decimal)a : null;
        var reason = value is null ? NotApplicableReason ?? "The IRR is too large to show." : null;
        if (Period == CashFlowPeriod.Month)
        {
            IReadOnlyList<FigureInput> inputs = value is null || RatePerPeriod is not { } monthly
                ? []
                :
                [
                    new FigureInput("Monthly IRR", (decimal)monthly, FigureUnit.Rate, source),
                    new FigureInput("Last month", Horizon, FigureUnit.Count, source),
                ];
            return new ExplainedFigure(
                "IRR", value, FigureUnit.Rate,
                "The monthly rate r at which NPV = Σ CFₜ ÷ (1 + r)^t = 0, expressed per year as (1 + r)^12 − 1",
                "(1 + {0})^12 − 1 = {result}, where Σ CFₜ ÷ (1 + {0})^t = 0 over months 0 to {1}",
                inputs, reason);
        }

        return new ExplainedFigure(
            "IRR", value, FigureUnit.Rate,
            "The annual rate r at which NPV = Σ CFₖ ÷ (1 + r)^k = 0 (a spreadsheet's =IRR(Initial..YearN))",
            "Σ CFₖ ÷ (1 + {result})^k = 0 over years 0 to {0}",
            value is null ? [] : [new FigureInput("Last year", Horizon, FigureUnit.Count, source)],
            reason);
    }
}

/// <summary>
/// A payback period: the first period in which the cumulative net cash flow is ≥ 0, linearly interpolated inside that
/// period: (p − 1) + still to recover at the end of period p − 1 ÷ net cash flow of period p; 0 when period 0 alone is ≥ 0.
/// The discounted payback is the same on the discounted flows.
/// </summary>
/// <param name="Periods">The payback in periods (months or years); null unless <see cref="PaybackStatus.PaidBack"/>.</param>
/// <param name="Status">Paid back, not within the horizon, or not applicable.</param>
/// <param name="Period">Months or years.</param>
/// <param name="Discounted">True for the discounted payback.</param>
/// <param name="PaybackPeriod">The period p in which the cumulative flow reaches 0; null unless paid back.</param>
/// <param name="StillToRecover">The cumulative shortfall at the end of period p − 1, as a positive number (0 when p = 0).</param>
/// <param name="FlowInPeriod">The (discounted, for a discounted payback) net cash flow of period p.</param>
/// <param name="NotApplicableReason">Why there is no value ("not within horizon" or not applicable); null when paid back.</param>
public sealed record PaybackResult(
    decimal? Periods,
    PaybackStatus Status,
    CashFlowPeriod Period,
    bool Discounted,
    int? PaybackPeriod,
    decimal StillToRecover,
    decimal FlowInPeriod,
    string? NotApplicableReason = null)
{
    /// <summary>The payback in months (years × 12 for an annual series); null unless paid back.</summary>
    public decimal? Months => Period == CashFlowPeriod.Month ? Periods : Periods * 12m;

    /// <summary>
    /// The payback in months as a figure: "{0} + {1} ÷ {2} = {result}" (× 12 for years), with the whole periods before
    /// the payback period, the amount still to recover and the flow of the payback period as inputs.
    /// </summary>
    /// <param name="source">Where the flows came from, for lineage.</param>
    public ExplainedFigure ToFigure(string source)
    {
        var name = Discounted ? "Discounted payback" : "Payback";
        var flow = Discounted ? "discounted net cash flow" : "net cash flow";
        var unit = Period == CashFlowPeriod.Month ? "month" : "year";
        var formula = "First " + unit + " in which the cumulative " + flow + " is ≥ 0, interpolated inside that " + unit +
            ": whole " + unit + "s before it + still to recover ÷ that " + unit + "'s " + flow +
            (Period == CashFlowPeriod.Year ? ", × 12 months" : "");
        if (Status != PaybackStatus.PaidBack || PaybackPeriod is not { } p)
            return new ExplainedFigure(name, null, FigureUnit.Months, formula, "{result}", [], NotApplicableReason);

        if (p == 0)
            return new ExplainedFigure(
                name, 0m, FigureUnit.Months, formula,
                "the start " + unit + "'s " + flow + " {0} is already ≥ 0: {result}",
                [new FigureInput("Start " + unit + "'s " + flow, FlowInPeriod, FigureUnit.Money, source)]);

        return new ExplainedFigure(
            name, Months, FigureUnit.Months, formula,
            Period == CashFlowPeriod.Month ? "{0} + {1} ÷ {2} = {result}" : "({0} + {1} ÷ {2}) × 12 = {result}",
            [
                new FigureInput("Whole " + unit + "s before the payback " + unit, p - 1, FigureUnit.Count, source),
                new FigureInput("Still to recover", StillToRecover, FigureUnit.Money, source),
                new FigureInput(flow[..1].ToUpperInvariant() + flow[1..] + " of the payback " + unit, FlowInPeriod, FigureUnit.Money, source),
            ]);
    }
}
