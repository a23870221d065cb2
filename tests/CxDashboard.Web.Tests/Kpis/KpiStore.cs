using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Data;
using CxDashboard.Data.Access;
using CxDashboard.Data.Model;
using CxDashboard.Web.Access;
using CxDashboard.Web.Board;
using CxDashboard.Web.Kpis;
using CxDashboard.Web.Tests.Access;
using CxDashboard.Web.Tests.Board;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Web.Tests.Kpis;

/// <summary>
/// A store of its own with the demo organisation and one more month, November 2026, whose figures are small enough to
/// work out by hand: FCR, handle time, NPS and complaints on two channels and two partners (see <see cref="HandMonth"/>).
/// Tests that change data get a store of their own; each builds the app's services over it for one signed-in user.
/// </summary>
public sealed class KpiStore : IAsyncLifetime
{
    /// <summary>The month of hand-made figures, right after the demo's last.</summary>
    public static readonly YearMonth HandMonth = new(2026, 11);

    private readonly SeededStore _store = new();
    private readonly List<ServiceProvider> _providers = [];

    /// <summary>The services of the organisation's own system work, for arranging data.</summary>
    public ServiceProvider System { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await _store.InitializeAsync();
        System = Services("system", CxRoles.Admin);
        await AddHandMonthAsync();
    }

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
    public CxDbContext Context() => System.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContext();

    /// <summary>The id of a channel, partner or segment by code.</summary>
    public async Task<(int Voice, int Chat, int InHouse, int Atlas, int Consumer)> IdsAsync()
    {
        await using var db = Context();
        int Channel(string code) => db.Channels.Single(c => c.Code == code).Id;
        int Partner(string code) => db.Partners.Single(c => c.Code == code).Id;
        return (Channel("VOICE"), Channel("CHAT"), Partner("INHOUSE"), Partner("ATLAS"), db.Segments.Single(s => s.Code == "CONSUMER").Id);
    }

    /// <summary>
    /// November 2026, by hand. FCR: Voice in-house 600 of 700 contacts, Voice Atlas 200 of 300, Chat in-house 100 of 500,
    /// so Voice is 800 ÷ 1,000 = 80.0 %, Chat 20.0 %, all 900 ÷ 1,500 = 60.0 % (the mean of the channels' rates would be
    /// 50 %). Handle time: Voice 400 s over 700 contacts, Chat 600 s over 500, so (280,000 + 300,000) ÷ 1,200 = 483.3 s.
    /// NPS: Voice +30 of 100 responses, Chat −10 of 300, so 100 × 20 ÷ 400 = 5.0. Complaints: 10 + 5 = 15.
    /// </summary>
    private async Task AddHandMonthAsync()
    {
        var (voice, chat, inHouse, atlas, consumer) = await IdsAsync();
        await using var db = Context();
        var kpis = await db.Kpis.ToDictionaryAsync(k => k.Code);
        Measurement Row(string kpi, int channel, int partner, double value, double? numerator = null, double? denominator = null, double? weight = null) => new()
        {
            KpiId = kpis[kpi].Id, Month = HandMonth.Key, ChannelId = channel, PartnerId = partner, SegmentId = consumer,
            Value = value, Numerator = numerator, Denominator = denominator, Weight = weight,
        };
        db.Measurements.AddRange(
            Row(KpiCatalog.Fcr, voice, inHouse, 600.0 / 700, 600, 700),
            Row(KpiCatalog.Fcr, voice, atlas, 200.0 / 300, 200, 300),
            Row(KpiCatalog.Fcr, chat, inHouse, 100.0 / 500, 100, 500),
            Row(KpiCatalog.Aht, voice, inHouse, 400, weight: 700),
            Row(KpiCatalog.Aht, chat, inHouse, 600, weight: 500),
            Row(KpiCatalog.Nps, voice, inHouse, 30, 30, 100),
            Row(KpiCatalog.Nps, chat, inHouse, -10.0 / 3, -10, 300),
            Row(KpiCatalog.Complaints, voice, inHouse, 10),
            Row(KpiCatalog.Complaints, chat, inHouse, 5));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers) await provider.DisposeAsync();
        await _store.DisposeAsync();
    }
}

/// <summary>Shortcuts to the KPI services of a provider.</summary>
internal static class KpiServices
{
    public static KpiTrackerService Tracker(this IServiceProvider services) => services.GetRequiredService<KpiTrackerService>();

    public static KpiDetailService Detail(this IServiceProvider services) => services.CreateScope().ServiceProvider.GetRequiredService<KpiDetailService>();

    public static MeasurementEditor Measurements(this IServiceProvider services) => services.CreateScope().ServiceProvider.GetRequiredService<MeasurementEditor>();

    public static BaselineEditor Baselines(this IServiceProvider services) => services.CreateScope().ServiceProvider.GetRequiredService<BaselineEditor>();

    public static RoxBoardService Board(this IServiceProvider services) => services.GetRequiredService<RoxBoardService>();
}
