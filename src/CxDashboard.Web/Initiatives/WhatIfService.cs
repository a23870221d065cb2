using CxDashboard.Core.Kpis;
using CxDashboard.Core.Scenarios;
using CxDashboard.Core.Time;
using CxDashboard.Data;
using CxDashboard.Data.Access;
using CxDashboard.Data.Model;
using CxDashboard.Data.Queries;
using CxDashboard.Web.Access;
using CxDashboard.Web.Formatting;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Initiatives;

/// <summary>A channel a what-if driver can cover.</summary>
public sealed record ChannelChoice(int Id, string Code, string Name);

/// <summary>What the what-if page needs once: how figures are written, the channels and KPIs, and whether the user may save.</summary>
/// <param name="Format">The organisation's format.</param>
/// <param name="Channels">The channels a driver can cover.</param>
/// <param name="Kpis">The organisation's KPIs by code.</param>
/// <param name="KpiIds">Their ids by code, for saving.</param>
/// <param name="DefaultStart">The month a new business case starts: the first month not yet measured.</param>
/// <param name="CannotSave">Why this user may not save a business case; null when they may.</param>
/// <param name="UserName">The signed-in user, the owner a new business case starts with.</param>
public sealed record WhatIfSetup(
    FigureFormat Format,
    IReadOnlyList<ChannelChoice> Channels,
    IReadOnlyDictionary<string, KpiDefinition> Kpis,
    IReadOnlyDictionary<string, int> KpiIds,
    YearMonth DefaultStart,
    string? CannotSave,
    string UserName = "");

/// <summary>A draft's returns, or what is wrong with it.</summary>
/// <param name="Errors">Each wrong field's message; empty when the draft is valid.</param>
/// <param name="Returns">The returns of a valid draft; null while it has errors.</param>
public sealed record WhatIfEvaluation(IReadOnlyDictionary<string, string> Errors, ScenarioReturnsView? Returns);

/// <summary>What became of saving a what-if business case.</summary>
public abstract record WhatIfSaveResult
{
    /// <summary>Stored as a proposed initiative.</summary>
    public sealed record Saved(int Id, string Name) : WhatIfSaveResult;

    /// <summary>Not stored: what is wrong with which field.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : WhatIfSaveResult;
}

/// <summary>
/// The what-if page's application service: starts a business case from a template, projects it through Core as the
/// returns tab does (nothing is stored while the user plays), and saves it as a proposed initiative for editors.
/// </summary>
public sealed class WhatIfService(
    IDbContextFactory<CxDbContext> contexts,
    OrganisationQueries organisation,
    MeasurementQueries measurements,
    AccessGuard guard,
    TimeProvider? time = null)
{
    private const string ToSave = "save a business case as an initiative";

    /// <summary>The organisation's format, channels and KPIs, and whether the current user may save.</summary>
    public async Task<WhatIfSetup> SetUpAsync(CancellationToken cancellationToken = default)
    {
        var settings = await organisation.SettingsAsync(cancellationToken);
        var dimensions = await organisation.DimensionsAsync(cancellationToken);
        var kpis = await organisation.KpisAsync(cancellationToken);
        var months = await measurements.MonthsWithDataAsync(cancellationToken);
        var now = (time ?? TimeProvider.System).GetUtcNow();
        var start = months.Count > 0 ? months[^1].AddMonths(1) : new YearMonth(now.Year, now.Month);

        var user = await guard.UserAsync();
        var cannotSave = !user.IsInRole(CxRoles.Editor)
            ? "Viewers can try a business case here but not save it: ask an editor to save it as an initiative."
            : CxClaims.PartnerOf(user) is not null
                ? "Partner users can try a business case here but not save it: initiatives belong to the organisation."
                : null;
        return new WhatIfSetup(
            new FigureFormat(settings.Culture, settings.Currency),
            dimensions.Channels.Select(c => new ChannelChoice(c.Id, c.Code, c.Name)).ToList(),
            kpis.ToDictionary(k => k.Code, k => k.ToDefinition(), StringComparer.OrdinalIgnoreCase),
            kpis.ToDictionary(k => k.Code, k => k.Id, StringComparer.OrdinalIgnoreCase),
            start,
            cannotSave,
            user.Identity?.Name ?? "");
    }

    /// <summary>A new business case from the template of <paramref name="type"/>, owned by the signed-in user until they name someone else.</summary>
    public static WhatIfDraft Template(WhatIfSetup setup, InitiativeType type)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var draft = WhatIfTemplates.Draft(type, setup.DefaultStart,
            code => setup.Channels.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase))?.Id);
        draft.Owner = setup.UserName;
        return draft;
    }

    /// <summary>The draft's returns in <paramref name="scenario"/>, or the messages of the fields to fix first.</summary>
    public static WhatIfEvaluation Evaluate(WhatIfSetup setup, WhatIfDraft draft, ScenarioKind scenario = ScenarioKind.Base)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var errors = WhatIfRules.Check(draft, setup.Kpis, setup.Format.Culture);
        if (errors.Count > 0) return new WhatIfEvaluation(errors, null);
        var (plan, basis) = WhatIfPlan.Of(draft, setup.Kpis, setup.Channels);
        return new WhatIfEvaluation(errors, new ReturnsWriter(setup.Format).Write(plan, basis, scenario, costsHidden: false).View);
    }

    /// <summary>
    /// Stores the draft as a proposed initiative when it is valid and the user is an editor of the organisation; the
    /// save is audited like any other. Throws <see cref="AccessDeniedException"/> for anyone else.
    /// </summary>
    public async Task<WhatIfSaveResult> SaveAsync(WhatIfSetup setup, WhatIfDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        await guard.RequireOrganisationAsync(CxRoles.Editor, ToSave);
        var errors = WhatIfRules.Check(draft, setup.Kpis, setup.Format.Culture);
        if (errors.Count > 0) return new WhatIfSaveResult.Invalid(errors);

        var initiative = WhatIfPlan.Initiative(draft, setup.Kpis, setup.KpiIds);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Initiatives.Add(initiative);
        await db.SaveChangesAsync(cancellationToken);
        return new WhatIfSaveResult.Saved(initiative.Id, initiative.Name);
    }
}
