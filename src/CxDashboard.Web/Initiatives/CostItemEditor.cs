using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Time;
using CxDashboard.Data;
using CxDashboard.Data.Access;
using CxDashboard.Data.Model;
using CxDashboard.Data.Queries;
using CxDashboard.Web.Access;
using CxDashboard.Web.Formatting;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Initiatives;

/// <summary>A cost item as its grid row edits it, with the version it was loaded at (0 and 0 for a new one).</summary>
/// <param name="Id">The cost item; 0 for a new one.</param>
/// <param name="InitiativeId">Its initiative.</param>
/// <param name="Name">What it is.</param>
/// <param name="Category">What it is for (seed 004's categories).</param>
/// <param name="Nature">OPEX or CAPEX.</param>
/// <param name="Recurrence">One-time or monthly.</param>
/// <param name="Amount">Paid once, or each month; not negative.</param>
/// <param name="Start">The month it is paid (one-time) or starts (monthly).</param>
/// <param name="End">The last month a monthly cost is paid; null for open-ended (and for a one-time cost).</param>
/// <param name="RiskPercent">TEI risk adjustment in percent, 0 to 100.</param>
/// <param name="Version">The version the row was loaded with.</param>
public sealed record CostItemDraft(
    int Id, int InitiativeId, string? Name, CostCategory Category, CostNature Nature, CostRecurrence Recurrence,
    decimal? Amount, YearMonth? Start, YearMonth? End, decimal? RiskPercent, uint Version);

/// <summary>What became of a cost item's save or removal.</summary>
public abstract record CostItemSaveResult
{
    /// <summary>Stored (or removed), with its new version.</summary>
    public sealed record Saved(CostItemDraft Current) : CostItemSaveResult;

    /// <summary>Someone else changed it first: both versions and what differs; nothing was stored.</summary>
    public sealed record Conflict(CostItemDraft Mine, CostItemDraft Theirs, IReadOnlyList<FieldDifference> Differences) : CostItemSaveResult;

    /// <summary>Not stored: what is wrong with which field, and what to enter instead.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : CostItemSaveResult;

    /// <summary>The cost item or its initiative is no longer stored; nothing was saved.</summary>
    public sealed record Gone(string Message) : CostItemSaveResult;
}

/// <summary>
/// Adds, changes and removes an initiative's cost items for the organisation's editors: checked (no negative amount, risk
/// within 0–100 %, no end before the start), audited, and saved against the version the row was loaded with.
/// </summary>
public sealed class CostItemEditor(IDbContextFactory<CxDbContext> contexts, OrganisationQueries organisation, AccessGuard guard)
{
    private const string ToChange = "change an initiative's costs";

    /// <summary>A new cost item's row for <paramref name="initiativeId"/>: one-time OPEX software, from <paramref name="start"/>.</summary>
    public static CostItemDraft New(int initiativeId, YearMonth start) => new(
        0, initiativeId, "", CostCategory.SoftwareLicensing, CostNature.Opex, CostRecurrence.OneTime, null, start, null, 0m, 0);

    /// <summary>Stores <paramref name="draft"/>: a new cost item when its id is 0, else an edit checked against its version.</summary>
    public async Task<CostItemSaveResult> SaveAsync(CostItemDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await guard.RequireOrganisationAsync(CxRoles.Editor, ToChange);
        var errors = Validate(draft);
        if (errors.Count > 0) return new CostItemSaveResult.Invalid(errors);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Initiatives.FirstOrDefaultAsync(i => i.Id == draft.InitiativeId, cancellationToken) is not { } initiative)
            return InitiativeGone;
        if (initiative.ArchivedUtc is not null)
            return new CostItemSaveResult.Invalid(new Dictionary<string, string> { ["CostItem"] = ArchivedMessage });

        CostItem row;
        if (draft.Id == 0)
        {
            row = new CostItem { Name = "", InitiativeId = draft.InitiativeId };
            db.CostItems.Add(row);
        }
        else
        {
            if (await db.CostItems.FirstOrDefaultAsync(c => c.Id == draft.Id && c.InitiativeId == draft.InitiativeId, cancellationToken) is not { } stored)
                return CostGone;
            row = stored;
            db.Entry(row).Property(c => c.Version).OriginalValue = draft.Version;
        }

        row.Name = draft.Name!.Trim();
        row.Category = draft.Category;
        row.Nature = draft.Nature;
        row.Recurrence = draft.Recurrence;
        row.Amount = draft.Amount!.Value;
        row.StartMonth = draft.Start!.Value.Key;
        row.EndMonth = draft.Recurrence == CostRecurrence.Monthly ? draft.End?.Key : null;
        row.Risk = draft.RiskPercent!.Value / 100m;
        return await StoreAsync(db, row, draft, cancellationToken);
    }

    /// <summary>Removes a cost item, unless someone changed it since it was loaded.</summary>
    public async Task<CostItemSaveResult> RemoveAsync(CostItemDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await guard.RequireOrganisationAsync(CxRoles.Editor, ToChange);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.CostItems.FirstOrDefaultAsync(c => c.Id == draft.Id && c.InitiativeId == draft.InitiativeId, cancellationToken) is not { } row)
            return CostGone;
        if (await db.Initiatives.AnyAsync(i => i.Id == draft.InitiativeId && i.ArchivedUtc != null, cancellationToken))
            return new CostItemSaveResult.Invalid(new Dictionary<string, string> { ["CostItem"] = ArchivedMessage });
        db.Entry(row).Property(c => c.Version).OriginalValue = draft.Version;
        db.CostItems.Remove(row);
        return await StoreAsync(db, row, draft, cancellationToken);
    }

    /// <summary>Each invalid field with what is wrong and how to fix it.</summary>
    public static Dictionary<string, string> Validate(CostItemDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Trim().Length > 160)
            errors["Name"] = "Say what the cost is for, in 1 to 160 characters.";
        if (draft.Amount is not { } amount)
            errors["Amount"] = "Enter the amount paid (once, or each month).";
        else if (amount < 0m)
            errors["Amount"] = "A cost cannot be negative: enter what is paid, 0 or more. A saving belongs in a value driver.";
        else if (amount > 1_000_000_000_000m)
            errors["Amount"] = "That amount is too large to be a cost line: check the number of digits.";
        if (draft.RiskPercent is not { } risk || risk < 0m || risk > 100m)
            errors["Risk"] = "Give the risk adjustment as a percentage from 0 to 100 (10 raises the cost by 10 %).";
        if (draft.Start is not { } start)
            errors["Start"] = "Enter the month the cost is paid or starts, as YYYY-MM.";
        else if (draft.Recurrence == CostRecurrence.Monthly && draft.End is { } end && end < start)
            errors["End"] = $"The cost ends ({end}) before it starts ({start}): enter an end month no earlier than {start}, or leave it empty for open-ended.";
        if (!Enum.IsDefined(draft.Category)) errors["Category"] = "Pick what the cost is for.";
        if (!Enum.IsDefined(draft.Nature)) errors["Nature"] = "Pick OPEX or CAPEX.";
        if (!Enum.IsDefined(draft.Recurrence)) errors["Recurrence"] = "Pick one-time or monthly.";
        return errors;
    }

    private async Task<CostItemSaveResult> StoreAsync(CxDbContext db, CostItem row, CostItemDraft mine, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new CostItemSaveResult.Saved(Draft(row));
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            var theirs = await fresh.CostItems.AsNoTracking().FirstOrDefaultAsync(c => c.Id == row.Id, cancellationToken);
            if (theirs is null) return CostGone;
            var settings = await organisation.SettingsAsync(cancellationToken);
            var stored = Draft(theirs);
            return new CostItemSaveResult.Conflict(mine, stored, Differences(mine, stored, new FigureFormat(settings.Culture, settings.Currency)));
        }
    }

    /// <summary>The fields in which two versions of a cost item differ, written.</summary>
    public static IReadOnlyList<FieldDifference> Differences(CostItemDraft mine, CostItemDraft theirs, FigureFormat format)
    {
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(theirs);
        ArgumentNullException.ThrowIfNull(format);
        string Money(decimal? v) => v is { } x ? format.Format(x, Core.Money.FigureUnit.Money) : "—";
        string Percent(decimal? v) => v is { } x ? format.Format(x, Core.Money.FigureUnit.Percent) : "—";
        (string, string, string)[] all =
        [
            ("Name", mine.Name?.Trim() ?? "", theirs.Name ?? ""),
            ("Category", InitiativeWords.Category(mine.Category), InitiativeWords.Category(theirs.Category)),
            ("OPEX / CAPEX", InitiativeWords.Nature(mine.Nature), InitiativeWords.Nature(theirs.Nature)),
            ("Paid", InitiativeWords.Recurrence(mine.Recurrence), InitiativeWords.Recurrence(theirs.Recurrence)),
            ("Amount", Money(mine.Amount), Money(theirs.Amount)),
            ("Start", mine.Start?.ToString() ?? "—", theirs.Start?.ToString() ?? "—"),
            ("End", mine.Recurrence == CostRecurrence.Monthly ? mine.End?.ToString() ?? "open-ended" : "—",
                theirs.Recurrence == CostRecurrence.Monthly ? theirs.End?.ToString() ?? "open-ended" : "—"),
            ("Risk", Percent(mine.RiskPercent), Percent(theirs.RiskPercent)),
        ];
        return all.Where(d => d.Item2 != d.Item3).Select(d => new FieldDifference(d.Item1, d.Item2, d.Item3)).ToList();
    }

    /// <summary>The stored cost item as its row edits it.</summary>
    public static CostItemDraft Draft(CostItem c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new CostItemDraft(
            c.Id, c.InitiativeId, c.Name, c.Category, c.Nature, c.Recurrence, c.Amount, YearMonth.FromKey(c.StartMonth),
            c.EndMonth is { } end ? YearMonth.FromKey(end) : null, c.Risk * 100m, c.Version);
    }

    internal const string ArchivedMessage = "This initiative is archived: restore it first to change its business case.";

    private static CostItemSaveResult.Gone CostGone => new(
        "This cost item is no longer stored: someone removed it after the page was loaded. Nothing was saved; the grid now shows the costs there are.");

    private static CostItemSaveResult.Gone InitiativeGone => new(
        "This initiative is no longer stored. Nothing was saved; go back to the list of initiatives.");
}
