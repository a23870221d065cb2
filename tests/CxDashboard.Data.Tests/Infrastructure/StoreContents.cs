using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Data.Demo;
using CxDashboard.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Data.Tests.Infrastructure;

/// <summary>One measurement keyed by codes, so that two stores (or two providers) compare row by row.</summary>
internal sealed record MeasurementRow(
    string Kpi, int Month, string? Channel, string? Partner, string? Segment,
    double Value, double? Numerator, double? Denominator, double? Weight);

/// <summary>Reads what a store holds, straight from its tables.</summary>
internal static class StoreContents
{
    /// <summary>The row count of every table of the model.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> RowCountsAsync(CxDbContext db) => new SortedDictionary<string, int>(StringComparer.Ordinal)
    {
        ["KpiDefinitions"] = await db.Kpis.CountAsync(),
        ["Measurements"] = await db.Measurements.CountAsync(),
        ["Channels"] = await db.Channels.CountAsync(),
        ["Partners"] = await db.Partners.CountAsync(),
        ["Segments"] = await db.Segments.CountAsync(),
        ["Initiatives"] = await db.Initiatives.CountAsync(),
        ["CostItems"] = await db.CostItems.CountAsync(),
        ["Baselines"] = await db.Baselines.CountAsync(),
        ["ValueDrivers"] = await db.ValueDrivers.CountAsync(),
        ["Settings"] = await db.Settings.CountAsync(),
    };

    /// <summary>Every measurement by codes, ordered by its natural key.</summary>
    public static async Task<IReadOnlyList<MeasurementRow>> MeasurementRowsAsync(CxDbContext db)
    {
        var kpis = await db.Kpis.AsNoTracking().ToDictionaryAsync(k => k.Id, k => k.Code);
        var channels = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code);
        var partners = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Code);
        var segments = await db.Segments.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Code);
        var rows = await db.Measurements.AsNoTracking().ToListAsync();
        return rows
            .Select(m => new MeasurementRow(
                kpis[m.KpiId], m.Month,
                m.ChannelId is { } c ? channels[c] : null,
                m.PartnerId is { } p ? partners[p] : null,
                m.SegmentId is { } s ? segments[s] : null,
                m.Value, m.Numerator, m.Denominator, m.Weight))
            .OrderBy(r => r.Kpi, StringComparer.Ordinal).ThenBy(r => r.Month)
            .ThenBy(r => r.Channel, StringComparer.Ordinal).ThenBy(r => r.Partner, StringComparer.Ordinal).ThenBy(r => r.Segment, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The KPI's id in this store.</summary>
    public static async Task<int> KpiIdAsync(CxDbContext db, string code) =>
        await db.Kpis.Where(k => k.Code == code).Select(k => k.Id).SingleAsync();

    /// <summary>The channel's id in this store.</summary>
    public static async Task<int> ChannelIdAsync(CxDbContext db, string code) =>
        await db.Channels.Where(c => c.Code == code).Select(c => c.Id).SingleAsync();

    /// <summary>The segment's id in this store.</summary>
    public static async Task<int> SegmentIdAsync(CxDbContext db, string code) =>
        await db.Segments.Where(s => s.Code == code).Select(s => s.Id).SingleAsync();

    /// <summary>
    /// Asserts the store holds the whole demo organisation and nothing else: the standard KPI catalog, its
    /// dimensions, 24 months of data, three initiatives with costs, baselines and drivers, and the
    /// organisation's baselines with targets.
    /// </summary>
    public static async Task AssertDemoOrganisationAsync(IServiceProvider services)
    {
        await using var db = services.Context();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());

        var kpis = await db.Kpis.AsNoTracking().OrderBy(k => k.SortOrder).ToListAsync();
        Assert.Equal(17, kpis.Count);
        Assert.Equal(KpiCatalog.Standard.Select(k => k.Code), kpis.Select(k => k.Code));
        Assert.All(kpis, k => Assert.True(k.IsStandard));

        Assert.Equal(["VOICE", "CHAT", "EMAIL", "SELF"], await db.Channels.OrderBy(c => c.SortOrder).Select(c => c.Code).ToListAsync());
        var partners = await db.Partners.AsNoTracking().ToListAsync();
        Assert.Equal(3, partners.Count);
        Assert.Single(partners, p => p.Kind == PartnerKind.InHouse);
        Assert.Equal(2, partners.Count(p => p.Kind == PartnerKind.Outsourced));
        Assert.Equal(2, await db.Segments.CountAsync());

        var months = await services.Measurements().MonthsWithDataAsync();
        Assert.Equal(24, months.Count);
        Assert.Equal(YearMonth.Range(new YearMonth(2024, 11), new YearMonth(2026, 10)), months);
        Assert.Equal(DemoOrganisation.FirstMonth, months[0]);
        Assert.Equal(DemoOrganisation.LastMonth, months[^1]);

        var initiatives = await db.Initiatives.AsNoTracking()
            .Include(i => i.CostItems).Include(i => i.Baselines).Include(i => i.ValueDrivers)
            .AsSplitQuery().ToListAsync();
        Assert.Equal(3, initiatives.Count);
        Assert.All(initiatives, i =>
        {
            Assert.NotEmpty(i.CostItems);
            Assert.NotEmpty(i.Baselines);
            Assert.NotEmpty(i.ValueDrivers);
            Assert.All(i.ValueDrivers, d => Assert.Contains(i.Baselines, b => b.Id == d.BaselineId));
        });

        var organisationBaselines = await services.Organisation().OrganisationBaselinesAsync();
        Assert.Equal(12, organisationBaselines.Count);
        Assert.All(organisationBaselines.Values, b =>
        {
            Assert.NotNull(b.Target);
            Assert.Equal(202612, b.TargetMonth);
        });

        var settings = await services.Organisation().SettingsAsync();
        Assert.Equal(DemoOrganisation.Name, settings.OrganisationName);
        Assert.Equal(1, await db.Settings.CountAsync());
    }
}
