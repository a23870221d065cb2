using System.Diagnostics.CodeAnalysis;
using Bunit;
using CxDashboard.Web.BoardPack;
using CxDashboard.Web.Components.Pages.Board;
using CxDashboard.Web.Tests.Board;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CxDashboard.Web.Tests.BoardPack;

/// <summary>
/// The board's "Download PDF": with Chromium on the server it downloads the PDF the server prints; without it, it
/// opens the browser's own print dialog; and either way it says which it did.
/// </summary>
[Collection(SeededStoreGroup.Name)]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes the context through IAsyncLifetime.DisposeAsync.")]
public sealed class BoardPackButtonTests : IAsyncLifetime
{
    private const string Module = "./Components/Pages/Board/BoardPackButton.razor.js";

    private readonly BunitContext _ctx = new();
    private readonly string _chromium = Path.Combine(Path.GetTempPath(), $"cxdashboard-chromium-{Guid.NewGuid():N}");

    public BoardPackButtonTests(SeededStore store)
    {
        store.AddAppServices(_ctx.Services);
        _ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        File.Delete(_chromium);
    }

    [Fact]
    public void Without_chromium_on_the_server_it_opens_the_browsers_print_dialog_and_says_so()
    {
        ChromiumAt(Path.Combine(Path.GetTempPath(), "no-such-chromium"));
        var module = _ctx.JSInterop.SetupModule(Module);
        module.SetupVoid("printPack").SetVoidResult();

        var cut = Render();
        Assert.Equal("browser", cut.Find("[data-testid=pack-button]").GetAttribute("data-mode"));
        cut.Find("[data-testid=pack-pdf]").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            "This server has no Chromium to make the PDF, so your browser's print dialog opened instead: choose Save as PDF there for the same pack.",
            cut.Find("[data-testid=pack-outcome]").TextContent));
        Assert.Single(module.Invocations, i => i.Identifier == "printPack");
        Assert.DoesNotContain(module.Invocations, i => i.Identifier == "download");
    }

    [Fact]
    public void With_chromium_on_the_server_it_downloads_the_pdf_the_server_prints_and_names_the_file()
    {
        File.WriteAllText(_chromium, "");
        ChromiumAt(_chromium);
        var module = _ctx.JSInterop.SetupModule(Module);
        module.Setup<string?>("download", _ => true).SetResult(null);

        var cut = Render();
        Assert.Equal("server", cut.Find("[data-testid=pack-button]").GetAttribute("data-mode"));
        cut.Find("[data-testid=pack-pdf]").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            "Downloaded cxdashboard-board-pack-2026-10.pdf: printed on the server by Chromium, the same pages as the print view.",
            cut.Find("[data-testid=pack-outcome]").TextContent));
        var download = Assert.Single(module.Invocations, i => i.Identifier == "download");
        Assert.Equal(["board/pack.pdf?month=2026-10", "cxdashboard-board-pack-2026-10.pdf"], download.Arguments);
    }

    [Fact]
    public void When_the_server_cannot_print_the_pdf_the_button_says_why_and_points_to_the_print_dialog()
    {
        File.WriteAllText(_chromium, "");
        ChromiumAt(_chromium);
        var module = _ctx.JSInterop.SetupModule(Module);
        module.Setup<string?>("download", _ => true).SetResult("The PDF could not be made: Chromium stopped before it had printed the page.");

        var cut = Render();
        cut.Find("[data-testid=pack-pdf]").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            "The PDF could not be made: Chromium stopped before it had printed the page. Your browser's own print dialog (Ctrl+P, Save as PDF) gives the same pack.",
            cut.Find("[data-testid=pack-outcome]").TextContent));
        Assert.Contains("cx-negative", cut.Find("[data-testid=pack-outcome]").ClassName, StringComparison.Ordinal);
    }

    private void ChromiumAt(string path) => _ctx.Services.Configure<BoardPackOptions>(o => o.ChromiumPath = path);

    private IRenderedComponent<BoardPackButton> Render() =>
        _ctx.Render<BoardPackButton>(p => p.Add(x => x.Month, "2026-10").Add(x => x.MonthLabel, "October 2026"));
}
