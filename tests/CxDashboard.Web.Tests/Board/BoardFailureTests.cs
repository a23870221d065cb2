using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Bunit;
using CxDashboard.Data;
using CxDashboard.Web.Components.Pages.Board;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CxDashboard.Web.Tests.Board;

/// <summary>A store that stops answering while the app runs: the board says so in a sentence and the page lives on.</summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes the context through IAsyncLifetime.DisposeAsync.")]
public sealed class BoardFailureTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("cxdashboard-broken-").FullName;

    public async Task InitializeAsync()
    {
        // A file that is not a database: every query fails, as a store lost under a running app would.
        var file = Path.Combine(_folder, "broken.db");
        await File.WriteAllBytesAsync(file, RandomNumberGenerator.GetBytes(4096));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={file}",
        }).Build();
        _ctx.Services.AddLogging();
        _ctx.Services.AddCxData(configuration, _folder);
        _ctx.Services.AddCxWeb();
        _ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        // As in the app's circuits: the board loads its pack and partner sections only when interactive.
        _ctx.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_store_that_does_not_answer_gives_a_message_instead_of_a_crash()
    {
        var cut = _ctx.Render<BoardPage>();

        cut.WaitForAssertion(() => Assert.Equal(
            "The board cannot be shown: the data store did not answer. Try again in a moment; if it keeps failing, tell your administrator (the details are in the app's log).",
            cut.Find("[data-testid=board-error]").TextContent));
        Assert.DoesNotContain("SqliteException", cut.Markup, StringComparison.Ordinal);
    }
}
