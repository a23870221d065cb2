using CxDashboard.Data.Demo;
using CxDashboard.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CxDashboard.E2E.Tests;

/// <summary>Choosing the month: through the picker, and through the address of a shared link.</summary>
public sealed class MonthTests(DashboardServer server, ChromiumBrowser chromium, ITestOutputHelper output)
    : BoardPageTest(server, chromium, output)
{
    [BrowserFact]
    public async Task Picking_a_month_updates_the_board_without_reloading_the_page()
    {
        await OpenAsync();
        await Expect(TestId("board")).ToHaveAttributeAsync("data-month", DemoOrganisation.LastMonth.ToString());
        var roxBefore = await FigureValue("rox").InnerTextAsync();
        // A full reload would start a fresh window object and lose this.
        await Page.EvaluateAsync("() => { window.cxE2eNoReload = 'kept'; }");

        await OpenMonthListAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "June 2025", Exact = true }).ClickAsync();

        await Expect(TestId("board")).ToHaveAttributeAsync("data-month", "2025-06");
        await Expect(FigureValue("rox")).Not.ToHaveTextAsync(roxBefore);
        await Expect(TestId("board-title")).ToContainTextAsync("June 2025");
        await Expect(MonthPicker).ToHaveValueAsync("June 2025");
        await Expect(Page).ToHaveURLAsync(new Uri(Server.BaseAddress, "?month=2025-06").ToString());
        Assert.Equal("kept", await Page.EvaluateAsync<string?>("() => window.cxE2eNoReload ?? null"));
        await Expect(TestId("value-chart").Locator(".apexcharts-svg")).ToBeVisibleAsync();

        // The closed list leaves the pointer over a headline figure, whose tooltip would cover the screenshot.
        await TestId("board-title").HoverAsync();
        await ScreenshotAsync("board-june-2025");
        AssertNoBrowserErrors();
    }

    [BrowserFact]
    public async Task A_month_without_data_says_so_instead_of_showing_zeros()
    {
        await OpenAsync("?month=2023-01");

        await Expect(TestId("no-data")).ToBeVisibleAsync();
        await Expect(TestId("no-data")).ToContainTextAsync("There is no data for January 2023");
        await Expect(TestId("board")).ToHaveCountAsync(0);
        await Expect(TestId("figure-value")).ToHaveCountAsync(0);
        await Expect(TestId("kpi-actual")).ToHaveCountAsync(0);
        await Expect(Page.Locator(".mud-main-content")).Not.ToContainTextAsync("$0");

        await ScreenshotAsync("board-no-data");
        AssertNoBrowserErrors();
    }

    [BrowserFact]
    public async Task A_malformed_month_in_the_address_is_explained()
    {
        await OpenAsync("?month=garbage");

        var error = TestId("board-error");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToContainTextAsync("\"garbage\" in the address is not a month");
        await Expect(error).ToContainTextAsync("YYYY-MM");
        await Expect(TestId("board")).ToHaveCountAsync(0);

        await ScreenshotAsync("board-bad-month");
        AssertNoBrowserErrors();
    }
}
