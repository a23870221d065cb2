using System.Diagnostics.CodeAnalysis;
using Bunit;
using CxDashboard.Web.Board;
using CxDashboard.Web.Components.Pages.Board;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CxDashboard.Web.Tests.Exports;

/// <summary>The board's export menu offers the month on screen as CSV and XLSX, and is not offered for a month without data.</summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes the context through IAsyncLifetime.DisposeAsync.")]
public sealed class BoardExportMenuTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();

    public Task InitializeAsync()
    {
        _ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        // The header's Download PDF button asks whether the server has Chromium.
        _ctx.Services.AddOptions().AddSingleton<CxDashboard.Web.BoardPack.ServerChromium>();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public void The_menu_downloads_the_board_of_the_month_on_screen_as_CSV_or_XLSX()
    {
        var popovers = _ctx.Render<MudPopoverProvider>();
        var view = BoardView.NoData("Harbour Telecom", "2026-09", "September 2026") with { HasData = true };
        var cut = _ctx.Render<BoardHeader>(p => p.Add(x => x.View, view));

        cut.Find("[data-testid=board-export] button").Click();

        popovers.WaitForAssertion(() => Assert.Equal(
            ["/export/board.csv?month=2026-09", "/export/board.xlsx?month=2026-09"],
            popovers.FindAll("[data-testid^=board-export-]").Select(a => a.GetAttribute("href"))));
    }

    [Fact]
    public void A_month_without_data_has_nothing_to_export()
    {
        var cut = _ctx.Render<BoardHeader>(p => p.Add(x => x.View, BoardView.NoData("Harbour Telecom", "2031-01", "January 2031")));

        Assert.Empty(cut.FindAll("[data-testid=board-export]"));
    }
}
