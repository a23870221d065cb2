using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CxDashboard.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CxDashboard.E2E.Tests.Initiatives;

/// <summary>
/// A steering member's path through an initiative, in a real browser against the running app: the returns of a scenario,
/// a change to that scenario's KPI change in the business case, the NPV and the tornado that follow it, a decision at a
/// review gate, and the board pack that lists it.
/// <para>
/// It changes outsourcing chat, which no other browser test reads or changes: its conservative scenario (the board and the
/// initiatives list show the base scenario, which stays as it was) and one more decision at its 6-month gate (the board
/// pack's layout test allows for any five latest decisions).
/// </para>
/// <para>
/// The figures, by hand from FORMULAS.md §3–§4. The chat driver prices contacts × (CPC_base − CPC_new) on 59,450 chats a
/// month (the last measured month, October 2026), less its 10 % risk; costs are $180,000 × 1.10 = $198,000 once in
/// September 2025 (month 0) and $12,000 × 1.05 = $12,600 a month, for the 36 months of the horizon. At 10 % a year the
/// monthly discount factor is v = 1.1^(−1/12), and Σ v^t for t = 0..35 = (1 − 1.1^−3) ÷ (1 − v) = 31.4351.
/// <list type="bullet">
/// <item>Before: the conservative scenario is 0.5 × the base change (−$1.7299, baseline $7.5299 to target $5.80), −$0.8650
/// a chat: 59,450 × $0.8650 × 0.9 = $46,280 a month; NPV = ($46,280 − $12,600) × 31.4351 − $198,000 ≈ $860,722. The
/// tornado's CPC-change bar moves NPV by 20 % of the benefit's present value: 0.2 × $46,280 × 31.4351 = $290,961.</item>
/// <item>After an explicit conservative change of −$0.50 a chat: 59,450 × $0.50 × 0.9 = $26,752.50 a month; NPV =
/// ($26,752.50 − $12,600) × 31.4351 − $198,000 = $246,886; the CPC-change bar 0.2 × $26,752.50 × 31.4351 = $168,194,
/// a swing of twice that, $336,387.</item>
/// <item>The transition fee's bar does not move: 20 % of $198,000, paid in month 0 and so not discounted, is $39,600.</item>
/// </list>
/// </para>
/// </summary>
public sealed class SteeringWalkTests(DashboardServer server, ChromiumBrowser chromium, ITestOutputHelper output)
    : BoardPageTest(server, chromium, output)
{
    private const string Chat = "Outsource chat to Meridian CX";
    private const string CpcChange = "Lower cost per chat contact · change in CPC";
    private const string Transition = "Transition and knowledge transfer · amount";
    private const string Note = "Adjust: finance plans on $0.50 less per chat in the conservative case; review complex billing chats at the 18-month gate.";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    // The drawn chart is read back from its pixels against its axis: within 1 % of the figure computed by hand.
    private const double Tolerance = 0.01;

    private readonly ITestOutputHelper _output = output;

    protected override (string Email, string Password)? SignInAs => ("editor@harbour.demo", "harbour-editor-2026");

    [BrowserFact]
    public async Task An_editor_changes_a_scenario_sees_npv_and_the_tornado_move_then_records_a_gate_decision_the_board_pack_lists()
    {
        // The initiatives list: each initiative's base scenario, which the change below leaves alone.
        await OpenAsync("initiatives");
        var chatRow = TestId("initiative-row").Filter(new() { HasText = Chat });
        await Expect(chatRow.GetByTestId("initiative-npv")).ToHaveTextAsync("$2,315,527");
        await ShotAsync("steering-1-initiatives");

        // Returns, conservative scenario, before the change.
        await chatRow.GetByTestId("initiative-link").ClickAsync();
        await Expect(TestId("initiative-title")).ToHaveTextAsync(Chat);
        await OpenConservativeReturnsAsync();
        await Expect(FigureValue("npv")).ToHaveTextAsync("$860,722");
        await Expect(ScenarioNpv("conservative")).ToHaveTextAsync("$860,722");
        await Expect(ScenarioNpv("base")).ToHaveTextAsync("$2,315,527");
        await Expect(TestId("tornado")).ToContainTextAsync("NPV as planned is $860,722");
        var before = await TornadoDrawnAsync(CpcChange, -290_961);
        AssertBar(before, Transition, 39_600, -39_600);
        await ShotAsync("steering-2-returns-conservative-before");

        // The business case: the conservative scenario becomes an explicit change of $0.50 less per chat.
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Business case" }).ClickAsync();
        await TestId("driver-edit").ClickAsync();
        await Expect(TestId("driver-form")).ToBeVisibleAsync();
        await ClickUntilVisibleAsync(TestId("driver-conservative-input"), Page.GetByRole(AriaRole.Option, new() { Name = "An explicit change" }));
        await Page.GetByRole(AriaRole.Option, new() { Name = "An explicit change" }).ClickAsync();
        var delta = TestId("driver-conservative-delta");
        await delta.FillAsync("-0.50");
        await delta.PressAsync("Tab");
        await ShotAsync("steering-3-driver-form-conservative-change");
        await TestId("driver-save").ClickAsync();
        await Expect(TestId("driver-form")).ToHaveCountAsync(0);
        var conservative = Page.Locator("[data-testid=driver-scenario][data-scenario=Conservative]");
        await Expect(conservative.GetByTestId("scenario-change")).ToHaveTextAsync("−$0.50");
        await Expect(conservative.GetByTestId("scenario-projected")).ToHaveTextAsync("$7.03");
        await ShotAsync("steering-4-business-case-saved");

        // Returns again: the conservative NPV and the tornado have moved; the base scenario has not.
        await OpenConservativeReturnsAsync();
        await Expect(FigureValue("npv")).ToHaveTextAsync("$246,886");
        await Expect(ScenarioNpv("conservative")).ToHaveTextAsync("$246,886");
        await Expect(ScenarioNpv("base")).ToHaveTextAsync("$2,315,527");
        await Expect(TestId("tornado")).ToContainTextAsync("NPV as planned is $246,886");
        await Expect(TestId("tornado-chart").Locator("[role=img]")).ToHaveAttributeAsync("aria-label",
            $"How far NPV moves from $246,886 when each input moves ±20.0% alone, widest first. The widest: {CpcChange}, a swing of $336,387.");
        var after = await TornadoDrawnAsync(CpcChange, -168_194);
        AssertBar(after, Transition, 39_600, -39_600);
        Assert.Equal(before.Select(b => b.Label), after.Select(b => b.Label));
        await ShotAsync("steering-5-returns-conservative-after");

        // Gates: a decision at the 6-month gate, listed first with who took it and when.
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Gates" }).ClickAsync();
        var gate = TestId("gate-6-month");
        await Expect(gate.GetByTestId("gate-decision")).ToHaveCountAsync(1);
        await gate.GetByTestId("gate-decide").ClickAsync();
        var form = gate.GetByTestId("gate-decision-form");
        await form.GetByText("Adjust", new() { Exact = true }).ClickAsync();
        await form.GetByTestId("gate-decision-note-input").FillAsync(Note);
        await ShotAsync("steering-6-gate-decision-form");
        var from = DateTime.UtcNow;
        await form.GetByTestId("gate-decision-save").ClickAsync();
        await Expect(gate.GetByTestId("gate-decision")).ToHaveCountAsync(2);
        var to = DateTime.UtcNow;
        var latest = gate.GetByTestId("gate-decision").First;
        await Expect(latest.GetByTestId("gate-decision-outcome")).ToHaveTextAsync("Adjust");
        await Expect(latest.GetByTestId("gate-decision-note")).ToHaveTextAsync(Note);
        var by = await latest.GetByTestId("gate-decision-by").InnerTextAsync();
        var when = Minutes(from, to).Single(m => by == $"Latest decision, by editor@harbour.demo on {m}");
        await Expect(gate.GetByTestId("gate-decision").Nth(1).GetByTestId("gate-decision-by"))
            .ToHaveTextAsync("Earlier decision, by editor@harbour.demo on 12 Mar 2026, 16:00 UTC");
        await ShotAsync("steering-7-gate-decided");

        // The board pack's print view: the gate timeline with the decision on the initiative's row and first in the list.
        await OpenAsync("?month=2026-10");
        await Page.SetViewportSizeAsync(980, 703);
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        var pack = TestId("pack-gates");
        await Expect(pack).ToBeVisibleAsync();
        var row = pack.GetByTestId("gate-timeline-row").Filter(new() { HasText = Chat });
        await Expect(row.GetByTestId("gate-step-6-month")).ToContainTextAsync($"Adjust, {when[..when.IndexOf(',', StringComparison.Ordinal)]}");
        var listed = pack.GetByTestId("recent-decision").First;
        await Expect(listed).ToContainTextAsync($"{Chat}, 6-month gate · {when}, editor@harbour.demo:");
        await Expect(listed).ToContainTextAsync(Note);
        await Expect(pack.GetByTestId("recent-decisions-taken"))
            .ToHaveTextAsync("Every decision to date, including those taken on October 2026's figures since the month closed.");
        // The charts redraw for the printed page's width before the picture is taken.
        await Page.WaitForFunctionAsync("""
            () => [...document.querySelectorAll('.apexcharts-canvas')].every(c => c.getBoundingClientRect().width <= c.parentElement.getBoundingClientRect().width + 1)
            """);
        // Every axis title shows on paper: inside its chart's column, and not cut by the edge of the chart's own drawing.
        var cut = await Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.apexcharts-yaxis-title, .apexcharts-xaxis-title')].filter(t => t.getBoundingClientRect().width > 0).flatMap(t => {
                const title = t.getBoundingClientRect(), svg = t.closest('svg'), drawing = svg.getBoundingClientRect();
                const column = svg.closest('[data-testid]').getBoundingClientRect();
                const clipped = getComputedStyle(svg).overflow !== 'visible' && (title.left < drawing.left - 0.5 || title.right > drawing.right + 0.5);
                const outside = title.left < column.left - 0.5 || title.right > column.right + 0.5;
                return clipped || outside ? [t.textContent.trim() + ' in ' + svg.closest('[data-testid]').dataset.testid] : [];
            })
            """);
        Assert.Empty(cut);
        await ShotAsync("steering-8-board-print-view");
        await pack.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "steering-8b-board-pack-gates.png") });
        AssertNoBrowserErrors();
    }

    [BrowserFact]
    public async Task The_partners_page_says_the_holdout_tests_money_on_the_board_is_attributed_to_no_partner()
    {
        await OpenAsync("partners?month=2026-10");

        await Expect(TestId("partners-holdouts")).ToContainTextAsync(
            "Holdout tests are not attributed to any partner. $904,781 of the board's gains to date is measured by holdout tests");
        await Expect(TestId("partner-returns-total")).ToHaveTextAsync(
            "The partners and the value on no partner's contacts add up to the board's investment to date, and to its gains less the holdout tests' $904,781.");
        await ShotAsync("steering-9-partners");
        AssertNoBrowserErrors();
    }

    private ILocator ScenarioNpv(string scenario) => TestId($"scenario-row-{scenario}").GetByTestId("scenario-npv");

    /// <summary>Opens the Returns tab (it computes anew each time it opens) and picks the conservative scenario.</summary>
    private async Task OpenConservativeReturnsAsync()
    {
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Returns" }).ClickAsync();
        await TestId("scenario-conservative").ClickAsync();
        await Expect(TestId("scenario-conservative")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(TestId("scenario-conservative")).ToHaveClassAsync(new Regex(@"\bmud-button-filled\b"));
        await Expect(TestId("returns")).ToHaveAttributeAsync("data-scenario", "Conservative");
    }

    /// <summary>
    /// Waits until apexcharts has drawn the tornado with <paramref name="label"/>'s low end at <paramref name="low"/> (it
    /// draws after the circuit's render), then returns every bar as drawn. Fails with what it drew if it never does.
    /// </summary>
    private async Task<IReadOnlyList<DrawnBar>> TornadoDrawnAsync(string label, double low)
    {
        try
        {
            await Page.WaitForFunctionAsync(
                $"([label, low, tolerance]) => {{ const bar = ({ReadTornado})().find(b => b.label === label); return bar && Math.abs(bar.low - low) <= Math.abs(low) * tolerance; }}",
                new object[] { label, low, Tolerance });
        }
        catch (PlaywrightException)
        {
            // Fall through: the assertion below says what was drawn instead.
        }

        var drawn = await Page.EvaluateAsync<JsonElement>(ReadTornado);
        var bars = drawn.EnumerateArray()
            .Select(b => new DrawnBar(b.GetProperty("label").GetString()!, b.GetProperty("low").GetDouble(), b.GetProperty("high").GetDouble()))
            .ToList();
        foreach (var bar in bars) _output.WriteLine($"tornado: {bar.Label}: {bar.Low:N0} .. {bar.High:N0}");
        AssertBar(bars, label, low, -low);
        return bars;
    }

    private static void AssertBar(IReadOnlyList<DrawnBar> bars, string label, double low, double high)
    {
        var bar = Assert.Single(bars, b => b.Label == label);
        Assert.InRange(bar.Low, low - Math.Abs(low) * Tolerance, low + Math.Abs(low) * Tolerance);
        Assert.InRange(bar.High, high - Math.Abs(high) * Tolerance, high + Math.Abs(high) * Tolerance);
    }

    /// <summary>
    /// The tornado as apexcharts drew it: the y axis's labels top to bottom, and each bar's far end converted to money
    /// along the x axis's ticks ("-$300K" … "$300K"), series 0 being the input moved down and series 1 up.
    /// </summary>
    private const string ReadTornado = """
        () => {
            const root = document.querySelector('[data-testid=tornado-chart]');
            const text = t => (t.querySelector('title') ?? t.querySelector('tspan') ?? t).textContent.trim();
            const money = s => {
                const m = s.replace('−', '-').replace(/[$,\s]/g, '').match(/^(-?[\d.]+)([KMB]?)$/);
                return m ? Number(m[1]) * ({ '': 1, K: 1e3, M: 1e6, B: 1e9 })[m[2]] : NaN;
            };
            const ticks = [...root.querySelectorAll('.apexcharts-xaxis-label')]
                .map(t => { const r = t.getBoundingClientRect(); return { value: money(text(t)), x: r.left + r.width / 2 }; })
                .filter(t => Number.isFinite(t.value))
                .sort((a, b) => a.value - b.value);
            const first = ticks[0], last = ticks[ticks.length - 1];
            const perDollar = (last.x - first.x) / (last.value - first.value);
            // Every bar starts at the zero line: its edge nearest the axis's zero tick.
            const tickZero = first.x - first.value * perDollar;
            const rects = [...root.querySelectorAll('.apexcharts-bar-area')].map(p => p.getBoundingClientRect());
            const inner = rects.map(r => Math.abs(r.left - tickZero) < Math.abs(r.right - tickZero) ? r.left : r.right).sort((a, b) => a - b);
            const zero = inner[Math.floor(inner.length / 2)];
            const labels = [...root.querySelectorAll('.apexcharts-yaxis-label')]
                .map(t => ({ label: text(t), y: t.getBoundingClientRect().top }))
                .sort((a, b) => a.y - b.y).map(l => l.label);
            const ends = series => [...root.querySelectorAll('.apexcharts-bar-area')]
                .filter(p => p.getAttribute('index') === String(series))
                .map(p => p.getBoundingClientRect())
                .sort((a, b) => a.top - b.top)
                .map(r => ((r.left + r.width / 2 < zero ? r.left : r.right) - zero) / perDollar);
            const low = ends(0), high = ends(1);
            return labels.map((label, i) => ({ label, low: low[i], high: high[i] }));
        }
        """;

    /// <summary>Every minute from <paramref name="from"/> to <paramref name="to"/>, written as a decision's time is.</summary>
    private static IEnumerable<string> Minutes(DateTime from, DateTime to)
    {
        for (var m = from.AddTicks(-(from.Ticks % TimeSpan.TicksPerMinute)); m <= to; m = m.AddMinutes(1))
            yield return m.ToString("d MMM yyyy, HH:mm", English) + " UTC";
    }

    /// <summary>A full-page screenshot from the top, so that the fixed app bar is drawn where it belongs.</summary>
    private async Task ShotAsync(string name)
    {
        await Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await ScreenshotAsync(name);
    }

    /// <summary>One bar of the drawn tornado: NPV's change with the input moved down and up.</summary>
    private sealed record DrawnBar(string Label, double Low, double High);
}
