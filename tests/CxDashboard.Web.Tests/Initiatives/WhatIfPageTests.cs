using System.Diagnostics.CodeAnalysis;
using Bunit;
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
using MudBlazor.Services;

namespace CxDashboard.Web.Tests.Initiatives;

/// <summary>The what-if page over a store of its own: templates, returns that follow the inputs, validation and saving.</summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes the context through IAsyncLifetime.DisposeAsync.")]
public sealed class WhatIfPageTests : IClassFixture<ReturnsStore>, IAsyncLifetime
{
    private readonly ReturnsStore _store;
    private readonly BunitContext _ctx = new();
    private string _role = CxRoles.Editor;

    public WhatIfPageTests(ReturnsStore store)
    {
        _store = store;
        store.AddAppServices(_ctx.Services);
        _ctx.Services.AddScoped<AccessGuard>();
        _ctx.Services.AddScoped<AuthenticationStateProvider>(_ => new SignedInUser("marco@harbour.demo", _role));
        _ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public void A_template_fills_in_the_business_case_and_shows_its_returns()
    {
        var cut = Start(InitiativeType.AgentAssist);

        Assert.Equal("Agent assist for voice agents", cut.Find("[data-testid=whatif-name]").GetAttribute("value"));
        // The demo's last month is October 2026: a business case with no data yet starts in the month after.
        Assert.Equal("2026-11", cut.Find("[data-testid=whatif-start]").GetAttribute("value"));
        Assert.Equal("420", cut.Find("[data-testid=driver-0-baseline]").GetAttribute("value"));
        Assert.Equal("200,000", cut.Find("[data-testid=driver-0-volume]").GetAttribute("value"));
        Assert.Equal(4, cut.FindAll("[data-testid=whatif-cost]").Count);
        // Seed 001: 60 s × 200,000 ÷ 3600 × $48 = $160,000 a month, × 0.9 = $144,000; a third and two thirds of it in the two
        // ramp-up months, then 34 full months: 35 × $144,000.
        Assert.Equal("$5,040,000", cut.FindAll("[data-testid=basis-value]")[0].TextContent);
        foreach (var key in new[] { "npv", "roi", "rox", "payback" })
            Assert.NotEqual("n/a", Figure(cut, key));
        Assert.NotNull(cut.Find("[data-testid=scenario-row-optimistic]"));
        Assert.True(int.Parse(cut.Find("[data-testid=tornado]").GetAttribute("data-bars")!, System.Globalization.CultureInfo.InvariantCulture) > 3);
    }

    [Fact]
    public void Changing_an_input_moves_npv_and_the_scenario_table()
    {
        var cut = Start(InitiativeType.AgentAssist);
        var before = Figure(cut, "npv");
        var baseRow = cut.Find("[data-testid=scenario-row-base] [data-testid=scenario-npv]").TextContent;

        cut.Find("[data-testid=driver-0-volume]").Change("100000");

        cut.WaitForAssertion(() => Assert.NotEqual(before, Figure(cut, "npv")));
        Assert.NotEqual(baseRow, cut.Find("[data-testid=scenario-row-base] [data-testid=scenario-npv]").TextContent);
        // Half the contacts: half the handle-time savings.
        Assert.Equal("$2,520,000", cut.FindAll("[data-testid=basis-value]")[0].TextContent);
    }

    [Fact]
    public void A_negative_cost_is_explained_next_to_its_field_and_what_was_typed_stays()
    {
        var cut = Start(InitiativeType.AiAgent);
        var npv = Figure(cut, "npv");

        cut.Find("[data-testid=cost-1-amount]").Change("-420000");

        cut.WaitForAssertion(() => Assert.Contains("A cost cannot be negative", Field(cut, "cost-1-amount"), StringComparison.Ordinal));
        Assert.Equal("-420,000", cut.Find("[data-testid=cost-1-amount]").GetAttribute("value"));
        Assert.Contains("One field needs fixing", cut.Find("[data-testid=whatif-stale]").TextContent, StringComparison.Ordinal);
        // The returns stay those of the last valid inputs until it is fixed.
        Assert.Equal(npv, Figure(cut, "npv"));
    }

    [Fact]
    public void A_message_stays_next_to_its_field_when_the_field_loses_focus()
    {
        var cut = Start(InitiativeType.AiAgent);

        cut.Find("[data-testid=cost-1-amount]").Change("-5");
        cut.Find("[data-testid=cost-1-amount]").Blur();
        cut.Find("[data-testid=cost-0-end]").Change("2026-01");
        cut.Find("[data-testid=cost-0-end]").Blur();

        // MudBlazor validates a field again on blur: the form's own message must survive it.
        cut.WaitForAssertion(() => Assert.Contains("A cost cannot be negative", Field(cut, "cost-1-amount"), StringComparison.Ordinal));
        Assert.Equal("true", cut.Find("[data-testid=cost-1-amount]").GetAttribute("aria-invalid"));
        Assert.Contains("is before the start month", Field(cut, "cost-0-end"), StringComparison.Ordinal);
    }

    [Fact]
    public void Risk_outside_0_to_100_percent_a_rate_pushed_past_100_percent_and_an_end_before_the_start_are_each_explained()
    {
        var cut = Start(InitiativeType.AiAgent);

        cut.Find("[data-testid=driver-0-risk]").Change("150");
        cut.Find("[data-testid=driver-0-optimistic]").Change("70");
        cut.Find("[data-testid=cost-0-end]").Change("2026-01");

        cut.WaitForAssertion(() => Assert.Contains("The risk must be between 0 and 100 %: 150 % is not", Field(cut, "driver-0-risk"), StringComparison.Ordinal));
        // Containment of 40 % + 70 pp would be 110 %.
        Assert.Contains("CONTAINMENT would be 110 %, outside 0 to 100 %: enter a change between −40 and +60 pp", Field(cut, "driver-0-optimistic"), StringComparison.Ordinal);
        Assert.Contains("The end month 2026-01 is before the start month 2026-11", Field(cut, "cost-0-end"), StringComparison.Ordinal);
        Assert.Contains("3 fields need fixing", cut.Find("[data-testid=whatif-stale]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_saves_the_business_case_as_a_proposed_initiative_and_goes_to_its_page()
    {
        var cut = Start(InitiativeType.ChannelOutsourcing);
        cut.Find("[data-testid=whatif-name]").Change("Outsource email to Atlas");
        cut.Find("[data-testid=whatif-owner]").Change("Elena Novak");

        // In the app the circuit names the user to the store; here the test does.
        using (StoreActor.Use(new StoreActor("marco@harbour.demo")))
            cut.Find("[data-testid=whatif-save]").Click();

        var navigation = _ctx.Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Matches(@"/initiatives/\d+$", navigation.Uri));
        await using var db = _store.Context();
        var saved = await db.Initiatives
            .Include(i => i.CostItems).Include(i => i.ValueDrivers).ThenInclude(d => d.Baseline)
            .SingleAsync(i => i.Name == "Outsource email to Atlas");
        Assert.EndsWith($"/initiatives/{saved.Id}", navigation.Uri, StringComparison.Ordinal);
        Assert.Equal(InitiativeStatus.Proposed, saved.Status);
        Assert.Equal(InitiativeType.ChannelOutsourcing, saved.Type);
        Assert.Equal("Elena Novak", saved.Owner);
        Assert.Equal(3, saved.CostItems.Count);
        var cpc = saved.ValueDrivers.Single(d => d.Type == CxDashboard.Core.Value.ValueDriverType.CostPerContact);
        Assert.Equal(60_000m, cpc.ProjectedVolume);
        Assert.Equal(7.20, cpc.Baseline!.Value);
        Assert.Equal(5.80, cpc.Baseline.Target);
        Assert.Equal(-0.70, cpc.ConservativeDelta!.Value, 10);
        Assert.Equal(0.10m, cpc.Risk);
        Assert.Contains("not measured", cpc.Baseline.Note, StringComparison.Ordinal);
        // The save went through the store like any other: audited, under the editor's name.
        Assert.True(await db.AuditEntries.AnyAsync(a => a.UserName == "marco@harbour.demo" && a.Entity == nameof(Initiative)));
    }

    [Fact]
    public async Task Nothing_is_saved_while_a_field_is_wrong()
    {
        var cut = Start(InitiativeType.AgentAssist);
        cut.Find("[data-testid=whatif-name]").Change("Agent assist, not yet valid");
        cut.Find("[data-testid=driver-0-baseline]").Change("");

        cut.Find("[data-testid=whatif-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Nothing was saved", cut.Find("[data-testid=whatif-save-error]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Enter the AHT baseline in seconds", Field(cut, "driver-0-baseline"), StringComparison.Ordinal);
        await using var db = _store.Context();
        Assert.False(await db.Initiatives.AnyAsync(i => i.Name == "Agent assist, not yet valid"));
    }

    [Fact]
    public async Task A_viewer_can_try_a_business_case_but_not_save_it()
    {
        _role = CxRoles.Viewer;
        var cut = Start(InitiativeType.AiAgent);

        Assert.Contains("Viewers can try a business case here but not save it", cut.Find("[data-testid=whatif-cannot-save]").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=whatif-save]").HasAttribute("disabled"));
        Assert.NotEqual("n/a", Figure(cut, "npv"));

        // The service refuses too, whatever the page shows.
        var whatIf = _ctx.Services.GetRequiredService<WhatIfService>();
        var setup = await whatIf.SetUpAsync();
        await Assert.ThrowsAsync<AccessDeniedException>(() => whatIf.SaveAsync(setup, WhatIfService.Template(setup, InitiativeType.AiAgent)));
    }

    private IRenderedComponent<WhatIfPage> Start(InitiativeType type)
    {
        var cut = _ctx.Render<WhatIfPage>();
        cut.WaitForAssertion(() => cut.Find($"[data-testid=template-{type}]"), TimeSpan.FromSeconds(10));
        cut.Find($"[data-testid=template-{type}]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=whatif-returns] [data-testid=figure-npv]"));
        return cut;
    }

    private static string Figure(IRenderedComponent<WhatIfPage> cut, string key) =>
        cut.Find($"[data-testid=figure-{key}] [data-testid=figure-value]").TextContent.Trim();

    /// <summary>The text of the field whose input has <paramref name="testId"/>, with the message under it.</summary>
    private static string Field(IRenderedComponent<WhatIfPage> cut, string testId) =>
        cut.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.TextContent;
}
