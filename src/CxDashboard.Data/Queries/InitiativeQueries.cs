using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Data.Queries;

/// <summary>The last month a KPI was measured in over a scope, with its sums that month.</summary>
/// <param name="Month">The month.</param>
/// <param name="Sums">The KPI's sums over the scope that month.</param>
public sealed record LastMeasured(YearMonth Month, MeasurementSums Sums);

/// <summary>
/// Reads initiatives as their list and their business case need them: each with its cost items, baselines, value
/// drivers and gate decisions, and the last measured month of a driver's KPI over its scope. A partner-scoped reader
/// sees no cost items and only the baselines and drivers of their own partner (the store's query filters).
/// </summary>
public sealed class InitiativeQueries(IDbContextFactory<CxDbContext> contexts)
{
    /// <summary>
    /// Every initiative in start order, with its cost items, value drivers (each with its baseline and KPI) and gate
    /// decisions; archived ones only when <paramref name="includeArchived"/> is true.
    /// </summary>
    public async Task<IReadOnlyList<Initiative>> ListAsync(bool includeArchived, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Initiatives.AsNoTracking();
        if (!includeArchived) query = query.Where(i => i.ArchivedUtc == null);
        return await query
            .Include(i => i.CostItems)
            .Include(i => i.ValueDrivers).ThenInclude(d => d.Baseline).ThenInclude(b => b!.Kpi)
            .Include(i => i.GateDecisions)
            .AsSplitQuery()
            .OrderBy(i => i.StartMonth).ThenBy(i => i.Name)
            .ToListAsync(cancellationToken);
    }

    /// <summary>How many initiatives are archived.</summary>
    public async Task<int> ArchivedCountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Initiatives.AsNoTracking().CountAsync(i => i.ArchivedUtc != null, cancellationToken);
    }

    /// <summary>
    /// One initiative with everything its business case shows: cost items, baselines (with KPI, channel, partner and
    /// segment), value drivers (with baseline and KPI) and gate decisions; null when there is none with this id.
    /// </summary>
    public async Task<Initiative?> InitiativeAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Initiatives.AsNoTracking()
            .Include(i => i.CostItems)
            .Include(i => i.Baselines).ThenInclude(b => b.Kpi)
            .Include(i => i.Baselines).ThenInclude(b => b.Channel)
            .Include(i => i.Baselines).ThenInclude(b => b.Partner)
            .Include(i => i.Baselines).ThenInclude(b => b.Segment)
            .Include(i => i.ValueDrivers).ThenInclude(d => d.Baseline).ThenInclude(b => b!.Kpi)
            .Include(i => i.GateDecisions)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
    }

    /// <summary>Whether another initiative than <paramref name="exceptId"/> already has this name (names are unique).</summary>
    public async Task<bool> NameTakenAsync(string name, int exceptId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Initiatives.AsNoTracking().AnyAsync(i => i.Name == name && i.Id != exceptId, cancellationToken);
    }

    /// <summary>
    /// The last month <paramref name="kpiId"/> was measured in over one channel, partner and segment (null: all of that
    /// dimension, including measurements not taken along it), with its sums that month; null when it never was.
    /// </summary>
    public async Task<LastMeasured?> LastMeasuredAsync(
        int kpiId, int? channelId, int? partnerId, int? segmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.Measurements.AsNoTracking().Where(m => m.KpiId == kpiId);
        if (channelId is { } c) rows = rows.Where(m => m.ChannelId == c);
        if (partnerId is { } p) rows = rows.Where(m => m.PartnerId == p);
        if (segmentId is { } s) rows = rows.Where(m => m.SegmentId == s);
        if (await rows.MaxAsync(m => (int?)m.Month, cancellationToken) is not { } last) return null;
        var sums = await rows.Where(m => m.Month == last)
            .GroupBy(m => m.Month)
            .Select(g => new
            {
                SumValue = g.Sum(m => m.Value),
                SumNumerator = g.Sum(m => m.Numerator ?? 0),
                SumDenominator = g.Sum(m => m.Denominator ?? 0),
                SumWeightedValue = g.Sum(m => m.Value * (m.Weight ?? 0)),
                SumWeight = g.Sum(m => m.Weight ?? 0),
                Count = g.Count(),
            })
            .FirstAsync(cancellationToken);
        return new LastMeasured(
            YearMonth.FromKey(last),
            new MeasurementSums(sums.SumValue, sums.SumNumerator, sums.SumDenominator, sums.SumWeightedValue, sums.SumWeight, sums.Count));
    }
}
