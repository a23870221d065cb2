using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;
using CxDashboard.Data;
using CxDashboard.Data.Access;
using CxDashboard.Data.Model;
using CxDashboard.Web.Tests.Board;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Web.Tests.Initiatives;

/// <summary>
/// A store of its own with the demo organisation and one more initiative whose returns can be worked out by hand
/// (<see cref="HandName"/>): seed 001's handle-time example over one year. Tests that change data get a store of their own.
/// </summary>
public sealed class ReturnsStore : IAsyncLifetime
{
    /// <summary>
    /// Voice handle time 420 → 360 s on 200,000 contacts a month at $48 an hour (seed 001: $160,000 a month), 10 % risk:
    /// $144,000 a month from January 2026 for 12 months. Costs: $360,000 of implementation in January at 10 % risk
    /// ($396,000) and a $15,000 monthly licence, $576,000 in all. ROX 1,728,000 ÷ 576,000 = 300 %, ROI 200 %, 3.00×.
    /// </summary>
    public const string HandName = "Voice handle time, worked by hand";

    private readonly SeededStore _store = new();
    private ServiceProvider? _system;

    /// <summary>The hand initiative's id.</summary>
    public int HandId { get; private set; }

    /// <summary>The id of the demo's agent assist initiative, which has no projected volumes of its own.</summary>
    public int AgentAssistId { get; private set; }

    /// <summary>The id of the BPO partner Atlas.</summary>
    public int AtlasId { get; private set; }

    public async Task InitializeAsync()
    {
        await _store.InitializeAsync();
        var services = new ServiceCollection();
        _store.AddAppServices(services);
        _system = services.BuildServiceProvider();
        await using var db = Context();
        var voice = await db.Channels.SingleAsync(c => c.Code == "VOICE");
        var aht = await db.Kpis.SingleAsync(k => k.Code == KpiCatalog.Aht);
        AtlasId = (await db.Partners.SingleAsync(p => p.Code == "ATLAS")).Id;
        AgentAssistId = (await db.Initiatives.SingleAsync(i => i.Type == InitiativeType.AgentAssist)).Id;
        var january = new YearMonth(2026, 1);
        var baseline = new Baseline
        {
            KpiId = aht.Id, ChannelId = voice.Id, Value = 420, Target = 360,
            PeriodStart = new YearMonth(2025, 10).Key, PeriodEnd = new YearMonth(2025, 12).Key, Note = "by hand",
        };
        var initiative = new Initiative
        {
            Name = HandName,
            Owner = "Test owner",
            StartMonth = january.Key,
            HorizonMonths = 12,
            DiscountRate = 0.10m,
            Type = InitiativeType.AgentAssist,
            CostItems =
            [
                new CostItem { Name = "Implementation", Category = CostCategory.Integration, Nature = CostNature.Capex, Recurrence = CostRecurrence.OneTime, Amount = 360_000m, StartMonth = january.Key, Risk = 0.10m },
                new CostItem { Name = "Licence", Category = CostCategory.SoftwareLicensing, Nature = CostNature.Opex, Recurrence = CostRecurrence.Monthly, Amount = 15_000m, StartMonth = january.Key },
            ],
            Baselines = { baseline },
            ValueDrivers =
            {
                new ValueDriver
                {
                    Name = "Handle-time savings, voice", Type = ValueDriverType.HandleTimeSavings, Factor = ValueFactor.CostReduction,
                    Risk = 0.10m, UnitValue = 48m, ProjectedVolume = 200_000m, ConservativeMultiplier = 0.5, OptimisticDelta = -90,
                    Baseline = baseline,
                },
            },
        };
        db.Initiatives.Add(initiative);
        using (StoreActor.Use(new StoreActor("system")))
            await db.SaveChangesAsync();
        HandId = initiative.Id;
    }

    /// <summary>Registers the app's services over this store (for a bUnit context).</summary>
    public void AddAppServices(IServiceCollection services) => _store.AddAppServices(services);

    /// <summary>A context as the system, for arranging and checking data.</summary>
    public CxDbContext Context() => _system!.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContext();

    public async Task DisposeAsync()
    {
        if (_system is not null) await _system.DisposeAsync();
        await _store.DisposeAsync();
    }
}
