using CxDashboard.Core.Gates;
using CxDashboard.Data.Model;
using CxDashboard.Web.Board;

namespace CxDashboard.Web.Gates;

/// <summary>An initiative's Gates tab: its three review gates as of a month, each with its status and decisions.</summary>
/// <param name="InitiativeId">The initiative.</param>
/// <param name="Name">Its name.</param>
/// <param name="AsOf">The month the gates are judged at, "YYYY-MM".</param>
/// <param name="AsOfLabel">The month as a reader says it ("October 2026").</param>
/// <param name="Start">When it started, in words ("March 2025").</param>
/// <param name="CanDecide">True for the organisation's editors: the tab offers the decision form.</param>
/// <param name="IsArchived">True when the initiative is archived: its gates are read only.</param>
/// <param name="Gates">The 90-day, 6-month and 18-month gates, in order.</param>
/// <param name="Projection">How the base projection the gates compare with was made, driver by driver.</param>
/// <param name="ScopeNote">For a partner user, what their figures cover; null for the organisation's users.</param>
public sealed record GatesView(
    int InitiativeId,
    string Name,
    string AsOf,
    string AsOfLabel,
    string Start,
    bool CanDecide,
    bool IsArchived,
    IReadOnlyList<GateView> Gates,
    IReadOnlyList<string> Projection,
    string? ScopeNote);

/// <summary>One review gate as the tab shows it.</summary>
/// <param name="Kind">Which gate.</param>
/// <param name="Key">A stable key for tests and automation ("90-day").</param>
/// <param name="Title">"90-day gate".</param>
/// <param name="Span">The months it judges ("March – May 2025, months 1–3").</param>
/// <param name="Due">When it falls due, in words ("due after May 2025" or "due since May 2025").</param>
/// <param name="Status">Pending, on track, at risk, off track or not applicable.</param>
/// <param name="StatusText">The status in words.</param>
/// <param name="Attainment">Realized ÷ projected × 100 with its lineage.</param>
/// <param name="Realized">Realized value over the span, written; "—" while pending.</param>
/// <param name="Projected">Base-scenario projection over the span, written; "—" while pending.</param>
/// <param name="Decisions">Its decisions, the latest first; earlier ones are kept.</param>
public sealed record GateView(
    ReviewGateKind Kind,
    string Key,
    string Title,
    string Span,
    string Due,
    GateStatus Status,
    string StatusText,
    FigureView Attainment,
    string Realized,
    string Projected,
    IReadOnlyList<GateDecisionView> Decisions)
{
    /// <summary>The latest decision, or null when none has been recorded.</summary>
    public GateDecisionView? Latest => Decisions.Count == 0 ? null : Decisions[0];
}

/// <summary>A recorded decision, written.</summary>
/// <param name="Id">The decision.</param>
/// <param name="Outcome">Continue, adjust or stop.</param>
/// <param name="OutcomeText">The outcome in words.</param>
/// <param name="Note">Why, as recorded.</param>
/// <param name="DecidedBy">Who recorded it.</param>
/// <param name="Decided">When, in the organisation's culture, in UTC.</param>
public sealed record GateDecisionView(int Id, GateOutcome Outcome, string OutcomeText, string Note, string DecidedBy, string Decided);

/// <summary>A decision as the form holds it.</summary>
/// <param name="InitiativeId">The initiative.</param>
/// <param name="Gate">The gate decided.</param>
/// <param name="Outcome">Continue, adjust or stop; null when none was chosen.</param>
/// <param name="Note">Why; required.</param>
/// <param name="LatestSeenId">The gate's latest decision when the form was shown (null for none): a newer one is a conflict.</param>
public sealed record GateDecisionDraft(int InitiativeId, ReviewGateKind Gate, GateOutcome? Outcome, string? Note, int? LatestSeenId);

/// <summary>What became of a decision the form sent.</summary>
public abstract record GateDecisionResult
{
    /// <summary>Stored: the decision as recorded.</summary>
    public sealed record Recorded(GateDecisionView Decision) : GateDecisionResult;

    /// <summary>Not stored: what is wrong with which field ("Outcome", "Note"), and how to fix it.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : GateDecisionResult;

    /// <summary>
    /// Not stored: someone recorded a decision for the same gate after the form was shown. Theirs is kept; the person
    /// chooses to record theirs after it or to leave it.
    /// </summary>
    public sealed record Conflict(GateDecisionView Theirs) : GateDecisionResult;

    /// <summary>Not stored: the initiative is gone or archived.</summary>
    public sealed record Refused(string Message) : GateDecisionResult;
}
