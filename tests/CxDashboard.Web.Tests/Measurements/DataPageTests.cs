using System.Diagnostics.CodeAnalysis;
using Bunit;
using CxDashboard.Data;
using CxDashboard.Data.Access;
using CxDashboard.Data.Backups;
using CxDashboard.Web.Components.Pages.Data;
using CxDashboard.Web.Tests.Access;
using CxDashboard.Web.Tests.Board;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CxDashboard.Web.Tests.Measurements;

/// <summary>
/// The data page as a CX manager uses it: choose a file, read its problems or its preview, save it, see it in the
/// history and undo it; a viewer can only export. Each test works on a store of its own, since imports change it.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes the context through IAsyncLifetime.DisposeAsync.")]
public sealed class DataPageTests : IAsyncLifetime
{
    private const string Header = "month,kpi,channel,partner,segment,value,numerator,denominator,weight,note";

    private readonly SeededStore _store = new();
    private readonly BunitContext _ctx = new();

    public async Task InitializeAsync()
    {
        await _store.InitializeAsync();
        AddServices(_ctx, new SignedInUser("editor@harbour.demo", CxRoles.Editor));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _store.DisposeAsync();
    }

    private void AddServices(BunitContext ctx, AuthenticationStateProvider user)
    {
        _store.AddAppServices(ctx.Services);
        ctx.Services.AddCxBackups(_store.Configuration, _store.Folder);
        ctx.Services.AddScoped(_ => user);
        ctx.Services.AddScoped<CxDashboard.Web.Access.AccessGuard>();
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private async Task<int> CountAsync(Func<IQueryable<Data.Model.Measurement>, IQueryable<Data.Model.Measurement>> filter)
    {
        await using var db = await _ctx.Services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContextAsync();
        return await filter(db.Measurements).CountAsync();
    }

    private static void Choose(IRenderedComponent<ImportPanel> cut, string text, string fileName = "measurements.csv") =>
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(text, fileName));

    [Fact]
    public void A_correct_file_is_previewed_with_totals_rolled_up_by_the_KPIs_rule_and_nothing_is_stored_yet()
    {
        var cut = _ctx.Render<ImportPanel>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=choose-file]"));

        // FCR over two channels: (150 + 60) ÷ (200 + 100) = 70.0 %, not the mean of 75 % and 60 %.
        Choose(cut, $"""
            {Header}
            2019-03,FCR,VOICE,INHOUSE,CONSUMER,,150,200,,
            2019-03,FCR,CHAT,INHOUSE,CONSUMER,,60,100,,
            """);

        cut.WaitForAssertion(() => Assert.Contains("2 rows for 2019-03, all correct", cut.Find("[data-testid=upload-summary]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Equal("70.0%", cut.Find("[data-testid=total-value]").TextContent.Trim());
        Assert.Equal(2, cut.FindAll("[data-testid=upload-preview] tbody tr").Count);
        Assert.NotNull(cut.Find("[data-testid=save-import]"));
    }

    [Fact]
    public async Task Saving_stores_every_row_and_the_history_lists_the_import_which_can_be_undone()
    {
        var dialogs = _ctx.Render<MudDialogProvider>();
        var page = _ctx.Render<DataPage>();
        var panel = page.FindComponent<ImportPanel>();
        panel.WaitForAssertion(() => panel.Find("[data-testid=choose-file]"));
        page.WaitForAssertion(() => page.Find("[data-testid=no-imports]"));
        Choose(panel, $"""
            {Header}
            2019-04,COMPLAINTS,VOICE,INHOUSE,CONSUMER,41,,,,
            2019-04,COMPLAINTS,CHAT,INHOUSE,CONSUMER,7,,,,"=HYPERLINK(""http://x"",""y"")"
            """, "april.csv");
        panel.WaitForAssertion(() => panel.Find("[data-testid=save-import]"), TimeSpan.FromSeconds(20));

        panel.Find("[data-testid=save-import]").Click();

        page.WaitForAssertion(() => Assert.Matches(@"^Import #\d+ is saved: 2 rows added, 0 updated\.$", page.Find("[data-testid=import-outcome] .mud-alert-message").TextContent.Trim()), TimeSpan.FromSeconds(30));
        Assert.Equal(2, await CountAsync(q => q.Where(m => m.Month == 201904)));
        page.WaitForAssertion(() => Assert.Equal("april.csv", page.Find("[data-testid=import-file-name]").TextContent.Trim()));
        Assert.Equal("Saved", page.Find("[data-testid=import-status] .mud-chip").TextContent.Trim());

        page.Find("[data-testid=undo-import]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-message-box"));
        dialogs.FindAll(".mud-message-box button").Single(b => b.TextContent.Contains("Undo the import", StringComparison.Ordinal)).Click();

        page.WaitForAssertion(() => Assert.Contains("is undone", page.Find("[data-testid=history-outcome]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Equal(0, await CountAsync(q => q.Where(m => m.Month == 201904)));
        Assert.Equal("Undone", page.Find("[data-testid=import-status] .mud-chip").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=undo-import]"));
    }

    [Fact]
    public async Task A_file_with_a_bad_row_lists_the_line_column_and_fix_and_offers_no_save()
    {
        var before = await CountAsync(q => q);
        var cut = _ctx.Render<ImportPanel>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=choose-file]"));

        Choose(cut, $"""
            {Header}
            2019-05,FCR,VOICE,INHOUSE,CONSUMER,,150,200,,
            2019-05,FCR,CHAT,INHOUSE,CONSUMER,,260,200,,
            """);

        cut.WaitForAssertion(() => Assert.Contains("has 1 problem, so nothing was stored", cut.Find("[data-testid=upload-summary]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Equal("3", cut.Find("[data-testid=problem-line]").TextContent.Trim());
        Assert.False(string.IsNullOrWhiteSpace(cut.Find("[data-testid=problem-fix]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=save-import]"));
        Assert.Equal(before, await CountAsync(q => q));
    }

    [Fact]
    public async Task A_file_over_the_upload_limit_is_refused_with_the_limit_and_how_to_split_it()
    {
        var before = await CountAsync(q => q);
        await using var ctx = new BunitContext();
        AddServices(ctx, new SignedInUser("editor@harbour.demo", CxRoles.Editor));
        ctx.Services.Configure<CxDashboard.Web.Hosting.UploadOptions>(o => o.MaxMegabytes = 1);
        var cut = ctx.Render<ImportPanel>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=choose-file]"));
        var rows = string.Concat(Enumerable.Repeat("2019-06,COMPLAINTS,VOICE,INHOUSE,CONSUMER,41,,,,\n", 25_000));

        Choose(cut, Header + "\n" + rows, "big.csv");

        cut.WaitForAssertion(() => Assert.Contains("the most one upload may be is 1 MB", cut.Find("[data-testid=problem-reason]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Contains("Split the file", cut.Find("[data-testid=problem-fix]").TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(q => q));
    }

    [Fact]
    public async Task A_viewer_sees_no_file_chooser_and_the_service_refuses_to_read_for_them()
    {
        await using var ctx = new BunitContext();
        AddServices(ctx, new SignedInUser("viewer@harbour.demo", CxRoles.Viewer));

        var cut = ctx.Render<ImportPanel>();

        cut.WaitForAssertion(() => Assert.Contains("Importing needs the Editor role", cut.Find("[data-testid=import-not-allowed]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=choose-file]"));
        var upload = ctx.Services.GetRequiredService<Web.Measurements.MeasurementUpload>();
        using var content = new MemoryStream("month\n"u8.ToArray());
        var refusal = await Assert.ThrowsAsync<CxDashboard.Web.Access.AccessDeniedException>(() => upload.ReadAsync(content, "x.csv", content.Length));
        Assert.Contains("Editor role", refusal.Message, StringComparison.Ordinal);
    }
}
