using CxDashboard.Core.Scenarios;
using CxDashboard.Web.Board;

namespace CxDashboard.Web.Initiatives;

/// <summary>
/// An initiative's returns in one scenario, written for the reader: the figures with their lineage, the TEI cash-flow
/// table, the three scenarios side by side and the tornado. The returns tab and the what-if page both show this.
/// </summary>
/// <param name="Scenario">The scenario the figures, the table and the tornado are for.</param>
/// <param name="ScenarioLabel">Its name ("Base").</param>
/// <param name="CostsHidden">True for a partner user: costs are not shown, so no figure that needs them is either.</param>
/// <param name="NotApplicableReason">Why nothing could be projected (a driver lacks an input); null when projected.</param>
/// <param name="Figures">ROX, ROI, value multiple, NPV, IRR, payback and discounted payback; empty when costs are hidden.</param>
/// <param name="CashFlows">The TEI-style table; null when nothing could be projected.</param>
/// <param name="Scenarios">Conservative, base and optimistic side by side.</param>
/// <param name="Tornado">NPV's sensitivity to each input; null when costs are hidden or nothing could be projected.</param>
/// <param name="Overlaps">Drivers that claim the same KPI change, naming both, and what is counted once.</param>
/// <param name="Drivers">What the projection rests on, driver by driver.</param>
public sealed record ScenarioReturnsView(
    ScenarioKind Scenario,
    string ScenarioLabel,
    bool CostsHidden,
    string? NotApplicableReason,
    IReadOnlyList<FigureView> Figures,
    CashFlowTableView? CashFlows,
    IReadOnlyList<ScenarioRowView> Scenarios,
    TornadoView? Tornado,
    IReadOnlyList<string> Overlaps,
    IReadOnlyList<DriverBasisView> Drivers);

/// <summary>The returns tab of one initiative.</summary>
/// <param name="InitiativeId">The initiative.</param>
/// <param name="Name">Its name.</param>
/// <param name="Period">The months its business case covers, in words.</param>
/// <param name="Returns">Its returns in the chosen scenario.</param>
/// <param name="Realized">Realized against projected value by month; null when nothing is realized yet.</param>
/// <param name="Evidence">How the horizon's value is known; null when nothing could be projected.</param>
/// <param name="Notes">What the reader should know about the figures (costs hidden, no target, volumes taken from data).</param>
public sealed record ReturnsTabView(
    int InitiativeId,
    string Name,
    string Period,
    ScenarioReturnsView Returns,
    RealizedChartView? Realized,
    HorizonEvidenceView? Evidence,
    IReadOnlyList<string> Notes);

/// <summary>The TEI-style cash-flow table: Initial, Year 1..N, Total, Present value.</summary>
/// <param name="Columns">"Initial", "Year 1"… in order (without Total and Present value).</param>
/// <param name="ColumnMonths">The months each column covers ("Mar 2025", "Apr 2025 – Mar 2026").</param>
/// <param name="Rows">Benefits, costs, net and cumulative net (benefits only when costs are hidden).</param>
/// <param name="Caption">What the table holds and how its present value is discounted.</param>
public sealed record CashFlowTableView(
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> ColumnMonths,
    IReadOnlyList<CashFlowRowView> Rows,
    string Caption);

/// <summary>One row of the cash-flow table, written.</summary>
/// <param name="Key">A stable key ("benefits", "costs", "net", "cumulative").</param>
/// <param name="Name">What a reader sees.</param>
/// <param name="Cells">One per column of <see cref="CashFlowTableView.Columns"/>.</param>
/// <param name="Total">The Total column; empty for the cumulative row.</param>
/// <param name="PresentValue">The Present value column; empty for the cumulative row.</param>
public sealed record CashFlowRowView(string Key, string Name, IReadOnlyList<string> Cells, string Total, string PresentValue);

/// <summary>One scenario of the scenario table.</summary>
/// <param name="Key">"conservative", "base" or "optimistic".</param>
/// <param name="Name">"Conservative".</param>
/// <param name="Value">Risk-adjusted value over the horizon.</param>
/// <param name="Roi">ROI %, or "n/a".</param>
/// <param name="Rox">ROX %, or "n/a".</param>
/// <param name="Npv">NPV, or "n/a".</param>
/// <param name="Payback">Payback, or why there is none.</param>
/// <param name="IsChosen">The scenario the rest of the page shows.</param>
/// <param name="Explanation">Each figure's formula with its numbers, for the row's tooltip.</param>
public sealed record ScenarioRowView(
    string Key, string Name, string Value, string Roi, string Rox, string Npv, string Payback, bool IsChosen, string Explanation);

/// <summary>The tornado: how far NPV moves when each input moves alone.</summary>
/// <param name="BaseNpv">NPV with every input as planned.</param>
/// <param name="Move">How far each input moved ("±20%").</param>
/// <param name="Bars">The bars, widest swing first.</param>
/// <param name="Locale">The culture to write the axis in.</param>
/// <param name="Currency">The ISO currency code.</param>
/// <param name="Description">What the chart shows in a sentence, for screen readers.</param>
public sealed record TornadoView(
    string BaseNpv, string Move, IReadOnlyList<TornadoBarView> Bars, string Locale, string Currency, string Description);

/// <summary>One tornado bar.</summary>
/// <param name="Input">The input ("Handle-time savings, voice · loaded hourly rate").</param>
/// <param name="NpvLow">NPV with the input moved down, written.</param>
/// <param name="NpvHigh">NPV with the input moved up, written.</param>
/// <param name="Swing">|NPV high − NPV low|, written; "n/a" when an end has none.</param>
/// <param name="LowChange">NPV low − base NPV, for the chart.</param>
/// <param name="HighChange">NPV high − base NPV, for the chart.</param>
public sealed record TornadoBarView(string Input, string NpvLow, string NpvHigh, string Swing, double? LowChange, double? HighChange);

/// <summary>Realized against projected value by month.</summary>
/// <param name="Categories">Month labels ("Mar 2025").</param>
/// <param name="Realized">Risk-adjusted realized value per month, as the board computes it; null for months not measured.</param>
/// <param name="Projected">Risk-adjusted projected value per month in the base scenario.</param>
/// <param name="Summary">Realized to date against the projection for the same months, in words.</param>
/// <param name="Locale">The culture to write the axis in.</param>
/// <param name="Currency">The ISO currency code.</param>
public sealed record RealizedChartView(
    IReadOnlyList<string> Categories,
    IReadOnlyList<double?> Realized,
    IReadOnlyList<double?> Projected,
    string Summary,
    string Locale,
    string Currency);

/// <summary>How the value over the horizon is known, written.</summary>
/// <param name="Total">Measured + modelled + assumed.</param>
/// <param name="Measured">Realized from KPI data to date.</param>
/// <param name="Modelled">Projected for the months not yet measured.</param>
/// <param name="Assumed">Agreed amounts.</param>
/// <param name="Hard">Cash benefits.</param>
/// <param name="Soft">Assumption-led benefits.</param>
/// <param name="MeasuredThrough">The last month counted as measured, in words; null when none is.</param>
public sealed record HorizonEvidenceView(
    string Total, string Measured, string Modelled, string Assumed, string Hard, string Soft, string? MeasuredThrough);

/// <summary>What one driver's projection rests on.</summary>
/// <param name="Name">The driver.</param>
/// <param name="Kpi">Its KPI ("AHT · Average handle time").</param>
/// <param name="Scope">The channels, partners and segments it covers.</param>
/// <param name="Baseline">The KPI's baseline.</param>
/// <param name="Projected">The KPI in the scenario once the change is full.</param>
/// <param name="Change">The change in the scenario, signed ("−60 s").</param>
/// <param name="Volume">The volume its formula takes, or "not needed".</param>
/// <param name="VolumeSource">Where that volume came from.</param>
/// <param name="Risk">Its risk adjustment.</param>
/// <param name="Value">What it counts over the horizon, risk-adjusted and with double counting removed.</param>
public sealed record DriverBasisView(
    string Name, string Kpi, string Scope, string Baseline, string Projected, string Change,
    string Volume, string VolumeSource, string Risk, string Value);
