using System.Text;
using CxDashboard.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CxDashboard.E2E.Tests;

/// <summary>A CX manager loads a month from a CSV file in a real browser: preview, save, history, undo.</summary>
public sealed class DataPageTests(DashboardServer server, ChromiumBrowser chromium, ITestOutputHelper output)
    : BoardPageTest(server, chromium, output)
{
    protected override (string Email, string Password)? SignInAs => ("editor@harbour.demo", "harbour-editor-2026");

    [BrowserFact]
    public async Task An_editor_previews_saves_and_undoes_a_file_and_the_history_says_so()
    {
        // A month long before the demo data, so that the other tests' figures do not move while this one runs.
        var csv = """
            month,kpi,channel,partner,segment,value,numerator,denominator,weight,note
            2018-02,FCR,VOICE,INHOUSE,CONSUMER,,150,200,,
            2018-02,FCR,CHAT,INHOUSE,CONSUMER,,60,100,,from the chat vendor
            2018-02,COMPLAINTS,VOICE,INHOUSE,CONSUMER,41,,,,
            """;
        await Page.GotoAsync("data");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Import measurements" })).ToBeVisibleAsync();
        await Expect(TestId("choose-file")).ToBeEnabledAsync();

        // The file input is set once the interactive circuit is up; until then the prerendered input ignores it.
        var summary = TestId("upload-summary");
        for (var attempt = 0; attempt < 20 && !await summary.IsVisibleAsync(); attempt++)
        {
            await Page.Locator("[data-testid=import-panel] input[type=file]").SetInputFilesAsync(
                new FilePayload { Name = "february-2018.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
            await Page.WaitForTimeoutAsync(750);
        }

        await Expect(summary).ToContainTextAsync("3 rows for 2018-02, all correct");
        await Expect(TestId("upload-totals")).ToContainTextAsync("70.0%");
        await ScreenshotAsync("data-preview");

        await TestId("save-import").ClickAsync();
        await Expect(TestId("import-outcome")).ToContainTextAsync("rows added, 0 updated");
        var row = TestId("import-history").Locator("tbody tr", new() { HasText = "february-2018.csv" });
        await Expect(row).ToContainTextAsync("Saved");
        await ScreenshotAsync("data-history");

        var confirm = Page.GetByRole(AriaRole.Button, new() { Name = "Undo the import" });
        await ClickUntilVisibleAsync(row.GetByTestId("undo-import"), confirm);
        await confirm.ClickAsync();
        await Expect(TestId("history-outcome")).ToContainTextAsync("is undone");
        await Expect(row).ToContainTextAsync("Undone");
    }
}
