using System.Diagnostics.CodeAnalysis;
using Bunit;
using CxDashboard.Core.Gates;
using CxDashboard.Core.Time;
using CxDashboard.Data.Model;
using CxDashboard.Web.BoardPack;
using CxDashboard.Web.Components.Pages.Board;
using CxDashboard.Web.Gates;
using CxDashboard.Web.Tests.Gates;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Web.Tests.BoardPack;

/// <summary>
/// Which gate decisions the board pack lists. The steering group meets after a month has closed and decides on its
/// figures: the demo's clock stands at 12 November 2026, with October 2026 the last month loaded. A decision taken then
/// belongs in October's pack, the one the group reads now; a pack of an earlier month keeps only what was decided by its end.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes the store through IAsyncLifetime.DisposeAsync.")]
public sealed class BoardPackDecisionsTests : IAsyncLifetime
{
    private const string Note = "Keep the contract; review the complex billing chats at the 18-month gate.";

    private readonly GateStore _store = new();

    public Task InitializeAsync() => _store.InitializeAsync();

    public Task DisposeAsync() => _store.DisposeAsync();

    [Fact]
    public async Task A_decision_taken_after_the_last_month_closed_is_in_that_months_pack_and_on_its_gate()
    {
        await RecordAsync();

        var pack = await Pack().GetAsync(new YearMonth(2026, 10));

        var latest = pack.RecentDecisions[0];
        Assert.Equal(("Outsource chat to Meridian CX", "6-month gate", GateOutcome.Adjust, Note, "steering@harbour.demo", "12 Nov 2026, 09:30 UTC"),
            (latest.Initiative, latest.Gate, latest.Outcome, latest.Note, latest.DecidedBy, latest.Decided));
        var chat = pack.Gates.Single(g => g.Name == "Outsource chat to Meridian CX");
        Assert.Equal("Adjust, 12 Nov 2026", chat.Steps.Single(s => s.Key == "6-month").Decision);
        Assert.Equal("Every decision to date, including those taken on October 2026's figures since the month closed.", pack.DecisionsTaken);

        var cut = RenderBoard("2026-10");
        Assert.Equal(pack.DecisionsTaken, cut.Find("[data-testid=recent-decisions-taken]").TextContent);
        Assert.Contains(Note, cut.Find("[data-testid=recent-decision]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_past_months_pack_leaves_out_a_decision_taken_after_its_end_and_says_so()
    {
        await RecordAsync();

        var pack = await Pack().GetAsync(new YearMonth(2026, 9));

        Assert.DoesNotContain(pack.RecentDecisions, d => d.Note == Note);
        Assert.Equal("10 Sep 2026, 14:00 UTC", pack.RecentDecisions[0].Decided);
        var chat = pack.Gates.Single(g => g.Name == "Outsource chat to Meridian CX");
        Assert.Equal("Adjust, 12 Mar 2026", chat.Steps.Single(s => s.Key == "6-month").Decision);
        Assert.Equal("Those taken by the end of September 2026; later ones are in later months' packs.", pack.DecisionsTaken);
    }

    private BoardPackService Pack() => _store.Bunit.Services.GetRequiredService<BoardPackService>();

    /// <summary>Records an adjust at outsourcing chat's 6-month gate, as the signed-in editor, at the store's clock.</summary>
    private async Task RecordAsync()
    {
        var id = await _store.InitiativeAsync("Outsource chat");
        int latest;
        await using (var db = _store.Context())
            latest = await db.GateDecisions.Where(d => d.InitiativeId == id && d.Gate == ReviewGateKind.SixMonths)
                .OrderByDescending(d => d.DecidedUtc).Select(d => d.Id).FirstAsync();
        using var actor = _store.ActAsUser();
        var recorded = await _store.Bunit.Services.GetRequiredService<ReviewGateService>()
            .RecordAsync(new GateDecisionDraft(id, ReviewGateKind.SixMonths, GateOutcome.Adjust, Note, latest));
        Assert.IsType<GateDecisionResult.Recorded>(recorded);
    }

    private IRenderedComponent<BoardPage> RenderBoard(string month)
    {
        _store.Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo("/?month=" + month);
        var cut = _store.Bunit.Render<BoardPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=recent-decisions-taken]"));
        return cut;
    }
}
