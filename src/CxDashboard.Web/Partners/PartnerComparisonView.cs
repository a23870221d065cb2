using CxDashboard.Web.Board;

namespace CxDashboard.Web.Partners;

/// <summary>The partner comparison for one month, every figure written for the organisation's culture.</summary>
/// <param name="Month">"2026-10".</param>
/// <param name="MonthLabel">"October 2026".</param>
/// <param name="HasData">False when the store holds no measurement for the month.</param>
/// <param name="PeriodLabel">What the to-date figures cover ("March 2025 – October 2026, risk-adjusted").</param>
/// <param name="Kpis">The KPI columns, in order.</param>
/// <param name="Partners">Each partner the reader may see, in display order.</param>
/// <param name="Unattributed">The value and cost on no partner's contacts; null when there is none.</param>
/// <param name="Overlaps">Drivers that claim the same change, and whose work the guard counted it as, written.</param>
/// <param name="TrendMonths">The first and last month of the trends ("Nov 2025", "Oct 2026").</param>
/// <param name="PartnerReader">The partner a partner-scoped reader is limited to, by name; null for the organisation's own users.</param>
/// <param name="RoxWithheld">Why ROX is not shown (a partner reader cannot see costs); null when it is.</param>
/// <param name="Holdouts">The holdout tests' money the board counts to date, which no partner's row holds; null when it counts none.</param>
public sealed record PartnerComparisonView(
    string Month,
    string MonthLabel,
    bool HasData,
    string PeriodLabel,
    IReadOnlyList<PartnerKpiColumn> Kpis,
    IReadOnlyList<PartnerRowView> Partners,
    PartnerReturnView? Unattributed,
    IReadOnlyList<string> Overlaps,
    (string First, string Last) TrendMonths,
    string? PartnerReader,
    string? RoxWithheld,
    PartnerHoldoutsView? Holdouts = null)
{
    /// <summary>A comparison for a month the store has nothing for.</summary>
    public static PartnerComparisonView NoData(string month, string monthLabel, string? partnerReader) =>
        new(month, monthLabel, false, "", [], [], null, [], ("", ""), partnerReader, null);
}

/// <summary>
/// The holdout tests' money in the board's gains to date, written. A holdout test measures its lift over its whole eligible
/// population, not on a partner's contacts, so this money is attributed to no partner.
/// </summary>
/// <param name="Total">All of it ("$904,781").</param>
/// <param name="Tests">Each test with its initiative and money ("Proactive renewal calls with agent assist (Agent assist for voice agents, $904,781)").</param>
public sealed record PartnerHoldoutsView(string Total, IReadOnlyList<string> Tests);

/// <summary>A KPI the partners are compared on.</summary>
/// <param name="Code">"FCR".</param>
/// <param name="Name">"First contact resolution".</param>
/// <param name="HigherIsBetter">Which way is better.</param>
/// <param name="Aggregation">How it adds up over the partner's channels and segments, in words.</param>
public sealed record PartnerKpiColumn(string Code, string Name, bool HigherIsBetter, string Aggregation);

/// <summary>One partner: what kind it is, its returns to date and its KPIs this month.</summary>
/// <param name="Code">"ATLAS".</param>
/// <param name="Name">"Atlas Contact Solutions".</param>
/// <param name="Kind">"In-house" or "BPO".</param>
/// <param name="Returns">Its value, cost and ROX to date, with their lineage.</param>
/// <param name="Kpis">Its KPIs in the order of <see cref="PartnerComparisonView.Kpis"/>.</param>
public sealed record PartnerRowView(string Code, string Name, string Kind, PartnerReturnView Returns, IReadOnlyList<PartnerKpiCell> Kpis)
{
    /// <summary>The cell of one KPI; null when the organisation does not keep that KPI.</summary>
    public PartnerKpiCell? Kpi(string code) => Kpis.FirstOrDefault(k => string.Equals(k.Code, code, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A partner's (or no partner's) returns to date, written.</summary>
/// <param name="Name">The partner, or "Not attributed to a partner".</param>
/// <param name="Rox">ROX with its lineage; null when withheld from the reader.</param>
/// <param name="Value">Value to date with its lineage.</param>
/// <param name="Cost">Cost to date with its lineage; null when withheld from the reader.</param>
/// <param name="ValueThisMonth">Value in the selected month, written.</param>
/// <param name="Split">Value to date by whose work it comes from, written.</param>
public sealed record PartnerReturnView(
    string Name, FigureView? Rox, FigureView Value, FigureView? Cost, string ValueThisMonth, WorkSplitView Split);

/// <summary>Value by whose work it comes from, written.</summary>
/// <param name="Partner">From outsourcing initiatives.</param>
/// <param name="AiTooling">From AI agent and agent-assist initiatives.</param>
/// <param name="Internal">From the organisation's other initiatives.</param>
/// <param name="Total">All three.</param>
public sealed record WorkSplitView(string Partner, string AiTooling, string Internal, string Total);

/// <summary>One KPI of one partner this month.</summary>
/// <param name="Code">The KPI's code.</param>
/// <param name="Actual">This month's value as written, or "no data".</param>
/// <param name="ActualValue">The same as a number.</param>
/// <param name="Change">actual − last month with sign and unit ("−12 s"), or empty when either month has no data.</param>
/// <param name="Tone">Whether the change is better, worse or neither.</param>
/// <param name="Trend">The last 12 months' values, oldest first; null for a month without data.</param>
/// <param name="TrendText">The trend in words.</param>
public sealed record PartnerKpiCell(
    string Code, string Actual, double? ActualValue, string Change, FigureTone Tone, IReadOnlyList<double?> Trend, string TrendText);
