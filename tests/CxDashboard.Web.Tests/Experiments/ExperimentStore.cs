using CxDashboard.Data;
using CxDashboard.Data.Access;
using CxDashboard.Data.Model;
using CxDashboard.Web.Access;
using CxDashboard.Web.Board;
using CxDashboard.Web.Experiments;
using CxDashboard.Web.Tests.Access;
using CxDashboard.Web.Tests.Board;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Web.Tests.Experiments;

/// <summary>
/// A store of its own with the demo organisation and its two holdout experiments: the significant renewal test on agent
/// assist (12,500 per arm, 10,238 against 10,000 renewals, 180,000 eligible at $264) and the AI agent's follow-up offer,
/// not yet significant (2,030 and 1,970 in-house customers, 1,644 and 1,567 accepted, 60,000 eligible at $96). Tests that
/// change experiments get a store each.
/// </summary>
public sealed class ExperimentStore : IAsyncLifetime
{
    /// <summary>The demo's significant test.</summary>
    public const string Renewal = "Proactive renewal calls with agent assist";

    /// <summary>The demo's test that is not yet significant.</summary>
    public const string Upgrade = "AI agent follow-up upgrade offer";

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

    /// <summary>The stored experiment called <paramref name="name"/>, as the system reads it.</summary>
    public async Task<Experiment> ExperimentAsync(string name)
    {
        await using var db = Context();
        return await db.Experiments.AsNoTracking().SingleAsync(e => e.Name == name);
    }

    /// <summary>The id of a partner by code.</summary>
    public async Task<int> PartnerAsync(string code)
    {
        await using var db = Context();
        return (await db.Partners.SingleAsync(p => p.Code == code)).Id;
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers) await provider.DisposeAsync();
        await _store.DisposeAsync();
    }
}

/// <summary>Shortcuts to the experiment services of a provider.</summary>
internal static class ExperimentServices
{
    public static ExperimentService Experiments(this IServiceProvider services) => services.CreateScope().ServiceProvider.GetRequiredService<ExperimentService>();

    public static RoxBoardService Board(this IServiceProvider services) => services.GetRequiredService<RoxBoardService>();
}
