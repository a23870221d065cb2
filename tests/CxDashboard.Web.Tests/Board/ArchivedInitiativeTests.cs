using System.Globalization;
using CxDashboard.Core.Time;
using CxDashboard.Data;
using CxDashboard.Data.Model;
using CxDashboard.Web.Board;
using CxDashboard.Web.BoardPack;
using CxDashboard.Web.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Web.Tests.Board;

/// <summary>The demo organisation with outsourcing chat archived: off the board, and so off every page that adds up to it.</summary>
public sealed class ArchivedInitiativeStore : IAsyncLifetime
{
    private readonly SeededStore _store = new();

    /// <summary>The app's services over this store.</summary>
    public ServiceProvider Services { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await _store.InitializeAsync();
        var services = new ServiceCollection();
        _store.AddAppServices(services);
        Services = services.BuildServiceProvider();
        await using var db = await Services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContextAsync();
        var chat = await db.Initiatives.SingleAsync(i => i.Type == InitiativeType.ChannelOutsourcing);
        chat.ArchivedUtc = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await _store.DisposeAsync();
    }
}

public sealed class ArchivedInitiativeTests(ArchivedInitiativeStore store) : IClassFixture<ArchivedInitiativeStore>
{
    private const string Chat = "Outsource chat to Meridian CX";
    private static readonly YearMonth October = new(2026, 10);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    [Fact]
    public async Task An_archived_initiative_is_off_the_partner_comparison_as_it_is_off_the_board()
    {
        var board = (await store.Services.GetRequiredService<RoxBoardService>().ComputeAsync(October, []))!.Board;
        Assert.DoesNotContain(board.Initiatives, i => i.Name == Chat);

        var view = await store.Services.GetRequiredService<PartnerComparisonService>().GetAsync(October);

        var rows = view.Partners.Select(p => p.Returns).Append(view.Unattributed!).ToList();
        var holdouts = Money(view.Holdouts!.Total);
        // Each written figure is rounded to the dollar: five of them differ from the whole by at most $3.
        Assert.InRange(rows.Sum(r => Money(r.Value.Value)) + holdouts - board.Headline.Rox.Inputs[0].Value, -3m, 3m);
        Assert.InRange(rows.Sum(r => Money(r.Cost!.Value)) - board.Headline.Rox.Inputs[1].Value, -3m, 3m);
        // Only the chat outsourcing is partner work: with it archived, no partner has any.
        Assert.All(view.Partners, p => Assert.Equal("$0", p.Returns.Split.Partner));
    }

    [Fact]
    public async Task An_archived_initiative_is_off_the_board_packs_realized_against_projected_value()
    {
        var board = (await store.Services.GetRequiredService<RoxBoardService>().ComputeAsync(October, []))!.Board;

        var tracking = (await store.Services.GetRequiredService<BoardPackService>().GetAsync(October)).Tracking!;

        Assert.Equal(["AI agent for tier-1 contacts", "Agent assist for voice agents"], tracking.Initiatives.Select(i => i.Name));
        Assert.InRange(Money(tracking.Realized.Value) - board.Headline.Rox.Inputs[0].Value, -1m, 1m);
        // The two base scenarios from their starts, $2,936,396 + $1,408,353: the archived initiative's $1,295,828 is not set
        // against value the board no longer counts.
        Assert.Equal("$4,344,749", tracking.Projected.Value);
    }

    private static decimal Money(string written) => decimal.Parse(written, NumberStyles.Currency, English);
}
