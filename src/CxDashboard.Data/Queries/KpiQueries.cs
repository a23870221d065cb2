using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Data.Queries;

/// <summary>The sums of one KPI's measurements for one combination of channel, partner and segment (null: not measured along it).</summary>
public sealed record DimensionSums(int? ChannelId, int? PartnerId, int? SegmentId, MeasurementSums Sums);

/// <summary>One stored measurement with the names of its dimensions and the import that last wrote it.</summary>
/// <param name="Id">The row's id.</param>
/// <param name="Version">The version it was read at, for a later edit.</param>
/// <param name="Month">The month key (202511).</param>
/// <param name="Channel">The channel's name; null when not measured along channels.</param>
/// <param name="Partner">The partner's name; null when not measured along partners.</param>
/// <param name="Segment">The segment's name; null when not measured along segments.</param>
/// <param name="Value">The value.</param>
/// <param name="Numerator">Its numerator, for ratio KPIs.</param>
/// <param name="Denominator">Its denominator, for ratio KPIs.</param>
/// <param name="Weight">Its weight, for weighted means.</param>
/// <param name="Note">What its supplier said about it.</param>
/// <param name="ImportId">The import that last wrote it; null when entered by hand or seeded.</param>
/// <param name="ImportFileName">That import's file or batch name, when the reader may see the import.</param>
public sealed record StoredMeasurement(
    long Id, uint Version, int Month, string? Channel, string? Partner, string? Segment,
    double Value, double? Numerator, double? Denominator, double? Weight, string? Note, long? ImportId, string? ImportFileName);

/// <summary>A baseline of one KPI with the initiative it belongs to (null: the organisation's own) and its revisions, oldest first.</summary>
public sealed record BaselineRecord(Baseline Baseline, string? InitiativeName, IReadOnlyList<BaselineRevision> Revisions);

/// <summary>
/// Reads what the KPI tracker and the KPI detail page need beyond the board's own queries: KPIs by code, sums over a
/// range of months, a month's measurements of one KPI by dimension, and baselines with their revisions. Sums are
/// computed by the database; partner-scoped readers see only their partner's rows (the store's query filters).
/// </summary>
public sealed class KpiQueries(IDbContextFactory<CxDbContext> contexts)
{
    /// <summary>The KPI with this code (case-insensitive); null when there is none.</summary>
    public async Task<Kpi?> KpiAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        var wanted = code.Trim().ToUpperInvariant();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Kpis.AsNoTracking().FirstOrDefaultAsync(k => k.Code == wanted, cancellationToken);
    }

    /// <summary>
    /// Sums per KPI and month from <paramref name="first"/> to <paramref name="last"/> over the scope, in one query that
    /// the database groups and adds up: the months as a range rather than a list, the KPIs each walked month by month.
    /// </summary>
    /// <param name="first">The first month.</param>
    /// <param name="last">The last month.</param>
    /// <param name="scope">The channels, partners and segments.</param>
    /// <param name="kpiIds">
    /// The KPIs wanted; all when empty. Naming them lets the database walk the "one KPI, all months" index one KPI at a
    /// time, which pays once that index carries the values (see the benchmarks' README).
    /// </param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<IReadOnlyDictionary<(int KpiId, YearMonth Month), MeasurementSums>> SumsByKpiAndMonthAsync(
        YearMonth first, YearMonth last, MeasurementScope scope, IReadOnlyCollection<int>? kpiIds = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var (from, to) = (first.Key, last.Key);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = Filter(db.Measurements.AsNoTracking(), scope).Where(m => m.Month >= from && m.Month <= to);
        if (kpiIds is { Count: > 0 }) rows = rows.Where(m => kpiIds.Contains(m.KpiId));
        var sums = await rows
            .GroupBy(m => new { m.KpiId, m.Month })
            .Select(g => new
            {
                g.Key.KpiId,
                g.Key.Month,
                SumValue = g.Sum(m => m.Value),
                SumNumerator = g.Sum(m => m.Numerator ?? 0),
                SumDenominator = g.Sum(m => m.Denominator ?? 0),
                SumWeightedValue = g.Sum(m => m.Value * (m.Weight ?? 0)),
                SumWeight = g.Sum(m => m.Weight ?? 0),
                Count = g.Count(),
            })
            .ToListAsync(cancellationToken);
        return sums.ToDictionary(
            r => (r.KpiId, YearMonth.FromKey(r.Month)),
            r => new MeasurementSums(r.SumValue, r.SumNumerator, r.SumDenominator, r.SumWeightedValue, r.SumWeight, r.Count));
    }

    /// <summary>
    /// One KPI's sums in one month for each combination of channel, partner and segment within the scope: added up
    /// along any one dimension, they give that dimension's breakdown exactly.
    /// </summary>
    public async Task<IReadOnlyList<DimensionSums>> SumsByDimensionsAsync(
        int kpiId, YearMonth month, MeasurementScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var key = month.Key;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Filter(db.Measurements.AsNoTracking(), scope)
            .Where(m => m.Month == key && m.KpiId == kpiId)
            .GroupBy(m => new { m.ChannelId, m.PartnerId, m.SegmentId })
            .Select(g => new
            {
                g.Key.ChannelId,
                g.Key.PartnerId,
                g.Key.SegmentId,
                SumValue = g.Sum(m => m.Value),
                SumNumerator = g.Sum(m => m.Numerator ?? 0),
                SumDenominator = g.Sum(m => m.Denominator ?? 0),
                SumWeightedValue = g.Sum(m => m.Value * (m.Weight ?? 0)),
                SumWeight = g.Sum(m => m.Weight ?? 0),
                Count = g.Count(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new DimensionSums(r.ChannelId, r.PartnerId, r.SegmentId,
            new MeasurementSums(r.SumValue, r.SumNumerator, r.SumDenominator, r.SumWeightedValue, r.SumWeight, r.Count))).ToList();
    }

    /// <summary>One KPI's measurements in one month within the scope, in the dimensions' display order.</summary>
    public async Task<IReadOnlyList<StoredMeasurement>> MeasurementsAsync(
        int kpiId, YearMonth month, MeasurementScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var key = month.Key;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The import is joined rather than navigated: a partner reader may see a row an organisation import wrote,
        // and then sees that an import wrote it but not the import's file (the imports' own query filter).
        var rows = from m in Filter(db.Measurements.AsNoTracking(), scope)
                   where m.Month == key && m.KpiId == kpiId
                   join i in db.Imports.AsNoTracking() on m.ImportId equals (long?)i.Id into imports
                   from i in imports.DefaultIfEmpty()
                   orderby m.Channel!.SortOrder, m.Partner!.SortOrder, m.Segment!.SortOrder, m.Id
                   select new StoredMeasurement(
                       m.Id, m.Version, m.Month,
                       m.Channel == null ? null : m.Channel.Name,
                       m.Partner == null ? null : m.Partner.Name,
                       m.Segment == null ? null : m.Segment.Name,
                       m.Value, m.Numerator, m.Denominator, m.Weight, m.Note, m.ImportId,
                       i == null ? null : i.FileName);
        return await rows.ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The organisation's own baselines (no initiative) for exactly this channel, partner and segment (null: all), by
    /// KPI id; the latest where several exist.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, Baseline>> OrganisationBaselinesAsync(
        int? channelId, int? partnerId, int? segmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Baselines.AsNoTracking()
            .Where(b => b.InitiativeId == null && b.ChannelId == channelId && b.PartnerId == partnerId && b.SegmentId == segmentId)
            .ToListAsync(cancellationToken);
        return rows.GroupBy(b => b.KpiId).ToDictionary(g => g.Key, g => g.OrderByDescending(b => b.Id).First());
    }

    /// <summary>Every baseline of one KPI (the organisation's first, then each initiative's) with its revisions.</summary>
    public async Task<IReadOnlyList<BaselineRecord>> BaselinesAsync(int kpiId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var baselines = await db.Baselines.AsNoTracking().Where(b => b.KpiId == kpiId)
            .Include(b => b.Channel).Include(b => b.Partner).Include(b => b.Segment)
            .ToListAsync(cancellationToken);
        var ids = baselines.Select(b => b.Id).ToList();
        var revisions = await db.BaselineRevisions.AsNoTracking().Where(r => ids.Contains(r.BaselineId))
            .OrderBy(r => r.AtUtc).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var initiativeIds = baselines.Where(b => b.InitiativeId != null).Select(b => b.InitiativeId!.Value).Distinct().ToList();
        var names = await db.Initiatives.AsNoTracking().Where(i => initiativeIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => i.Name, cancellationToken);
        return baselines
            .OrderBy(b => b.InitiativeId is null ? 0 : 1)
            .ThenBy(b => b.InitiativeId is { } i && names.TryGetValue(i, out var n) ? n : "", StringComparer.CurrentCulture)
            .ThenBy(b => b.Id)
            .Select(b => new BaselineRecord(
                b,
                b.InitiativeId is { } i ? names.GetValueOrDefault(i) : null,
                revisions.Where(r => r.BaselineId == b.Id).ToList()))
            .ToList();
    }

    /// <summary>The initiatives by id and name, for choosing which one a new baseline belongs to.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> InitiativeNamesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Initiatives.AsNoTracking().OrderBy(i => i.Name).Select(i => new { i.Id, i.Name }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }

    private static IQueryable<Measurement> Filter(IQueryable<Measurement> q, MeasurementScope scope)
    {
        if (scope.ChannelIds.Count > 0) q = q.Where(m => m.ChannelId != null && scope.ChannelIds.Contains(m.ChannelId.Value));
        if (scope.PartnerIds.Count > 0) q = q.Where(m => m.PartnerId != null && scope.PartnerIds.Contains(m.PartnerId.Value));
        if (scope.SegmentIds.Count > 0) q = q.Where(m => m.SegmentId != null && scope.SegmentIds.Contains(m.SegmentId.Value));
        return q;
    }
}
