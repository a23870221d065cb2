using Bunit;
using CxDashboard.Data;
using CxDashboard.Data.Backups;
using CxDashboard.Web.Components.Pages.Board;
using CxDashboard.Web.Tests.Board;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CxDashboard.Web.Tests.Backups;

/// <summary>An open board shows the restored figures as soon as a restore finishes, without being reloaded by hand.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes the context through IAsyncLifetime.DisposeAsync.")]
public sealed class BoardAfterRestoreTests : IAsyncLifetime
{
    private readonly SeededStore _store = new();
    private readonly BunitContext _ctx = new();

    public async Task InitializeAsync()
    {
        await _store.InitializeAsync();
        _store.AddAppServices(_ctx.Services);
        _ctx.Services.AddCxBackups(_store.Configuration, _store.Folder);
        _ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        // As in the app's circuits: the board loads its pack and partner sections only when interactive.
        _ctx.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task An_open_board_loads_its_month_again_after_a_restore()
    {
        var backups = _ctx.Services.GetRequiredService<StoreBackups>();
        var backup = await backups.CreateAsync("manual");
        await using (var db = _ctx.Services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContext())
        {
            (await db.Initiatives.OrderBy(i => i.Id).FirstAsync()).Name = "Renamed after the backup";
            await db.SaveChangesAsync();
        }

        var cut = _ctx.Render<BoardPage>();
        cut.WaitForAssertion(() => Assert.Contains("Renamed after the backup", cut.Markup, StringComparison.Ordinal));

        await backups.RestoreAsync(backup.Name);

        cut.WaitForAssertion(() => Assert.DoesNotContain("Renamed after the backup", cut.Markup, StringComparison.Ordinal));
        Assert.Contains("AI agent for tier-1 contacts", cut.Markup, StringComparison.Ordinal);
    }
}
