using CxDashboard.Core.Time;
using CxDashboard.Web.Board;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Web.Tests.Board;

/// <summary>
/// The demo organisation's board, figure for figure, as an analyst recomputed it by hand from the store's
/// rows with FORMULAS.md (outside this code base), agent assist's handle-time and repeat-contact savings
/// counted once (they price the same agent hours: each month the larger counts). A change to any figure here is a change to what
/// executives read: check it by hand again before updating a number.
/// From October 2026 the figures also hold the demo's significant holdout test, "Proactive renewal calls with agent assist"
/// (12,500 per arm, 10,238 against 10,000 renewals: lift 1.904 pp, p = 0.00013), as measured retention value in June 2026, the
/// last month of its window: 0.01904 × 180,000 eligible × $264 = $904,780.80, not risk-adjusted, added to agent assist's gains.
/// Worked by hand from the figures checked before it: gains $4,721,183.32 + $904,780.80 = $5,625,964.12 over an unchanged
/// investment of $2,520,500 (ROX 223.2 %, ROI 123.2 %, 2.23×, net $3,105,464); NPV $1,934,410.89 + $904,780.80 ÷ 1.1^(15/12)
/// (June 2026 is month 15 from March 2025) = $1,934,410.89 + $803,160.83 = $2,737,571.71; agent assist $1,036,956.42 +
/// $904,780.80 = $1,941,737.22 over $700,600 (277.2 %). Payback (reached in December 2025) and October's own figures do not move.
/// The AI agent's follow-up offer (p = 0.25) is not significant and stays out.
/// </summary>
[Collection(SeededStoreGroup.Name)]
public sealed class DemoBoardFiguresTests(SeededStore store)
{
    private async Task<BoardView> BoardAsync(YearMonth month)
    {
        var services = new ServiceCollection();
        store.AddAppServices(services);
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<RoxBoardService>().GetAsync(month);
    }

    private static string Figure(BoardView view, string key) =>
        view.Headline.Concat(view.ThisMonth).Single(f => f.Key == key).Value;

    [Fact]
    public async Task October_2026_reads_as_checked_by_hand()
    {
        var view = await BoardAsync(new YearMonth(2026, 10));

        Assert.Equal("March 2025 – October 2026, risk-adjusted", view.PeriodLabel);
        Assert.Equal("223.2%", Figure(view, "rox"));
        Assert.Equal("123.2%", Figure(view, "roi"));
        Assert.Equal("2.23×", Figure(view, "multiple"));
        Assert.Equal("$3,105,464", Figure(view, "net"));
        // The 20 realized months from March 2025 as cash flows: NPV at 10 % a year, monthly discounting.
        Assert.Equal("$2,737,572", Figure(view, "npv"));
        Assert.Equal("8.8 mo", Figure(view, "payback"));
        Assert.Equal("$220,505", Figure(view, "month-net"));
        // All of the demo's gains come from KPI data; the cross-sell on assisted calls is its one soft driver.
        Assert.Single(view.Overlaps!);
        Assert.StartsWith("Handle-time savings, voice (Agent assist for voice agents) and Repeat-contact avoidance, voice (Agent assist for voice agents): both price agent time", view.Overlaps![0], StringComparison.Ordinal);
        Assert.Equal("$5,625,964", view.Evidence!.Measured);
        Assert.Equal("$0", view.Evidence.Assumed);
        Assert.Equal("353.0%", Figure(view, "month-rox"));
        Assert.Equal(
            [
                ("AI agent for tier-1 contacts", "$2,588,901", "$1,445,500", "179.1%"),
                ("Agent assist for voice agents", "$1,941,737", "$700,600", "277.2%"),
                ("Outsource chat to Meridian CX", "$1,095,326", "$374,400", "292.6%"),
            ],
            view.Initiatives.Select(i => (i.Name, i.Gains, i.Investment, i.Rox)));
        Assert.Equal("$904,781", view.Experiments!.Total);
        Assert.Equal(
            ["Proactive renewal calls with agent assist (Agent assist for voice agents): $904,781 of retention measured in June 2026, significant (p = 0.0001)"],
            view.Experiments.Significant);
        Assert.Empty(view.Experiments.IncludedByChoice);
        Assert.Equal(
            ["AI agent follow-up upgrade offer (AI agent for tier-1 contacts): not yet significant (p = 0.252), kept out until it is"],
            view.Experiments.LeftOut);
        Assert.Equal(
            [
                ("CPC", "$4.19", "Target met", "$93,501"),
                ("FCR", "71.9%", "Better than baseline, short of target", "$37,083"),
                ("AHT", "477 s", "Better than baseline, short of target", "$56,680"),
                ("CSAT", "77.1%", "Better than baseline, short of target", null),
                ("NPS", "15.0", "Better than baseline, short of target", null),
                ("CLV", "$2,204", "Better than baseline, short of target", null),
                ("CHURN", "1.49%", "Target met", "$8,450"),
            ],
            view.Tiles.Select(t => (t.Code, t.Actual, t.StatusText, t.Money)));
        Assert.Equal(
            "Claims the same change as Handle-time savings, voice (Agent assist for voice agents): counted once in the totals",
            view.Tiles.Single(t => t.Code == "FCR").MoneyNote);
    }

    [Fact]
    public async Task June_2025_reads_as_checked_by_hand_with_losses_risk_adjusted_conservatively()
    {
        var view = await BoardAsync(new YearMonth(2025, 6));

        Assert.Equal("32.3%", Figure(view, "rox"));
        Assert.Equal("−67.7%", Figure(view, "roi"));
        Assert.Equal("0.32×", Figure(view, "multiple"));
        Assert.Equal("−$645,431", Figure(view, "net"));
        Assert.Equal("−$641,739", Figure(view, "npv"));
        Assert.Equal("not yet", Figure(view, "payback"));
        Assert.Equal("−$197,225", Figure(view, "month-net"));
        Assert.Equal("36.6%", Figure(view, "month-rox"));
        Assert.Equal(
            [
                ("AI agent for tier-1 contacts", "$322,114", "$689,500", "46.7%"),
                ("Agent assist for voice agents", "−$14,245", "$263,800", "−5.4%"),
                ("Outsource chat to Meridian CX", "—", "—", "—"),
            ],
            view.Initiatives.Select(i => (i.Name, i.Gains, i.Investment, i.Rox)));
        // Churn rose above its baseline in agent assist's first month: −$2,275.85 × (1 + 30 %).
        Assert.Equal("−$2,959", view.Tiles.Single(t => t.Code == "CHURN").Money);
    }
}
