using Bunit;
using CxDashboard.Data;
using CxDashboard.Web.Components.Pages.Board;
using CxDashboard.Web.Tests.Board;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CxDashboard.Web.Tests.Faults;

/// <summary>
/// HTML and script typed into a text field (an initiative's name, a driver's name, a channel's name) is shown as
/// the text it is, never run or rendered as markup.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes the context through IAsyncLifetime.DisposeAsync.")]
public sealed class MarkupInTextTests : IAsyncLifetime
{
    private const string Script = "<script>window.cxInjected = 1</script><img src=x onerror=\"alert(1)\">";

    private readonly SeededStore _store = new();
    private readonly BunitContext _ctx = new();

    public async Task InitializeAsync()
    {
        await _store.InitializeAsync();
        _store.AddAppServices(_ctx.Services);
        _ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        // As in the app's circuits: the board loads its pack and partner sections only when interactive.
        _ctx.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        await using var db = _ctx.Services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContext();
        var initiative = await db.Initiatives.Include(i => i.ValueDrivers).OrderBy(i => i.Id).FirstAsync();
        initiative.Name = "AI agent " + Script;
        initiative.ValueDrivers[0].Name = "Deflection " + Script;
        (await db.Channels.OrderBy(c => c.Id).FirstAsync()).Name = "Voice " + Script;
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public void Markup_in_names_is_shown_as_text_on_the_board()
    {
        var cut = _ctx.Render<BoardPage>();
        cut.WaitForAssertion(() => Assert.Contains("AI agent <script>", cut.Find("[data-testid=board]").TextContent, StringComparison.Ordinal));

        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("img[onerror]"));
        Assert.Contains("&lt;script&gt;window.cxInjected", cut.Markup, StringComparison.Ordinal);
    }
}
