using System.Diagnostics.CodeAnalysis;
using Bunit;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;
using CxDashboard.Data;
using CxDashboard.Data.Model;
using CxDashboard.Web.Board;
using CxDashboard.Web.Components.Pages.Partners;
using CxDashboard.Web.Tests.Board;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CxDashboard.Web.Tests.Partners;

/// <summary>
/// The demo organisation with one more driver: agent assist also prices handle time on chat (all partners, against a
/// 640 s baseline), which the chat outsourcing's cost-per-contact driver already contains. Before the outsourcing starts
/// (June to August 2025) only agent assist claims chat time, all of it In-house's chats; from September 2025 both claim
/// it, and the outsourcing's claim, the larger every month, is the one the guard counts: partner work.
/// </summary>
public sealed class OverlappingInitiativesStore : IAsyncLifetime
{
    private readonly SeededStore _store = new();

    public async Task InitializeAsync()
    {
        await _store.InitializeAsync();
        var services = new ServiceCollection();
        _store.AddAppServices(services);
        await using var provider = services.BuildServiceProvider();
        await using var db = await provider.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContextAsync();
        var assist = await db.Initiatives.SingleAsync(i => i.Type == InitiativeType.AgentAssist);
        var baseline = new Baseline
        {
            InitiativeId = assist.Id,
            KpiId = (await db.Kpis.SingleAsync(k => k.Code == KpiCatalog.Aht)).Id,
            ChannelId = (await db.Channels.SingleAsync(c => c.Code == "CHAT")).Id,
            Value = 640,
            PeriodStart = new YearMonth(2025, 3).Key,
            PeriodEnd = new YearMonth(2025, 5).Key,
            Target = 600,
        };
        db.ValueDrivers.Add(new ValueDriver
        {
            InitiativeId = assist.Id,
            Baseline = baseline,
            Name = "Handle-time savings, chat",
            Type = ValueDriverType.HandleTimeSavings,
            Factor = ValueFactor.CostReduction,
            Risk = 0.10m,
            UnitValue = 38m,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Registers the app's services over this store.</summary>
    public void AddAppServices(IServiceCollection services) => _store.AddAppServices(services);

    public Task DisposeAsync() => _store.DisposeAsync();
}

[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes the context through IAsyncLifetime.DisposeAsync.")]
public sealed class OverlappingInitiativesTests : IClassFixture<OverlappingInitiativesStore>, IAsyncLifetime
{
    private static readonly YearMonth October = new(2026, 10);
    private readonly BunitContext _ctx = new();

    public OverlappingInitiativesTests(OverlappingInitiativesStore store)
    {
        store.AddAppServices(_ctx.Services);
        _ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public async Task Where_ai_tooling_and_outsourcing_claim_the_same_chat_time_the_larger_claims_work_counts_once()
    {
        _ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/partners?month=2026-10");
        var cut = _ctx.Render<PartnersPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=value-split]")));
        var board = (await _ctx.Services.GetRequiredService<RoxBoardService>().ComputeAsync(October, []))!.Board;

        Assert.Contains(
            "Handle-time savings, chat (Agent assist for voice agents) (AI tooling) and Lower cost per chat contact (Outsource chat to Meridian CX) (partner work): cost per contact already contains the handle time.",
            cut.Find("[data-testid=partner-overlaps]").TextContent, StringComparison.Ordinal);
        // The outsourcing's claim is counted each month: none of Meridian's chats are counted again as AI tooling.
        var meridian = cut.Find("[data-testid=value-split-MERIDIAN]");
        Assert.Equal("$0", meridian.QuerySelector("[data-testid=split-ai]")!.TextContent.Trim());
        Assert.Equal(
            meridian.QuerySelector("[data-testid=split-total]")!.TextContent.Trim(),
            meridian.QuerySelector("[data-testid=split-partner]")!.TextContent.Trim());
        // What the board counts of agent assist's chat time is what it made before the outsourcing started, all In-house's.
        var chatTime = board.Drivers.Single(d => d.Name == "Handle-time savings, chat");
        Assert.True(chatTime.LeftOutToDate > 0 && chatTime.ToDate > 0, "The chat handle time should count before September 2025 and be left out after.");
        var inHouse = (await _ctx.Services.GetRequiredService<CxDashboard.Web.Partners.PartnerComparisonService>().GetAsync(October))
            .Partners.Single(p => p.Code == "INHOUSE").Returns.Value;
        var input = inHouse.Inputs.Single(i => i.Label == "Handle-time savings, chat (Agent assist for voice agents)");
        Assert.Equal(Math.Round(chatTime.ToDate, 0, MidpointRounding.AwayFromZero).ToString("C0", System.Globalization.CultureInfo.GetCultureInfo("en-US")), input.Value);
        Assert.Equal("100.0%", inHouse.Inputs.Single(i => i.Label == "Share of Handle-time savings, chat (Agent assist for voice agents)").Value);
    }
}
