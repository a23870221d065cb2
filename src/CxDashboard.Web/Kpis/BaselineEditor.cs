using System.Globalization;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Data;
using CxDashboard.Data.Access;
using CxDashboard.Data.Model;
using CxDashboard.Data.Queries;
using CxDashboard.Web.Access;
using CxDashboard.Web.Board;
using CxDashboard.Web.Formatting;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Kpis;

/// <summary>A new baseline: whose (null: the organisation's), which KPI and scope, the value and the months it was measured over.</summary>
public sealed record NewBaselineDraft(
    string KpiCode, int? InitiativeId, int? ChannelId, int? PartnerId, int? SegmentId,
    double? Value, YearMonth? PeriodStart, YearMonth? PeriodEnd, double? Target, YearMonth? TargetMonth, string? Note);

/// <summary>A baseline's target and the month it should be met by, with the version the form was loaded with.</summary>
public sealed record TargetDraft(int BaselineId, double? Target, YearMonth? TargetMonth, uint Version);

/// <summary>A re-baselining: the new value and period, from which month it applies and why.</summary>
public sealed record RebaselineDraft(
    int BaselineId, double? Value, YearMonth? PeriodStart, YearMonth? PeriodEnd, YearMonth? EffectiveMonth, string? Reason, uint Version);

/// <summary>What became of a baseline change.</summary>
public abstract record BaselineSaveResult
{
    /// <summary>Stored.</summary>
    public sealed record Saved(int BaselineId) : BaselineSaveResult;

    /// <summary>Someone else changed the baseline first: both, in words, and the version to save over theirs; nothing was stored.</summary>
    public sealed record Conflict(string Mine, string Theirs, uint TheirVersion) : BaselineSaveResult;

    /// <summary>Not stored: what is wrong with which field, and what to enter instead.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : BaselineSaveResult;
}

/// <summary>A baseline value measured from the data, for a person to accept or change.</summary>
/// <param name="Value">The KPI rolled up over the scope and months; null when there is no data.</param>
/// <param name="Text">How it was measured, in words.</param>
public sealed record BaselineProposal(double? Value, string Text);

/// <summary>
/// Adds baselines, sets their targets and re-baselines them, for the organisation's editors. A baseline is locked once
/// set: a new value or period is a re-baselining, saved with its revision (reason, effective month, old and new) in
/// the same transaction; the store refuses anything else. Every change is audited and version-checked.
/// </summary>
public sealed class BaselineEditor(IDbContextFactory<CxDbContext> contexts, AccessGuard guard, MeasurementQueries measurements, OrganisationQueries organisation)
{
    /// <summary>The longest reason a revision keeps.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>The longest note a baseline keeps.</summary>
    public const int MaxNoteLength = 1000;

    private const string ToChange = "change baselines and targets";

    /// <summary>
    /// The KPI rolled up over the scope and months exactly (FORMULAS.md §5): the value a new baseline would take if
    /// measured. A sum KPI (complaints) gives its monthly mean over the months with data.
    /// </summary>
    public async Task<BaselineProposal> ProposeAsync(
        string kpiCode, int? channelId, int? partnerId, int? segmentId, YearMonth from, YearMonth to, CancellationToken cancellationToken = default)
    {
        await guard.RequireOrganisationAsync(CxRoles.Editor, ToChange);
        var kpi = await KpiAsync(kpiCode, cancellationToken);
        if (to < from) return new BaselineProposal(null, "The period ends before it starts: pick a first month no later than the last.");
        var sums = await measurements.SumsByMonthAsync(kpi.Id, from, to, MeasurementScope.Of(channelId, partnerId, segmentId), cancellationToken);
        var definition = kpi.ToDefinition();
        var total = sums.Values.Aggregate(MeasurementSums.Empty, (a, s) => a.Add(s));
        var value = KpiRollup.Combine(definition.Aggregation, total).Value;
        var span = $"{from} to {to}";
        if (value is not { } v) return new BaselineProposal(null, $"There is no {kpi.Code} data for this scope from {span}: pick other months or enter the value yourself.");
        if (definition.Aggregation == KpiAggregation.Sum) v /= sums.Count;
        var values = await ValueFormatAsync(cancellationToken);
        var months = sums.Count == from.MonthsUntil(to) + 1 ? "" : string.Create(CultureInfo.InvariantCulture, $" ({sums.Count} of the months have data)");
        return new BaselineProposal(v, definition.Aggregation == KpiAggregation.Sum
            ? $"{values.Value(definition, v)} a month: the monthly mean from {span}{months}"
            : $"{values.Value(definition, v)} measured from {span}{months}, rolled up as {KpiWords.Aggregation(definition)}");
    }

    /// <summary>Adds a baseline; refuses a second one for the same owner, KPI and scope (re-baseline that one instead).</summary>
    public async Task<BaselineSaveResult> AddAsync(NewBaselineDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await guard.RequireOrganisationAsync(CxRoles.Editor, ToChange);
        var kpi = await KpiAsync(draft.KpiCode, cancellationToken);
        var definition = kpi.ToDefinition();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        MeasurementRules.CheckValue(definition, draft.Value, errors, "Value", "The baseline");
        CheckPeriod(draft.PeriodStart, draft.PeriodEnd, errors);
        CheckTarget(definition, draft.Target, draft.TargetMonth, errors);
        if (draft.Note is { Length: > MaxNoteLength })
            errors["Note"] = string.Create(CultureInfo.InvariantCulture, $"The note is {draft.Note.Length} characters long: shorten it to {MaxNoteLength} at most.");

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (draft.InitiativeId is { } initiative && !await db.Initiatives.AnyAsync(i => i.Id == initiative, cancellationToken))
            errors["Initiative"] = "That initiative no longer exists: pick another, or the organisation.";
        if (await db.Baselines.AnyAsync(b => b.KpiId == kpi.Id && b.InitiativeId == draft.InitiativeId
                && b.ChannelId == draft.ChannelId && b.PartnerId == draft.PartnerId && b.SegmentId == draft.SegmentId, cancellationToken))
            errors["Scope"] = $"There is already a {kpi.Code} baseline for this owner and scope. A baseline is locked once set: re-baseline that one instead, with a reason.";
        if (errors.Count > 0) return new BaselineSaveResult.Invalid(errors);

        var baseline = new Baseline
        {
            KpiId = kpi.Id,
            InitiativeId = draft.InitiativeId,
            ChannelId = draft.ChannelId,
            PartnerId = draft.PartnerId,
            SegmentId = draft.SegmentId,
            Value = draft.Value!.Value,
            PeriodStart = draft.PeriodStart!.Value.Key,
            PeriodEnd = draft.PeriodEnd!.Value.Key,
            Target = draft.Target,
            TargetMonth = draft.Target is null ? null : draft.TargetMonth?.Key,
            Note = draft.Note?.Trim() ?? "",
        };
        db.Baselines.Add(baseline);
        await db.SaveChangesAsync(cancellationToken);
        return new BaselineSaveResult.Saved(baseline.Id);
    }

    /// <summary>Sets or clears a baseline's target: audited, no reason needed, checked against the version it was loaded with.</summary>
    public async Task<BaselineSaveResult> SetTargetAsync(TargetDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await guard.RequireOrganisationAsync(CxRoles.Editor, ToChange);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var baseline = await db.Baselines.Include(b => b.Kpi).FirstOrDefaultAsync(b => b.Id == draft.BaselineId, cancellationToken);
        if (baseline is null) return Missing;
        var definition = baseline.Kpi!.ToDefinition();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (draft.Target is not null) CheckTarget(definition, draft.Target, draft.TargetMonth, errors);
        if (errors.Count > 0) return new BaselineSaveResult.Invalid(errors);

        db.Entry(baseline).Property(b => b.Version).OriginalValue = draft.Version;
        baseline.Target = draft.Target;
        baseline.TargetMonth = draft.Target is null ? null : draft.TargetMonth?.Key;
        return await SaveAsync(db, baseline, definition,
            values => $"target {TargetText(values, definition, draft.Target, draft.TargetMonth?.Key)}",
            (values, b) => $"target {TargetText(values, definition, b.Target, b.TargetMonth)}",
            cancellationToken);
    }

    /// <summary>
    /// Re-baselines: a new value or period applies from the effective month, for the reason given. The revision and
    /// the baseline are saved together; an empty reason stores nothing.
    /// </summary>
    public async Task<BaselineSaveResult> RebaselineAsync(RebaselineDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await guard.RequireOrganisationAsync(CxRoles.Editor, ToChange);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var baseline = await db.Baselines.Include(b => b.Kpi).FirstOrDefaultAsync(b => b.Id == draft.BaselineId, cancellationToken);
        if (baseline is null) return Missing;
        var definition = baseline.Kpi!.ToDefinition();

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var reason = draft.Reason?.Trim() ?? "";
        if (reason.Length == 0)
            errors["Reason"] = "Say why the baseline changes: a re-baselining is kept in the KPI's history with its reason, and is not saved without one.";
        else if (reason.Length > MaxReasonLength)
            errors["Reason"] = string.Create(CultureInfo.InvariantCulture, $"The reason is {reason.Length} characters long: shorten it to {MaxReasonLength} at most.");
        MeasurementRules.CheckValue(definition, draft.Value, errors, "Value", "The new baseline");
        CheckPeriod(draft.PeriodStart, draft.PeriodEnd, errors);
        if (draft.EffectiveMonth is null)
            errors["EffectiveMonth"] = "Pick the month from which the new baseline applies.";
        if (errors.Count == 0 && draft.Value == baseline.Value && draft.PeriodStart!.Value.Key == baseline.PeriodStart && draft.PeriodEnd!.Value.Key == baseline.PeriodEnd)
            errors["Value"] = "The value and period are the ones the baseline already has: change the value or the period to re-baseline.";
        if (errors.Count > 0) return new BaselineSaveResult.Invalid(errors);

        db.Entry(baseline).Property(b => b.Version).OriginalValue = draft.Version;
        var revision = new BaselineRevision
        {
            Baseline = baseline,
            AtUtc = DateTime.UtcNow,
            UserName = StoreActor.Current?.UserName ?? StoreActor.SystemName,
            EffectiveMonth = draft.EffectiveMonth!.Value.Key,
            // What the person saw when they decided: the version the form was loaded with is checked below, so these
            // are the values being replaced.
            OldValue = baseline.Value,
            OldPeriodStart = baseline.PeriodStart,
            OldPeriodEnd = baseline.PeriodEnd,
            NewValue = draft.Value!.Value,
            NewPeriodStart = draft.PeriodStart!.Value.Key,
            NewPeriodEnd = draft.PeriodEnd!.Value.Key,
            Reason = reason,
        };
        db.BaselineRevisions.Add(revision);
        baseline.Value = revision.NewValue;
        baseline.PeriodStart = revision.NewPeriodStart;
        baseline.PeriodEnd = revision.NewPeriodEnd;
        return await SaveAsync(db, baseline, definition,
            values => $"{values.Value(definition, draft.Value)} measured {draft.PeriodStart} to {draft.PeriodEnd}, from {draft.EffectiveMonth}",
            (values, b) => $"{values.Value(definition, b.Value)} measured {YearMonth.FromKey(b.PeriodStart)} to {YearMonth.FromKey(b.PeriodEnd)}",
            cancellationToken);
    }

    private async Task<BaselineSaveResult> SaveAsync(
        CxDbContext db, Baseline baseline, KpiDefinition definition,
        Func<KpiValueFormat, string> mine, Func<KpiValueFormat, Baseline, string> theirs, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new BaselineSaveResult.Saved(baseline.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            var stored = await fresh.Baselines.AsNoTracking().FirstOrDefaultAsync(b => b.Id == baseline.Id, cancellationToken);
            if (stored is null) return Missing;
            var values = await ValueFormatAsync(cancellationToken);
            return new BaselineSaveResult.Conflict(mine(values), theirs(values, stored), stored.Version);
        }
    }

    private static BaselineSaveResult.Invalid Missing => new(new Dictionary<string, string>
    {
        ["Baseline"] = "This baseline is no longer stored (its initiative was removed, perhaps): reload the page to see the baselines there are now.",
    });

    private static void CheckPeriod(YearMonth? start, YearMonth? end, Dictionary<string, string> errors)
    {
        if (start is null || end is null)
            errors["Period"] = "Pick the first and last month the baseline was measured over.";
        else if (end < start)
            errors["Period"] = $"The period ends ({end}) before it starts ({start}): pick a last month no earlier than the first.";
    }

    private static void CheckTarget(KpiDefinition kpi, double? target, YearMonth? month, Dictionary<string, string> errors)
    {
        if (target is null) return;
        MeasurementRules.CheckValue(kpi, target, errors, "Target", "The target");
        if (month is null)
            errors["TargetMonth"] = "Pick the month the target should be met by.";
    }

    private static string TargetText(KpiValueFormat values, KpiDefinition kpi, double? target, int? month) =>
        target is null ? "none" : month is { } m ? $"{values.Value(kpi, target)} by {YearMonth.FromKey(m)}" : values.Value(kpi, target);

    private async Task<Kpi> KpiAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var wanted = code.Trim().ToUpperInvariant();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Kpis.AsNoTracking().FirstOrDefaultAsync(k => k.Code == wanted, cancellationToken)
            ?? throw new InvalidOperationException($"There is no KPI with the code {wanted}.");
    }

    private async Task<KpiValueFormat> ValueFormatAsync(CancellationToken cancellationToken)
    {
        var settings = await organisation.SettingsAsync(cancellationToken);
        return new KpiValueFormat(new FigureFormat(settings.Culture, settings.Currency));
    }
}
