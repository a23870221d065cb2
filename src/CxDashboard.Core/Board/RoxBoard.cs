using CxDashboard.Core.Kpis;
using CxDashboard.Core.Money;
using CxDashboard.Core.Time;

namespace CxDashboard.Core.Board;

/// <summary>Risk-adjusted value by factor and investment in one month.</summary>
/// <param name="Month">The month.</param>
/// <param name="CostReduction">Operational savings.</param>
/// <param name="RevenueGrowth">Revenue growth.</param>
/// <param name="Retention">Retained revenue.</param>
/// <param name="Investment">CX investment (costs) paid in the month.</param>
public sealed record FactorMonth(YearMonth Month, decimal CostReduction, decimal RevenueGrowth, decimal Retention, decimal Investment)
{
    /// <summary>All benefits in the month.</summary>
    public decimal Gains => CostReduction + RevenueGrowth + Retention;

    /// <summary>Benefits − investment in the month.</summary>
    public decimal Net => Gains - Investment;
}

/// <summary>One driver's money in the selected month and to date.</summary>
/// <param name="Initiative">The initiative it belongs to.</param>
/// <param name="Name">The driver.</param>
/// <param name="KpiCode">The KPI it prices.</param>
/// <param name="Factor">Its factor.</param>
/// <param name="IsHard">Hard (cash) or soft.</param>
/// <param name="ThisMonth">Risk-adjusted money in the selected month; null when an input was missing.</param>
/// <param name="ToDate">Risk-adjusted money from the initiative's start to the selected month.</param>
/// <param name="Missing">What input was missing this month, if any.</param>
/// <param name="ScopeLabel">Which channels, partners and segments it covers.</param>
/// <param name="Started">False when its initiative starts after the selected month.</param>
/// <param name="Explanation">This month's money with its formula, substituted numbers and sources; null before the start.</param>
/// <param name="Evidence">How its money is known: measured from KPI data, or assumed (an agreed amount).</param>
/// <param name="LeftOutToDate">What the totals left out of its money to date because another driver claims the same change.</param>
/// <remarks><paramref name="ToDate"/> is what the totals count: its own money less <paramref name="LeftOutToDate"/>.</remarks>
public sealed record DriverValue(
    string Initiative, string Name, string KpiCode, Value.ValueFactor Factor, bool IsHard,
    decimal? ThisMonth, decimal ToDate, string? Missing, string ScopeLabel, bool Started = true,
    ExplainedFigure? Explanation = null, Value.EvidenceKind Evidence = Value.EvidenceKind.Measured,
    decimal LeftOutToDate = 0m);

/// <summary>Risk-adjusted gains to date split by how they are known and by hard (cash) or soft.</summary>
/// <param name="Measured">From actual KPI data.</param>
/// <param name="Modelled">From a scenario projection.</param>
/// <param name="Assumed">Agreed manual figures.</param>
/// <param name="Hard">Cash benefits.</param>
/// <param name="Soft">Assumption-led benefits.</param>
public sealed record EvidenceSplit(decimal Measured, decimal Modelled, decimal Assumed, decimal Hard, decimal Soft);

/// <summary>An initiative's figures to date.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Start">Its start month.</param>
/// <param name="Gains">Risk-adjusted benefits from its start to the selected month.</param>
/// <param name="Investment">Risk-adjusted costs from its start to the selected month.</param>
/// <param name="Rox">Its ROX to date.</param>
/// <param name="Started">False when it starts after the selected month: it has neither cost nor value yet.</param>
public sealed record InitiativeSummary(string Name, YearMonth Start, decimal Gains, decimal Investment, ExplainedFigure Rox, bool Started = true);

/// <summary>One KPI tile: the organisation's figure against baseline and target, and the money it drives.</summary>
/// <param name="Kpi">The KPI.</param>
/// <param name="Actual">This month's value; null when no data.</param>
/// <param name="Previous">Last month's value; null when no data.</param>
/// <param name="Baseline">Baseline; null when none is set.</param>
/// <param name="Target">Target; null when none is set.</param>
/// <param name="Standing">Status against baseline and target.</param>
/// <param name="MoneyThisMonth">Risk-adjusted money its drivers produced this month; null when no driver prices it or none could be computed.</param>
/// <param name="Drivers">The drivers that price it.</param>
/// <param name="MissingThisMonth">What its started drivers lacked this month, when some produced no money; null otherwise.</param>
/// <param name="AwaitingStart">True when every driver that prices it belongs to an initiative that has not started yet.</param>
/// <param name="DriverExplanations">How each started driver that prices it made this month's money.</param>
/// <param name="SharesChangeWith">Drivers of other KPIs that claim the same change as its drivers: the totals count it once.</param>
public sealed record KpiTile(
    KpiDefinition Kpi, double? Actual, double? Previous, double? Baseline, double? Target,
    KpiStanding Standing, decimal? MoneyThisMonth, IReadOnlyList<string> Drivers,
    string? MissingThisMonth = null, bool AwaitingStart = false, IReadOnlyList<ExplainedFigure>? DriverExplanations = null,
    IReadOnlyList<string>? SharesChangeWith = null)
{
    /// <summary>A directional KPI (CSAT, NPS) that no driver prices: shown, but marked "not value-linked" (FORMULAS.md §5).</summary>
    public bool NotValueLinked => Drivers.Count == 0 && Kpi.Role == KpiRole.Directional;

    /// <summary>actual − last month, in the KPI's unit; null when either month has no data.</summary>
    public double? ChangeFromPrevious => Actual - Previous;
}

/// <summary>The monthly ROX board: the headline ratios to date, value by factor over time, initiatives and KPI tiles.</summary>
/// <param name="Month">The selected month.</param>
/// <param name="PeriodStart">The first month counted in the to-date figures (the earliest initiative start).</param>
/// <param name="Headline">ROX, ROI, value multiple and net value from the period start to the month, risk-adjusted.</param>
/// <param name="ThisMonth">Value by factor and investment in the selected month.</param>
/// <param name="MonthHeadline">ROX, ROI, value multiple and net value of the selected month alone, risk-adjusted.</param>
/// <param name="Series">Value by factor and investment for every month on the chart.</param>
/// <param name="Initiatives">Each initiative's figures to date.</param>
/// <param name="Drivers">Each driver's money.</param>
/// <param name="Tiles">The KPI tiles.</param>
/// <param name="Evidence">The gains to date split by evidence and by hard or soft.</param>
/// <param name="Overlaps">Drivers that claim the same KPI change, with what was counted once (FORMULAS.md §2, double counting).</param>
/// <param name="Npv">NPV of the realized monthly net cash flows to date, discounted to the period start (FORMULAS.md §3).</param>
/// <param name="Payback">Months from the period start until cumulative realized net cash flow reached 0; null value while not yet.</param>
/// <param name="Experiments">Each holdout experiment with whether and how much of its money the figures count.</param>
public sealed record RoxBoard(
    YearMonth Month,
    YearMonth PeriodStart,
    HeadlineRatios Headline,
    FactorMonth ThisMonth,
    HeadlineRatios MonthHeadline,
    IReadOnlyList<FactorMonth> Series,
    IReadOnlyList<InitiativeSummary> Initiatives,
    IReadOnlyList<DriverValue> Drivers,
    IReadOnlyList<KpiTile> Tiles,
    EvidenceSplit? Evidence = null,
    IReadOnlyList<Value.DriverOverlap>? Overlaps = null,
    ExplainedFigure? Npv = null,
    ExplainedFigure? Payback = null,
    IReadOnlyList<ExperimentValue>? Experiments = null);

/// <summary>Whether a holdout experiment's money is in the board's figures, and why.</summary>
public enum ExperimentStanding
{
    /// <summary>Significant at 5 %: counted as measured value.</summary>
    Significant,
    /// <summary>Not significant, counted because an editor included it deliberately: the board says so.</summary>
    IncludedByChoice,
    /// <summary>Not significant and not included: kept out until it is.</summary>
    NotSignificant,
    /// <summary>Its test window ends after the selected month: no result to count yet.</summary>
    NotYetMeasured,
    /// <summary>Its money could not be computed (an empty arm, invalid counts).</summary>
    NotApplicable,
}

/// <summary>One holdout experiment's money as the board counts it.</summary>
/// <param name="Name">The experiment.</param>
/// <param name="Initiative">The initiative whose gains it adds to; null when it has none on the board.</param>
/// <param name="Factor">Retention for retention and churn tests, revenue growth for conversion.</param>
/// <param name="Measured">The month its money counts in: the end of its test window.</param>
/// <param name="Standing">Counted (significant or by choice), or why not.</param>
/// <param name="Counted">The money in the board's figures: its measured value when counted, 0 otherwise.</param>
/// <param name="Money">Its measured value with formula and inputs.</param>
/// <param name="PValue">Its two-sided p-value; null when there is none.</param>
public sealed record ExperimentValue(
    string Name, string? Initiative, Value.ValueFactor Factor, YearMonth Measured, ExperimentStanding Standing,
    decimal Counted, ExplainedFigure Money, double? PValue)
{
    /// <summary>True when its money is in the board's figures.</summary>
    public bool IsCounted => Standing is ExperimentStanding.Significant or ExperimentStanding.IncludedByChoice;
}
