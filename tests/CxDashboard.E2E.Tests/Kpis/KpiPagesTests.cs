using CxDashboard.Data.Demo;
using CxDashboard.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CxDashboard.E2E.Tests.Kpis;

/// <summary>The CX managers' KPI tracker and a KPI's own page, in a real browser against the running app.</summary>
public sealed class KpiPagesTests(DashboardServer server, ChromiumBrowser chromium, ITestOutputHelper output)
    : BoardPageTest(server, chromium, output)
{
    protected override (string Email, string Password)? SignInAs => ("editor@harbour.demo", "harbour-editor-2026");

    [BrowserFact]
    public async Task A_manager_filters_the_tracker_by_a_channel_and_opens_a_kpi_with_its_chart()
    {
        await OpenAsync("kpis");
        await Expect(TestId("kpis")).ToHaveAttributeAsync("data-month", DemoOrganisation.LastMonth.ToString());
        await Expect(TestId("kpi-link-FCR")).ToBeVisibleAsync();
        await Expect(TestId("sparkline").First).ToBeVisibleAsync();
        await TestId("kpis-title").HoverAsync();
        await ScreenshotAsync("kpis-light");

        await TestId("filter-channel").ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "Voice", Exact = true }).ClickAsync();
        await Page.Keyboard.PressAsync("Escape");

        await Expect(TestId("kpis")).ToHaveAttributeAsync("data-scope", "Voice · all partners · all segments");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("channel=VOICE"));
        await Expect(TestId("kpis-note").First).ToContainTextAsync("No organisation baseline is kept for exactly this scope");
        await TestId("kpis-title").HoverAsync();
        await ScreenshotAsync("kpis-voice");

        await TestId("kpi-link-FCR").ClickAsync();

        await Expect(TestId("kpi-detail")).ToHaveAttributeAsync("data-code", "FCR");
        await Expect(TestId("kpi-detail")).ToHaveAttributeAsync("data-scope", "Voice · all partners · all segments");
        await Expect(TestId("kpi-chart").Locator(".apexcharts-svg")).ToBeVisibleAsync();
        await Expect(TestId("kpi-chart").Locator(".apexcharts-line-series path.apexcharts-line").First).ToBeAttachedAsync();
        await Expect(TestId("breakdown-channel").GetByTestId("breakdown-name")).ToHaveTextAsync(["Voice"]);
        await TestId("kpi-title").HoverAsync();
        await ScreenshotAsync("kpi-fcr-voice-light");

        // An editor's forms open in place; cancelled here, as this app's store is shared with the other browser tests.
        await TestId("baseline-add").ClickAsync();
        await Expect(TestId("baseline-add-form")).ToBeVisibleAsync();
        await TestId("kpi-title").HoverAsync();
        await ScreenshotAsync("kpi-fcr-voice-add-baseline");
        await TestId("baseline-rebaseline").First.ClickAsync();
        await Expect(TestId("rebaseline-form")).ToBeVisibleAsync();
        await TestId("measurement-edit").First.ClickAsync();
        await Expect(TestId("measurement-editor")).ToBeVisibleAsync();
        await TestId("kpi-title").HoverAsync();
        await ScreenshotAsync("kpi-fcr-voice-forms");
        await TestId("measurement-cancel").ClickAsync();
        await Expect(TestId("measurement-editor")).ToHaveCountAsync(0);

        await TestId("back-to-tracker").ClickAsync();
        await Expect(TestId("kpis")).ToHaveAttributeAsync("data-scope", "Voice · all partners · all segments");
        AssertNoBrowserErrors();
    }

    [BrowserFact]
    public async Task The_kpi_pages_read_in_the_dark_theme_with_the_baseline_and_target_on_the_chart()
    {
        await Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });

        await OpenAsync("kpis");
        await Page.WaitForFunctionAsync("() => { const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number); return (r + g + b) / 3 < 60; }");
        await Expect(TestId("kpi-link-CPC")).ToBeVisibleAsync();
        await TestId("kpis-title").HoverAsync();
        await ScreenshotAsync("kpis-dark");

        await OpenAsync("kpis/FCR");
        var chart = TestId("kpi-chart");
        await Expect(chart.Locator(".apexcharts-canvas.apexcharts-theme-dark")).ToBeVisibleAsync();
        // The organisation's baseline and target are drawn as reference lines with their labels.
        await Expect(chart.Locator(".apexcharts-yaxis-annotations line")).ToHaveCountAsync(2);
        await Expect(chart.Locator(".apexcharts-yaxis-annotations")).ToContainTextAsync("Baseline");
        await Expect(chart.Locator(".apexcharts-yaxis-annotations")).ToContainTextAsync("Target");
        await TestId("kpi-title").HoverAsync();
        await ScreenshotAsync("kpi-fcr-dark");
        AssertNoBrowserErrors();
    }

    [BrowserFact]
    public async Task An_unknown_kpi_says_so_with_a_way_back()
    {
        await OpenAsync("kpis/NOPE");

        await Expect(TestId("kpi-not-found")).ToContainTextAsync("There is no KPI with the code \"NOPE\"");
        await TestId("kpi-not-found-back").ClickAsync();
        await Expect(TestId("kpis")).ToBeVisibleAsync();
        AssertNoBrowserErrors();
    }
}
