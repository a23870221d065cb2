using CxDashboard.Data;
using CxDashboard.Data.Access;
using CxDashboard.Data.Model;
using CxDashboard.Web.Access;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Kpis;

/// <summary>A measurement as the edit form holds it, with the version it was read at.</summary>
/// <param name="Id">The measurement.</param>
/// <param name="Fields">What is entered, in the store's units.</param>
/// <param name="Version">The version the form was loaded with.</param>
public sealed record MeasurementDraft(long Id, MeasurementFields Fields, uint Version);

/// <summary>What became of a measurement edit.</summary>
public abstract record MeasurementSaveResult
{
    /// <summary>Stored, with its new version.</summary>
    public sealed record Saved(MeasurementDraft Current) : MeasurementSaveResult;

    /// <summary>Someone (or an import) changed it first: both versions, for the person to choose; nothing was stored.</summary>
    public sealed record Conflict(MeasurementDraft Mine, MeasurementDraft Theirs) : MeasurementSaveResult;

    /// <summary>Not stored: what is wrong with which field, and what to enter instead.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : MeasurementSaveResult;

    /// <summary>The measurement is no longer there (deleted, or an import was undone); nothing was stored.</summary>
    public sealed record Gone(string Message) : MeasurementSaveResult;
}

/// <summary>
/// Edits one measurement by hand for editors. The edit goes through the store like any other, so it is audited and
/// checked against the version the form was loaded with; it clears the row's import, which tells the import engine
/// that the row has changed since its import wrote it. A partner editor can reach only their partner's rows.
/// </summary>
public sealed class MeasurementEditor(IDbContextFactory<CxDbContext> contexts, AccessGuard guard)
{
    private const string ToEdit = "change a measurement";

    /// <summary>Stores <paramref name="draft"/> when it is valid and the row still has its version.</summary>
    public async Task<MeasurementSaveResult> SaveAsync(MeasurementDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await guard.RequireAsync(CxRoles.Editor, ToEdit);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Measurements.Include(m => m.Kpi).FirstOrDefaultAsync(m => m.Id == draft.Id, cancellationToken);
        if (row is null) return GoneResult;

        var (stored, errors) = MeasurementRules.Check(row.Kpi!.ToDefinition(), draft.Fields);
        if (errors.Count > 0) return new MeasurementSaveResult.Invalid(errors);

        // The check is against the version the form was loaded with, not the one just read.
        db.Entry(row).Property(m => m.Version).OriginalValue = draft.Version;
        row.Value = stored.Value!.Value;
        row.Numerator = stored.Numerator;
        row.Denominator = stored.Denominator;
        row.Weight = stored.Weight;
        row.Note = stored.Note;
        row.ImportId = null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new MeasurementSaveResult.Saved(Draft(row));
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            var theirs = await fresh.Measurements.AsNoTracking().FirstOrDefaultAsync(m => m.Id == draft.Id, cancellationToken);
            return theirs is null ? GoneResult : new MeasurementSaveResult.Conflict(draft with { Fields = stored }, Draft(theirs));
        }
    }

    private static MeasurementSaveResult.Gone GoneResult => new(
        "This measurement is no longer stored: it was removed (an import undone, perhaps) after the page was loaded. Nothing was saved; reload the month to see what is stored now.");

    private static MeasurementDraft Draft(Measurement m) =>
        new(m.Id, new MeasurementFields(m.Value, m.Numerator, m.Denominator, m.Weight, m.Note), m.Version);
}
