using System.Text.RegularExpressions;
using CxDashboard.Data.Demo;
using CxDashboard.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CxDashboard.E2E.Tests;

/// <summary>The board as an executive opens it: the latest month of the demo organisation.</summary>
public sealed partial class BoardTests(DashboardServer server, ChromiumBrowser chromium, ITestOutputHelper output)
    : BoardPageTest(server, chromium, output)
{
    private static readonly string[] TileKpis = ["CPC", "FCR", "AHT", "CSAT", "NPS", "CLV", "CHURN"];

    [BrowserFact]
    public async Task Board_shows_headline_figures_kpi_tiles_and_the_value_chart()
    {
        var chartScript = Page.WaitForResponseAsync(r => r.Url.Contains("/lib/apexcharts/apexcharts.esm", StringComparison.Ordinal));

        await OpenAsync();

        var script = await chartScript;
        Assert.True(script.Ok, $"The apexcharts script answered HTTP {script.Status}.");
        Assert.Contains("javascript", script.Headers["content-type"], StringComparison.Ordinal);

        await Expect(TestId("organisation-name")).ToHaveTextAsync(DemoOrganisation.Name);
        await Expect(TestId("board")).ToHaveAttributeAsync("data-month", DemoOrganisation.LastMonth.ToString());
        await Expect(FigureValue("rox")).ToHaveTextAsync(Percent());
        await Expect(FigureValue("roi")).ToHaveTextAsync(Percent());
        await Expect(FigureValue("multiple")).ToHaveTextAsync(Multiple());
        await Expect(FigureValue("net")).ToHaveTextAsync(Money());

        await Expect(TestId("kpi-actual")).ToHaveCountAsync(TileKpis.Length);
        foreach (var code in TileKpis)
        {
            var tile = TestId($"kpi-{code}");
            await Expect(tile).ToBeVisibleAsync();
            await Expect(tile.GetByTestId("kpi-actual")).ToHaveTextAsync(NotBlank());
            await Expect(tile.GetByTestId("kpi-status")).ToHaveTextAsync(NotBlank());
        }

        var chart = TestId("value-chart");
        await Expect(chart.Locator(".apexcharts-svg")).ToBeVisibleAsync();
        await Expect(chart.Locator(".apexcharts-bar-area").First).ToBeAttachedAsync();

        await ScreenshotAsync("board");
        AssertNoBrowserErrors();
    }

    [BrowserFact]
    public async Task Focusing_or_hovering_a_figure_shows_its_formula_with_the_numbers()
    {
        await OpenAsync();

        await TestId("figure-rox").FocusAsync();
        await Expect(OpenFormula).ToBeVisibleAsync();
        await Expect(OpenFormula).ToContainTextAsync("ROX =");
        var substituted = OpenFormula.GetByTestId("formula-substituted");
        await Expect(substituted).ToContainTextAsync("÷");
        await Expect(substituted).ToContainTextAsync("$");
        await ScreenshotAsync("board-rox-formula");

        await TestId("figure-roi").HoverAsync();
        await Expect(Page.Locator(".mud-popover-open").GetByTestId("formula").Filter(new() { HasText = "ROI =" })).ToBeVisibleAsync();

        AssertNoBrowserErrors();
    }

    // "221.4%", "−12.5%" (a true minus sign): a percentage with one decimal.
    [GeneratedRegex(@"^−?\d{1,3}(,\d{3})*\.\d%$")]
    private static partial Regex Percent();

    // "3.21×": a multiple with two decimals.
    [GeneratedRegex(@"^−?\d{1,3}(,\d{3})*\.\d{2}×$")]
    private static partial Regex Multiple();

    // "$1,234,567" or "−$1,234": whole dollars with thousands separators.
    [GeneratedRegex(@"^−?\$\d{1,3}(,\d{3})*$")]
    private static partial Regex Money();

    [GeneratedRegex(@"\S")]
    private static partial Regex NotBlank();
}
