using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Data.Access;
using CxDashboard.Data.Demo;
using CxDashboard.Data.Model;
using CxDashboard.Data.Queries;
using CxDashboard.Data.Tests.Infrastructure;
using CxDashboard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CxDashboard.Data.Tests.Infrastructure.EachStore;

namespace CxDashboard.Data.Tests.Kpis;

/// <summary>The KPI pages' queries on both providers: sums the database adds up, a month by dimension, rows, baselines.</summary>
public sealed class KpiQueriesTests
{
    [Fact]
    public Task Sqlite_sums_over_a_range_of_months_equal_the_sums_month_by_month() => OnSqlite(Sums_over_a_range_equal_the_sums_month_by_month);

    [PostgresFact]
    public Task Postgres_sums_over_a_range_of_months_equal_the_sums_month_by_month() => OnPostgres(Sums_over_a_range_equal_the_sums_month_by_month);

    [Fact]
    public Task Sqlite_a_month_by_dimension_adds_up_to_the_month() => OnSqlite(A_month_by_dimension_adds_up_to_the_month);

    [PostgresFact]
    public Task Postgres_a_month_by_dimension_adds_up_to_the_month() => OnPostgres(A_month_by_dimension_adds_up_to_the_month);

    [Fact]
    public Task Sqlite_a_partner_reader_gets_only_their_partners_rows_and_sums() => OnSqlite(A_partner_reader_gets_only_their_partners_rows);

    [PostgresFact]
    public Task Postgres_a_partner_reader_gets_only_their_partners_rows_and_sums() => OnPostgres(A_partner_reader_gets_only_their_partners_rows);

    [Fact]
    public Task Sqlite_rows_name_the_import_that_wrote_them_and_baselines_come_with_their_owner() => OnSqlite(Rows_name_their_import_and_baselines_their_owner);

    [PostgresFact]
    public Task Postgres_rows_name_the_import_that_wrote_them_and_baselines_come_with_their_owner() => OnPostgres(Rows_name_their_import_and_baselines_their_owner);

    private static async Task Sums_over_a_range_equal_the_sums_month_by_month(IServiceProvider services)
    {
        var last = DemoOrganisation.LastMonth;
        var first = last.AddMonths(-11);
        var voice = await ChannelAsync(services, "VOICE");
        var scope = MeasurementScope.Of(voice, null, null);

        var range = await Queries(services).SumsByKpiAndMonthAsync(first, last, scope);
        var listed = await services.GetRequiredService<MeasurementQueries>().SumsByKpiAsync(YearMonth.Range(first, last).ToList(), scope);

        Assert.Equal(listed.Count, range.Count);
        foreach (var (key, sums) in listed)
        {
            Assert.Equal(sums.Count, range[key].Count);
            Assert.Equal(sums.SumNumerator, range[key].SumNumerator, 6);
            Assert.Equal(sums.SumDenominator, range[key].SumDenominator, 6);
            Assert.Equal(sums.SumWeightedValue, range[key].SumWeightedValue, 4);
            Assert.Equal(sums.SumWeight, range[key].SumWeight, 6);
        }

        Assert.DoesNotContain(range.Keys, k => k.Month < first || k.Month > last);
        var fcr = (await Queries(services).KpiAsync(KpiCatalog.Fcr))!;
        var named = await Queries(services).SumsByKpiAndMonthAsync(first, last, scope, [fcr.Id]);
        Assert.Equal(12, named.Count);
        // The same sums, added up in whatever order the database walks the rows.
        Assert.All(named, kv => Assert.Equal((range[kv.Key].SumNumerator, range[kv.Key].SumDenominator, range[kv.Key].Count), (kv.Value.SumNumerator, kv.Value.SumDenominator, kv.Value.Count)));
    }

    private static async Task A_month_by_dimension_adds_up_to_the_month(IServiceProvider services)
    {
        var month = DemoOrganisation.LastMonth;
        var fcr = (await Queries(services).KpiAsync("fcr"))!;

        var byDimension = await Queries(services).SumsByDimensionsAsync(fcr.Id, month, MeasurementScope.All);
        var whole = (await services.GetRequiredService<MeasurementQueries>().SumsByKpiAsync([month], MeasurementScope.All))[(fcr.Id, month)];

        // Three channels × the partners that handle them × two segments.
        Assert.Equal(12, byDimension.Count);
        var added = byDimension.Aggregate(MeasurementSums.Empty, (a, d) => a.Add(d.Sums));
        Assert.Equal(whole.SumNumerator, added.SumNumerator, 6);
        Assert.Equal(whole.SumDenominator, added.SumDenominator, 6);
        Assert.Equal(whole.Count, added.Count);
    }

    private static async Task A_partner_reader_gets_only_their_partners_rows(IServiceProvider services)
    {
        var month = DemoOrganisation.LastMonth;
        var atlas = await PartnerAsync(services, "ATLAS");
        var fcr = (await Queries(services).KpiAsync(KpiCatalog.Fcr))!;

        IReadOnlyList<StoredMeasurement> rows;
        IReadOnlyList<DimensionSums> sums;
        IReadOnlyDictionary<(int KpiId, YearMonth Month), MeasurementSums> months;
        using (StoreActor.Use(new StoreActor("lena@atlas.example", atlas)))
        {
            rows = await Queries(services).MeasurementsAsync(fcr.Id, month, MeasurementScope.All);
            sums = await Queries(services).SumsByDimensionsAsync(fcr.Id, month, MeasurementScope.All);
            months = await Queries(services).SumsByKpiAndMonthAsync(month, month, MeasurementScope.All);
        }

        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal("Atlas Contact Solutions", r.Partner));
        Assert.All(sums, s => Assert.Equal(atlas, s.PartnerId));
        Assert.Equal(rows.Sum(r => r.Denominator!.Value), months[(fcr.Id, month)].SumDenominator, 6);
        // Churn is kept per segment only: none of it is a partner's.
        var churn = (await Queries(services).KpiAsync(KpiCatalog.Churn))!;
        Assert.False(months.ContainsKey((churn.Id, month)));
    }

    private static async Task Rows_name_their_import_and_baselines_their_owner(IServiceProvider services)
    {
        var month = DemoOrganisation.LastMonth;
        var fcr = (await Queries(services).KpiAsync(KpiCatalog.Fcr))!;
        await using (var db = services.Context())
        {
            var import = new MeasurementImport
            {
                FileName = "october.csv", UserName = "marco@harbour.example", ContentHash = new string('b', 64),
                StartedUtc = DateTime.UtcNow, Status = ImportStatus.Committed,
            };
            db.Imports.Add(import);
            await db.SaveChangesAsync();
            var row = await db.Measurements.OrderBy(m => m.Id).FirstAsync(m => m.KpiId == fcr.Id && m.Month == month.Key);
            row.ImportId = import.Id;
            await db.SaveChangesAsync();
        }

        var rows = await Queries(services).MeasurementsAsync(fcr.Id, month, MeasurementScope.All);
        var baselines = await Queries(services).BaselinesAsync(fcr.Id);

        Assert.Equal(12, rows.Count);
        Assert.Equal("october.csv", Assert.Single(rows, r => r.ImportId is not null).ImportFileName);
        Assert.Equal(["Voice", "Voice", "Voice", "Voice", "Chat"], rows.Take(5).Select(r => r.Channel));
        Assert.Equal([null, "Agent assist for voice agents"], baselines.Select(b => b.InitiativeName));
        Assert.Equal("Voice", baselines[1].Baseline.Channel!.Name);
    }

    private static KpiQueries Queries(IServiceProvider services) =>
        new(services.GetRequiredService<IDbContextFactory<CxDbContext>>());

    private static async Task<int> ChannelAsync(IServiceProvider services, string code)
    {
        await using var db = services.Context();
        return (await db.Channels.SingleAsync(c => c.Code == code)).Id;
    }

    private static async Task<int> PartnerAsync(IServiceProvider services, string code)
    {
        await using var db = services.Context();
        return (await db.Partners.SingleAsync(p => p.Code == code)).Id;
    }
}
