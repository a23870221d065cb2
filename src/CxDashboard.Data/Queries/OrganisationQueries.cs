using CxDashboard.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Data.Queries;

/// <summary>Reads the organisation's settings, dimensions, KPI definitions, initiatives and baselines.</summary>
public sealed class OrganisationQueries(IDbContextFactory<CxDbContext> contexts)
{
    /// <summary>The settings row; defaults when none is stored yet.</summary>
    public async Task<OrganisationSettings> SettingsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await SettingsAsync(db, cancellationToken);
    }

    /// <summary>Every KPI definition in display order.</summary>
    public async Task<IReadOnlyList<Kpi>> KpisAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await KpisAsync(db, cancellationToken);
    }

    /// <summary>The channels, partners and segments, each in display order.</summary>
    public async Task<Dimensions> DimensionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await DimensionsAsync(db, cancellationToken);
    }

    /// <summary>Every initiative with its cost items and value drivers (each with its baseline and KPI).</summary>
    public async Task<IReadOnlyList<Initiative>> InitiativesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await InitiativesAsync(db, cancellationToken);
    }

    /// <summary>The organisation's own baselines (no initiative, no scope), by KPI id.</summary>
    public async Task<IReadOnlyDictionary<int, Baseline>> OrganisationBaselinesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await OrganisationBaselinesAsync(db, cancellationToken);
    }

    /// <summary>
    /// The settings, KPIs, dimensions, initiatives and organisation baselines together, as each of the methods above
    /// reads them, on one context and one open connection: what the board reads before it adds up any measurement,
    /// where a context with its connection for each would cost more than the small queries themselves.
    /// </summary>
    public async Task<OrganisationSnapshot> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        return new OrganisationSnapshot(
            await SettingsAsync(db, cancellationToken),
            await KpisAsync(db, cancellationToken),
            await DimensionsAsync(db, cancellationToken),
            await InitiativesAsync(db, cancellationToken),
            await OrganisationBaselinesAsync(db, cancellationToken));
    }

    private static async Task<OrganisationSettings> SettingsAsync(CxDbContext db, CancellationToken cancellationToken) =>
        await db.Settings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken)
            ?? new OrganisationSettings { OrganisationName = "Your organisation" };

    private static async Task<IReadOnlyList<Kpi>> KpisAsync(CxDbContext db, CancellationToken cancellationToken) =>
        await db.Kpis.AsNoTracking().OrderBy(k => k.SortOrder).ThenBy(k => k.Code).ToListAsync(cancellationToken);

    private static async Task<Dimensions> DimensionsAsync(CxDbContext db, CancellationToken cancellationToken) => new(
        await db.Channels.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(cancellationToken),
        await db.Partners.AsNoTracking().OrderBy(p => p.SortOrder).ToListAsync(cancellationToken),
        await db.Segments.AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync(cancellationToken));

    private static async Task<IReadOnlyList<Initiative>> InitiativesAsync(CxDbContext db, CancellationToken cancellationToken) =>
        await db.Initiatives.AsNoTracking()
            .Include(i => i.CostItems)
            .Include(i => i.ValueDrivers).ThenInclude(d => d.Baseline).ThenInclude(b => b!.Kpi)
            .AsSplitQuery()
            .OrderBy(i => i.StartMonth).ThenBy(i => i.Name)
            .ToListAsync(cancellationToken);

    private static async Task<IReadOnlyDictionary<int, Baseline>> OrganisationBaselinesAsync(CxDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Baselines.AsNoTracking()
            .Where(b => b.InitiativeId == null && b.ChannelId == null && b.PartnerId == null && b.SegmentId == null)
            .ToListAsync(cancellationToken);
        return rows.GroupBy(b => b.KpiId).ToDictionary(g => g.Key, g => g.OrderByDescending(b => b.Id).First());
    }
}

/// <summary>The organisation as read together by <see cref="OrganisationQueries.SnapshotAsync"/>.</summary>
/// <param name="Settings">The settings (defaults when none is stored).</param>
/// <param name="Kpis">Every KPI definition in display order.</param>
/// <param name="Dimensions">The channels, partners and segments.</param>
/// <param name="Initiatives">Every initiative with its cost items and value drivers, each with its baseline and KPI.</param>
/// <param name="Baselines">The organisation's own baselines (no initiative, no scope), by KPI id.</param>
public sealed record OrganisationSnapshot(
    OrganisationSettings Settings, IReadOnlyList<Kpi> Kpis, Dimensions Dimensions, IReadOnlyList<Initiative> Initiatives,
    IReadOnlyDictionary<int, Baseline> Baselines);

/// <summary>The dimensions measurements are kept along.</summary>
public sealed record Dimensions(IReadOnlyList<Channel> Channels, IReadOnlyList<Partner> Partners, IReadOnlyList<Segment> Segments);
