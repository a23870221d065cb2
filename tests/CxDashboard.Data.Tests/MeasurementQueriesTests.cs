using System.Diagnostics.CodeAnalysis;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Data.Model;
using CxDashboard.Data.Queries;
using CxDashboard.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Data.Tests;

/// <summary>The sums the database adds up equal the ones added up by hand from the raw rows.</summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit disposes the store through IAsyncLifetime.DisposeAsync.")]
public sealed class MeasurementQueriesTests : IAsyncLifetime
{
    private static readonly YearMonth October = new(2026, 10);
    private static readonly YearMonth September = new(2026, 9);

    private readonly SqliteTestStore _store = new();
    private IServiceProvider _services = null!;
    private List<Measurement> _rows = null!;
    private Dictionary<string, int> _kpis = null!;
    private int _voice;
    private int _consumer;
    private List<int> _partners = null!;

    public async Task InitializeAsync()
    {
        _services = await _store.StartAsync();
        await using var db = _services.Context();
        _rows = await db.Measurements.AsNoTracking().ToListAsync();
        _kpis = await db.Kpis.ToDictionaryAsync(k => k.Code, k => k.Id);
        _voice = await StoreContents.ChannelIdAsync(db, "VOICE");
        _consumer = await StoreContents.SegmentIdAsync(db, "CONSUMER");
        _partners = await db.Partners.Select(p => p.Id).ToListAsync();
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task FCR_by_KPI_over_the_whole_organisation_is_the_sum_of_resolved_over_the_sum_of_contacts()
    {
        var sums = await _services.Measurements().SumsByKpiAsync([October, September], MeasurementScope.All);

        foreach (var month in new[] { October, September })
        {
            var rows = Rows(KpiCatalog.Fcr, month);
            var resolved = rows.Sum(m => m.Numerator!.Value);
            var contacts = rows.Sum(m => m.Denominator!.Value);
            var fcr = sums[(_kpis[KpiCatalog.Fcr], month)];

            Assert.Equal(resolved, fcr.SumNumerator);
            Assert.Equal(contacts, fcr.SumDenominator);
            Assert.Equal(rows.Count, fcr.Count);
            Assert.Equal(resolved / contacts, KpiRollup.Combine(KpiAggregation.Ratio, fcr).Value);
        }
    }

    [Fact]
    public async Task FCR_by_month_over_the_whole_organisation_is_exact_for_every_month()
    {
        var sums = await _services.Measurements().SumsByMonthAsync(_kpis[KpiCatalog.Fcr], new YearMonth(2024, 11), October, MeasurementScope.All);

        Assert.Equal(24, sums.Count);
        foreach (var (month, fcr) in sums)
        {
            var rows = Rows(KpiCatalog.Fcr, month);
            Assert.Equal(rows.Sum(m => m.Numerator!.Value), fcr.SumNumerator);
            Assert.Equal(rows.Sum(m => m.Denominator!.Value), fcr.SumDenominator);
            Assert.Equal(rows.Count, fcr.Count);
        }
    }

    [Fact]
    public async Task A_channel_scope_adds_up_that_channel_only()
    {
        var scope = MeasurementScope.Of(_voice, null, null);

        var byKpi = await _services.Measurements().SumsByKpiAsync([October], scope);
        var byMonth = await _services.Measurements().SumsByMonthAsync(_kpis[KpiCatalog.Fcr], October, October, scope);

        var voice = Rows(KpiCatalog.Fcr, October).Where(m => m.ChannelId == _voice).ToList();
        Assert.NotEmpty(voice);
        Assert.True(voice.Count < Rows(KpiCatalog.Fcr, October).Count);
        var expected = voice.Sum(m => m.Numerator!.Value) / voice.Sum(m => m.Denominator!.Value);
        Assert.Equal(expected, KpiRollup.Combine(KpiAggregation.Ratio, byKpi[(_kpis[KpiCatalog.Fcr], October)]).Value);
        Assert.Equal(expected, KpiRollup.Combine(KpiAggregation.Ratio, byMonth[October]).Value);
        Assert.Equal(voice.Count, byMonth[October].Count);
        // Churn is not measured along channels, so a channel scope holds none of it.
        Assert.False(byKpi.ContainsKey((_kpis[KpiCatalog.Churn], October)));
    }

    [Fact]
    public async Task A_segment_scope_keeps_KPIs_not_measured_along_channels()
    {
        var sums = await _services.Measurements().SumsByKpiAsync([October], MeasurementScope.Of(null, null, _consumer));

        var churn = Rows(KpiCatalog.Churn, October).Where(m => m.SegmentId == _consumer).ToList();
        Assert.Single(churn);
        Assert.Equal(churn[0].Numerator!.Value / churn[0].Denominator!.Value,
            KpiRollup.Combine(KpiAggregation.Ratio, sums[(_kpis[KpiCatalog.Churn], October)]).Value);
    }

    [Fact]
    public async Task NPS_is_pooled_over_responses_not_averaged_over_rows()
    {
        var sums = await _services.Measurements().SumsByKpiAsync([October], MeasurementScope.All);

        var rows = Rows(KpiCatalog.Nps, October);
        var pooled = 100 * rows.Sum(m => m.Numerator!.Value) / rows.Sum(m => m.Denominator!.Value);
        var nps = KpiRollup.Combine(KpiAggregation.NetScore, sums[(_kpis[KpiCatalog.Nps], October)]);
        Assert.Equal(pooled, nps.Value);
        Assert.Equal(rows.Sum(m => m.Denominator!.Value), nps.Volume);
        Assert.NotEqual(rows.Average(m => m.Value), nps.Value!.Value, 6);
    }

    [Fact]
    public async Task AHT_is_weighted_by_contacts()
    {
        var sums = await _services.Measurements().SumsByKpiAsync([October], MeasurementScope.All);

        var rows = Rows(KpiCatalog.Aht, October);
        var expected = rows.Sum(m => m.Value * m.Weight!.Value) / rows.Sum(m => m.Weight!.Value);
        var aht = KpiRollup.Combine(KpiAggregation.WeightedMean, sums[(_kpis[KpiCatalog.Aht], October)]).Value!.Value;
        BoardInputsSnapshot.AssertClose(expected, aht, 1e-12, "AHT");
    }

    [Fact]
    public async Task Every_KPI_of_a_month_is_read_in_one_query_and_months_without_data_are_absent()
    {
        var sums = await _services.Measurements().SumsByKpiAsync([October, new YearMonth(2026, 11)], MeasurementScope.All);

        Assert.Equal(_kpis.Values.Order(), sums.Keys.Select(k => k.KpiId).Order());
        Assert.All(sums.Keys, k => Assert.Equal(October, k.Month));
        Assert.All(sums, kv => Assert.Equal(_rows.Count(m => m.KpiId == kv.Key.KpiId && m.Month == October.Key), kv.Value.Count));
    }

    [Fact]
    public async Task Ranges_read_together_hold_the_same_sums_as_each_range_read_on_its_own()
    {
        var voice = MeasurementScope.Of(_voice, null, null);
        var consumer = MeasurementScope.Of(null, null, _consumer);
        KpiMonths[] ranges =
        [
            new(_kpis[KpiCatalog.Fcr], new YearMonth(2025, 6), October, voice),
            new(_kpis[KpiCatalog.Fcr], new YearMonth(2024, 11), October, MeasurementScope.All),
            new(_kpis[KpiCatalog.Churn], new YearMonth(2025, 6), October, consumer),
            new(_kpis[KpiCatalog.Aht], September, October, voice),
            // An initiative that starts after the month has no months yet.
            new(_kpis[KpiCatalog.Aht], new YearMonth(2026, 12), October, voice),
        ];

        var together = await _services.Measurements().SumsByMonthAsync(ranges);

        Assert.Equal(ranges.Length, together.Count);
        for (var i = 0; i < ranges.Length; i++)
        {
            var alone = await _services.Measurements().SumsByMonthAsync(ranges[i].KpiId, ranges[i].First, ranges[i].Last, ranges[i].Scope);
            Assert.Equal(alone.OrderBy(kv => kv.Key), together[i].OrderBy(kv => kv.Key));
        }

        Assert.Equal(17, together[0].Count);
        Assert.Equal(Rows(KpiCatalog.Fcr, October).Count(m => m.ChannelId == _voice), together[0][October].Count);
        Assert.Equal(24, together[1].Count);
        Assert.Empty(together[4]);
    }

    [Fact]
    public async Task Naming_the_KPIs_and_a_range_of_months_reads_those_KPIs_in_those_months_only()
    {
        var fcr = _kpis[KpiCatalog.Fcr];
        var aht = _kpis[KpiCatalog.Aht];

        var named = await _services.Measurements().SumsByKpiAsync([fcr, aht], September, October, MeasurementScope.All);

        var byMonths = await _services.Measurements().SumsByKpiAsync([September, October], MeasurementScope.All);
        Assert.Equal(
            byMonths.Where(kv => kv.Key.KpiId == fcr || kv.Key.KpiId == aht).OrderBy(kv => kv.Key),
            named.OrderBy(kv => kv.Key));
        Assert.Equal(4, named.Count);
    }

    [Fact]
    public async Task Sums_by_partner_in_one_query_are_each_partners_own_sums_and_hold_no_rows_measured_without_a_partner()
    {
        var fcr = _kpis[KpiCatalog.Fcr];
        var churn = _kpis[KpiCatalog.Churn];

        var byPartner = await _services.Measurements().SumsByPartnerAsync([fcr, churn], September, October);

        Assert.True(_partners.Count > 1);
        foreach (var partner in _partners)
        {
            var alone = await _services.Measurements().SumsByKpiAsync([fcr, churn], September, October, MeasurementScope.Of(null, partner, null));
            Assert.NotEmpty(alone);
            Assert.Equal(
                alone.OrderBy(kv => kv.Key).Select(kv => (kv.Key.KpiId, kv.Key.Month, kv.Value)),
                byPartner.Where(kv => kv.Key.PartnerId == partner).OrderBy(kv => (kv.Key.KpiId, kv.Key.Month)).Select(kv => (kv.Key.KpiId, kv.Key.Month, kv.Value)));
            var rows = Rows(KpiCatalog.Fcr, October).Where(m => m.PartnerId == partner).ToList();
            Assert.Equal(rows.Sum(m => m.Numerator!.Value), byPartner[(partner, fcr, October)].SumNumerator);
            Assert.Equal(rows.Count, byPartner[(partner, fcr, October)].Count);
        }

        // Churn is measured per segment, not per partner: no partner's sums hold it.
        Assert.DoesNotContain(byPartner.Keys, k => k.KpiId == churn);
        Assert.Equal(_partners.Count * 2, byPartner.Count);
        Assert.Empty(await _services.Measurements().SumsByPartnerAsync([], September, October));
    }

    [Fact]
    public async Task Ranges_by_partner_read_together_hold_what_each_partners_range_read_on_its_own_holds()
    {
        KpiMonths[] ranges =
        [
            new(_kpis[KpiCatalog.Aht], new YearMonth(2025, 6), October, MeasurementScope.Of(_voice, null, null)),
            new(_kpis[KpiCatalog.Fcr], new YearMonth(2026, 4), October, MeasurementScope.Of(null, null, _consumer)),
            new(_kpis[KpiCatalog.Fcr], new YearMonth(2026, 12), October, MeasurementScope.All),
        ];

        var together = await _services.Measurements().SumsByPartnerAndMonthAsync(ranges);

        Assert.Equal(ranges.Length, together.Count);
        for (var i = 0; i < ranges.Length; i++)
        {
            var range = ranges[i];
            var expected = new List<((int, YearMonth), MeasurementSums)>();
            foreach (var partner in _partners)
            {
                var scope = MeasurementScope.Of(range.Scope.ChannelIds.Cast<int?>().FirstOrDefault(), partner, range.Scope.SegmentIds.Cast<int?>().FirstOrDefault());
                var alone = await _services.Measurements().SumsByMonthAsync(range.KpiId, range.First, range.Last, scope);
                expected.AddRange(alone.Select(kv => ((partner, kv.Key), kv.Value)));
            }

            Assert.Equal(expected.OrderBy(e => e.Item1), together[i].Select(kv => (kv.Key, kv.Value)).OrderBy(e => e.Key));
        }

        // Voice is handled by more than one partner: each has its 17 months.
        var voicePartners = _rows.Where(m => m.KpiId == _kpis[KpiCatalog.Aht] && m.ChannelId == _voice && m.Month == October.Key)
            .Select(m => m.PartnerId).Distinct().Count();
        Assert.True(voicePartners > 1);
        Assert.Equal(17 * voicePartners, together[0].Count);
        Assert.Empty(together[2]);
    }

    [Fact]
    public async Task Ranges_by_partner_refuse_a_range_already_scoped_to_a_partner()
    {
        KpiMonths[] ranges = [new(_kpis[KpiCatalog.Aht], September, October, MeasurementScope.Of(null, _partners[0], null))];

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => _services.Measurements().SumsByPartnerAndMonthAsync(ranges));

        Assert.Contains("scoped to partners", refused.Message, StringComparison.Ordinal);
    }

    private List<Measurement> Rows(string kpi, YearMonth month) =>
        _rows.Where(m => m.KpiId == _kpis[kpi] && m.Month == month.Key).ToList();
}
