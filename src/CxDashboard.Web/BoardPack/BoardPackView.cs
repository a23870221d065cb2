using CxDashboard.Core.Gates;
using CxDashboard.Data.Model;
using CxDashboard.Web.Board;

namespace CxDashboard.Web.BoardPack;

/// <summary>What the board pack adds to the board for one month, written for the reader.</summary>
/// <param name="Month">The month, "YYYY-MM".</param>
/// <param name="Tracking">Realized value against the base projection; null when no initiative had started by the month.</param>
/// <param name="Gates">The review gates of every active initiative.</param>
/// <param name="RecentDecisions">
/// The latest gate decisions the pack knows, the latest first: those taken by the month's end, or every one to date in
/// the latest month's pack.
/// </param>
/// <param name="DecisionsTaken">Which decisions those are, in words ("taken by the end of June 2025; …").</param>
/// <param name="Footer">What every printed page says at its foot.</param>
public sealed record BoardPackView(
    string Month,
    TrackingView? Tracking,
    IReadOnlyList<GateTimelineRowView> Gates,
    IReadOnlyList<RecentDecisionView> RecentDecisions,
    string DecisionsTaken,
    PackFooterView Footer);

/// <summary>The portfolio's realized value against the base scenario's projection, in total and by month.</summary>
/// <param name="Period">What it covers ("March 2025 – October 2026, risk-adjusted").</param>
/// <param name="Realized">Realized value to date, with its lineage.</param>
/// <param name="Projected">The base projection over the same months, with its lineage.</param>
/// <param name="Attainment">Realized ÷ projected × 100, with its lineage.</param>
/// <param name="Status">On track, at risk, off track or not applicable.</param>
/// <param name="StatusText">The status in words.</param>
/// <param name="Chart">Both by month, for the chart.</param>
/// <param name="Initiatives">Each initiative's own realized value against its projection, from its start.</param>
public sealed record TrackingView(
    string Period,
    FigureView Realized,
    FigureView Projected,
    FigureView Attainment,
    GateStatus Status,
    string StatusText,
    TrackingChartView Chart,
    IReadOnlyList<TrackingRowView> Initiatives);

/// <summary>Realized and projected value per month, as the chart draws them.</summary>
/// <param name="Categories">Month labels ("Mar 2025").</param>
/// <param name="Realized">Realized value per month, in money.</param>
/// <param name="Projected">The base projection per month, in money.</param>
/// <param name="Locale">The culture to write axis labels in.</param>
/// <param name="Currency">The ISO currency code.</param>
public sealed record TrackingChartView(
    IReadOnlyList<string> Categories,
    IReadOnlyList<double> Realized,
    IReadOnlyList<double> Projected,
    string Locale,
    string Currency);

/// <summary>One initiative's realized value against its projection from its start to the month, written.</summary>
public sealed record TrackingRowView(string Name, string Since, string Realized, string Projected, FigureView Attainment, GateStatus Status, string StatusText);

/// <summary>One active initiative on the gate timeline.</summary>
/// <param name="Name">The initiative.</param>
/// <param name="Start">When it started ("since March 2025") or starts.</param>
/// <param name="Steps">Its 90-day, 6-month and 18-month gates, in order.</param>
/// <param name="Next">Its next gate in words ("18-month gate, due after November 2026"), or that all three are decided.</param>
/// <param name="NextStatus">The next gate's status; null when all three are decided.</param>
/// <param name="NextStatusText">That status in words; empty when all three are decided.</param>
public sealed record GateTimelineRowView(
    string Name,
    string Start,
    IReadOnlyList<GateStepView> Steps,
    string Next,
    GateStatus? NextStatus,
    string NextStatusText);

/// <summary>One gate of an initiative on the timeline.</summary>
/// <param name="Key">"90-day", "6-month", "18-month".</param>
/// <param name="Status">Its status as of the month.</param>
/// <param name="StatusText">The status in words, with its attainment when judged ("At risk · 87.2%").</param>
/// <param name="Due">When it falls due ("after May 2025").</param>
/// <param name="Decision">Its latest decision up to the month ("Continue, 12 Jun 2025"); null when none.</param>
/// <param name="Outcome">That decision's outcome; null when none.</param>
public sealed record GateStepView(string Key, GateStatus Status, string StatusText, string Due, string? Decision, GateOutcome? Outcome);

/// <summary>A gate decision on the board, written.</summary>
public sealed record RecentDecisionView(string Initiative, string Gate, GateOutcome Outcome, string OutcomeText, string Note, string DecidedBy, string Decided);

/// <summary>The foot of every printed page: whose board, which month, which scope, and when it was generated.</summary>
/// <param name="Organisation">The organisation.</param>
/// <param name="Month">"October 2026".</param>
/// <param name="Scope">What the figures cover ("All partners, channels and segments", or one partner's rows).</param>
/// <param name="Generated">When the figures were generated ("12 Nov 2026, 09:30 UTC").</param>
public sealed record PackFooterView(string Organisation, string Month, string Scope, string Generated);
