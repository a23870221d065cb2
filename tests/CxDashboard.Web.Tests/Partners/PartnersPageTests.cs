using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Bunit;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Data;
using CxDashboard.Data.Access;
using CxDashboard.Web.Board;
using CxDashboard.Web.Components.Layout;
using CxDashboard.Web.Components.Pages.Board;
using CxDashboard.Web.Components.Pages.Partners;
using CxDashboard.Web.Partners;
using CxDashboard.Web.Tests.Board;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CxDashboard.Web.Tests.Partners;

/// <summary>
/// The partner comparison rendered with the real services over a store with the demo organisation. October 2026's KPI
/// figures were added up by hand from the demo's rows (SQL sums per partner over its channels and segments):
/// <list type="bullet">
/// <item>In-house (voice, chat, email and self-service): cost $845,730.98 over 252,450 contacts and sessions = $3.35; FCR
/// 66,891 resolved of 91,149 contacts (self-service sessions carry no FCR) = 73.4 %; AHT 423.6 s over 91,149 contacts (September
/// 424.6 s: −1 s); CSAT 11,190 of 14,655 responses = 76.4 %; 596 complaints (September 587: +9).</item>
/// <item>Atlas (voice, email): $402,928.99 over 61,047 = $6.60; FCR 43,201 of 61,047 = 70.8 %; AHT 435.2 s (September 433.2 s:
/// +2 s, worse); CSAT 4,213 of 5,495 = 76.7 %; 282 complaints (September 270: +12).</item>
/// <item>Meridian (chat): $277,152.91 over 50,614 = $5.48; FCR 35,756 of 50,614 = 70.6 %; AHT 625.1 s (September 634.9 s:
/// −10 s, better); CSAT 3,638 of 4,556 = 79.9 %; 174 complaints.</item>
/// </list>
/// </summary>
[Collection(SeededStoreGroup.Name)]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes the context through IAsyncLifetime.DisposeAsync.")]
public sealed class PartnersPageTests : IAsyncLifetime
{
    private static readonly YearMonth October = new(2026, 10);
    private readonly BunitContext _ctx = new();

    public PartnersPageTests(SeededStore store)
    {
        store.AddAppServices(_ctx.Services);
        _ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        // As in the app's circuits: the board loads its pack and partner sections only when interactive.
        _ctx.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public void Each_partners_kpis_are_added_up_over_its_channels_and_labelled_in_house_or_bpo()
    {
        var cut = Render("/partners?month=2026-10");

        Assert.Equal(
            [("INHOUSE", "In-house"), ("ATLAS", "BPO"), ("MERIDIAN", "BPO")],
            cut.FindAll("[data-testid^=partner-kpis-]").Select(r => (r.GetAttribute("data-testid")![13..], r.GetAttribute("data-kind"))));
        Assert.Equal(["$3.35", "73.4%", "424 s", "76.4%", "596"], Kpis(cut, "INHOUSE"));
        Assert.Equal(["$6.60", "70.8%", "435 s", "76.7%", "282"], Kpis(cut, "ATLAS"));
        Assert.Equal(["$5.48", "70.6%", "625 s", "79.9%", "174"], Kpis(cut, "MERIDIAN"));
        Assert.Equal("BPO", cut.Find("[data-testid=partner-kpis-ATLAS] [data-testid=partner-kind]").TextContent.Trim());
    }

    [Fact]
    public void Each_kpi_shows_its_change_from_last_month_coloured_by_its_direction_and_its_twelve_months()
    {
        var cut = Render("/partners?month=2026-10");

        var atlasAht = cut.Find("[data-testid=partner-kpis-ATLAS] [data-testid=partner-kpi-change-AHT]");
        Assert.Equal(("+2 s", true), (atlasAht.TextContent.Trim(), atlasAht.ClassList.Contains("cx-negative")));
        var meridianAht = cut.Find("[data-testid=partner-kpis-MERIDIAN] [data-testid=partner-kpi-change-AHT]");
        Assert.Equal(("−10 s", true), (meridianAht.TextContent.Trim(), meridianAht.ClassList.Contains("cx-positive")));
        Assert.Equal("+12", cut.Find("[data-testid=partner-kpis-ATLAS] [data-testid=partner-kpi-change-COMPLAINTS]").TextContent.Trim());
        Assert.Equal("+9", cut.Find("[data-testid=partner-kpis-INHOUSE] [data-testid=partner-kpi-change-COMPLAINTS]").TextContent.Trim());
        Assert.Equal(15, cut.FindAll("[data-testid=partner-kpis] [data-testid=sparkline]").Count);
        Assert.StartsWith("From ", cut.Find("[data-testid=partner-kpis-ATLAS] [data-testid=sparkline] title").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_partners_value_and_cost_add_up_to_the_boards_gains_and_investment_to_date()
    {
        var view = await Comparison().GetAsync(October);
        var board = (await _ctx.Services.GetRequiredService<RoxBoardService>().ComputeAsync(October, []))!.Board;

        var rows = view.Partners.Select(p => p.Returns).Append(view.Unattributed!).ToList();
        var value = rows.Sum(r => Money(r.Value.Value));
        var cost = rows.Sum(r => Money(r.Cost!.Value));
        // Holdout tests are measured over the whole eligible population, not per partner, so their money (the demo's
        // renewal test, $904,781) is on the board but in no partner's row.
        var holdouts = board.Experiments?.Where(e => e.IsCounted).Sum(e => e.Counted) ?? 0m;
        Assert.True(holdouts > 0m);
        // Each written figure is rounded to the dollar: four of them differ from the whole by at most $2.
        Assert.InRange(value + holdouts - board.Headline.Rox.Inputs[0].Value, -2m, 2m);
        Assert.InRange(cost - board.Headline.Rox.Inputs[1].Value, -2m, 2m);
        Assert.Equal("March 2025 – October 2026, risk-adjusted", view.PeriodLabel);
    }

    [Fact]
    public void The_page_says_the_holdout_tests_money_on_the_board_is_attributed_to_no_partner()
    {
        var cut = Render("/partners?month=2026-10");

        // The renewal test's $904,781 is in the board's gains (ended June 2026, significant) and in no partner's row.
        var note = Squash(cut.Find("[data-testid=partners-holdouts]").TextContent);
        Assert.StartsWith("Holdout tests are not attributed to any partner. $904,781 of the board's gains to date is measured by holdout tests: " +
            "Proactive renewal calls with agent assist (Agent assist for voice agents, $904,781).", note, StringComparison.Ordinal);
        Assert.Equal("The partners and the value on no partner's contacts add up to the board's investment to date, and to its gains less the holdout tests' $904,781.",
            Squash(cut.Find("[data-testid=partner-returns-total]").TextContent));
        Assert.Contains("Holdout tests' money, which the board counts in ROX once a test is significant (or an editor includes it), is attributed to no partner",
            Squash(cut.Find("[data-testid=partner-lineage]").TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public void Before_any_holdout_test_counts_the_partners_add_up_to_the_boards_gains()
    {
        // December 2025: the renewal test's window ends in June 2026, so the board counts no holdout money yet.
        var cut = Render("/partners?month=2025-12");

        Assert.Empty(cut.FindAll("[data-testid=partners-holdouts]"));
        Assert.Equal("The partners and the value on no partner's contacts add up to the board's gains and investment to date.",
            Squash(cut.Find("[data-testid=partner-returns-total]").TextContent));
    }

    [Fact]
    public async Task A_partners_rox_opens_its_lineage_with_the_value_and_cost_behind_it()
    {
        var cut = Render("/partners?month=2026-10");
        var board = (await _ctx.Services.GetRequiredService<RoxBoardService>().ComputeAsync(October, []))!.Board;

        var row = cut.Find("[data-testid=partner-returns-ATLAS]");
        var value = row.QuerySelector("[data-testid=partner-figure-value]")!.TextContent.Trim();
        var cost = row.QuerySelector("[data-testid=partner-figure-cost]")!.TextContent.Trim();
        var rox = row.QuerySelector("[data-testid=partner-figure-rox]")!;
        Assert.EndsWith($"Monetized experience gains ÷ CX investment × 100: {value} ÷ {cost} × 100 = {rox.TextContent.Trim()}", rox.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Equal(Math.Round(Money(value) / Money(cost) * 100m, 1), Percent(rox.TextContent));

        // The value's lineage names the board's own driver money it takes its share of.
        var atlas = (await Comparison().GetAsync(October)).Partners.Single(p => p.Code == "ATLAS").Returns;
        var handleTime = board.Drivers.Single(d => d.Name == "Handle-time savings, voice");
        var driverInput = atlas.Value.Inputs.Single(i => i.Label == "Handle-time savings, voice (Agent assist for voice agents)");
        Assert.Equal(Money(handleTime.ToDate), Money(driverInput.Value));
        Assert.Contains("Atlas Contact Solutions's share of the AHT volume over Voice", atlas.Value.Inputs.Single(i => i.Label.StartsWith("Share of Handle-time", StringComparison.Ordinal)).Source, StringComparison.Ordinal);
        Assert.Matches(@"^[\d.]+% × \$[\d,]+( \+ [\d.]+% × \$[\d,]+)* = \$[\d,]+$", atlas.Value.Substitution);
        Assert.Matches(@"^[\d.]+% × \$[\d,]+( \+ [\d.]+% × \$[\d,]+)* = \$[\d,]+$", atlas.Cost!.Substitution);

        // The lineage panel shows the three figures with their formulas.
        var panel = cut.Find("[data-testid=lineage-ATLAS]");
        Assert.Equal(
            ["ROX = Monetized experience gains ÷ CX investment × 100",
             "Value to date = Σ over value drivers: the partner's share × the driver's value to date",
             "CX investment allocated = Σ over initiatives: the share of the initiative's value to date × its cost to date"],
            panel.QuerySelectorAll(".cx-formula-title").Select(t => t.TextContent));
    }

    [Fact]
    public async Task The_value_split_follows_each_initiatives_kind_of_work()
    {
        var cut = Render("/partners?month=2026-10");
        var board = (await _ctx.Services.GetRequiredService<RoxBoardService>().ComputeAsync(October, []))!.Board;

        // Meridian's only value is the chat outsourcing's; Atlas handles no chat, so none of it.
        var meridian = Split(cut, "MERIDIAN");
        Assert.Equal(("$0", "$0"), (meridian.Ai, meridian.Internal));
        Assert.Equal(meridian.Total, meridian.Partner);
        Assert.Equal(("$0", "$0"), (Split(cut, "ATLAS").Partner, Split(cut, "ATLAS").Internal));
        // The AI agent deflects to self-service, which only the in-house team runs: all its value is In-house AI tooling.
        var deflection = board.Drivers.Single(d => d.Name == "Deflection to self-service").ToDate;
        Assert.True(Money(Split(cut, "INHOUSE").Ai) > Money(deflection), "In-house's AI tooling should hold all the deflection and a share of agent assist.");
        // Churn and revenue per customer are kept per segment, not per partner: agent assist's value there is no partner's.
        var unpartnered = board.Drivers.Where(d => d.KpiCode is KpiCatalog.Churn or KpiCatalog.RevenuePerCustomer).Sum(d => d.ToDate);
        Assert.Equal(Money(unpartnered), Money(Split(cut, "none").Ai));
        Assert.Contains("Handle-time savings, voice (Agent assist for voice agents) (AI tooling) and Repeat-contact avoidance, voice (Agent assist for voice agents) (AI tooling)",
            cut.Find("[data-testid=partner-overlaps]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_user_sees_only_their_partner_and_no_rox_and_is_told_why()
    {
        int atlas;
        await using (var db = await _ctx.Services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContextAsync())
            atlas = db.Partners.Single(p => p.Code == "ATLAS").Id;

        using (StoreActor.Use(new StoreActor("partner@harbour.demo", atlas)))
        {
            var cut = Render("/partners?month=2026-10");

            Assert.Equal(["partner-kpis-ATLAS"], cut.FindAll("[data-testid^=partner-kpis-]").Select(r => r.GetAttribute("data-testid")));
            Assert.Equal(["$6.60", "70.8%", "435 s", "76.7%", "282"], Kpis(cut, "ATLAS"));
            Assert.Empty(cut.FindAll("[data-testid=partner-figure-rox]"));
            Assert.Empty(cut.FindAll("[data-testid=partner-figure-cost]"));
            Assert.Empty(cut.FindAll("[data-testid=partner-returns-none]"));
            Assert.Contains("the organisation's costs are not shared with partner users", cut.Find("[data-testid=rox-withheld]").TextContent, StringComparison.Ordinal);
            Assert.Contains("You see only Atlas Contact Solutions", cut.Find("[data-testid=partners-reader]").TextContent, StringComparison.Ordinal);
            // The value priced on Atlas's own contacts is still there, with its lineage.
            Assert.StartsWith("$", cut.Find("[data-testid=partner-returns-ATLAS] [data-testid=partner-figure-value]").TextContent.Trim(), StringComparison.Ordinal);
            Assert.Single(cut.FindAll("[data-testid=lineage-ATLAS]"));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ATLAS")]
    public async Task The_comparison_on_the_board_pages_reads_is_the_comparison_it_reads_itself(string? partnerCode)
    {
        int? partner = null;
        if (partnerCode is not null)
            await using (var db = await _ctx.Services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContextAsync())
                partner = db.Partners.Single(p => p.Code == partnerCode).Id;

        using (StoreActor.Use(new StoreActor(partner is null ? "viewer@harbour.demo" : "partner@harbour.demo", partner)))
        {
            var (_, computed) = await _ctx.Services.GetRequiredService<RoxBoardService>().LoadAsync(October);
            var handed = await Comparison().GetAsync(October, computed);
            var own = await Comparison().GetAsync(October);

            Assert.NotNull(computed);
            Assert.Equal(partner is null ? 3 : 1, own.Partners.Count);
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(own), System.Text.Json.JsonSerializer.Serialize(handed));
        }
    }

    [Fact]
    public void The_board_embeds_the_partner_comparison_as_a_section_of_its_own_with_a_link_to_the_page()
    {
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/?month=2026-10");
        var board = _ctx.Render<BoardPage>();
        board.WaitForAssertion(() => Assert.Equal(3, board.FindAll("[data-testid^=board-partner-][data-kind]").Count));

        var section = board.Find("[data-testid=board-partners]");
        Assert.Equal("partners?month=2026-10", section.QuerySelector("[data-testid=board-partners-link]")!.GetAttribute("href"));
        Assert.Equal(["Partner", "ROX to date", "CPC", "FCR", "CSAT", "Value to date"], section.QuerySelectorAll("th").Select(h => h.TextContent.Trim()));
        Assert.Equal("The holdout tests' $904,781 is in the board's gains and in no partner's value.",
            section.QuerySelector("[data-testid=board-partners-holdouts]")!.TextContent.Trim());
        var atlas = section.QuerySelector("[data-testid=board-partner-ATLAS]")!;
        Assert.Equal(("$6.60", "70.8%", "76.7%"), (
            atlas.QuerySelector("[data-testid=board-partner-CPC]")!.TextContent.Trim(),
            atlas.QuerySelector("[data-testid=board-partner-FCR]")!.TextContent.Trim(),
            atlas.QuerySelector("[data-testid=board-partner-CSAT]")!.TextContent.Trim()));

        // The same figures as the partner page's.
        var page = Render("/partners?month=2026-10");
        Assert.Equal(
            page.Find("[data-testid=partner-returns-ATLAS] [data-testid=partner-figure-rox]").TextContent.Trim(),
            atlas.QuerySelector("[data-testid=board-partner-rox] [data-testid=partner-figure-rox]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Picking_another_month_in_the_app_bar_reloads_the_comparison()
    {
        var cut = Render("/partners?month=2026-10");

        await cut.InvokeAsync(() => _ctx.Services.GetRequiredService<MonthSelection>().SelectAsync(new YearMonth(2025, 6)));

        cut.WaitForAssertion(() => Assert.Equal("2025-06", cut.Find("[data-testid=partners]").GetAttribute("data-month")));
        Assert.Contains("June 2025", cut.Find("[data-testid=partners-title]").TextContent, StringComparison.Ordinal);
        Assert.EndsWith("/partners?month=2025-06", _ctx.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void A_month_without_data_says_so()
    {
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/partners?month=2023-01");

        var cut = _ctx.Render<PartnersPage>();

        cut.WaitForAssertion(() => Assert.Contains("There is no data for January 2023", cut.Find("[data-testid=partners-no-data]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=partner-kpis]"));
    }

    [Fact]
    public async Task A_month_before_any_initiative_shows_the_kpis_and_no_value_yet()
    {
        var cut = Render("/partners?month=2025-01");
        var view = await Comparison().GetAsync(new YearMonth(2025, 1));

        Assert.Equal("no initiative had started by January 2025", view.PeriodLabel);
        Assert.Null(view.Unattributed);
        Assert.Equal(5, Kpis(cut, "ATLAS").Count(k => k != "no data"));
        Assert.All(cut.FindAll("[data-testid=partner-returns] [data-testid=partner-figure-value]"), v => Assert.Equal("$0", v.TextContent.Trim()));
        Assert.All(cut.FindAll("[data-testid=partner-returns] [data-testid=partner-figure-rox]"), v => Assert.Equal("n/a", v.TextContent.Trim()));
        Assert.Equal(3, cut.FindAll("[data-testid=partner-returns] [data-testid=partner-figure-rox]").Count);
    }

    private PartnerComparisonService Comparison() => _ctx.Services.GetRequiredService<PartnerComparisonService>();

    private IRenderedComponent<PartnersPage> Render(string address)
    {
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        var cut = _ctx.Render<PartnersPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid^=partner-kpis-]")));
        return cut;
    }

    private static List<string> Kpis(IRenderedComponent<PartnersPage> cut, string partner) =>
        cut.FindAll($"[data-testid=partner-kpis-{partner}] [data-testid^=partner-kpi-]")
            .Where(e => !e.GetAttribute("data-testid")!.StartsWith("partner-kpi-change-", StringComparison.Ordinal))
            .Select(e => e.TextContent.Trim()).ToList();

    private static (string Partner, string Ai, string Internal, string Total) Split(IRenderedComponent<PartnersPage> cut, string partner)
    {
        var row = cut.Find($"[data-testid=value-split-{partner}]");
        string Cell(string id) => row.QuerySelector($"[data-testid={id}]")!.TextContent.Trim();
        return (Cell("split-partner"), Cell("split-ai"), Cell("split-internal"), Cell("split-total"));
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private static decimal Money(string written) =>
        decimal.Parse(written.Replace("−", "-", StringComparison.Ordinal), NumberStyles.Currency, English);

    private static decimal Money(decimal value) => Math.Round(value, 0, MidpointRounding.AwayFromZero);

    private static decimal Percent(string written) => decimal.Parse(written.Trim().TrimEnd('%'), English);
}
