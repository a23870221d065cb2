using CxDashboard.Core.Gates;
using CxDashboard.Data.Model;
using CxDashboard.Web.Board;

namespace CxDashboard.Web.Initiatives;

/// <summary>The initiatives list, written for the reader.</summary>
/// <param name="Rows">One row per initiative, in start order.</param>
/// <param name="CanEdit">True for the organisation's editors: create, edit and archive are offered.</param>
/// <param name="ShowsArchived">True when archived initiatives are listed too.</param>
/// <param name="ArchivedCount">How many initiatives are archived, shown or not.</param>
/// <param name="AsOfLabel">The month gates are judged at ("October 2026"); null when the store holds no data.</param>
/// <param name="CostsHidden">
/// Why ROX, NPV and payback are not shown, for a partner reader, who sees no costs; null when they are.
/// </param>
/// <param name="Culture">The organisation's culture, in which the forms read and write numbers.</param>
public sealed record InitiativeListView(
    IReadOnlyList<InitiativeRow> Rows,
    bool CanEdit,
    bool ShowsArchived,
    int ArchivedCount,
    string? AsOfLabel,
    string? CostsHidden,
    System.Globalization.CultureInfo Culture);

/// <summary>One initiative in the list.</summary>
/// <param name="Id">Its id, for its page.</param>
/// <param name="Version">The version it was read at, for archiving.</param>
/// <param name="Name">Its name.</param>
/// <param name="Type">Its kind in words.</param>
/// <param name="Owner">Who owns it.</param>
/// <param name="Start">Its first month ("Mar 2025").</param>
/// <param name="StartKey">Its first month as year × 100 + month, for sorting.</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="Archived">When it was archived ("Archived 12 Nov 2026"); null while in use.</param>
/// <param name="Rox">ROX over the horizon in the base scenario, with its lineage; null when costs are hidden.</param>
/// <param name="Npv">NPV of the base scenario; null when costs are hidden.</param>
/// <param name="Payback">Payback of the base scenario; null when costs are hidden.</param>
/// <param name="NextGate">The next review gate and how the initiative stands at it.</param>
public sealed record InitiativeRow(
    int Id,
    uint Version,
    string Name,
    string Type,
    string Owner,
    string Start,
    int StartKey,
    InitiativeStatus Status,
    string? Archived,
    FigureView? Rox,
    FigureView? Npv,
    FigureView? Payback,
    NextGateView NextGate);

/// <summary>An initiative's next review gate.</summary>
/// <param name="Gate">"6-month gate", or "All gates decided", or "Stopped".</param>
/// <param name="When">When it falls due or what was decided ("due after Aug 2025", "stopped at the 6-month gate on 12 Mar 2026").</param>
/// <param name="Status">Its standing; null when no gate is left to judge.</param>
/// <param name="StatusText">The standing in words ("On track · awaiting a decision").</param>
/// <param name="Attainment">Realized ÷ projected value over the gate's span, with its lineage; null while pending or with no gate left.</param>
public sealed record NextGateView(string Gate, string When, GateStatus? Status, string StatusText, FigureView? Attainment);
