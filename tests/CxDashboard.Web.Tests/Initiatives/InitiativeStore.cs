using CxDashboard.Data;
using CxDashboard.Data.Access;
using CxDashboard.Data.Model;
using CxDashboard.Web.Access;
using CxDashboard.Web.Initiatives;
using CxDashboard.Web.Tests.Access;
using CxDashboard.Web.Tests.Board;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Web.Tests.Initiatives;

/// <summary>
/// A store of its own with the demo organisation (three initiatives with costs, baselines, drivers and gate decisions),
/// for tests that change initiatives; each builds the app's services over it for one signed-in user.
/// </summary>
public sealed class InitiativeStore : IAsyncLifetime
{
    /// <summary>The demo's agent-assist initiative: four drivers on four baselines, four cost items.</summary>
    public const string AgentAssist = "Agent assist for voice agents";

    private readonly SeededStore _store = new();
    private readonly List<ServiceProvider> _providers = [];

    public Task InitializeAsync() => _store.InitializeAsync();

    /// <summary>The app's services as <paramref name="user"/> with <paramref name="role"/> sees them.</summary>
    public ServiceProvider Services(string user, string role, int? partner = null)
    {
        var services = new ServiceCollection();
        _store.AddAppServices(services);
        services.AddScoped<AccessGuard>();
        services.AddScoped<AuthenticationStateProvider>(_ => new SignedInUser(user, role, partner));
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }

    /// <summary>Registers the app's services over this store into <paramref name="services"/> (for a bUnit context).</summary>
    public void AddAppServices(IServiceCollection services) => _store.AddAppServices(services);

    /// <summary>A context as the system, for arranging and checking data.</summary>
    public CxDbContext Context()
    {
        var services = new ServiceCollection();
        _store.AddAppServices(services);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContext();
    }

    /// <summary>The id of an initiative by name.</summary>
    public async Task<int> IdOfAsync(string name)
    {
        await using var db = Context();
        return (await db.Initiatives.SingleAsync(i => i.Name == name)).Id;
    }

    /// <summary>The id of a partner by code.</summary>
    public async Task<int> PartnerAsync(string code)
    {
        await using var db = Context();
        return (await db.Partners.SingleAsync(p => p.Code == code)).Id;
    }

    /// <summary>Saves a change to a cost item as another editor would, through the app's own service.</summary>
    public async Task<CostItemSaveResult> SaveAsOtherEditorAsync(Func<CostItemDraft, CostItemDraft> change, int costId)
    {
        var other = Services("ana@harbour.demo", CxRoles.Editor);
        await using var db = Context();
        var row = await db.CostItems.AsNoTracking().SingleAsync(c => c.Id == costId);
        using (StoreActor.Use(new StoreActor("ana@harbour.demo")))
            return await other.CreateScope().ServiceProvider.GetRequiredService<CostItemEditor>().SaveAsync(change(CostItemEditor.Draft(row)));
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers) await provider.DisposeAsync();
        await _store.DisposeAsync();
    }
}
