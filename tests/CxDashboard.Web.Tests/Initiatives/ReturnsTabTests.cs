using System.Diagnostics.CodeAnalysis;
using Bunit;
using CxDashboard.Data.Access;
using CxDashboard.Web.Access;
using CxDashboard.Web.Components.Pages.Initiatives;
using CxDashboard.Web.Tests.Access;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CxDashboard.Web.Tests.Initiatives;

/// <summary>An initiative's returns tab, rendered on its own over a store with the demo and one initiative worked by hand.</summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes the context through IAsyncLifetime.DisposeAsync.")]
public sealed class ReturnsTabTests : IClassFixture<ReturnsStore>, IAsyncLifetime
{
    private readonly ReturnsStore _store;
    private readonly BunitContext _ctx = new();
    private int? _partner;

    public ReturnsTabTests(ReturnsStore store)
    {
        _store = store;
        store.AddAppServices(_ctx.Services);
        _ctx.Services.AddScoped<AccessGuard>();
        _ctx.Services.AddScoped<AuthenticationStateProvider>(_ => new SignedInUser("steering@harbour.demo", CxRoles.Viewer, _partner));
        _ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public void The_headline_figures_are_seed_001s_handle_time_case_worked_by_hand()
    {
        var cut = Render(_store.HandId);

        // Gains 12 × $144,000 = $1,728,000 against $396,000 + 12 × $15,000 = $576,000 (FORMULAS.md §1: ROX ≡ ROI + 100 ≡ multiple).
        Assert.Equal("300.0%", Figure(cut, "rox"));
        Assert.Equal("200.0%", Figure(cut, "roi"));
        Assert.Equal("3.00×", Figure(cut, "multiple"));
        // −267,000 then 11 × 129,000 at 10 % a year discounted monthly: 1,086,390.20.
        Assert.Equal("$1,086,390", Figure(cut, "npv"));
        // Cumulative −267,000, −138,000, −9,000, then +120,000: 2 + 9,000 ÷ 129,000 = 2.07 months.
        Assert.Equal("2.1 mo", Figure(cut, "payback"));
        Assert.EndsWith("%", Figure(cut, "irr"), StringComparison.Ordinal);
        Assert.EndsWith(" mo", Figure(cut, "discounted-payback"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_cash_flow_table_has_initial_year_one_total_and_present_value()
    {
        var cut = Render(_store.HandId);

        Assert.Equal(["Initial", "Year 1"], cut.FindAll("[data-testid=cash-column] div:first-child").Select(c => c.TextContent).ToList());
        // Month 0 (January): $144,000 of benefit, $411,000 of cost; February to December: $1,584,000 and $165,000.
        Assert.Equal(["$144,000", "$1,584,000", "$1,728,000"], Cells(cut, "benefits"));
        Assert.Equal(["−$411,000", "−$165,000", "−$576,000"], Cells(cut, "costs"));
        Assert.Equal(["−$267,000", "$1,419,000", "$1,152,000"], Cells(cut, "net"));
        Assert.Equal(["−$267,000", "$1,152,000"], cut.FindAll("[data-testid=cash-cumulative] [data-testid=cash-cell]").Select(c => c.TextContent).ToList());
        // TEI present value: −267,000 + 1,419,000 ÷ 1.1 = 1,023,000.
        Assert.Equal("$1,023,000", cut.Find("[data-testid=cash-net] [data-testid=cash-pv]").TextContent);
    }

    [Fact]
    public void Each_figure_opens_its_lineage_with_the_numbers_and_where_they_came_from()
    {
        var cut = Render(_store.HandId);

        cut.Find("[data-testid=figure-rox]").Click();

        var lineage = cut.Find("[data-testid=lineage]");
        Assert.Equal("rox", lineage.GetAttribute("data-figure"));
        Assert.Equal("$1,728,000 ÷ $576,000 × 100 = 300.0%", lineage.QuerySelector("[data-testid=formula-substituted]")!.TextContent);
        var inputs = lineage.QuerySelectorAll("dt").Select(d => d.TextContent).ToList();
        Assert.Contains("Handle-time savings, voice: AHT baseline", inputs);
        Assert.Contains("Handle-time savings, voice: contacts per month", inputs);
        Assert.Contains("projected volume set on the driver", lineage.TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=figure-npv]").Click();
        Assert.Equal("npv", cut.Find("[data-testid=lineage]").GetAttribute("data-figure"));
        Assert.Equal("NPV of 12 months of risk-adjusted net cash flow at 10.0% a year = $1,086,390",
            cut.Find("[data-testid=lineage] [data-testid=formula-substituted]").TextContent);
        cut.Find("[data-testid=lineage-close]").Click();
        Assert.Empty(cut.FindAll("[data-testid=lineage]"));
    }

    [Fact]
    public void Choosing_another_scenario_moves_npv_and_marks_it_in_the_scenario_table()
    {
        var cut = Render(_store.HandId);
        var baseNpv = Figure(cut, "npv");

        cut.Find("[data-testid=scenario-conservative]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Conservative", cut.Find("[data-testid=returns]").GetAttribute("data-scenario")));
        // The chosen scenario is pressed and drawn filled, the others outlined.
        Assert.Equal(["true", "false", "false"], Picker(cut).Select(b => b.GetAttribute("aria-pressed")));
        Assert.Equal([true, false, false], Picker(cut).Select(b => b.ClassList.Contains("mud-button-filled")));
        Assert.NotEqual(baseNpv, Figure(cut, "npv"));
        // Half the change: 30 s, $80,000 a month, × 0.9 = $72,000 a month, $864,000 a year.
        Assert.Equal(["$72,000", "$792,000", "$864,000"], Cells(cut, "benefits"));
        Assert.Equal("true", cut.Find("[data-testid=scenario-row-conservative]").GetAttribute("aria-current"));
        Assert.Equal(Figure(cut, "npv"), cut.Find("[data-testid=scenario-row-conservative] [data-testid=scenario-npv]").TextContent);
        Assert.Equal(baseNpv, cut.Find("[data-testid=scenario-row-base] [data-testid=scenario-npv]").TextContent);
        // Optimistic: 90 s less, $216,000 a month after risk: ROX 2,592,000 ÷ 576,000 = 450 %.
        Assert.Equal("450.0%", cut.Find("[data-testid=scenario-row-optimistic] [data-testid=scenario-rox]").TextContent);
    }

    [Fact]
    public void The_tornado_draws_a_horizontal_bar_per_input_widest_first()
    {
        var cut = Render(_store.HandId);

        var tornado = cut.Find("[data-testid=tornado]");
        // Hourly rate, volume, the AHT change, two cost lines and the discount rate.
        Assert.Equal("6", tornado.GetAttribute("data-bars"));
        var inputs = cut.FindAll("[data-testid=tornado-input]").Select(i => i.TextContent).ToList();
        Assert.Contains("Discount rate", inputs);
        Assert.Equal("Discount rate", inputs[^1]);
        var sent = _ctx.JSInterop.Invocations.Where(i => i.Identifier is "create" or "updateOptions")
            .Select(i => i.Arguments[^1] as string).Last(s => s!.Contains("\"horizontal\":true", StringComparison.Ordinal))!;
        Assert.Contains("\"stacked\":true", sent, StringComparison.Ordinal);
        Assert.Contains("Change in NPV from $1,086,390", sent, StringComparison.Ordinal);
    }

    [Fact]
    public void Realized_value_by_month_is_drawn_against_the_base_projection()
    {
        var cut = Render(_store.HandId);

        Assert.Contains("against $1,440,000 projected in the base scenario", cut.Find("[data-testid=realized-summary]").TextContent, StringComparison.Ordinal);
        Assert.Contains("January 2026 to October 2026", cut.Find("[data-testid=realized-summary]").TextContent, StringComparison.Ordinal);
        var sent = _ctx.JSInterop.Invocations.Where(i => i.Identifier is "create" or "updateOptions")
            .Select(i => i.Arguments[^1] as string).Last(s => s!.Contains("Projected, base scenario", StringComparison.Ordinal))!;
        Assert.Contains("\"categories\":[\"Jan 2026\"", sent, StringComparison.Ordinal);
        Assert.Contains("\"Dec 2026\"]", sent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_evidence_split_counts_measured_months_and_models_the_rest()
    {
        var cut = Render(_store.HandId);

        // November and December 2026 are not measured yet: 2 × $144,000 modelled.
        Assert.Equal("$288,000", cut.Find("[data-testid=evidence-modelled]").TextContent);
        Assert.Equal("$0", cut.Find("[data-testid=evidence-assumed]").TextContent);
        Assert.StartsWith("$", cut.Find("[data-testid=evidence-measured]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_driver_without_a_projected_volume_takes_the_last_measured_month_and_says_so()
    {
        var cut = Render(_store.AgentAssistId);

        var sources = cut.FindAll("[data-testid=basis-volume-source]").Select(s => s.TextContent).ToList();
        Assert.Contains(sources, s => s.StartsWith("contacts measured in 2026-10, the last month with data for AHT over Voice", StringComparison.Ordinal));
        cut.Find("[data-testid=figure-npv]").Click();
        Assert.Contains("the driver has no projected volume of its own", cut.Find("[data-testid=lineage]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Drivers_that_claim_the_same_change_are_named_in_a_warning()
    {
        var cut = Render(_store.AgentAssistId);

        var overlap = Assert.Single(cut.FindAll("[data-testid=overlap]")).TextContent;
        Assert.Contains("Handle-time savings, voice and Repeat-contact avoidance, voice", overlap, StringComparison.Ordinal);
        Assert.Contains("counted once", overlap, StringComparison.Ordinal);
    }

    [Fact]
    public void A_partner_user_sees_no_costs_and_no_ratio_computed_against_them()
    {
        _partner = _store.AtlasId;
        IRenderedComponent<ReturnsTab> cut;
        using (StoreActor.Use(new StoreActor("partner@harbour.demo", _store.AtlasId)))
            cut = Render(_store.HandId);

        Assert.Contains("Costs are not shown to partner users", cut.Find("[data-testid=returns-note]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid^=figure-]"));
        Assert.Empty(cut.FindAll("[data-testid=cash-costs]"));
        Assert.Empty(cut.FindAll("[data-testid=scenario-roi]"));
        Assert.Empty(cut.FindAll("[data-testid=tornado]"));
        Assert.DoesNotContain("%", cut.Find("[data-testid=scenario-table]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["$144,000", "$1,584,000", "$1,728,000"], Cells(cut, "benefits"));
    }

    [Fact]
    public void A_partner_user_sees_the_value_of_the_drivers_their_own_measurements_can_price()
    {
        _partner = _store.AtlasId;
        IRenderedComponent<ReturnsTab> cut;
        using (StoreActor.Use(new StoreActor("partner@harbour.demo", _store.AtlasId)))
            cut = Render(_store.AgentAssistId);

        // Churn and revenue per customer are measured for the whole organisation, not per partner: a partner cannot see them.
        var notes = cut.FindAll("[data-testid=returns-note]").Select(n => n.TextContent).ToList();
        Assert.Contains(notes, n => n.StartsWith("Cross-sell on assisted business calls is left out", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.StartsWith("Consumer churn reduction (flat) is left out", StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=returns-not-applicable]"));
        Assert.StartsWith("$", cut.Find("[data-testid=scenario-row-base] [data-testid=scenario-value]").TextContent, StringComparison.Ordinal);
        Assert.Equal(2, cut.FindAll("[data-testid=basis-driver]").Count);
        Assert.Contains("come only from the measurements of Atlas Contact Solutions", notes[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_initiative_that_does_not_exist_is_said_to_be_missing()
    {
        var cut = _ctx.Render<ReturnsTab>(p => p.Add(x => x.InitiativeId, 987_654));

        cut.WaitForAssertion(() => Assert.Contains("no initiative with the number 987654", cut.Find("[data-testid=returns-not-found]").TextContent, StringComparison.Ordinal));
    }

    private IRenderedComponent<ReturnsTab> Render(int id)
    {
        var cut = _ctx.Render<ReturnsTab>(p => p.Add(x => x.InitiativeId, id));
        cut.WaitForAssertion(() => cut.Find("[data-testid=scenario-table]"), TimeSpan.FromSeconds(10));
        return cut;
    }

    private static string Figure(IRenderedComponent<ReturnsTab> cut, string key) =>
        cut.Find($"[data-testid=figure-{key}] [data-testid=figure-value]").TextContent.Trim();

    /// <summary>The scenario picker's buttons: conservative, base, optimistic.</summary>
    private static List<AngleSharp.Dom.IElement> Picker(IRenderedComponent<ReturnsTab> cut) =>
        [cut.Find("[data-testid=scenario-conservative]"), cut.Find("[data-testid=scenario-base]"), cut.Find("[data-testid=scenario-optimistic]")];

    private static List<string> Cells(IRenderedComponent<ReturnsTab> cut, string row) =>
        [.. cut.FindAll($"[data-testid=cash-{row}] [data-testid=cash-cell]").Select(c => c.TextContent),
            cut.Find($"[data-testid=cash-{row}] [data-testid=cash-total]").TextContent];
}
