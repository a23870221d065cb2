using CxDashboard.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CxDashboard.E2E.Tests;

/// <summary>The board pack: the board's print view on landscape paper, and the PDF the server prints of it.</summary>
public sealed class BoardPackTests(DashboardServer server, ChromiumBrowser chromium, ITestOutputHelper output)
    : BoardPageTest(server, chromium, output)
{
    private const int PageWidth = 980;
    private const int PageHeight = 703;

    private readonly ITestOutputHelper _output = output;

    [BrowserFact]
    public async Task The_print_view_lays_the_board_out_as_landscape_pages_without_the_app_around_it()
    {
        // The narrower of A4 and US Letter landscape content boxes (259 × 186 mm with the pack's margins), at 96 dpi.
        await Page.SetViewportSizeAsync(PageWidth, PageHeight);
        await OpenAsync("?month=2026-10");
        await Expect(TestId("tracking-chart").Locator(".apexcharts-svg")).ToBeVisibleAsync();
        await Expect(TestId("value-chart").Locator(".apexcharts-svg")).ToBeVisibleAsync();

        await Page.EmulateMediaAsync(new() { Media = Media.Print });

        await Expect(Page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Expect(Page.Locator(".mud-drawer")).ToBeHiddenAsync();
        await Expect(TestId("pack-button")).ToBeHiddenAsync();
        await Expect(TestId("pack-footer")).ToBeVisibleAsync();
        await Expect(TestId("pack-footer-month")).ToHaveTextAsync("October 2026");
        await Expect(TestId("pack-footer-scope")).ToHaveTextAsync("All partners, channels and segments");
        await Expect(TestId("pack-footer-generated")).ToContainTextAsync("UTC");
        var sizes = await Page.EvaluateAsync<double[]>("""
            [document.documentElement.scrollWidth, ...[...document.querySelectorAll('.cx-pack-page')].map(s => s.getBoundingClientRect().height)]
            """);
        _output.WriteLine($"print layout: width {sizes[0]}, sections {string.Join(", ", sizes.Skip(1))}");
        await ScreenshotAsync("board-print-view");
        Assert.Equal(PageWidth, sizes[0]);
        Assert.All(sizes.Skip(1), height => Assert.InRange(height, 100, PageHeight));
        AssertNoBrowserErrors();
    }
}
