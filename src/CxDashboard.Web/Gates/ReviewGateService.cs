using System.Globalization;
using CxDashboard.Core.Gates;
using CxDashboard.Core.Time;
using CxDashboard.Data;
using CxDashboard.Data.Access;
using CxDashboard.Data.Model;
using CxDashboard.Data.Queries;
using CxDashboard.Web.Access;
using CxDashboard.Web.Board;
using CxDashboard.Web.Formatting;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Gates;

/// <summary>
/// The Gates tab's application service: an initiative's 90-day, 6-month and 18-month review gates as of a month, each
/// judged by Core's <see cref="ReviewGateEvaluator"/> (realized cumulative value against the base scenario's projection
/// for the same span), with the decisions recorded at it; and the recording of a new decision. Decisions are only ever
/// added: a later decision for the same gate is kept after the earlier ones, never in their place.
/// </summary>
public sealed class ReviewGateService(
    IDbContextFactory<CxDbContext> contexts,
    OrganisationQueries organisation,
    InitiativeTracking tracking,
    AccessGuard guard,
    TimeProvider time)
{
    /// <summary>The longest note a decision keeps (the store's column).</summary>
    public const int MaxNoteLength = 2000;

    private const string ToDecide = "record a gate decision";

    /// <summary>The initiative's gates as of <paramref name="asOf"/>; null when there is no such initiative.</summary>
    public async Task<GatesView?> GetAsync(int initiativeId, YearMonth asOf, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var initiative = await db.Initiatives.AsNoTracking()
            .Include(i => i.CostItems)
            .Include(i => i.ValueDrivers).ThenInclude(d => d.Baseline).ThenInclude(b => b!.Kpi)
            .Include(i => i.GateDecisions)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == initiativeId, cancellationToken);
        if (initiative is null) return null;

        var settings = await organisation.SettingsAsync(cancellationToken);
        var format = new FigureFormat(settings.Culture, settings.Currency);
        var tracked = (await tracking.TrackAsync([initiative], asOf, format, cancellationToken))[0];
        var writer = new GateWriter(format, asOf);
        var user = await guard.UserAsync();
        var partner = CxClaims.PartnerOf(user);
        string? scopeNote = null;
        if (partner is { } id)
        {
            var name = (await organisation.DimensionsAsync(cancellationToken)).Partners.FirstOrDefault(p => p.Id == id)?.Name ?? "your partner";
            scopeNote = $"You see {name}'s share only: realized value and the projection both come from {name}'s rows, so the statuses say how {name}'s part is tracking, not the whole initiative.";
        }

        var projection = tracked.ProjectionNotApplicable is { } why
            ? [$"The base scenario cannot be projected: {why}", .. tracked.Lineage]
            : tracked.Lineage;
        return new GatesView(
            initiative.Id,
            initiative.Name,
            asOf.ToString(),
            writer.Month(asOf),
            writer.Month(tracked.Start),
            user.IsInRole(CxRoles.Editor) && partner is null && initiative.ArchivedUtc is null,
            initiative.ArchivedUtc is not null,
            tracked.Gates.Select(g => writer.Gate(g, initiative.GateDecisions)).ToList(),
            projection,
            scopeNote);
    }

    /// <summary>
    /// Records <paramref name="draft"/> as the signed-in editor, now, when it is complete and no one has recorded a decision
    /// for the same gate since the form was shown (that one is kept; the person chooses whether to add theirs after it).
    /// </summary>
    public async Task<GateDecisionResult> RecordAsync(GateDecisionDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await guard.RequireOrganisationAsync(CxRoles.Editor, ToDecide);
        var errors = Check(draft);
        if (errors.Count > 0) return new GateDecisionResult.Invalid(errors);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var initiative = await db.Initiatives.AsNoTracking().FirstOrDefaultAsync(i => i.Id == draft.InitiativeId, cancellationToken);
        if (initiative is null)
            return new GateDecisionResult.Refused("This initiative is no longer stored, so no decision can be recorded for it. Nothing was saved.");
        if (initiative.ArchivedUtc is not null)
            return new GateDecisionResult.Refused("This initiative is archived: its gates and decisions are kept as they are. Nothing was saved.");

        var settings = await organisation.SettingsAsync(cancellationToken);
        var writer = new GateWriter(new FigureFormat(settings.Culture, settings.Currency), YearMonth.FromKey(initiative.StartMonth));
        var latest = await db.GateDecisions.AsNoTracking()
            .Where(d => d.InitiativeId == draft.InitiativeId && d.Gate == draft.Gate)
            .OrderByDescending(d => d.DecidedUtc).ThenByDescending(d => d.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is not null && latest.Id != draft.LatestSeenId)
            return new GateDecisionResult.Conflict(writer.Decision(latest));

        var user = await guard.UserAsync();
        var decision = new GateDecision
        {
            InitiativeId = draft.InitiativeId,
            Gate = draft.Gate,
            Outcome = draft.Outcome!.Value,
            Note = draft.Note!.Trim(),
            DecidedBy = user.Identity?.Name ?? StoreActor.SystemName,
            // To the second: a decision is read by the minute, and a later one must sort after an earlier one.
            DecidedUtc = TruncateToSecond(time.GetUtcNow().UtcDateTime),
        };
        db.GateDecisions.Add(decision);
        await db.SaveChangesAsync(cancellationToken);
        return new GateDecisionResult.Recorded(writer.Decision(decision));
    }

    private static Dictionary<string, string> Check(GateDecisionDraft draft)
    {
        var errors = new Dictionary<string, string>();
        if (draft.Outcome is not { } outcome || !Enum.IsDefined(outcome))
            errors["Outcome"] = "Choose what the steering group decided: continue, adjust or stop.";
        var note = draft.Note?.Trim() ?? "";
        if (note.Length == 0)
            errors["Note"] = "Write why the steering group decided this: a decision needs a note, so that it can be understood later.";
        else if (note.Length > MaxNoteLength)
            errors["Note"] = string.Create(CultureInfo.InvariantCulture,
                $"The note has {note.Length:N0} characters; shorten it to {MaxNoteLength:N0} at most (what you wrote is kept here).");
        if (!Enum.IsDefined(draft.Gate))
            errors["Gate"] = "Choose one of the initiative's three gates.";
        return errors;
    }

    private static DateTime TruncateToSecond(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
