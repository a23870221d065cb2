using System.Globalization;
using CxDashboard.Core.Time;
using CxDashboard.Data;
using CxDashboard.Data.Access;
using CxDashboard.Data.Model;
using CxDashboard.Data.Queries;
using CxDashboard.Web.Access;
using CxDashboard.Web.Board;
using CxDashboard.Web.Formatting;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Initiatives;

/// <summary>An initiative's own fields as the form holds them, with the version it was loaded at (0 and 0 for a new one).</summary>
/// <param name="Id">The initiative; 0 for a new one.</param>
/// <param name="Name">Its name, unique among initiatives.</param>
/// <param name="Owner">Who owns it.</param>
/// <param name="Description">What it is, in a few sentences.</param>
/// <param name="Type">Its kind.</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="Start">Its first month.</param>
/// <param name="HorizonMonths">How many months the business case covers.</param>
/// <param name="DiscountRatePercent">The annual discount rate in percent (10 for 10 %).</param>
/// <param name="Version">The version the form was loaded with.</param>
public sealed record InitiativeDraft(
    int Id, string? Name, string? Owner, string? Description, InitiativeType Type, InitiativeStatus Status,
    YearMonth? Start, int? HorizonMonths, decimal? DiscountRatePercent, uint Version);

/// <summary>An initiative's own fields, written for its page's header, with the draft its form starts from.</summary>
/// <param name="Draft">The fields as stored, for the form.</param>
/// <param name="Type">Its kind in words.</param>
/// <param name="Start">"March 2025".</param>
/// <param name="Horizon">"36 months, to February 2028".</param>
/// <param name="DiscountRate">"10.0% a year".</param>
/// <param name="Archived">"Archived on 12 Nov 2026"; null while in use.</param>
/// <param name="CanEdit">True for the organisation's editors.</param>
/// <param name="Culture">The organisation's culture, in which the form reads and writes numbers.</param>
public sealed record InitiativeHeaderView(
    InitiativeDraft Draft, string Type, string Start, string Horizon, string DiscountRate, string? Archived, bool CanEdit, CultureInfo Culture);

/// <summary>What became of an initiative's save.</summary>
public abstract record InitiativeSaveResult
{
    /// <summary>Stored, with its id and new version.</summary>
    public sealed record Saved(InitiativeDraft Current) : InitiativeSaveResult;

    /// <summary>Someone else saved it first: both versions and what differs, for the person to choose; nothing was stored.</summary>
    public sealed record Conflict(InitiativeDraft Mine, InitiativeDraft Theirs, IReadOnlyList<FieldDifference> Differences) : InitiativeSaveResult;

    /// <summary>Not stored: what is wrong with which field, and what to enter instead.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : InitiativeSaveResult;

    /// <summary>The initiative is no longer stored; nothing was saved.</summary>
    public sealed record Gone(string Message) : InitiativeSaveResult;
}

/// <summary>
/// Creates initiatives, edits their own fields, archives and restores them, for the organisation's editors. Every save is
/// audited and checked against the version the form was loaded with, so two editors never silently overwrite each other.
/// </summary>
public sealed class InitiativeEditor(IDbContextFactory<CxDbContext> contexts, InitiativeQueries initiatives, OrganisationQueries organisation, AccessGuard guard, TimeProvider clock)
{
    /// <summary>The longest horizon a business case may cover, in months.</summary>
    public const int MaxHorizonMonths = 120;

    private const string ToChange = "create or change initiatives";

    /// <summary>A new initiative's form: proposed, 36 months, the organisation's discount rate, starting the month after <paramref name="latest"/>.</summary>
    public async Task<InitiativeDraft> NewAsync(YearMonth? latest, CancellationToken cancellationToken = default)
    {
        await guard.RequireOrganisationAsync(CxRoles.Editor, ToChange);
        var settings = await organisation.SettingsAsync(cancellationToken);
        return new InitiativeDraft(0, "", "", "", InitiativeType.Other, InitiativeStatus.Proposed, latest?.AddMonths(1), 36, settings.DefaultDiscountRate * 100m, 0);
    }

    /// <summary>The initiative's fields as stored now, written; null when there is none with this id.</summary>
    public async Task<InitiativeHeaderView?> LoadAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Initiatives.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (row is null) return null;
        var settings = await organisation.SettingsAsync(cancellationToken);
        var format = new FigureFormat(settings.Culture, settings.Currency);
        var user = await guard.UserAsync();
        var start = YearMonth.FromKey(row.StartMonth);
        return new InitiativeHeaderView(
            Draft(row),
            InitiativeWords.Type(row.Type),
            RoxBoardService.MonthLabel(start, format.Culture),
            string.Create(format.Culture, $"{row.HorizonMonths} months, to {RoxBoardService.MonthLabel(start.AddMonths(row.HorizonMonths - 1), format.Culture)}"),
            format.Format(row.DiscountRate, Core.Money.FigureUnit.Rate) + " a year",
            row.ArchivedUtc is { } archived ? "Archived on " + archived.ToString("d MMM yyyy", format.Culture) : null,
            user.IsInRole(CxRoles.Editor) && CxClaims.PartnerOf(user) is null,
            format.Culture);
    }

    /// <summary>Stores <paramref name="draft"/>: a new initiative when its id is 0, else an edit checked against its version.</summary>
    public async Task<InitiativeSaveResult> SaveAsync(InitiativeDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await guard.RequireOrganisationAsync(CxRoles.Editor, ToChange);
        var errors = Validate(draft);
        if (draft.Name is { } name && !string.IsNullOrWhiteSpace(name) && !errors.ContainsKey("Name")
            && await initiatives.NameTakenAsync(name.Trim(), draft.Id, cancellationToken))
            errors["Name"] = $"Another initiative is already called \"{name.Trim()}\": give this one a name of its own.";
        if (errors.Count > 0) return new InitiativeSaveResult.Invalid(errors);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        Initiative row;
        if (draft.Id == 0)
        {
            row = new Initiative { Name = "", Owner = "" };
            db.Initiatives.Add(row);
        }
        else
        {
            if (await db.Initiatives.FirstOrDefaultAsync(i => i.Id == draft.Id, cancellationToken) is not { } stored) return GoneResult;
            row = stored;
            // The check is against the version the form was loaded with, not the one just read.
            db.Entry(row).Property(i => i.Version).OriginalValue = draft.Version;
        }

        row.Name = draft.Name!.Trim();
        row.Owner = draft.Owner!.Trim();
        row.Description = draft.Description?.Trim() ?? "";
        row.Type = draft.Type;
        row.Status = draft.Status;
        row.StartMonth = draft.Start!.Value.Key;
        row.HorizonMonths = draft.HorizonMonths!.Value;
        row.DiscountRate = draft.DiscountRatePercent!.Value / 100m;
        return await StoreAsync(db, row, draft, cancellationToken);
    }

    /// <summary>Archives the initiative: kept with its history, off the list and the board.</summary>
    public Task<InitiativeSaveResult> ArchiveAsync(int id, uint version, CancellationToken cancellationToken = default) =>
        SetArchivedAsync(id, version, archive: true, cancellationToken);

    /// <summary>Brings an archived initiative back onto the list and the board.</summary>
    public Task<InitiativeSaveResult> RestoreAsync(int id, uint version, CancellationToken cancellationToken = default) =>
        SetArchivedAsync(id, version, archive: false, cancellationToken);

    /// <summary>Each invalid field with what is wrong and how to fix it.</summary>
    public static Dictionary<string, string> Validate(InitiativeDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Trim().Length > 160)
            errors["Name"] = "Give the initiative a name of 1 to 160 characters.";
        if (string.IsNullOrWhiteSpace(draft.Owner) || draft.Owner.Trim().Length > 120)
            errors["Owner"] = "Say who owns the initiative (a person or team), in 1 to 120 characters.";
        if (draft.Description is { Length: > 2000 })
            errors["Description"] = string.Create(CultureInfo.InvariantCulture, $"The description is {draft.Description.Length} characters long: shorten it to 2,000 at most.");
        if (draft.Start is null)
            errors["Start"] = "Enter the initiative's first month as YYYY-MM: its benefits count from there.";
        if (draft.HorizonMonths is not { } horizon || horizon < 1 || horizon > MaxHorizonMonths)
            errors["HorizonMonths"] = string.Create(CultureInfo.InvariantCulture, $"Give the months the business case covers, from 1 to {MaxHorizonMonths} (36 for three years).");
        if (draft.DiscountRatePercent is not { } rate || rate < 0m || rate > 100m)
            errors["DiscountRatePercent"] = "Give the annual discount rate as a percentage from 0 to 100 (10 for 10 %).";
        if (!Enum.IsDefined(draft.Type)) errors["Type"] = "Pick the kind of initiative.";
        if (!Enum.IsDefined(draft.Status)) errors["Status"] = "Pick where the initiative is in its life.";
        return errors;
    }

    private async Task<InitiativeSaveResult> SetArchivedAsync(int id, uint version, bool archive, CancellationToken cancellationToken)
    {
        await guard.RequireOrganisationAsync(CxRoles.Editor, ToChange);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Initiatives.FirstOrDefaultAsync(i => i.Id == id, cancellationToken) is not { } row) return GoneResult;
        db.Entry(row).Property(i => i.Version).OriginalValue = version;
        var mine = Draft(row);
        row.ArchivedUtc = archive ? clock.GetUtcNow().UtcDateTime : null;
        return await StoreAsync(db, row, mine, cancellationToken);
    }

    private async Task<InitiativeSaveResult> StoreAsync(CxDbContext db, Initiative row, InitiativeDraft mine, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new InitiativeSaveResult.Saved(Draft(row));
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            var theirs = await fresh.Initiatives.AsNoTracking().FirstOrDefaultAsync(i => i.Id == row.Id, cancellationToken);
            if (theirs is null) return GoneResult;
            var settings = await organisation.SettingsAsync(cancellationToken);
            var stored = Draft(theirs);
            return new InitiativeSaveResult.Conflict(mine, stored, Differences(mine, stored, new FigureFormat(settings.Culture, settings.Currency).Culture));
        }
    }

    /// <summary>The fields in which two versions of an initiative differ, written.</summary>
    public static IReadOnlyList<FieldDifference> Differences(InitiativeDraft mine, InitiativeDraft theirs, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(theirs);
        string Rate(decimal? v) => v is { } x ? x.ToString("0.##", culture) + " %" : "—";
        (string, string, string)[] all =
        [
            ("Name", mine.Name?.Trim() ?? "", theirs.Name ?? ""),
            ("Owner", mine.Owner?.Trim() ?? "", theirs.Owner ?? ""),
            ("Kind", InitiativeWords.Type(mine.Type), InitiativeWords.Type(theirs.Type)),
            ("Status", InitiativeWords.Status(mine.Status), InitiativeWords.Status(theirs.Status)),
            ("Start", mine.Start?.ToString() ?? "—", theirs.Start?.ToString() ?? "—"),
            ("Horizon", mine.HorizonMonths?.ToString(culture) + " months", theirs.HorizonMonths?.ToString(culture) + " months"),
            ("Discount rate", Rate(mine.DiscountRatePercent), Rate(theirs.DiscountRatePercent)),
            ("Description", mine.Description?.Trim() ?? "", theirs.Description ?? ""),
        ];
        return all.Where(d => d.Item2 != d.Item3).Select(d => new FieldDifference(d.Item1, d.Item2, d.Item3)).ToList();
    }

    private static InitiativeSaveResult.Gone GoneResult => new(
        "This initiative is no longer stored: it was removed after the page was loaded. Nothing was saved; go back to the list of initiatives.");

    private static InitiativeDraft Draft(Initiative i) => new(
        i.Id, i.Name, i.Owner, i.Description, i.Type, i.Status, YearMonth.FromKey(i.StartMonth), i.HorizonMonths, i.DiscountRate * 100m, i.Version);
}
