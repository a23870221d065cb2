using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CxDashboard.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CxDashboard.E2E.Tests;

/// <summary>An administrator creates a key for an integration, which then loads a batch and reads the board with it.</summary>
public sealed class ApiKeyTests(DashboardServer server, ChromiumBrowser chromium, ITestOutputHelper output)
    : BoardPageTest(server, chromium, output)
{
    protected override (string Email, string Password)? SignInAs => ("admin@harbour.demo", "harbour-admin-2026");

    [BrowserFact]
    public async Task A_key_created_in_settings_loads_measurements_through_the_API_and_the_import_is_in_the_history()
    {
        await Page.GotoAsync("settings");
        await Expect(TestId("api-keys-panel")).ToBeVisibleAsync();
        var name = TestId("new-api-key-name");
        await WaitForCircuitAsync();
        await name.FillAsync("Nightly survey feed");
        await Expect(name).ToHaveValueAsync("Nightly survey feed");

        await TestId("new-api-key-access").ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "ReadWrite: also loads measurements" }).ClickAsync();
        await TestId("add-api-key-save").ClickAsync();
        var secretBox = TestId("api-key-secret");
        await Expect(secretBox).ToBeVisibleAsync();
        var secret = await secretBox.InputValueAsync();
        Assert.StartsWith("cxk_", secret, StringComparison.Ordinal);
        await ScreenshotAsync("settings-api-key-secret");
        await TestId("api-key-secret-done").ClickAsync();
        await Expect(TestId("api-keys")).ToContainTextAsync("Nightly survey feed");

        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", secret);
        using var body = new StringContent("""
            month,kpi,channel,partner,segment,value,numerator,denominator,weight,note
            2017-05,CSAT,VOICE,INHOUSE,CONSUMER,,820,1000,,
            """, Encoding.UTF8, new MediaTypeHeaderValue("text/csv"));
        using var posted = await http.PostAsync("api/measurements", body);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        using var result = JsonDocument.Parse(await posted.Content.ReadAsStringAsync());
        Assert.Equal(1, result.RootElement.GetProperty("inserted").GetInt32());

        using var board = await http.GetAsync("api/board?month=2026-10");
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);

        await Page.GotoAsync("data");
        var row = TestId("import-history").Locator("tbody tr", new() { HasText = "API · Nightly survey feed" });
        await Expect(row).ToContainTextAsync("Saved");
        var confirm = Page.GetByRole(AriaRole.Button, new() { Name = "Undo the import" });
        await ClickUntilVisibleAsync(row.GetByTestId("undo-import"), confirm);
        await confirm.ClickAsync();
        await Expect(row).ToContainTextAsync("Undone");
    }
}
