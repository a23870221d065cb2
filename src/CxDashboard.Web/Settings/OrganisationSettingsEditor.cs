using System.Globalization;
using CxDashboard.Data;
using CxDashboard.Data.Access;
using CxDashboard.Data.Model;
using CxDashboard.Web.Access;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Settings;

/// <summary>The organisation's settings as the settings form edits them, with the version they were read at.</summary>
public sealed record SettingsDraft(
    string OrganisationName, string Currency, string Culture, int FiscalYearStartMonth,
    decimal DefaultDiscountRatePercent, decimal DefaultLoadedHourlyRate, uint Version);

/// <summary>What became of a save.</summary>
public abstract record SettingsSaveResult
{
    /// <summary>Stored; the draft now carries the new version.</summary>
    public sealed record Saved(SettingsDraft Current) : SettingsSaveResult;

    /// <summary>Someone else saved first: both versions, for the person to choose.</summary>
    public sealed record Conflict(SettingsDraft Mine, SettingsDraft Theirs) : SettingsSaveResult;

    /// <summary>Not stored: what is wrong with which field, and how to put it right.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : SettingsSaveResult;
}

/// <summary>
/// The settings form's application service: reads and saves the organisation's settings for admins, checked
/// against the version the form was loaded with so that two admins never silently overwrite each other.
/// </summary>
public sealed class OrganisationSettingsEditor(IDbContextFactory<CxDbContext> contexts, AccessGuard guard)
{
    private const string ToChangeThem = "change the organisation's settings";

    /// <summary>The settings as stored now.</summary>
    public async Task<SettingsDraft> LoadAsync(CancellationToken cancellationToken = default)
    {
        await guard.RequireOrganisationAsync(CxRoles.Admin, ToChangeThem);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Settings.AsNoTracking().OrderBy(s => s.Id).FirstAsync(cancellationToken);
        return Draft(row);
    }

    /// <summary>
    /// Stores <paramref name="draft"/> when it is valid and the stored settings still have its version; otherwise
    /// says what is wrong, or returns both versions.
    /// </summary>
    public async Task<SettingsSaveResult> SaveAsync(SettingsDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await guard.RequireOrganisationAsync(CxRoles.Admin, ToChangeThem);
        var errors = Validate(draft);
        if (errors.Count > 0) return new SettingsSaveResult.Invalid(errors);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Settings.OrderBy(s => s.Id).FirstAsync(cancellationToken);
        // The check is against the version the form was loaded with, not the one just read.
        db.Entry(row).Property(s => s.Version).OriginalValue = draft.Version;
        row.OrganisationName = draft.OrganisationName.Trim();
        row.Currency = draft.Currency.Trim().ToUpperInvariant();
        row.Culture = draft.Culture.Trim();
        row.FiscalYearStartMonth = draft.FiscalYearStartMonth;
        row.DefaultDiscountRate = draft.DefaultDiscountRatePercent / 100m;
        row.DefaultLoadedHourlyRate = draft.DefaultLoadedHourlyRate;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new SettingsSaveResult.Saved(Draft(row));
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            var theirs = await fresh.Settings.AsNoTracking().OrderBy(s => s.Id).FirstAsync(cancellationToken);
            return new SettingsSaveResult.Conflict(draft, Draft(theirs));
        }
    }

    /// <summary>Each invalid field with what is wrong and how to fix it.</summary>
    public static IReadOnlyDictionary<string, string> Validate(SettingsDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(draft.OrganisationName) || draft.OrganisationName.Trim().Length > 160)
            errors[nameof(draft.OrganisationName)] = "Give the organisation a name of 1 to 160 characters.";
        if (!IsCurrency(draft.Currency))
            errors[nameof(draft.Currency)] = $"\"{draft.Currency}\" is not an ISO 4217 currency code: use three letters such as USD, EUR or GBP.";
        if (!IsCulture(draft.Culture))
            errors[nameof(draft.Culture)] = $"\"{draft.Culture}\" is not a culture this server knows: use a name such as en-US, en-GB or de-DE.";
        if (draft.FiscalYearStartMonth is < 1 or > 12)
            errors[nameof(draft.FiscalYearStartMonth)] = "Pick the month the fiscal year starts in, 1 (January) to 12 (December).";
        if (draft.DefaultDiscountRatePercent is < 0m or > 100m)
            errors[nameof(draft.DefaultDiscountRatePercent)] = "Give the annual discount rate as a percentage from 0 to 100 (10 for 10 %).";
        if (draft.DefaultLoadedHourlyRate is <= 0m or > 10_000m)
            errors[nameof(draft.DefaultLoadedHourlyRate)] = "Give the loaded hourly cost of an agent, above 0 and at most 10,000.";
        return errors;
    }

    private static SettingsDraft Draft(OrganisationSettings s) => new(
        s.OrganisationName, s.Currency, s.Culture, s.FiscalYearStartMonth, s.DefaultDiscountRate * 100m, s.DefaultLoadedHourlyRate, s.Version);

    private static bool IsCurrency(string? code) =>
        code is { Length: 3 } && CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Any(c => string.Equals(new RegionInfo(c.Name).ISOCurrencySymbol, code.Trim(), StringComparison.OrdinalIgnoreCase));

    private static bool IsCulture(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return false;
        try
        {
            return !CultureInfo.GetCultureInfo(name.Trim(), predefinedOnly: true).IsNeutralCulture;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
