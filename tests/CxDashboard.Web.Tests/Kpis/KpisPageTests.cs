using System.Diagnostics.CodeAnalysis;
using Bunit;
using CxDashboard.Core.Time;
using CxDashboard.Data.Access;
using CxDashboard.Web.Access;
using CxDashboard.Web.Components.Layout;
using CxDashboard.Web.Components.Pages.Kpis;
using CxDashboard.Web.Kpis;
using CxDashboard.Web.Tests.Access;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CxDashboard.Web.Tests.Kpis;

/// <summary>The KPI tracker page rendered with the real services over a store with the demo organisation and a hand-made month.</summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes the context through IAsyncLifetime.DisposeAsync.")]
public sealed class KpisPageTests(KpiStore store) : IClassFixture<KpiStore>, IAsyncLifetime
{
    private readonly BunitContext _ctx = new();

    public Task InitializeAsync()
    {
        store.AddAppServices(_ctx.Services);
        _ctx.Services.AddScoped<AccessGuard>();
        _ctx.Services.AddScoped<AuthenticationStateProvider>(_ => new SignedInUser("viewer@harbour.demo", CxRoles.Viewer));
        _ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public void The_tracker_lists_every_kpi_with_its_status_in_words_and_flags_unpriced_directional_ones()
    {
        var cut = Render("/kpis?month=2026-10");

        Assert.Equal(17, cut.FindAll("[data-testid^=kpi-link-]").Count);
        var cpc = RowOf(cut, "CPC");
        Assert.Equal("Target met", cpc.QuerySelector("[data-testid=kpi-status]")!.TextContent.Trim());
        Assert.Equal("$4.19", cpc.QuerySelector("[data-testid=kpi-actual]")!.TextContent.Trim());
        Assert.NotNull(cpc.QuerySelector("[data-testid=kpi-money]"));
        Assert.NotNull(RowOf(cut, "CSAT").QuerySelector("[data-testid=kpi-not-value-linked]"));
        Assert.NotNull(RowOf(cut, "CLV").QuerySelector("[data-testid=kpi-no-driver]"));
        Assert.Equal(17, cut.FindAll("[data-testid=sparkline]").Count);
        Assert.Equal("kpis/FCR?month=2026-10", cut.Find("[data-testid=kpi-link-FCR]").GetAttribute("href"));
    }

    [Fact]
    public void The_hand_made_month_shows_fcr_as_resolved_over_contacts()
    {
        var cut = Render("/kpis?month=2026-11");

        Assert.Equal("60.0%", RowOf(cut, "FCR").QuerySelector("[data-testid=kpi-actual]")!.TextContent.Trim());
        Assert.Equal("483 s", RowOf(cut, "AHT").QuerySelector("[data-testid=kpi-actual]")!.TextContent.Trim());
        Assert.Equal("no data", RowOf(cut, "CHURN").QuerySelector("[data-testid=kpi-actual]")!.TextContent.Trim());
    }

    [Fact]
    public void A_channel_in_the_address_filters_the_figures_and_says_why_there_is_no_baseline()
    {
        var cut = Render("/kpis?month=2026-11&channel=voice");

        Assert.Equal("Voice · all partners · all segments", cut.Find("[data-testid=kpis]").GetAttribute("data-scope"));
        Assert.Equal("80.0%", RowOf(cut, "FCR").QuerySelector("[data-testid=kpi-actual]")!.TextContent.Trim());
        // The note above the grid says why; each row's dash reads the reason out.
        var baseline = RowOf(cut, "FCR").QuerySelector("[data-testid=kpi-baseline]")!;
        Assert.Equal(("—", "no baseline for this scope"), (baseline.TextContent.Trim(), baseline.GetAttribute("aria-label")));
        Assert.Contains(cut.FindAll("[data-testid=kpis-note]"), n => n.TextContent.Contains("No organisation baseline is kept for exactly this scope", StringComparison.Ordinal));
        // The address says what is shown, in codes, so that the view can be shared.
        Assert.EndsWith("/kpis?month=2026-11&channel=VOICE", _ctx.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_a_channel_re_aggregates_the_figures_and_writes_the_filter_into_the_address()
    {
        var cut = Render("/kpis?month=2026-11");

        await cut.InvokeAsync(() => cut.FindComponent<KpiFilterBar>().Instance.FilterChanged.InvokeAsync(KpiFilter.Parse("CHAT", null, null)));

        cut.WaitForAssertion(() => Assert.Equal("Chat · all partners · all segments", cut.Find("[data-testid=kpis]").GetAttribute("data-scope")));
        Assert.Equal("20.0%", RowOf(cut, "FCR").QuerySelector("[data-testid=kpi-actual]")!.TextContent.Trim());
        Assert.EndsWith("/kpis?month=2026-11&channel=CHAT", _ctx.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        Assert.Equal("kpis/FCR?month=2026-11&channel=CHAT", cut.Find("[data-testid=kpi-link-FCR]").GetAttribute("href"));
    }

    [Fact]
    public void Searching_keeps_the_kpis_that_match_by_code_name_role_or_driver()
    {
        var cut = Render("/kpis?month=2026-10");

        cut.Find("[data-testid=kpi-search]").Input("churn");

        cut.WaitForAssertion(() => Assert.Equal(["kpi-link-CHURN"], cut.FindAll("[data-testid^=kpi-link-]").Select(a => a.GetAttribute("data-testid"))));
        cut.Find("[data-testid=kpi-search]").Input("directional");
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid^=kpi-link-]").Count));
        cut.Find("[data-testid=kpi-search]").Input("no such thing");
        cut.WaitForAssertion(() => Assert.Contains("No KPI matches \"no such thing\"", cut.Find("[data-testid=kpi-grid-empty]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Picking_another_month_in_the_app_bar_reloads_the_tracker()
    {
        var cut = Render("/kpis?month=2026-10");
        var months = _ctx.Services.GetRequiredService<MonthSelection>();

        await cut.InvokeAsync(() => months.SelectAsync(new YearMonth(2025, 6)));

        cut.WaitForAssertion(() => Assert.Equal("2025-06", cut.Find("[data-testid=kpis]").GetAttribute("data-month")));
        Assert.Contains("June 2025", cut.Find("[data-testid=kpis-title]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_month_in_the_address_that_is_not_a_month_is_explained()
    {
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/kpis?month=2026-13");

        var cut = _ctx.Render<KpisPage>();

        cut.WaitForAssertion(() => Assert.Contains("is not a month: write it as YYYY-MM", cut.Find("[data-testid=kpis-error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=kpi-grid]"));
    }

    private IRenderedComponent<KpisPage> Render(string address)
    {
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        var cut = _ctx.Render<KpisPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid^=kpi-link-]")));
        return cut;
    }

    private static AngleSharp.Dom.IElement RowOf(IRenderedComponent<KpisPage> cut, string code) =>
        cut.Find($"[data-testid=kpi-link-{code}]").Closest("tr")!;
}
