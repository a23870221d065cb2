using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Data.Queries;

/// <summary>One KPI's months from <paramref name="First"/> to <paramref name="Last"/> over a scope, as one of several read together.</summary>
/// <param name="KpiId">The KPI.</param>
/// <param name="First">The first month.</param>
/// <param name="Last">The last month; a range that ends before it starts holds no month.</param>
/// <param name="Scope">The channels, partners and segments.</param>
public sealed record KpiMonths(int KpiId, YearMonth First, YearMonth Last, MeasurementScope Scope);

/// <summary>
/// Reads measurements as the sums a roll-up needs (<see cref="MeasurementSums"/>), computed in SQL so that
/// nothing that grows with the data is loaded into memory. Core turns the sums into values.
/// </summary>
public sealed class MeasurementQueries(IDbContextFactory<CxDbContext> contexts)
{
    /// <summary>The months that hold at least one measurement the reader may see, oldest first.</summary>
    public async Task<IReadOnlyList<YearMonth>> MonthsWithDataAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // A store of millions of rows holds a few dozen months. Rather than reading every row's month (a DISTINCT walks
        // the whole index), the query hops from each month to the next through the natural key's index, which starts
        // with the month: one seek a month (a loose index scan), the same SQL on SQLite and PostgreSQL. LINQ has no
        // recursive query, so it is SQL, and the partner scope the context's query filter applies to measurements is
        // applied here in the same terms.
        var keys = db.PartnerScope is { } partner
            ? await db.Database.SqlQuery<int>($"""
                WITH RECURSIVE "DataMonths"("Month") AS (
                    SELECT MIN("Month") FROM "Measurements" WHERE "PartnerId" = {partner}
                    UNION ALL
                    SELECT (SELECT MIN(m."Month") FROM "Measurements" AS m WHERE m."Month" > d."Month" AND m."PartnerId" = {partner})
                    FROM "DataMonths" AS d WHERE d."Month" IS NOT NULL)
                SELECT "Month" AS "Value" FROM "DataMonths" WHERE "Month" IS NOT NULL ORDER BY "Month"
                """).ToListAsync(cancellationToken)
            : await db.Database.SqlQuery<int>($"""
                WITH RECURSIVE "DataMonths"("Month") AS (
                    SELECT MIN("Month") FROM "Measurements"
                    UNION ALL
                    SELECT (SELECT MIN(m."Month") FROM "Measurements" AS m WHERE m."Month" > d."Month")
                    FROM "DataMonths" AS d WHERE d."Month" IS NOT NULL)
                SELECT "Month" AS "Value" FROM "DataMonths" WHERE "Month" IS NOT NULL ORDER BY "Month"
                """).ToListAsync(cancellationToken);
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

    /// <summary>
    /// Sums per KPI and month for the KPIs named, from <paramref name="first"/> to <paramref name="last"/>, over the scope:
    /// the months as a range and the KPIs named, so that the database reads the "one KPI, all months" index alone, one
    /// KPI at a time, instead of every KPI's rows of those months and each row's values from the table.
    /// </summary>
    public async Task<IReadOnlyDictionary<(int KpiId, YearMonth Month), MeasurementSums>> SumsByKpiAsync(
        IReadOnlyCollection<int> kpiIds, YearMonth first, YearMonth last, MeasurementScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kpiIds);
        ArgumentNullException.ThrowIfNull(scope);
        if (kpiIds.Count == 0) return new Dictionary<(int, YearMonth), MeasurementSums>();
        var (from, to) = (first.Key, last.Key);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await SumsPerKpiAndMonth(Filter(db.Measurements.AsNoTracking(), scope)
                .Where(m => kpiIds.Contains(m.KpiId) && m.Month >= from && m.Month <= to))
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => (r.KpiId, YearMonth.FromKey(r.Month)), r => r.Sums);
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
        return await SumsByMonthAsync(db, new KpiMonths(kpiId, first, last, scope), cancellationToken);
    }

    /// <summary>
    /// Sums per month for each range, in the ranges' order, each grouped and added up by the database as
    /// <see cref="SumsByMonthAsync(int, YearMonth, YearMonth, MeasurementScope, CancellationToken)"/> does, all on one
    /// context and one open connection: the board reads every value driver's months at once this way, and a context
    /// with its connection costs more than the small queries it sends.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<YearMonth, MeasurementSums>>> SumsByMonthAsync(
        IReadOnlyList<KpiMonths> ranges, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        if (ranges.Count == 0) return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var result = new List<IReadOnlyDictionary<YearMonth, MeasurementSums>>(ranges.Count);
        foreach (var range in ranges)
            result.Add(await SumsByMonthAsync(db, range, cancellationToken));
        return result;
    }

    private static async Task<IReadOnlyDictionary<YearMonth, MeasurementSums>> SumsByMonthAsync(
        CxDbContext db, KpiMonths range, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(range);
        if (range.First > range.Last) return new Dictionary<YearMonth, MeasurementSums>();
        // The months named one by one rather than as a range: the database then seeks each month's rows of the scope's
        // channel in the "one KPI, all months" index (KPI, month, channel, ...) instead of walking every channel's.
        var kpiId = range.KpiId;
        var months = YearMonth.Range(range.First, range.Last).Select(m => m.Key).ToArray();
        var rows = await SumsPerKpiAndMonth(Filter(db.Measurements.AsNoTracking(), range.Scope)
                .Where(m => m.KpiId == kpiId && months.Contains(m.Month)))
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => YearMonth.FromKey(r.Month), r => r.Sums);
    }

    /// <summary>
    /// Sums per partner, KPI and month for the KPIs named, from <paramref name="first"/> to <paramref name="last"/>, over
    /// every partner the reader may see, in one query grouped by partner: what reading each partner's sums in a query of
    /// its own gives, without a query per partner. Rows not measured along partners are in no partner's sums.
    /// </summary>
    public async Task<IReadOnlyDictionary<(int PartnerId, int KpiId, YearMonth Month), MeasurementSums>> SumsByPartnerAsync(
        IReadOnlyCollection<int> kpiIds, YearMonth first, YearMonth last, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kpiIds);
        if (kpiIds.Count == 0) return new Dictionary<(int, int, YearMonth), MeasurementSums>();
        var (from, to) = (first.Key, last.Key);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await SumsPerPartnerKpiAndMonth(db.Measurements.AsNoTracking()
                .Where(m => m.PartnerId != null && kpiIds.Contains(m.KpiId) && m.Month >= from && m.Month <= to))
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => (r.PartnerId, r.KpiId, YearMonth.FromKey(r.Month)), r => r.Sums);
    }

    /// <summary>
    /// For each range, its KPI's sums per partner and month over the range's channels and segments (its partners must be
    /// all of them), in the ranges' order, all on one context and one open connection: each range in one query grouped by
    /// partner, where a query for each partner would give the same sums. Rows not measured along partners are in none.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<(int PartnerId, YearMonth Month), MeasurementSums>>> SumsByPartnerAndMonthAsync(
        IReadOnlyList<KpiMonths> ranges, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        if (ranges.Count == 0) return [];
        if (ranges.FirstOrDefault(r => r.Scope.PartnerIds.Count > 0) is { } narrowed)
            throw new ArgumentException($"The months of KPI {narrowed.KpiId} are scoped to partners; per-partner sums are read over all of them.", nameof(ranges));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var result = new List<IReadOnlyDictionary<(int PartnerId, YearMonth Month), MeasurementSums>>(ranges.Count);
        foreach (var range in ranges)
        {
            if (range.First > range.Last)
            {
                result.Add(new Dictionary<(int, YearMonth), MeasurementSums>());
                continue;
            }

            // The months named one by one, as in the board's own reads: the database seeks each month's rows of the
            // scope's channel in the "one KPI, all months" index.
            var kpiId = range.KpiId;
            var months = YearMonth.Range(range.First, range.Last).Select(m => m.Key).ToArray();
            var rows = await SumsPerPartnerKpiAndMonth(Filter(db.Measurements.AsNoTracking(), range.Scope)
                    .Where(m => m.PartnerId != null && m.KpiId == kpiId && months.Contains(m.Month)))
                .ToListAsync(cancellationToken);
            result.Add(rows.ToDictionary(r => (r.PartnerId, YearMonth.FromKey(r.Month)), r => r.Sums));
        }

        return result;
    }

    private static IQueryable<Measurement> Filter(IQueryable<Measurement> q, MeasurementScope scope)
    {
        if (scope.ChannelIds.Count > 0) q = q.Where(m => m.ChannelId != null && scope.ChannelIds.Contains(m.ChannelId.Value));
        if (scope.PartnerIds.Count > 0) q = q.Where(m => m.PartnerId != null && scope.PartnerIds.Contains(m.PartnerId.Value));
        if (scope.SegmentIds.Count > 0) q = q.Where(m => m.SegmentId != null && scope.SegmentIds.Contains(m.SegmentId.Value));
        return q;
    }

    /// <summary>
    /// The sums per KPI and month, grouped and added up by the database. Written apart from the per-partner sums on
    /// purpose: one grouping key for both, with a constant partner here, made SQLite sort every group instead of reading
    /// them in the index's order (see <c>MeasurementQueryPlanTests</c>).
    /// </summary>
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

    /// <summary>The sums per partner, KPI and month, grouped and added up by the database, over rows measured along partners (the callers keep only those).</summary>
    private static IQueryable<PartnerSumsRow> SumsPerPartnerKpiAndMonth(IQueryable<Measurement> rows) =>
        rows.GroupBy(m => new { PartnerId = m.PartnerId!.Value, m.KpiId, m.Month })
            .Select(g => new PartnerSumsRow(
                g.Key.PartnerId,
                g.Key.KpiId,
                g.Key.Month,
                g.Sum(m => m.Value),
                g.Sum(m => m.Numerator ?? 0),
                g.Sum(m => m.Denominator ?? 0),
                g.Sum(m => m.Value * (m.Weight ?? 0)),
                g.Sum(m => m.Weight ?? 0),
                g.Count()));

    private sealed record PartnerSumsRow(
        int PartnerId, int KpiId, int Month, double SumValue, double SumNumerator, double SumDenominator,
        double SumWeightedValue, double SumWeight, int Count)
    {
        public MeasurementSums Sums => new(SumValue, SumNumerator, SumDenominator, SumWeightedValue, SumWeight, Count);
    }

    private sealed record SumsRow(
        int KpiId, int Month, double SumValue, double SumNumerator, double SumDenominator,
        double SumWeightedValue, double SumWeight, int Count)
    {
        public MeasurementSums Sums => new(SumValue, SumNumerator, SumDenominator, SumWeightedValue, SumWeight, Count);
    }
}
