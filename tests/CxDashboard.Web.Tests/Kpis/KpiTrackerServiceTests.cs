using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Data.Access;
using CxDashboard.Data.Demo;
using CxDashboard.Data.Model;
using CxDashboard.Web.Kpis;

namespace CxDashboard.Web.Tests.Kpis;

/// <summary>
/// The KPI tracker's rows, checked against figures worked out by hand from FORMULAS.md §5: roll-ups across channels
/// and partners are exact (Σ numerators ÷ Σ denominators, never a mean of rates), a filter re-aggregates from its own
/// sums, and a scope is compared only with a baseline kept for exactly that scope.
/// </summary>
public sealed class KpiTrackerServiceTests(KpiStore store) : IClassFixture<KpiStore>
{
    private readonly IServiceProvider _viewer = store.Services("viewer@harbour.demo", CxRoles.Viewer);

    [Fact]
    public async Task Fcr_across_two_channels_is_resolved_over_contacts_not_the_mean_of_their_rates()
    {
        var view = await _viewer.Tracker().GetAsync(KpiStore.HandMonth, KpiFilter.All);

        var fcr = Row(view, KpiCatalog.Fcr);
        // 900 resolved ÷ 1,500 contacts; the mean of Voice's 80 % and Chat's 20 % would be 50 %.
        Assert.Equal(0.6, fcr.ActualValue!.Value, 12);
        Assert.Equal("60.0%", fcr.Actual);
    }

    [Fact]
    public async Task Handle_time_nps_and_complaints_roll_up_by_their_own_rules()
    {
        var view = await _viewer.Tracker().GetAsync(KpiStore.HandMonth, KpiFilter.All);

        // Contact-weighted: (400 × 700 + 600 × 500) ÷ 1,200 = 483.33 s, not the mean 500 s.
        Assert.Equal(580_000.0 / 1_200, Row(view, KpiCatalog.Aht).ActualValue!.Value, 9);
        Assert.Equal("483 s", Row(view, KpiCatalog.Aht).Actual);
        // Pooled responses: 100 × (30 − 10) ÷ 400 = 5.0, not the mean of +30 and −3.3.
        Assert.Equal(5.0, Row(view, KpiCatalog.Nps).ActualValue!.Value, 9);
        // Counts add up.
        Assert.Equal("15", Row(view, KpiCatalog.Complaints).Actual);
    }

    [Fact]
    public async Task A_channel_filter_re_aggregates_from_that_channel_alone()
    {
        var view = await _viewer.Tracker().GetAsync(KpiStore.HandMonth, KpiFilter.Parse("VOICE", null, null));

        Assert.Equal("Voice · all partners · all segments", view.Scope.Label);
        Assert.Equal("80.0%", Row(view, KpiCatalog.Fcr).Actual);
        Assert.Equal("400 s", Row(view, KpiCatalog.Aht).Actual);
        var both = await _viewer.Tracker().GetAsync(KpiStore.HandMonth, KpiFilter.Parse("voice,chat", "INHOUSE", null));
        // Voice in-house 600 of 700 and Chat in-house 100 of 500: 700 ÷ 1,200.
        Assert.Equal(700.0 / 1_200, Row(both, KpiCatalog.Fcr).ActualValue!.Value, 12);
        Assert.Equal("Voice + Chat · In-house · all segments", both.Scope.Label);
    }

    [Fact]
    public async Task A_filtered_scope_without_its_own_baseline_is_not_compared_with_the_organisations()
    {
        var view = await _viewer.Tracker().GetAsync(DemoOrganisation.LastMonth, KpiFilter.Parse("CHAT", null, null));

        var fcr = Row(view, KpiCatalog.Fcr);
        Assert.Equal(KpiStatus.NotApplicable, fcr.Status);
        Assert.Equal("no baseline for this scope", fcr.Baseline);
        Assert.Equal("No baseline for this scope", fcr.StatusText);
        Assert.Equal("", fcr.DeltaVsBaseline);
        Assert.Contains(view.Notes, n => n.StartsWith("No organisation baseline is kept for exactly this scope", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_whole_organisation_is_judged_against_its_baseline_and_target_as_on_the_board()
    {
        var month = DemoOrganisation.LastMonth;
        var view = await _viewer.Tracker().GetAsync(month, KpiFilter.All);
        var board = await _viewer.Board().GetAsync(month);

        foreach (var tile in board.Tiles)
        {
            var row = Row(view, tile.Code);
            Assert.Equal(tile.Status, row.Status);
            Assert.Equal(tile.Actual, row.Actual);
            Assert.Equal(tile.Baseline, row.Baseline);
            Assert.Equal(tile.Target, row.Target);
            Assert.Equal(tile.DeltaVsBaseline, row.DeltaVsBaseline);
            Assert.Equal(tile.DeltaVsPrevious, row.DeltaVsPrevious);
            // The money a KPI drives is the board's, to the cent.
            Assert.Equal(tile.Money, row.Money);
        }

        Assert.Equal(17, view.Rows.Count);
        Assert.True(view.HasData);
    }

    [Fact]
    public async Task Directional_kpis_no_driver_prices_are_marked_not_value_linked()
    {
        var view = await _viewer.Tracker().GetAsync(DemoOrganisation.LastMonth, KpiFilter.All);

        Assert.Equal(["CSAT", "NPS", "CES"], view.Rows.Where(r => r.NotValueLinked).Select(r => r.Code));
        // CLV is forensic: unpriced, but no vanity metric.
        Assert.False(Row(view, KpiCatalog.Clv).NotValueLinked);
        var cpc = Row(view, KpiCatalog.Cpc);
        var driver = Assert.Single(cpc.Drivers);
        Assert.Equal("Lower cost per chat contact", driver.Name);
        Assert.Equal("Outsource chat to Meridian CX", driver.Initiative);
        Assert.StartsWith("$", driver.Money, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sparkline_holds_the_last_12_months_with_the_selected_one_last()
    {
        var view = await _viewer.Tracker().GetAsync(DemoOrganisation.LastMonth, KpiFilter.All);

        var churn = Row(view, KpiCatalog.Churn);
        Assert.Equal(12, churn.Sparkline.Count);
        Assert.All(churn.Sparkline, v => Assert.NotNull(v));
        Assert.Equal(churn.ActualValue, churn.Sparkline[^1]);
        Assert.Equal(("Nov 2025", "Oct 2026"), view.SparklineMonths);
        Assert.StartsWith("From ", churn.SparklineText, StringComparison.Ordinal);
        Assert.EndsWith("in Oct 2026", churn.SparklineText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_month_after_a_gap_shows_no_data_rather_than_zeros()
    {
        var view = await _viewer.Tracker().GetAsync(new YearMonth(2027, 3), KpiFilter.All);

        Assert.False(view.HasData);
        Assert.All(view.Rows, r => Assert.Equal("no data", r.Actual));
        Assert.All(view.Rows, r => Assert.Equal(KpiStatus.NotApplicable, r.Status));
    }

    [Fact]
    public async Task The_export_links_ask_for_what_is_on_screen()
    {
        var view = await _viewer.Tracker().GetAsync(DemoOrganisation.LastMonth, KpiFilter.Parse("VOICE,CHAT", null, "CONSUMER,NOWHERE"));

        Assert.Equal(
            [
                "export/measurements.csv?from=2026-10&to=2026-10&channel=VOICE,CHAT&segment=CONSUMER",
                "export/measurements.xlsx?from=2026-10&to=2026-10&channel=VOICE,CHAT&segment=CONSUMER",
                "export/measurements.csv?from=2025-11&to=2026-10&channel=VOICE,CHAT&segment=CONSUMER",
                "export/measurements.xlsx?from=2025-11&to=2026-10&channel=VOICE,CHAT&segment=CONSUMER",
            ],
            view.Exports.Select(e => e.Href));
        Assert.Contains(view.Notes, n => n.Contains("NOWHERE", StringComparison.Ordinal));
        Assert.Equal("month=2026-10&channel=VOICE,CHAT&segment=CONSUMER", view.DetailQuery);
    }

    [Fact]
    public async Task A_partner_reader_sees_only_their_partners_figures()
    {
        var (_, _, _, atlas, _) = await store.IdsAsync();
        var partner = store.Services("partner@harbour.demo", CxRoles.Viewer, atlas);

        KpiTrackerView view;
        using (StoreActor.Use(new StoreActor("partner@harbour.demo", atlas)))
            view = await partner.Tracker().GetAsync(KpiStore.HandMonth, KpiFilter.All);

        // Atlas handled Voice only: 200 resolved of 300 contacts.
        Assert.Equal(200.0 / 300, Row(view, KpiCatalog.Fcr).ActualValue!.Value, 12);
        Assert.Equal("Atlas Contact Solutions", view.Scope.PartnerReader);
        Assert.Equal([("ATLAS", "Atlas Contact Solutions")], view.Choices.Partners.Select(p => (p.Code, p.Name)));
        // Churn is kept per customer segment, not per partner: a partner reader has none of it.
        Assert.Equal("no data", Row(view, KpiCatalog.Churn).Actual);
    }

    private static KpiTrackerRow Row(KpiTrackerView view, string code) => view.Rows.Single(r => r.Code == code);
}
