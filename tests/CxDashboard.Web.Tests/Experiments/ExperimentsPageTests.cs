using System.Diagnostics.CodeAnalysis;
using AngleSharp.Dom;
using Bunit;
using CxDashboard.Data.Access;
using CxDashboard.Data.Auditing;
using CxDashboard.Data.Model;
using CxDashboard.Web.Access;
using CxDashboard.Web.Components.Pages.Experiments;
using CxDashboard.Web.Tests.Access;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CxDashboard.Web.Tests.Experiments;

/// <summary>
/// The experiments page over a real store. The demo's two tests, worked out by hand (FORMULAS.md §6):
/// <para>
/// Renewal calls: p_t = 10,238 ÷ 12,500 = 0.81904, p_c = 0.8, lift 1.904 pp; SE = √(0.81904 × 0.18096 ÷ 12,500 + 0.16 ÷ 12,500)
/// = 0.0049656, so the interval is 1.904 ∓ 0.9733 pp = [0.93, 2.88] pp; pooled 20,238 ÷ 25,000 = 0.80952, pooled SE
/// √(0.80952 × 0.19048 × 2 ÷ 12,500) = 0.0049670, z = 3.833, p = 0.00013. Money 0.01904 × 180,000 × $264 = $904,780.80, interval
/// [0.0093074, 0.0287726] × 47,520,000 = [$442,290, $1,367,272]. Split 12,500 : 12,500, χ² = 0, p = 1. Power for the planned
/// 1.2 pp: 0.012 ÷ √(0.16 × 2 ÷ 12,500) = 2.3717, Φ(2.3717 − 1.96) = 66.0 %; detectable as run 2.8016 × 0.0050596 = 1.42 pp.
/// </para>
/// <para>
/// Upgrade offer: p_t = 1,644 ÷ 2,030 = 0.809852, p_c = 1,567 ÷ 1,970 = 0.795431, lift 1.442 pp; SE 0.012588, interval
/// [−1.03, 3.91] pp; z = 1.146, p = 0.252: not significant. Money 0.0144215 × 60,000 × $96 = $83,063; interval [−$59,050,
/// $225,177]. Split against 2,000 : 2,000: χ² = 30² ÷ 2,000 × 2 = 0.900, p = 0.343. Power for 2 pp: SE₀ = √(0.795431 ×
/// 0.204569 × (1 ÷ 2,030 + 1 ÷ 1,970)) = 0.0127576, Φ(1.5677 − 1.96) = 34.7 %; detectable 2.8016 × 0.0127576 = 3.57 pp.
/// </para>
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes the context through IAsyncLifetime.DisposeAsync.")]
public sealed class ExperimentsPageTests : IAsyncLifetime
{
    private const string Marco = "marco@harbour.demo";

    private static readonly string[] TypedFields =
        ["exp-test-customers", "exp-test-successes", "exp-control-customers", "exp-control-successes", "exp-start", "exp-end", "exp-value", "exp-share", "exp-eligible"];

    private readonly ExperimentStore _store = new();
    private readonly BunitContext _ctx = new();
    private string _role = CxRoles.Editor;
    private int? _partner;

    public async Task InitializeAsync()
    {
        await _store.InitializeAsync();
        _store.AddAppServices(_ctx.Services);
        _ctx.Services.AddScoped<AccessGuard>();
        _ctx.Services.AddScoped<AuthenticationStateProvider>(_ => new SignedInUser(Marco, _role, _partner));
        _ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        // As in the app's circuits: the board loads its pack and partner sections only when interactive.
        _ctx.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public void The_list_shows_each_test_with_its_kpi_window_initiative_significance_lift_and_value()
    {
        var cut = Render();

        var rows = cut.FindAll("[data-testid=experiment-list] tbody tr")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(Words)))
            .ToList();
        Assert.Equal(
            [
                "AI agent follow-up upgrade offer | Retention rate (RETENTION) | July 2026 – September 2026 | AI agent for tier-1 contacts | Not yet significant | +1.44 pp | $83,063 kept out of ROX",
                "Proactive renewal calls with agent assist | Retention rate (RETENTION) | January 2026 – June 2026 | Agent assist for voice agents | Significant | +1.90 pp | $904,781",
            ],
            rows);
    }

    [Fact]
    public void The_renewal_tests_analysis_reads_as_worked_out_by_hand()
    {
        var cut = Render();

        Open(cut, ExperimentStore.Renewal);

        var panel = cut.Find("[data-testid=experiment-analysis]");
        Assert.Equal("Significant", panel.QuerySelector("[data-testid=significance]")!.TextContent.Trim());
        Assert.Equal(["81.9%", "80.0%"], panel.QuerySelectorAll("[data-testid=arm-rate]").Select(c => c.TextContent));
        Assert.Equal("180,000", panel.QuerySelector("[data-testid=experiment-eligible]")!.TextContent);
        Assert.Equal("$264 per retained customer", panel.QuerySelector("[data-testid=experiment-value-per-unit]")!.TextContent);
        Assert.Equal(("+1.90 pp", "95 % interval: +0.93 pp to +2.88 pp"), Result(panel, "lift"));
        Assert.Equal(("0.0001", "Significant at 5 % (p = 0.0001)"), Result(panel, "p-value"));
        Assert.Equal(("$904,781", "95 % interval: $442,290 to $1,367,272"), Result(panel, "money"));
        Assert.Equal("Counted", cut.Find("[data-testid=experiment-rox]").GetAttribute("data-rox"));
        Assert.Contains("its $904,781 is in the board's figures as measured retention value from June 2026", cut.Find("[data-testid=experiment-rox-text]").TextContent, StringComparison.Ordinal);

        var validity = cut.Find("[data-testid=experiment-validity]");
        Assert.Equal(("Passed", "No sample-ratio mismatch"), Check(validity, "sample-ratio"));
        Assert.Equal(["50 % test / 50 % control", "12,500 test / 12,500 control", "12,500 test / 12,500 control", "0.000", "1.000"], Facts(validity, "sample-ratio"));
        Assert.Equal(("Failed", "Underpowered for its plan"), Check(validity, "power"));
        Assert.Equal(["1.20 pp", "66.0%", "1.42 pp"], Facts(validity, "power"));
        Assert.Contains("missed about one time in three", validity.QuerySelector("[data-testid=check-power]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_upgrade_offer_is_shown_as_not_yet_significant_and_kept_out_of_rox()
    {
        var cut = Render();

        var panel = cut.Find("[data-testid=experiment-analysis]");
        Assert.Equal(ExperimentStore.Upgrade, cut.Find("[data-testid=experiment-title]").TextContent);
        var chip = panel.QuerySelector("[data-testid=significance]")!;
        Assert.Equal(("NotYetSignificant", "Not yet significant"), (chip.GetAttribute("data-significance"), chip.TextContent.Trim()));
        Assert.Equal(("+1.44 pp", "95 % interval: −1.03 pp to +3.91 pp"), Result(panel, "lift"));
        Assert.Equal(("0.252", "Not yet significant (p = 0.252, needs below 0.05)"), Result(panel, "p-value"));
        Assert.Equal(("$83,063", "95 % interval: −$59,050 to $225,177"), Result(panel, "money"));
        Assert.Equal("KeptOut", cut.Find("[data-testid=experiment-rox]").GetAttribute("data-rox"));
        Assert.StartsWith("Kept out of ROX until it is significant", cut.Find("[data-testid=experiment-rox-text]").TextContent, StringComparison.Ordinal);

        var validity = cut.Find("[data-testid=experiment-validity]");
        Assert.Equal(["50 % test / 50 % control", "2,000 test / 2,000 control", "2,030 test / 1,970 control", "0.900", "0.343"], Facts(validity, "sample-ratio"));
        Assert.Equal(["2.00 pp", "34.7%", "3.57 pp"], Facts(validity, "power"));
    }

    [Fact]
    public void Each_result_opens_its_lineage_with_the_numbers_substituted()
    {
        var cut = Render();
        Open(cut, ExperimentStore.Renewal);

        cut.Find("[data-testid=result-lift] [data-testid=lineage-toggle]").Click();
        cut.Find("[data-testid=result-money] [data-testid=lineage-toggle]").Click();

        var lift = cut.Find("[data-testid=result-lift] [data-testid=lineage]");
        Assert.Equal(
            ["Lift = Test rate − control rate", "Standard error of the lift = √(test rate × (1 − test rate) ÷ test customers + control rate × (1 − control rate) ÷ control customers)",
             "Lift, lower end of the 95 % interval = Lift − 1.96 × standard error", "Lift, upper end of the 95 % interval = Lift + 1.96 × standard error"],
            lift.QuerySelectorAll(".cx-formula-title").Select(t => t.TextContent));
        Assert.Equal("81.9% − 80.0% = 1.90%", lift.QuerySelectorAll("[data-testid=formula-substituted]")[0].TextContent);
        var money = cut.Find("[data-testid=result-money] [data-testid=lineage]");
        Assert.Equal("1.90% × 180,000 × $264 = $904,781", money.QuerySelectorAll("[data-testid=formula-substituted]")[0].TextContent);
        Assert.Contains("the value assumptions of \"Proactive renewal calls with agent assist\"", money.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_planner_says_the_seed_test_needs_a_larger_one_and_how_large()
    {
        var cut = Render();

        var plan = cut.Find("[data-testid=plan-result]");
        Assert.Equal("NeedsLargerTest", plan.GetAttribute("data-verdict"));
        Assert.Equal("Needs a larger test", plan.QuerySelector("[data-testid=plan-verdict]")!.TextContent);
        Assert.Equal(("12,500", "1.42 pp", "17,442", "34,884"), PlanFacts(plan));
        Assert.Equal(
            "25,000 customers split evenly (12,500 per group) can detect a lift of 1.42 pp at 95 % confidence and 80 % power. The 1.20 pp target is smaller than that, so it needs a larger test: 17,442 customers per group, 34,884 in all (9,884 more than you have).",
            plan.QuerySelector("[data-testid=plan-sentence]")!.TextContent);

        cut.Find("[data-testid=plan-customers]").Change("40000");

        // 20,000 per group: 2.801585 × √(0.32 ÷ 20,000) = 1.12 pp.
        cut.WaitForAssertion(() => Assert.Equal("LargeEnough", cut.Find("[data-testid=plan-result]").GetAttribute("data-verdict")));
        Assert.Equal(("20,000", "1.12 pp", "17,442", "34,884"), PlanFacts(cut.Find("[data-testid=plan-result]")));
    }

    [Fact]
    public void The_planner_refuses_a_target_of_zero_on_its_field()
    {
        var cut = Render();

        cut.Find("[data-testid=plan-target]").Change("0");

        cut.WaitForAssertion(() => Assert.Contains("it cannot be 0", cut.Find("[data-testid=experiment-planner]").TextContent, StringComparison.Ordinal));
        Assert.Equal("0", cut.Find("[data-testid=plan-target]").GetAttribute("value"));
        Assert.Empty(cut.FindAll("[data-testid=plan-mde]"));
    }

    [Fact]
    public async Task Every_bad_input_is_refused_next_to_its_field_and_what_was_typed_stays()
    {
        var cut = Render();
        Open(cut, ExperimentStore.Renewal);
        cut.Find("[data-testid=experiment-edit]").Click();

        cut.Find("[data-testid=exp-test-customers]").Change("100");
        cut.Find("[data-testid=exp-test-successes]").Change("150");
        cut.Find("[data-testid=exp-control-customers]").Change("0");
        cut.Find("[data-testid=exp-control-successes]").Change("-1");
        cut.Find("[data-testid=exp-start]").Change("2026-06");
        cut.Find("[data-testid=exp-end]").Change("2026-01");
        cut.Find("[data-testid=exp-value]").Change("-5");
        cut.Find("[data-testid=exp-share]").Change("120");
        cut.Find("[data-testid=exp-eligible]").Change("0");
        cut.Find("[data-testid=exp-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Nothing was saved: 7 fields need correcting", cut.Find("[data-testid=experiment-form-error]").TextContent, StringComparison.Ordinal));
        var form = cut.Find("[data-testid=experiment-form]");
        Assert.Equal("More customers reached the outcome (150) than the test group has (100): each member counts at most once, so enter at most 100.", ErrorOf(form, "exp-test-successes"));
        Assert.Equal("The control group has no customers: a holdout test needs at least one customer in each group.", ErrorOf(form, "exp-control-customers"));
        Assert.Equal("An outcome cannot be counted fewer than 0 times: enter 0 or more.", ErrorOf(form, "exp-control-successes"));
        Assert.Equal("The test cannot end (2026-01) before it starts (2026-06): enter 2026-06 or a later month.", ErrorOf(form, "exp-end"));
        Assert.StartsWith("A value per unit below zero would count a gain as a loss", ErrorOf(form, "exp-value"), StringComparison.Ordinal);
        Assert.StartsWith("The planned test share is a percentage above 0 and below 100", ErrorOf(form, "exp-share"), StringComparison.Ordinal);
        Assert.StartsWith("The eligible population is the number of customers", ErrorOf(form, "exp-eligible"), StringComparison.Ordinal);
        Assert.Equal(["100", "150", "0", "-1", "2026-06", "2026-01", "-5", "120", "0"],
            TypedFields.Select(id => cut.Find($"[data-testid={id}]").GetAttribute("value")));
        var stored = await _store.ExperimentAsync(ExperimentStore.Renewal);
        Assert.Equal((12_500L, 10_238L, 264m, 0.5), (stored.TestCustomers, stored.TestSuccesses, stored.ValuePerUnit, stored.PlannedTestShare));
    }

    [Fact]
    public void A_new_experiment_without_a_kpi_or_counts_says_what_each_field_needs()
    {
        var cut = Render();
        cut.Find("[data-testid=experiment-new]").Click();

        cut.Find("[data-testid=exp-name]").Change("Loyalty callback");
        cut.Find("[data-testid=exp-test-customers]").Change("-3");
        cut.Find("[data-testid=exp-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Nothing was saved", cut.Find("[data-testid=experiment-form-error]").TextContent, StringComparison.Ordinal));
        var form = cut.Find("[data-testid=experiment-form]");
        Assert.Contains("Pick the KPI whose outcome the test counts", form.TextContent, StringComparison.Ordinal);
        Assert.Contains("Say what the test is meant to show", form.TextContent, StringComparison.Ordinal);
        Assert.Equal("A group cannot have fewer than 0 customers: enter how many customers were in the test group.", ErrorOf(form, "exp-test-customers"));
        Assert.Equal("Enter the first month of the test as YYYY-MM.", ErrorOf(form, "exp-start"));
        Assert.Equal("Loyalty callback", cut.Find("[data-testid=exp-name]").GetAttribute("value"));
        Assert.Equal(2, cut.FindAll("[data-testid=experiment-row]").Count);
    }

    [Fact]
    public async Task An_editor_includes_the_not_yet_significant_test_in_rox_and_the_board_names_it()
    {
        var cut = Render();

        using (StoreActor.Use(new StoreActor(Marco)))
            cut.Find("[data-testid=include-in-rox]").Click();

        cut.WaitForAssertion(() => Assert.Equal("IncludedByChoice", cut.Find("[data-testid=experiment-rox]").GetAttribute("data-rox")));
        Assert.StartsWith("Included in ROX by an editor's choice although not yet significant: its $83,063", cut.Find("[data-testid=experiment-rox-text]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid=exclude-from-rox]"));
        Assert.Contains("in ROX by choice", cut.FindAll("[data-testid=experiment-money]")[0].TextContent, StringComparison.Ordinal);
        Assert.True((await _store.ExperimentAsync(ExperimentStore.Upgrade)).IncludeInRox);
        await using (var db = _store.Context())
        {
            var entry = await db.AuditEntries.SingleAsync(a => a.Entity == nameof(Experiment) && a.Action == AuditAction.Modified);
            Assert.Equal(Marco, entry.UserName);
            Assert.Contains("IncludeInRox", entry.Changes, StringComparison.Ordinal);
        }

        // The board's figures now hold it: $5,625,964.12 + $83,063.49 = $5,709,027.61 over $2,520,500 = 226.5 %.
        var board = _ctx.Render<CxDashboard.Web.Components.Pages.Board.BoardPage>();
        board.WaitForAssertion(() => Assert.Equal("2026-10", board.Find("[data-testid=board]").GetAttribute("data-month")));
        Assert.Equal("226.5%", board.Find("[data-testid=figure-rox] [data-testid=figure-value]").TextContent);
        Assert.Equal("$987,844", board.Find("[data-testid=board-experiments-total]").TextContent);
        Assert.Equal(
            "AI agent follow-up upgrade offer (AI agent for tier-1 contacts): $83,063 of retention measured in September 2026, not yet significant (p = 0.252). An editor chose to count it; its lift may still be chance.",
            board.Find("[data-testid=board-experiment-by-choice]").TextContent);
        Assert.Contains("mud-alert-outlined-warning", board.Find("[data-testid=board-experiments]").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void A_viewer_reads_every_figure_but_has_no_control_to_change_anything()
    {
        _role = CxRoles.Viewer;

        var cut = Render();

        Assert.Equal("false", cut.Find("[data-testid=experiments]").GetAttribute("data-can-edit"));
        Assert.Empty(cut.FindAll("[data-testid=experiment-new]"));
        Assert.Empty(cut.FindAll("[data-testid=experiment-edit]"));
        Assert.Empty(cut.FindAll("[data-testid=include-in-rox]"));
        Assert.Equal("+1.44 pp", cut.Find("[data-testid=result-lift] [data-testid=result-value]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=plan-result]"));
    }

    [Fact]
    public async Task A_partner_user_sees_only_their_partners_experiments()
    {
        var atlas = await _store.PartnerAsync("ATLAS");
        await using (var db = _store.Context())
        {
            var renewal = await db.Experiments.SingleAsync(e => e.Name == ExperimentStore.Renewal);
            db.Experiments.Add(new Experiment
            {
                Name = "Atlas save desk", Hypothesis = "Atlas's save desk keeps more business customers.", KpiId = renewal.KpiId, PartnerId = atlas,
                WindowStart = 202607, WindowEnd = 202609, TestCustomers = 1_000, TestSuccesses = 900, ControlCustomers = 1_000, ControlSuccesses = 850,
                EligiblePopulation = 8_000, ValuePerUnit = 120m,
            });
            await db.SaveChangesAsync();
        }

        _role = CxRoles.Viewer;
        _partner = atlas;
        IRenderedComponent<ExperimentsPage> cut;
        using (StoreActor.Use(new StoreActor("partner@harbour.demo", atlas)))
        {
            cut = _ctx.Render<ExperimentsPage>();
            cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=experiments]")));
        }

        Assert.Equal(["Atlas save desk"], cut.FindAll("[data-testid=experiment-name]").Select(n => n.TextContent));
        Assert.Contains("Atlas Contact Solutions's customers only", cut.Find("[data-testid=experiments-partner]").TextContent, StringComparison.Ordinal);
        Assert.Equal("false", cut.Find("[data-testid=experiments]").GetAttribute("data-can-edit"));
    }

    [Fact]
    public async Task When_someone_else_saved_first_the_editor_sees_both_versions_and_keeps_theirs()
    {
        var cut = Render();
        Open(cut, ExperimentStore.Renewal);
        cut.Find("[data-testid=experiment-edit]").Click();
        cut.Find("[data-testid=exp-eligible]").Change("200000");

        // Another editor changes the value per unit in the meantime.
        var ana = _store.Services("ana@harbour.demo", CxRoles.Editor);
        var stored = (await ana.Experiments().GetAsync()).Experiments.Single(e => e.Name == ExperimentStore.Renewal).Draft;
        using (StoreActor.Use(new StoreActor("ana@harbour.demo")))
            Assert.IsType<CxDashboard.Web.Experiments.ExperimentSaveResult.Saved>(await ana.Experiments().SaveAsync(stored with { ValuePerUnit = 300m }));

        cut.Find("[data-testid=exp-save]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=experiment-conflict]")));
        var differences = cut.FindAll("[data-testid=experiment-conflict] [data-testid=conflict-row]")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(td => td.TextContent))).ToList();
        Assert.Equal(["Eligible population | 200,000 | 180,000", "Value per unit | 264.00 | 300.00"], differences);
        Assert.Equal(300m, (await _store.ExperimentAsync(ExperimentStore.Renewal)).ValuePerUnit);

        cut.Find("[data-testid=keep-mine]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=experiment-form]")));
        var kept = await _store.ExperimentAsync(ExperimentStore.Renewal);
        Assert.Equal((200_000L, 264m), (kept.EligiblePopulation, kept.ValuePerUnit));
        // 0.01904 × 200,000 × $264 = $1,005,312.
        cut.WaitForAssertion(() => Assert.Equal("$1,005,312", cut.Find("[data-testid=result-money] [data-testid=result-value]").TextContent));
    }

    private IRenderedComponent<ExperimentsPage> Render()
    {
        var cut = _ctx.Render<ExperimentsPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=experiments]")));
        return cut;
    }

    /// <summary>A cell's text as read: each piece of text or element on its own, one space between.</summary>
    private static string Words(IElement cell) =>
        string.Join(" ", cell.ChildNodes.Select(n => System.Text.RegularExpressions.Regex.Replace(n.TextContent, @"\s+", " ").Trim()).Where(t => t.Length > 0));

    private static void Open(IRenderedComponent<ExperimentsPage> cut, string name)
    {
        cut.FindAll("[data-testid=experiment-name]").Single(n => n.TextContent == name).Click();
        cut.WaitForAssertion(() => Assert.Equal(name, cut.Find("[data-testid=experiment-title]").TextContent));
    }

    private static (string Value, string Caption) Result(IElement panel, string key)
    {
        var card = panel.QuerySelector($"[data-testid=result-{key}]")!;
        return (card.QuerySelector("[data-testid=result-value]")!.TextContent, card.QuerySelector("[data-testid=result-caption]")!.TextContent);
    }

    private static (string Outcome, string Headline) Check(IElement validity, string key)
    {
        var check = validity.QuerySelector($"[data-testid=check-{key}]")!;
        return (check.GetAttribute("data-outcome")!, check.QuerySelector("[data-testid=check-headline]")!.TextContent);
    }

    private static List<string> Facts(IElement validity, string key) =>
        validity.QuerySelector($"[data-testid=check-{key}]")!.QuerySelectorAll("[data-testid=check-fact]").Select(f => f.TextContent).ToList();

    private static (string, string, string, string) PlanFacts(IElement plan) => (
        plan.QuerySelector("[data-testid=plan-per-arm]")!.TextContent, plan.QuerySelector("[data-testid=plan-mde]")!.TextContent,
        plan.QuerySelector("[data-testid=plan-required]")!.TextContent, plan.QuerySelector("[data-testid=plan-required-all]")!.TextContent);

    /// <summary>The error text MudBlazor shows under the field with <paramref name="testId"/>.</summary>
    private static string ErrorOf(IElement form, string testId)
    {
        var input = form.QuerySelector($"[data-testid={testId}]")!;
        var control = input.Closest(".mud-input-control")!;
        return control.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? "";
    }
}
