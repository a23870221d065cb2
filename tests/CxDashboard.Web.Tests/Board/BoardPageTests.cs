using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Bunit;
using CxDashboard.Core.Time;
using CxDashboard.Web.Components.Layout;
using CxDashboard.Web.Components.Pages.Board;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CxDashboard.Web.Tests.Board;

[Collection(SeededStoreGroup.Name)]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes the context through IAsyncLifetime.DisposeAsync.")]
public sealed class BoardPageTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();

    public BoardPageTests(SeededStore store)
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
    public void Board_opens_on_the_latest_month_with_data()
    {
        var cut = _ctx.Render<BoardPage>();

        cut.WaitForAssertion(() => Assert.Equal("2026-10", cut.Find("[data-testid=board]").GetAttribute("data-month")));
        Assert.Contains("October 2026", cut.Find("[data-testid=board-title]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Rox_roi_and_value_multiple_name_the_same_return()
    {
        var cut = RenderBoard();

        var rox = Percent(FigureValue(cut, "rox"));
        var roi = Percent(FigureValue(cut, "roi"));
        var multiple = decimal.Parse(FigureValue(cut, "multiple").TrimEnd('×'), CultureInfo.GetCultureInfo("en-US"));

        // ROX 250 % ≡ ROI 150 % ≡ 2.5× (FORMULAS.md §1), within the rounding of what is written.
        Assert.InRange(roi, rox - 100.11m, rox - 99.89m);
        Assert.InRange(multiple, rox / 100m - 0.006m, rox / 100m + 0.006m);
        Assert.InRange(rox, 100m, 500m);
        Assert.StartsWith("$", FigureValue(cut, "net"), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_headline_figure_explains_its_formula_with_the_numbers()
    {
        var cut = RenderBoard();

        // The explanation is read out with the figure and shown in its tooltip.
        var label = cut.Find("[data-testid=figure-rox]").GetAttribute("aria-label")!;
        Assert.Contains("Monetized experience gains ÷ CX investment × 100", label, StringComparison.Ordinal);
        Assert.Matches(@"\$[\d,]+ ÷ \$[\d,]+ × 100 = [\d.]+%$", label);
        Assert.EndsWith(FigureValue(cut, "rox"), label, StringComparison.Ordinal);
        foreach (var key in new[] { "roi", "multiple", "net" })
            Assert.Contains(" = ", cut.Find($"[data-testid=figure-{key}]").GetAttribute("aria-label"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_prerendered_board_leaves_the_pack_sections_and_the_partners_to_the_interactive_circuit()
    {
        // Prerendering: the board's own figures are in the page; what is below them shows its loading bar.
        _ctx.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var cut = _ctx.Render<BoardPage>();

        cut.WaitForAssertion(() => Assert.Equal("2026-10", cut.Find("[data-testid=board]").GetAttribute("data-month")));
        Assert.NotEmpty(FigureValue(cut, "rox"));
        Assert.NotNull(cut.Find("[data-testid=kpi-AHT]"));
        Assert.NotNull(cut.Find("[data-testid=pack-loading]"));
        Assert.Empty(cut.FindAll("[data-testid=pack-gates]"));
        Assert.Equal("loading", cut.Find("[data-testid=board-partners]").GetAttribute("data-state"));
        Assert.Empty(cut.FindAll("[data-testid=board-partners-table]"));
    }

    [Fact]
    public void The_interactive_board_loads_the_pack_sections_and_the_partners()
    {
        var cut = RenderBoard();

        cut.WaitForAssertion(() => Assert.Equal("loaded", cut.Find("[data-testid=board-partners]").GetAttribute("data-state")));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=pack-gates]")));
        Assert.Empty(cut.FindAll("[data-testid=pack-loading]"));
        Assert.NotNull(cut.Find("[data-testid=board-partners-table]"));
    }

    [Fact]
    public void A_figure_tooltip_exists_only_while_the_pointer_or_the_focus_is_on_the_figure()
    {
        var popovers = _ctx.Render<MudPopoverProvider>();
        var cut = RenderBoard();
        // No explanation is rendered before a reader asks for one: a board circuit holds no popover per figure.
        Assert.Empty(popovers.FindAll("[data-testid=formula]"));
        Assert.Empty(popovers.FindAll(".mud-tooltip"));

        var roxRoot = cut.Find("[data-testid=figure-rox]").ParentElement!;
        roxRoot.TriggerEvent("onpointerenter", new Microsoft.AspNetCore.Components.Web.PointerEventArgs());
        popovers.WaitForAssertion(() => Assert.StartsWith("ROX = ", popovers.Find("[data-testid=formula] .cx-formula-title").TextContent, StringComparison.Ordinal));
        Assert.Single(popovers.FindAll(".mud-tooltip"));

        // Another figure's tooltip replaces it; leaving takes it away.
        var roiRoot = cut.Find("[data-testid=figure-roi]").ParentElement!;
        roiRoot.TriggerEvent("onpointerenter", new Microsoft.AspNetCore.Components.Web.PointerEventArgs());
        popovers.WaitForAssertion(() => Assert.StartsWith("ROI = ", popovers.Find("[data-testid=formula] .cx-formula-title").TextContent, StringComparison.Ordinal));
        cut.Find("[data-testid=figure-roi]").ParentElement!.TriggerEvent("onpointerleave", new Microsoft.AspNetCore.Components.Web.PointerEventArgs());
        popovers.WaitForAssertion(() => Assert.Empty(popovers.FindAll(".mud-tooltip")));

        // The keyboard reaches it too: focus opens a tile's money lineage, blur closes it.
        var money = cut.Find("[data-testid=kpi-AHT] [data-testid=kpi-money]").ParentElement!;
        money.TriggerEvent("onfocusin", new Microsoft.AspNetCore.Components.Web.FocusEventArgs());
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll("[data-testid=formula]")));
        cut.Find("[data-testid=kpi-AHT] [data-testid=kpi-money]").ParentElement!.TriggerEvent("onfocusout", new Microsoft.AspNetCore.Components.Web.FocusEventArgs());
        popovers.WaitForAssertion(() => Assert.Empty(popovers.FindAll(".mud-tooltip")));
    }

    [Fact]
    public async Task The_formula_tooltip_names_every_input_and_where_it_came_from()
    {
        var view = await _ctx.Services.GetRequiredService<CxDashboard.Web.Board.RoxBoardService>().GetAsync(new YearMonth(2026, 10));
        var rox = view.Headline.Single(f => f.Key == "rox");

        var cut = _ctx.Render<FormulaExplanation>(p => p.Add(x => x.Figure, rox));

        Assert.Equal("ROX = Monetized experience gains ÷ CX investment × 100", cut.Find(".cx-formula-title").TextContent);
        Assert.Equal(rox.Substitution, cut.Find("[data-testid=formula-substituted]").TextContent);
        var inputs = cut.FindAll("dt").Select(d => d.TextContent).ToList();
        Assert.Equal(["Monetized experience gains", "CX investment"], inputs);
        Assert.Contains("risk-adjusted, 2025-03 to 2026-10", cut.Find("dd").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Kpi_tiles_show_status_against_baseline_and_target_and_flag_unpriced_kpis()
    {
        var cut = RenderBoard();

        foreach (var code in new[] { "CPC", "FCR", "AHT", "CSAT", "NPS", "CLV", "CHURN" })
        {
            var tile = cut.Find($"[data-testid=kpi-{code}]");
            Assert.DoesNotContain("no data", tile.TextContent, StringComparison.Ordinal);
            Assert.Contains("Baseline", tile.TextContent, StringComparison.Ordinal);
            Assert.Matches("cx-status-(green|amber|red)", tile.GetAttribute("class"));
        }

        // Drivers price AHT (handle time) and CPC (chat cost); no driver prices NPS or CSAT: vanity-metric guard.
        Assert.NotNull(cut.Find("[data-testid=kpi-AHT] [data-testid=kpi-money]"));
        Assert.NotNull(cut.Find("[data-testid=kpi-CPC] [data-testid=kpi-money]"));
        Assert.NotNull(cut.Find("[data-testid=kpi-NPS] [data-testid=kpi-not-value-linked]"));
        Assert.NotNull(cut.Find("[data-testid=kpi-CSAT] [data-testid=kpi-not-value-linked]"));
        // CLV is forensic, not directional: unpriced, but no vanity metric.
        Assert.NotNull(cut.Find("[data-testid=kpi-CLV] [data-testid=kpi-no-driver]"));
        Assert.Empty(cut.FindAll("[data-testid=kpi-CLV] [data-testid=kpi-not-value-linked]"));
        Assert.Matches(@"^\d+(\.\d)?%$", cut.Find("[data-testid=kpi-FCR] [data-testid=kpi-actual]").TextContent.Trim());
        Assert.EndsWith(" s", cut.Find("[data-testid=kpi-AHT] [data-testid=kpi-actual]").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_another_month_updates_figures_and_chart_in_place()
    {
        var cut = RenderBoard();
        var roxBefore = FigureValue(cut, "rox");
        var months = _ctx.Services.GetRequiredService<MonthSelection>();

        await cut.InvokeAsync(() => months.SelectAsync(new YearMonth(2025, 6)));

        cut.WaitForAssertion(() => Assert.Equal("2025-06", cut.Find("[data-testid=board]").GetAttribute("data-month")));
        Assert.NotEqual(roxBefore, FigureValue(cut, "rox"));
        Assert.Contains("June 2025", cut.Find("[data-testid=board-title]").TextContent, StringComparison.Ordinal);
        // The chart gets the new months: its options travel to apexcharts' module as JSON.
        var sent = _ctx.JSInterop.Invocations.Where(i => i.Identifier is "create" or "updateOptions" or "updateSeries")
            .Select(i => i.Arguments[^1] as string).Last();
        Assert.Contains("\"Jun 2025\"", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Jul 2025\"", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_month_without_data_says_so_instead_of_showing_zeros()
    {
        var months = _ctx.Services.GetRequiredService<MonthSelection>();
        var cut = RenderBoard();

        await cut.InvokeAsync(() => months.SelectAsync(new YearMonth(2023, 1)));

        cut.WaitForAssertion(() => Assert.Contains("There is no data for January 2023", cut.Find("[data-testid=no-data]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=figure-rox]"));
        Assert.DoesNotContain("$0", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_month_before_any_initiative_says_so_instead_of_showing_empty_returns()
    {
        var months = _ctx.Services.GetRequiredService<MonthSelection>();
        var cut = RenderBoard();

        await cut.InvokeAsync(() => months.SelectAsync(new YearMonth(2025, 1)));

        cut.WaitForAssertion(() => Assert.Equal(
            "No CX initiative had started by January 2025, so there is no return to show yet: the first, AI agent for tier-1 contacts, starts in March 2025. The KPIs below show where the organisation stood before it.",
            cut.Find("[data-testid=not-started]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=figure-rox]"));
        Assert.Empty(cut.FindAll("[data-testid=value-chart]"));
        Assert.Equal(7, cut.FindAll("[data-testid^=kpi-] [data-testid=kpi-actual]").Count);
    }

    [Fact]
    public void A_month_in_the_address_that_is_not_a_month_is_explained()
    {
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/?month=2026-13");

        var cut = _ctx.Render<BoardPage>();

        cut.WaitForAssertion(() => Assert.Contains("is not a month: write it as YYYY-MM", cut.Find("[data-testid=board-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void A_month_in_the_address_opens_that_month()
    {
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/?month=2025-12");

        var cut = _ctx.Render<BoardPage>();

        cut.WaitForAssertion(() => Assert.Equal("2025-12", cut.Find("[data-testid=board]").GetAttribute("data-month")));
    }

    private IRenderedComponent<BoardPage> RenderBoard()
    {
        var cut = _ctx.Render<BoardPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=board]"));
        return cut;
    }

    private static string FigureValue(IRenderedComponent<BoardPage> cut, string key) =>
        cut.Find($"[data-testid=figure-{key}] [data-testid=figure-value]").TextContent.Trim();

    private static decimal Percent(string text) =>
        decimal.Parse(text.TrimEnd('%'), CultureInfo.GetCultureInfo("en-US"));
}
