using System.Diagnostics.CodeAnalysis;
using Bunit;
using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Value;
using CxDashboard.Data.Access;
using CxDashboard.Data.Model;
using CxDashboard.Web.Access;
using CxDashboard.Web.Components.Pages.Initiatives;
using CxDashboard.Web.Initiatives;
using CxDashboard.Web.Tests.Access;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CxDashboard.Web.Tests.Initiatives;

/// <summary>An initiative's page and its business case tab: costs, value drivers, baselines, read by each reader and changed by editors.</summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes the context through IAsyncLifetime.DisposeAsync.")]
public sealed class BusinessCaseTabTests : IAsyncLifetime
{
    private readonly InitiativeStore _store = new();
    // Waits end as soon as what they wait for is there; a busy machine may take a few seconds to render it.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly BunitContext _ctx = new();
    private string _role = CxRoles.Editor;
    private int? _partner;
    private int _assist;

    public async Task InitializeAsync()
    {
        await _store.InitializeAsync();
        _assist = await _store.IdOfAsync(InitiativeStore.AgentAssist);
        _store.AddAppServices(_ctx.Services);
        _ctx.Services.AddScoped<AccessGuard>();
        _ctx.Services.AddScoped<AuthenticationStateProvider>(_ => new SignedInUser("marco@harbour.demo", _role, _partner));
        _ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public void The_business_case_lists_the_costs_baselines_and_drivers_with_each_scenarios_change()
    {
        var cut = Render();

        Assert.Equal(
            ["Agent assist seat licences", "Telephony and knowledge-base integration", "Agent and team-leader training", "Model tuning and maintenance"],
            cut.FindAll("[data-testid=cost-name]").Select(c => c.TextContent));
        Assert.Equal("$22,000 a month", cut.FindAll("[data-testid=cost-amount]")[0].TextContent);
        Assert.Equal(4, cut.FindAll("[data-testid=initiative-baselines] [data-testid=baseline]").Count);
        var handleTime = cut.FindAll("[data-testid=driver]")[0];
        Assert.Equal("Handle-time savings, voice", handleTime.QuerySelector("[data-testid=driver-name]")!.TextContent);
        Assert.Equal("AHT · Voice · all partners · all segments", handleTime.QuerySelector("[data-testid=driver-kpi]")!.TextContent);
        // Baseline 446 s, target 390 s: the base change is −56 s; conservative × 0.5, optimistic × 1.5 (the store's defaults).
        Assert.Equal(["−28 s", "−56 s", "−84 s"], handleTime.QuerySelectorAll("[data-testid=scenario-change]").Select(c => c.TextContent));
        Assert.Equal(["418 s", "390 s", "362 s"], handleTime.QuerySelectorAll("[data-testid=scenario-projected]").Select(c => c.TextContent));
        Assert.Contains("the volume of AHT's last measured month, 2026-10", handleTime.QuerySelector("[data-testid=driver-volume]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=business-case-read-only]"));
    }

    [Fact]
    public async Task An_editor_changes_a_cost_item_in_the_grid_and_the_grid_shows_it()
    {
        var cut = Render();

        cut.FindAll("[data-testid=cost-edit]")[0].Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=cost-edit-row]"), Patience);
        cut.Find("[data-testid=cost-amount-field]").Change("24500");
        cut.Find("[data-testid=cost-risk-field]").Change("8");
        cut.Find("[data-testid=cost-end-field]").Change("2027-12");
        cut.Find("[data-testid=cost-save]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=cost-edit-row]")), Patience);
        Assert.Equal("$24,500 a month", cut.FindAll("[data-testid=cost-amount]")[0].TextContent);
        Assert.Equal("8.0%", cut.FindAll("[data-testid=cost-risk]")[0].TextContent);
        await using var db = _store.Context();
        var cost = await db.CostItems.SingleAsync(c => c.Name == "Agent assist seat licences");
        Assert.Equal((24_500m, 0.08m, (int?)202712), (cost.Amount, cost.Risk, cost.EndMonth));
        var key = cost.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "CostItem" && a.EntityKey == key && a.Action == Data.Auditing.AuditAction.Modified));
    }

    [Fact]
    public async Task A_negative_cost_a_risk_over_100_percent_and_an_end_before_the_start_are_refused_on_their_fields()
    {
        var cut = Render();

        cut.Find("[data-testid=cost-add]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=cost-edit-row]"), Patience);
        cut.Find("[data-testid=cost-name-field]").Change("Speech analytics add-on");
        await cut.InvokeAsync(() => cut.FindComponents<MudSelect<CostRecurrence>>().Single().Instance.ValueChanged.InvokeAsync(CostRecurrence.Monthly));
        cut.Find("[data-testid=cost-amount-field]").Change("-1200");
        cut.Find("[data-testid=cost-risk-field]").Change("120");
        cut.Find("[data-testid=cost-start-field]").Change("2026-03");
        cut.Find("[data-testid=cost-end-field]").Change("2026-01");
        cut.Find("[data-testid=cost-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("A cost cannot be negative", cut.Find("[data-testid=cost-edit-row]").TextContent, StringComparison.Ordinal), Patience);
        var row = cut.Find("[data-testid=cost-edit-row]").TextContent;
        Assert.Contains("Give the risk adjustment as a percentage from 0 to 100", row, StringComparison.Ordinal);
        Assert.Contains("The cost ends (2026-01) before it starts (2026-03)", row, StringComparison.Ordinal);
        // Nothing typed is lost, and nothing is stored.
        Assert.Equal("Speech analytics add-on", cut.Find("[data-testid=cost-name-field]").GetAttribute("value"));
        // The organisation's culture writes a true minus sign.
        Assert.Equal("\u22121,200", cut.Find("[data-testid=cost-amount-field]").GetAttribute("value"));
        Assert.Equal("2026-01", cut.Find("[data-testid=cost-end-field]").GetAttribute("value"));
        await using var db = _store.Context();
        Assert.False(await db.CostItems.AnyAsync(c => c.Name == "Speech analytics add-on"));
    }

    [Fact]
    public async Task When_another_editor_saved_the_cost_first_both_versions_are_shown_and_the_editor_keeps_theirs()
    {
        var cut = Render();
        cut.FindAll("[data-testid=cost-edit]")[0].Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=cost-edit-row]"), Patience);
        cut.Find("[data-testid=cost-amount-field]").Change("25000");

        int costId;
        await using (var db = _store.Context())
            costId = (await db.CostItems.SingleAsync(c => c.Name == "Agent assist seat licences")).Id;
        Assert.IsType<CostItemSaveResult.Saved>(await _store.SaveAsOtherEditorAsync(d => d with { Amount = 21_000m }, costId));

        cut.Find("[data-testid=cost-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=cost-conflict]"), Patience);
        var differences = cut.FindAll("[data-testid=cost-conflict] [data-testid=conflict-row]")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(td => td.TextContent))).ToList();
        Assert.Equal(["Amount | $25,000 | $21,000"], differences);
        Assert.Equal("25,000", cut.Find("[data-testid=cost-amount-field]").GetAttribute("value"));
        await using (var db = _store.Context())
            Assert.Equal(21_000m, (await db.CostItems.SingleAsync(c => c.Id == costId)).Amount);

        cut.Find("[data-testid=cost-conflict] [data-testid=keep-mine]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=cost-edit-row]")), Patience);
        Assert.Equal("$25,000 a month", cut.FindAll("[data-testid=cost-amount]")[0].TextContent);
        await using var check = _store.Context();
        Assert.Equal(25_000m, (await check.CostItems.SingleAsync(c => c.Id == costId)).Amount);
    }

    [Fact]
    public async Task The_driver_form_asks_for_the_inputs_of_its_type_and_stores_a_churn_driver()
    {
        var cut = Render();
        cut.Find("[data-testid=driver-add]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=driver-form]"), Patience);
        var churn = await BaselineIdAsync("CHURN");

        await cut.InvokeAsync(() => Select<ValueDriverType>(cut, "driver-type-field").ValueChanged.InvokeAsync(ValueDriverType.Deflection));
        Assert.Equal(["Contacts per month (optional)", "Cost per assisted contact", "Cost per automated contact"], InputLabels(cut));

        await cut.InvokeAsync(() => Select<int?>(cut, "driver-baseline-field").ValueChanged.InvokeAsync(churn));
        await cut.InvokeAsync(() => Select<ValueDriverType>(cut, "driver-type-field").ValueChanged.InvokeAsync(ValueDriverType.ChurnFlat));
        Assert.Equal(["Customers (optional)", "ARPU (monthly)", "Gross margin"], InputLabels(cut));
        // The hourly rate the form started with is no ARPU: it does not carry over.
        Assert.Equal("", cut.Find("[data-testid=driver-UnitValue]").GetAttribute("value") ?? "");
        Assert.Equal("Churn reduction (flat), all channels", cut.Find("[data-testid=driver-name-field]").GetAttribute("value"));
        cut.Find("[data-testid=driver-Margin]").Change("55");
        cut.Find("[data-testid=driver-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("ARPU (monthly) is missing: the churn reduction (flat) formula needs it.", cut.Find("[data-testid=driver-form]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Equal("55", cut.Find("[data-testid=driver-Margin]").GetAttribute("value"));

        cut.Find("[data-testid=driver-UnitValue]").Change("52");
        cut.Find("[data-testid=driver-save]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=driver-form]")), Patience);
        Assert.Equal(5, cut.FindAll("[data-testid=driver]").Count);
        await using var db = _store.Context();
        var stored = await db.ValueDrivers.SingleAsync(d => d.Name == "Churn reduction (flat), all channels");
        Assert.Equal((ValueDriverType.ChurnFlat, ValueFactor.Retention, 52m, 0.55m, (decimal?)null, churn),
            (stored.Type, stored.Factor, stored.UnitValue!.Value, stored.Margin!.Value, stored.SecondaryUnitValue, stored.BaselineId));
    }

    [Fact]
    public async Task A_scenario_change_that_takes_a_rate_past_100_percent_is_refused_on_its_field()
    {
        var cut = Render();
        // The second driver prices FCR on voice: 70.1 % before, 76.0 % targeted.
        cut.FindAll("[data-testid=driver-edit]")[1].Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=driver-form]"), Patience);

        await cut.InvokeAsync(() => Select<ScenarioInput>(cut, "driver-optimistic-input").ValueChanged.InvokeAsync(ScenarioInput.Explicit));
        // The field says how to sign a change of this KPI, in its own unit.
        cut.WaitForAssertion(() => Assert.Contains("In percentage points, signed like the KPI: +2 for 2 pp more", cut.Find("[data-testid=driver-optimistic]").TextContent, StringComparison.Ordinal), Patience);
        cut.Find("[data-testid=driver-optimistic-delta]").Change("35");
        cut.Find("[data-testid=driver-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("In the optimistic scenario FCR would be 105.1%", cut.Find("[data-testid=driver-optimistic]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Contains("a rate stays between 0 and 100 %: enter a change from −70.1 pp to +29.9 pp.", cut.Find("[data-testid=driver-optimistic]").TextContent, StringComparison.Ordinal);
        Assert.Equal("35", cut.Find("[data-testid=driver-optimistic-delta]").GetAttribute("value"));
        await using var db = _store.Context();
        Assert.Null((await db.ValueDrivers.SingleAsync(d => d.Name == "Repeat-contact avoidance, voice")).OptimisticDelta);

        cut.Find("[data-testid=driver-optimistic-delta]").Change("9");
        cut.Find("[data-testid=driver-save]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=driver-form]")), Patience);
        await using var check = _store.Context();
        Assert.Equal(0.09, (await check.ValueDrivers.SingleAsync(d => d.Name == "Repeat-contact avoidance, voice")).OptimisticDelta!.Value, 10);
        Assert.Equal("+9.0 pp", cut.FindAll("[data-testid=driver]")[1].QuerySelectorAll("[data-testid=scenario-change]")[2].TextContent);
    }

    [Fact]
    public async Task A_driver_on_a_kpi_without_data_is_warned_about_and_needs_a_projected_volume()
    {
        // Containment is measured on self-service only: over voice it has no data at all.
        int baselineId;
        await using (var db = _store.Context())
        {
            var baseline = new Baseline
            {
                InitiativeId = _assist, KpiId = (await db.Kpis.SingleAsync(k => k.Code == "CONTAINMENT")).Id,
                ChannelId = (await db.Channels.SingleAsync(c => c.Code == "VOICE")).Id,
                Value = 0.10, PeriodStart = 202503, PeriodEnd = 202505, Target = 0.20, TargetMonth = 202606,
            };
            db.Baselines.Add(baseline);
            await db.SaveChangesAsync();
            baselineId = baseline.Id;
        }

        var cut = Render();
        Assert.Contains("CONTAINMENT has no measurements for Voice · all partners · all segments", cut.Find("[data-testid=baseline-no-data]").TextContent, StringComparison.Ordinal);
        cut.Find("[data-testid=driver-add]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=driver-form]"), Patience);
        await cut.InvokeAsync(() => Select<int?>(cut, "driver-baseline-field").ValueChanged.InvokeAsync(baselineId));

        Assert.Contains("Load CONTAINMENT data for this scope on the Data page, or give the driver a projected volume.", cut.Find("[data-testid=driver-no-data]").TextContent, StringComparison.Ordinal);
        Assert.Equal("deflection", cut.Find("[data-testid=driver-form]").GetAttribute("data-driver-type")!.ToLowerInvariant());
        cut.Find("[data-testid=driver-UnitValue]").Change("7.6");
        cut.Find("[data-testid=driver-SecondaryUnitValue]").Change("0.85");
        cut.Find("[data-testid=driver-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("CONTAINMENT has no measurements over this driver's scope, so there is no measured volume to project with", cut.Find("[data-testid=driver-form]").TextContent, StringComparison.Ordinal), Patience);
        await using (var db = _store.Context())
            Assert.False(await db.ValueDrivers.AnyAsync(d => d.BaselineId == baselineId));

        cut.Find("[data-testid=driver-projected-volume]").Change("40000");
        cut.Find("[data-testid=driver-save]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=driver-form]")), Patience);
        var card = cut.FindAll("[data-testid=driver]").Single(d => d.QuerySelector("[data-testid=driver-kpi]")!.TextContent.StartsWith("CONTAINMENT", StringComparison.Ordinal));
        Assert.Contains("CONTAINMENT has no measurements", card.QuerySelector("[data-testid=driver-warning]")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("40,000 contacts per month, the projected volume entered on the driver", card.QuerySelector("[data-testid=driver-volume]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_another_editor_saved_the_driver_first_both_versions_are_shown_and_the_editor_takes_theirs()
    {
        var cut = Render();
        cut.FindAll("[data-testid=driver-edit]")[0].Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=driver-form]"), Patience);
        cut.Find("[data-testid=driver-risk-field]").Change("15");

        var ana = _store.Services("ana@harbour.demo", CxRoles.Editor).CreateScope().ServiceProvider.GetRequiredService<ValueDriverEditor>();
        await using (var db = _store.Context())
        {
            var stored = ValueDriverEditor.Draft(await db.ValueDrivers.AsNoTracking().SingleAsync(d => d.Name == "Handle-time savings, voice"));
            Assert.IsType<ValueDriverSaveResult.Saved>(await ana.SaveAsync(stored with { RiskPercent = 12m, Optimistic = new ScenarioDraft(ScenarioInput.Explicit, 1.5, -70) }));
        }

        cut.Find("[data-testid=driver-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=driver-conflict]"), Patience);
        var differences = cut.FindAll("[data-testid=driver-conflict] [data-testid=conflict-row]")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(td => td.TextContent))).ToList();
        Assert.Equal(["Risk | 15 % | 12 %", "Optimistic | × 1.5 of the base change | −70 s"], differences);
        Assert.Equal("15", cut.Find("[data-testid=driver-risk-field]").GetAttribute("value"));

        cut.Find("[data-testid=driver-conflict] [data-testid=use-theirs]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=driver-form]")), Patience);
        Assert.Equal("12.0%", cut.FindAll("[data-testid=driver]")[0].QuerySelector("[data-testid=driver-risk]")!.TextContent);
        await using var check = _store.Context();
        Assert.Equal(0.12m, (await check.ValueDrivers.SingleAsync(d => d.Name == "Handle-time savings, voice")).Risk);
    }

    [Fact]
    public async Task An_archived_initiative_reads_as_archived_and_changes_again_only_once_restored()
    {
        await using (var db = _store.Context())
        {
            (await db.Initiatives.SingleAsync(i => i.Id == _assist)).ArchivedUtc = new DateTime(2026, 11, 12, 9, 0, 0, DateTimeKind.Utc);
            await db.SaveChangesAsync();
        }

        var cut = Render();

        Assert.Equal("Archived on 12 Nov 2026", cut.Find("[data-testid=initiative-page-archived]").TextContent.Trim());
        Assert.Equal("This initiative is archived: restore it to change its business case.", cut.Find("[data-testid=business-case-read-only]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=cost-edit]"));
        Assert.Empty(cut.FindAll("[data-testid=driver-add]"));

        cut.Find("[data-testid=initiative-page-restore]").Click();

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=cost-edit]").Count), Patience);
        Assert.Empty(cut.FindAll("[data-testid=initiative-page-archived]"));
        await using var check = _store.Context();
        Assert.Null((await check.Initiatives.SingleAsync(i => i.Id == _assist)).ArchivedUtc);
    }

    [Fact]
    public void A_viewer_reads_the_business_case_without_any_edit_control()
    {
        _role = CxRoles.Viewer;

        var cut = Render();

        Assert.Equal("You can read this business case; editors change it.", cut.Find("[data-testid=business-case-read-only]").TextContent);
        Assert.Equal(4, cut.FindAll("[data-testid=cost-row]").Count);
        Assert.Equal(4, cut.FindAll("[data-testid=driver]").Count);
        foreach (var control in new[] { "cost-edit", "cost-add", "cost-remove", "driver-edit", "driver-add", "driver-remove",
                     "initiative-baseline-add", "baseline-set-target", "baseline-rebaseline", "initiative-edit", "initiative-page-archive" })
            Assert.Empty(cut.FindAll($"[data-testid={control}]"));
    }

    [Fact]
    public async Task A_partner_user_is_told_that_costs_are_not_shared_rather_than_shown_none()
    {
        _role = CxRoles.Viewer;
        _partner = await _store.PartnerAsync("ATLAS");

        var cut = Render();

        Assert.Contains("Costs are not shown to partner users", cut.Find("[data-testid=costs-hidden]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=cost-items]"));
        Assert.Empty(cut.FindAll("[data-testid=cost-items-empty]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=driver]"));
    }

    [Fact]
    public async Task When_someone_else_saved_the_initiative_first_both_versions_are_shown_and_the_editor_takes_theirs()
    {
        var cut = Render();
        cut.Find("[data-testid=initiative-edit]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=initiative-form]"), Patience);
        cut.Find("[data-testid=initiative-owner-field]").Change("Marcus Bell and Ana Ruiz");

        var ana = _store.Services("ana@harbour.demo", CxRoles.Editor).CreateScope().ServiceProvider.GetRequiredService<InitiativeEditor>();
        var stored = (await ana.LoadAsync(_assist))!.Draft;
        Assert.IsType<InitiativeSaveResult.Saved>(await ana.SaveAsync(stored with { Owner = "Ana Ruiz, Contact Centre Operations", HorizonMonths = 48 }));

        cut.Find("[data-testid=initiative-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=initiative-conflict]"), Patience);
        var differences = cut.FindAll("[data-testid=initiative-conflict] [data-testid=conflict-row]")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(td => td.TextContent))).ToList();
        Assert.Equal(["Owner | Marcus Bell and Ana Ruiz | Ana Ruiz, Contact Centre Operations", "Horizon | 36 months | 48 months"], differences);

        cut.Find("[data-testid=initiative-conflict] [data-testid=use-theirs]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=initiative-form]")), Patience);
        Assert.Equal("Ana Ruiz, Contact Centre Operations", cut.Find("[data-testid=initiative-page-owner]").TextContent);
        await using var db = _store.Context();
        Assert.Equal(48, (await db.Initiatives.SingleAsync(i => i.Id == _assist)).HorizonMonths);
    }

    private IRenderedComponent<InitiativePage> Render()
    {
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"/initiatives/{_assist}");
        var cut = _ctx.Render<InitiativePage>(p => p.Add(x => x.Id, _assist));
        cut.WaitForAssertion(() => cut.Find("[data-testid=business-case]"), Patience);
        return cut;
    }

    private async Task<int> BaselineIdAsync(string kpi)
    {
        await using var db = _store.Context();
        return (await db.Baselines.SingleAsync(b => b.InitiativeId == _assist && b.Kpi!.Code == kpi)).Id;
    }

    private static MudSelect<T> Select<T>(IRenderedComponent<InitiativePage> cut, string testId) =>
        cut.FindComponents<MudSelect<T>>().Single(s => s.Instance.UserAttributes.TryGetValue("data-testid", out var id) && (string?)id == testId).Instance;

    private static List<string> InputLabels(IRenderedComponent<InitiativePage> cut) =>
        cut.FindAll("[data-testid=driver-inputs-form] label").Select(l => l.TextContent.Trim()).ToList();
}
