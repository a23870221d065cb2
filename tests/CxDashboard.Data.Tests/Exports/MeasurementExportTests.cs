using CxDashboard.Core.Time;
using CxDashboard.Data.Access;
using CxDashboard.Data.Exports;
using CxDashboard.Data.Tests.Infrastructure;
using CxDashboard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Data.Tests.Exports;

/// <summary>
/// The export reader gives exactly the rows the filter asks for, by codes, and a partner-scoped actor only their
/// partner's rows, on both stores.
/// </summary>
public sealed class MeasurementExportTests
{
    private static readonly MeasurementExportFilter Filtered = new(
        new YearMonth(2026, 3), new YearMonth(2026, 5), ["fcr", "CPC"], ["VOICE", "CHAT"], [], []);

    [Fact]
    public async Task Everything_is_exported_by_codes_in_natural_key_order()
    {
        await using var store = new SqliteTestStore();
        var services = await store.StartAsync();

        var exported = await ReadAsync(services, MeasurementExportFilter.All);

        var stored = await StoredAsync(services);
        Assert.Equal(stored.Count, exported.Count);
        Assert.Equal(stored.ToHashSet(), exported.Select(Row).ToHashSet());
        Assert.Equal(exported.OrderBy(r => r.Month).Select(r => r.Month), exported.Select(r => r.Month));
    }

    [Fact]
    public async Task Months_KPIs_and_channels_filter_the_rows_and_several_codes_mean_any_of_them()
    {
        await using var store = new SqliteTestStore();
        var services = await store.StartAsync();

        var exported = await ReadAsync(services, Filtered);

        var expected = (await StoredAsync(services))
            .Where(r => r.Month is >= 202603 and <= 202605 && r.Kpi is "FCR" or "CPC" && r.Channel is "VOICE" or "CHAT")
            .ToHashSet();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, exported.Select(Row).ToHashSet());
        Assert.Contains(exported, r => r.Kpi == "FCR");
        Assert.Contains(exported, r => r.Channel == "CHAT");
    }

    [Fact]
    public async Task A_partner_user_exports_only_their_partners_rows_and_another_partners_code_is_unknown_to_them()
    {
        await using var store = new SqliteTestStore();
        var services = await store.StartAsync();
        await AssertPartnerScopedAsync(services);
    }

    [Fact]
    public async Task A_code_that_names_nothing_is_reported_with_the_codes_there_are()
    {
        await using var store = new SqliteTestStore();
        var services = await store.StartAsync();
        var export = services.GetRequiredService<MeasurementExport>();

        var selection = await export.SelectAsync(MeasurementExportFilter.All with { Kpis = ["CPC", "NOPE"], Segments = ["SMB"] });

        Assert.Collection(selection.Unknown,
            kpi =>
            {
                Assert.Equal(("kpi", "NOPE"), (kpi.Dimension, kpi.Code));
                Assert.Contains("FCR", kpi.Known);
            },
            segment =>
            {
                Assert.Equal(("segment", "SMB"), (segment.Dimension, segment.Code));
                Assert.Equal(["BUSINESS", "CONSUMER"], segment.Known);
            });
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await export.ReadAsync(selection).ToListAsync());
    }

    [PostgresFact]
    public async Task On_PostgreSQL_the_filters_and_the_partner_scope_hold_too()
    {
        await using var store = await PostgresTestStore.CreateAsync();
        var services = await store.StartAsync();

        var exported = await ReadAsync(services, Filtered);
        var expected = (await StoredAsync(services))
            .Where(r => r.Month is >= 202603 and <= 202605 && r.Kpi is "FCR" or "CPC" && r.Channel is "VOICE" or "CHAT")
            .ToHashSet();
        Assert.Equal(expected, exported.Select(Row).ToHashSet());
        await AssertPartnerScopedAsync(services);
    }

    private static async Task AssertPartnerScopedAsync(IServiceProvider services)
    {
        int atlas;
        await using (var db = services.Context()) atlas = await db.Partners.Where(p => p.Code == "ATLAS").Select(p => p.Id).SingleAsync();
        var atlasRows = (await StoredAsync(services)).Where(r => r.Partner == "ATLAS").ToHashSet();

        using (StoreActor.Use(new StoreActor("partner@harbour.demo", atlas)))
        {
            var exported = await ReadAsync(services, MeasurementExportFilter.All);
            Assert.NotEmpty(exported);
            Assert.Equal(atlasRows, exported.Select(Row).ToHashSet());

            var other = await services.GetRequiredService<MeasurementExport>().SelectAsync(MeasurementExportFilter.All with { Partners = ["MERIDIAN"] });
            var unknown = Assert.Single(other.Unknown);
            Assert.Equal("MERIDIAN", unknown.Code);
            Assert.Equal(["ATLAS"], unknown.Known);
        }
    }

    private static async Task<List<MeasurementExportRow>> ReadAsync(IServiceProvider services, MeasurementExportFilter filter)
    {
        var export = services.GetRequiredService<MeasurementExport>();
        var selection = await export.SelectAsync(filter);
        Assert.Empty(selection.Unknown);
        var rows = await export.ReadAsync(selection).ToListAsync();
        Assert.Equal(rows.Count, await export.CountAsync(selection));
        return rows;
    }

    private static async Task<List<MeasurementRow>> StoredAsync(IServiceProvider services)
    {
        await using var db = services.Context();
        return [.. await StoreContents.MeasurementRowsAsync(db)];
    }

    private static MeasurementRow Row(MeasurementExportRow r) =>
        new(r.Kpi, r.Month.Key, r.Channel, r.Partner, r.Segment, r.Value, r.Numerator, r.Denominator, r.Weight);
}
