using System.Diagnostics.CodeAnalysis;
using Bunit;
using CxDashboard.Core.Kpis;
using CxDashboard.Data.Access;
using CxDashboard.Web.Access;
using CxDashboard.Web.Components.Pages.Kpis;
using CxDashboard.Web.Kpis;
using CxDashboard.Web.Tests.Access;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CxDashboard.Web.Tests.Kpis;

/// <summary>A KPI's own page: what a viewer reads, and what an editor changes there (a measurement, a baseline).</summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes the context through IAsyncLifetime.DisposeAsync.")]
public sealed class KpiDetailPageTests : IAsyncLifetime
{
    private readonly KpiStore _store = new();
    private readonly BunitContext _ctx = new();
    private string _role = CxRoles.Editor;

    public async Task InitializeAsync()
    {
        await _store.InitializeAsync();
        _store.AddAppServices(_ctx.Services);
        _ctx.Services.AddScoped<AccessGuard>();
        _ctx.Services.AddScoped<AuthenticationStateProvider>(_ => new SignedInUser("marco@harbour.demo", _role));
        _ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public void A_viewer_reads_the_kpi_without_any_edit_control()
    {
        _role = CxRoles.Viewer;

        var cut = Render("FCR", "2026-10");

        Assert.Equal("FCR · First contact resolution", cut.Find("[data-testid=kpi-title]").TextContent);
        Assert.Equal("71.9%", cut.Find("[data-testid=kpi-summary] [data-testid=kpi-actual]").TextContent.Trim());
        Assert.Equal(12, cut.FindAll("[data-testid=measurements] [data-testid=measurement-value]").Count);
        Assert.Empty(cut.FindAll("[data-testid=measurement-edit]"));
        Assert.Empty(cut.FindAll("[data-testid=baseline-add]"));
        Assert.Empty(cut.FindAll("[data-testid=baseline-rebaseline]"));
        Assert.Empty(cut.FindAll("[data-testid=baseline-set-target]"));
        Assert.Equal(2, cut.FindAll("[data-testid=baseline]").Count);
    }

    [Fact]
    public void The_chart_gets_the_baseline_and_target_lines_and_last_years_months()
    {
        var cut = Render("FCR", "2026-10");

        var sent = _ctx.JSInterop.Invocations.Where(i => i.Identifier is "create" or "updateOptions")
            .Select(i => i.Arguments[^1] as string).Last()!;
        Assert.Contains("\"text\":\"Baseline 69.9%\"", sent, StringComparison.Ordinal);
        Assert.Contains("\"text\":\"Target 74.9%\"", sent, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"Same month a year earlier\"", sent, StringComparison.Ordinal);
        Assert.Contains("\"categories\":[\"Nov 2024\"", sent, StringComparison.Ordinal);
        Assert.Contains("\"Oct 2026\"]", sent, StringComparison.Ordinal);
        Assert.Contains("\"style\":\"percent\"", sent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_breakdown_rolls_each_channel_up_from_its_own_measurements()
    {
        var cut = Render("FCR", "2026-11");

        var channels = cut.FindAll("[data-testid=breakdown-channel] [data-testid=breakdown-row]")
            .Select(r => (r.QuerySelector("[data-testid=breakdown-name]")!.TextContent, r.QuerySelector("[data-testid=breakdown-value]")!.TextContent))
            .ToList();
        // Voice: 800 of 1,000 contacts; Chat: 100 of 500; largest volume first.
        Assert.Equal([("Voice", "80.0%"), ("Chat", "20.0%")], channels);
        var partners = cut.FindAll("[data-testid=breakdown-partner] [data-testid=breakdown-value]").Select(v => v.TextContent).ToList();
        // In-house: 700 of 1,200; Atlas: 200 of 300.
        Assert.Equal(["58.3%", "66.7%"], partners);
        Assert.Equal("60.0%", cut.Find("[data-testid=kpi-summary] [data-testid=kpi-actual]").TextContent.Trim());
    }

    [Fact]
    public void An_unknown_code_says_so_with_a_link_back_to_the_tracker()
    {
        var cut = _ctx.Render<KpiDetailPage>(p => p.Add(x => x.Code, "NOPE"));

        cut.WaitForAssertion(() => Assert.Contains("There is no KPI with the code \"NOPE\"", cut.Find("[data-testid=kpi-not-found]").TextContent, StringComparison.Ordinal));
        Assert.Equal("kpis", cut.Find("[data-testid=kpi-not-found-back]").GetAttribute("href"));
    }

    [Fact]
    public async Task An_editor_changes_a_measurement_and_the_page_shows_the_new_figures()
    {
        var cut = Render("FCR", "2026-11");

        cut.FindAll("[data-testid=measurement-edit]")[0].Click();
        // The editor opens after its row is loaded: wait for it rather than assume it is there.
        cut.WaitForAssertion(() => cut.Find("[data-testid=edit-numerator]"));
        cut.Find("[data-testid=edit-numerator]").Change("630");
        cut.Find("[data-testid=edit-note]").Change("Recount after the CRM fix");
        cut.Find("[data-testid=measurement-save]").Click();

        // Voice in-house 630 of 700 = 90.0 %; all: 930 of 1,500 = 62.0 %.
        cut.WaitForAssertion(() => Assert.Equal("62.0%", cut.Find("[data-testid=kpi-summary] [data-testid=kpi-actual]").TextContent.Trim()));
        Assert.Equal("90.0%", cut.FindAll("[data-testid=measurement-value]")[0].TextContent);
        Assert.Empty(cut.FindAll("[data-testid=measurement-editor]"));
        await using var db = _store.Context();
        Assert.Equal(1, await db.Measurements.CountAsync(m => m.Note == "Recount after the CRM fix" && m.Numerator == 630));
    }

    [Fact]
    public async Task A_rate_above_100_percent_is_refused_on_its_field_and_what_was_typed_stays()
    {
        var cut = Render("FCR", "2026-11");

        cut.FindAll("[data-testid=measurement-edit]")[0].Click();
        // The editor opens after its row is loaded: wait for it rather than assume it is there.
        cut.WaitForAssertion(() => cut.Find("[data-testid=edit-numerator]"));
        cut.Find("[data-testid=edit-numerator]").Change("900");
        cut.Find("[data-testid=measurement-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("cannot be more than contacts: a rate is at most 100 %", cut.Find("[data-testid=measurement-editor]").TextContent, StringComparison.Ordinal));
        Assert.Equal("900", cut.Find("[data-testid=edit-numerator]").GetAttribute("value"));
        await using var db = _store.Context();
        Assert.Equal(0, await db.Measurements.CountAsync(m => m.Numerator == 900));
    }

    [Fact]
    public async Task When_someone_else_saved_first_the_editor_sees_both_and_keeps_theirs_or_the_other()
    {
        var cut = Render("FCR", "2026-11");
        cut.FindAll("[data-testid=measurement-edit]")[0].Click();
        // The editor opens after its row is loaded: wait for it rather than assume it is there.
        cut.WaitForAssertion(() => cut.Find("[data-testid=edit-numerator]"));
        cut.Find("[data-testid=edit-numerator]").Change("650");

        // Another editor saves the same row in the meantime.
        var ana = _store.Services("ana@harbour.demo", CxRoles.Editor);
        var row = (await ana.Detail().GetAsync(KpiCatalog.Fcr, KpiStore.HandMonth, KpiFilter.All))!.Measurements[0];
        using (StoreActor.Use(new StoreActor("ana@harbour.demo")))
            Assert.IsType<MeasurementSaveResult.Saved>(await ana.Measurements().SaveAsync(new MeasurementDraft(row.Id, row.Fields with { Numerator = 610 }, row.Version)));

        cut.Find("[data-testid=measurement-save]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=measurement-conflict]")));
        var differences = cut.FindAll("[data-testid=measurement-conflict] tbody tr")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(td => td.TextContent)))
            .ToList();
        // 650 ÷ 700 against 610 ÷ 700.
        Assert.Equal(["Value | 92.86 % | 87.14 %", "Resolved on first contact | 650 | 610"], differences);
        await using (var db = _store.Context())
            Assert.Equal(610, (await db.Measurements.SingleAsync(m => m.Id == row.Id)).Numerator);

        cut.Find("[data-testid=keep-mine]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=measurement-editor]")));
        await using var check = _store.Context();
        Assert.Equal(650, (await check.Measurements.SingleAsync(m => m.Id == row.Id)).Numerator);
    }

    [Fact]
    public async Task A_rebaselining_needs_a_reason_and_then_shows_in_the_history_and_on_the_chart()
    {
        var cut = Render("FCR", "2026-11");

        cut.FindAll("[data-testid=baseline-rebaseline]")[0].Click();
        cut.Find("[data-testid=rebaseline-value]").Change("71");
        cut.Find("[data-testid=rebaseline-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Say why the baseline changes", cut.Find("[data-testid=rebaseline-form]").TextContent, StringComparison.Ordinal));
        await using (var db = _store.Context())
            Assert.Empty(await db.BaselineRevisions.ToListAsync());

        cut.Find("[data-testid=rebaseline-reason]").Change("Chat moved to Meridian: the mix of contacts changed");
        cut.Find("[data-testid=rebaseline-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Chat moved to Meridian: the mix of contacts changed", cut.Find("[data-testid=revision-reason]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=rebaseline-form]"));
        Assert.Equal("1", cut.Find("[data-testid=kpi-chart]").GetAttribute("data-events"));
        Assert.Equal("71.0%", cut.Find("[data-testid=kpi-summary] [data-testid=kpi-baseline]").TextContent.Trim());
        var sent = _ctx.JSInterop.Invocations.Where(i => i.Identifier is "create" or "updateOptions").Select(i => i.Arguments[^1] as string).Last()!;
        Assert.Contains("\"x\":\"Nov 2026\"", sent, StringComparison.Ordinal);
        Assert.Contains("Re-baselined: Chat moved to Meridian", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_adds_a_baseline_measured_from_the_data()
    {
        var cut = Render("AHT", "2026-11");

        cut.Find("[data-testid=baseline-add]").Click();
        cut.Find("[data-testid=baseline-start]").Change("2026-11");
        cut.Find("[data-testid=baseline-end]").Change("2026-11");
        cut.Find("[data-testid=baseline-propose]").Click();
        cut.WaitForAssertion(() => Assert.StartsWith("483 s measured from 2026-11 to 2026-11", cut.Find("[data-testid=baseline-proposal]").TextContent, StringComparison.Ordinal));
        cut.Find("[data-testid=baseline-save]").Click();

        // The organisation already has an AHT baseline for every channel: a second one is refused, the first being locked.
        cut.WaitForAssertion(() => Assert.Contains("There is already a AHT baseline", cut.Find("[data-testid=baseline-add-error]").TextContent, StringComparison.Ordinal));
        await using var db = _store.Context();
        Assert.Equal(2, await db.Baselines.CountAsync(b => b.Kpi!.Code == KpiCatalog.Aht));
    }

    private IRenderedComponent<KpiDetailPage> Render(string code, string month)
    {
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"/kpis/{code}?month={month}");
        var cut = _ctx.Render<KpiDetailPage>(p => p.Add(x => x.Code, code));
        cut.WaitForAssertion(() => Assert.Equal(month, cut.Find("[data-testid=kpi-detail]").GetAttribute("data-month")));
        return cut;
    }
}
