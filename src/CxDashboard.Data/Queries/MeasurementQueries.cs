using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Data.Queries;

/// <summary>
/// Reads measurements as the sums a roll-up needs (<see cref="MeasurementSums"/>), computed in SQL so that
/// nothing that grows with the data is loaded into memory. Core turns the sums into values.
/// </summary>
public sealed class MeasurementQueries(IDbContextFactory<CxDbContext> contexts)
{
    /// <summary>The months that hold at least one measurement, oldest first.</summary>
    public async Task<IReadOnlyList<YearMonth>> MonthsWithDataAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = await db.Measurements.AsNoTracking().Select(m => m.Month).Distinct().OrderBy(m => m).ToListAsync(cancellationToken);
        return keys.Select(YearMonth.FromKey).ToList();
    }

    /// <summary>True when the store holds at least one measurement for <paramref name="month"/>.</summary>
    public async Task<bool> HasDataAsync(YearMonth month, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = month.Key;
        return await db.Measurements.AsNoTracking().AnyAsync(m => m.Month == key, cancellationToken);
    }

    /// <summary>The earliest month with data; null for an empty store.</summary>
    public async Task<YearMonth?> FirstMonthAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.Measurements.AsNoTracking().MinAsync(m => (int?)m.Month, cancellationToken);
        return key is { } k ? YearMonth.FromKey(k) : null;
    }

    /// <summary>Sums per KPI id for each of the given months, over the scope.</summary>
    public async Task<IReadOnlyDictionary<(int KpiId, YearMonth Month), MeasurementSums>> SumsByKpiAsync(
        IReadOnlyCollection<YearMonth> months, MeasurementScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(months);
        var keys = months.Select(m => m.Key).ToArray();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await SumsPerKpiAndMonth(Filter(db.Measurements.AsNoTracking(), scope).Where(m => keys.Contains(m.Month)))
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => (r.KpiId, YearMonth.FromKey(r.Month)), r => r.Sums);
    }

    /// <summary>Sums per month for one KPI from <paramref name="first"/> to <paramref name="last"/>, over the scope.</summary>
    public async Task<IReadOnlyDictionary<YearMonth, MeasurementSums>> SumsByMonthAsync(
        int kpiId, YearMonth first, YearMonth last, MeasurementScope scope, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (from, to) = (first.Key, last.Key);
        var rows = await SumsPerKpiAndMonth(Filter(db.Measurements.AsNoTracking(), scope)
                .Where(m => m.KpiId == kpiId && m.Month >= from && m.Month <= to))
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => YearMonth.FromKey(r.Month), r => r.Sums);
    }

    private static IQueryable<Measurement> Filter(IQueryable<Measurement> q, MeasurementScope scope)
    {
        if (scope.ChannelIds.Count > 0) q = q.Where(m => m.ChannelId != null && scope.ChannelIds.Contains(m.ChannelId.Value));
        if (scope.PartnerIds.Count > 0) q = q.Where(m => m.PartnerId != null && scope.PartnerIds.Contains(m.PartnerId.Value));
        if (scope.SegmentIds.Count > 0) q = q.Where(m => m.SegmentId != null && scope.SegmentIds.Contains(m.SegmentId.Value));
        return q;
    }

    /// <summary>The sums per KPI and month, grouped and added up by the database.</summary>
    private static IQueryable<SumsRow> SumsPerKpiAndMonth(IQueryable<Measurement> rows) =>
        rows.GroupBy(m => new { m.KpiId, m.Month })
            .Select(g => new SumsRow(
                g.Key.KpiId,
                g.Key.Month,
                g.Sum(m => m.Value),
                g.Sum(m => m.Numerator ?? 0),
                g.Sum(m => m.Denominator ?? 0),
                g.Sum(m => m.Value * (m.Weight ?? 0)),
                g.Sum(m => m.Weight ?? 0),
                g.Count()));

    private sealed record SumsRow(
        int KpiId, int Month, double SumValue, double SumNumerator, double SumDenominator,
        double SumWeightedValue, double SumWeight, int Count)
    {
        public MeasurementSums Sums => new(SumValue, SumNumerator, SumDenominator, SumWeightedValue, SumWeight, Count);
    }
}
