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
        return await db.Settings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken)
            ?? new OrganisationSettings { OrganisationName = "Your organisation" };
    }

    /// <summary>Every KPI definition in display order.</summary>
    public async Task<IReadOnlyList<Kpi>> KpisAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Kpis.AsNoTracking().OrderBy(k => k.SortOrder).ThenBy(k => k.Code).ToListAsync(cancellationToken);
    }

    /// <summary>The channels, partners and segments, each in display order.</summary>
    public async Task<Dimensions> DimensionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return new Dimensions(
            await db.Channels.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(cancellationToken),
            await db.Partners.AsNoTracking().OrderBy(p => p.SortOrder).ToListAsync(cancellationToken),
            await db.Segments.AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync(cancellationToken));
    }

    /// <summary>Every initiative with its cost items and value drivers (each with its baseline and KPI).</summary>
    public async Task<IReadOnlyList<Initiative>> InitiativesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Initiatives.AsNoTracking()
            .Include(i => i.CostItems)
            .Include(i => i.ValueDrivers).ThenInclude(d => d.Baseline).ThenInclude(b => b!.Kpi)
            .AsSplitQuery()
            .OrderBy(i => i.StartMonth).ThenBy(i => i.Name)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The organisation's own baselines (no initiative, no scope), by KPI id.</summary>
    public async Task<IReadOnlyDictionary<int, Baseline>> OrganisationBaselinesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Baselines.AsNoTracking()
            .Where(b => b.InitiativeId == null && b.ChannelId == null && b.PartnerId == null && b.SegmentId == null)
            .ToListAsync(cancellationToken);
        return rows.GroupBy(b => b.KpiId).ToDictionary(g => g.Key, g => g.OrderByDescending(b => b.Id).First());
    }
}

/// <summary>The dimensions measurements are kept along.</summary>
public sealed record Dimensions(IReadOnlyList<Channel> Channels, IReadOnlyList<Partner> Partners, IReadOnlyList<Segment> Segments);
