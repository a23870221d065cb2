using Bunit;
using CxDashboard.Data;
using CxDashboard.Data.Access;
using CxDashboard.Web.Access;
using CxDashboard.Web.Tests.Access;
using CxDashboard.Web.Tests.Board;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CxDashboard.Web.Tests.Gates;

/// <summary>
/// A demo store of its own (tests here record decisions) and a bUnit context over it with the app's services, for one
/// signed-in user whose role and partner a test may set before it renders.
/// </summary>
public sealed class GateStore : IAsyncLifetime
{
    private readonly SeededStore _store = new();

    /// <summary>The bUnit context; render components with it.</summary>
    public BunitContext Bunit { get; } = new();

    /// <summary>The app's clock, stopped at <see cref="Now"/> until a test moves it.</summary>
    public SettableClock Clock { get; } = new(Now);

    /// <summary>When the tests' clock starts: the day after the demo's last month was loaded.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 12, 9, 30, 15, TimeSpan.Zero);

    /// <summary>Who is signed in: their name, role and partner.</summary>
    public SignedInUser User { get; set; } = new("steering@harbour.demo", CxRoles.Editor);

    public async Task InitializeAsync()
    {
        await _store.InitializeAsync();
        _store.AddAppServices(Bunit.Services);
        Bunit.Services.AddSingleton<TimeProvider>(Clock);
        Bunit.Services.AddScoped<AccessGuard>();
        Bunit.Services.AddScoped<AuthenticationStateProvider>(_ => User);
        Bunit.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        Bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        // As in the app's circuits: the board loads its pack and partner sections only when interactive.
        Bunit.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    /// <summary>
    /// Makes the signed-in user the store's actor until disposed, as the app's circuit handler does for each event: the
    /// audit trail names them and a partner user's queries see only their partner's rows.
    /// </summary>
    public IDisposable ActAsUser() => StoreActor.Use(CxClaims.ActorOf(User.Principal));

    /// <summary>A context as the system, for arranging and checking data.</summary>
    public CxDbContext Context() => Bunit.Services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContext();

    /// <summary>The id of the demo initiative whose name starts with <paramref name="name"/>.</summary>
    public async Task<int> InitiativeAsync(string name)
    {
        await using var db = Context();
        return (await db.Initiatives.SingleAsync(i => i.Name.StartsWith(name))).Id;
    }

    public async Task DisposeAsync()
    {
        await Bunit.DisposeAsync();
        await _store.DisposeAsync();
    }
}

/// <summary>A clock that stands still until it is set.</summary>
public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>The time it tells.</summary>
    public DateTimeOffset Now { get; set; } = now;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Now;
}
