using CxDashboard.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CxDashboard.E2E.Tests;

/// <summary>The dark theme, for the board on a wall screen or a late-evening review.</summary>
public sealed class ThemeTests(DashboardServer server, ChromiumBrowser chromium, ITestOutputHelper output)
    : BoardPageTest(server, chromium, output)
{
    // Mean of the RGB channels of an element's computed colour, 0 (black) to 255 (white).
    private const string Brightness = """
        (element, property) => {
            const [r, g, b] = getComputedStyle(element)[property].match(/\d+(\.\d+)?/g).map(Number);
            return (r + g + b) / 3;
        }
        """;

    [BrowserFact]
    public async Task Dark_theme_toggle_darkens_the_page_and_the_chart_still_draws()
    {
        await OpenAsync();
        var body = Page.Locator("body");
        Assert.True(await BrightnessAsync(body, "backgroundColor") > 200, "The board should open in the light theme.");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Toggle dark theme" }).ClickAsync();

        await Page.WaitForFunctionAsync("() => { const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number); return (r + g + b) / 3 < 60; }");
        Assert.True(await BrightnessAsync(FigureValue("multiple"), "color") > 128, "Figures should be light text on the dark background.");
        var chart = TestId("value-chart");
        await Expect(chart.Locator(".apexcharts-canvas.apexcharts-theme-dark")).ToBeVisibleAsync();
        await Expect(chart.Locator(".apexcharts-svg")).ToBeVisibleAsync();
        await Expect(chart.Locator(".apexcharts-bar-area").First).ToBeAttachedAsync();
        await ScreenshotAsync("board-dark");

        await TestId("figure-rox").FocusAsync();
        await Expect(OpenFormula).ToBeVisibleAsync();
        await ScreenshotAsync("board-dark-rox-formula");

        AssertNoBrowserErrors();
    }

    [BrowserFact]
    public async Task A_reader_whose_system_is_dark_gets_the_dark_theme_from_the_start()
    {
        await Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });

        await OpenAsync();

        await Page.WaitForFunctionAsync("() => { const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number); return (r + g + b) / 3 < 60; }");
        await Expect(TestId("value-chart").Locator(".apexcharts-canvas.apexcharts-theme-dark")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Toggle dark theme" })).ToBeVisibleAsync();
        AssertNoBrowserErrors();
    }

    private static Task<double> BrightnessAsync(ILocator element, string property) =>
        element.EvaluateAsync<double>(Brightness, property);
}
