using CxDashboard.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CxDashboard.E2E.Tests;

/// <summary>
/// The board pack: the board's print view on landscape paper, and the PDF the server's Chromium prints of it. These need
/// Debian's Chromium twice over (the browser of the test, and the server's printer): under CI a missing one fails them.
/// </summary>
public sealed class BoardPackTests(DashboardServer server, ChromiumBrowser chromium, ITestOutputHelper output)
    : BoardPageTest(server, chromium, output)
{
    // The narrower of the A4 and US Letter landscape content boxes (259 × 186 mm with the pack's margins), at 96 dpi.
    private const int PageWidth = 980;
    private const int PageHeight = 703;

    private readonly ITestOutputHelper _output = output;

    [BrowserFact]
    public async Task The_print_view_lays_the_board_out_as_landscape_pages_without_the_app_around_it()
    {
        await OpenChartsDrawnAsync();
        await TestId("board-title").HoverAsync();
        await ScreenshotAsync("board-pack-light-screen");

        await Page.SetViewportSizeAsync(PageWidth, PageHeight);
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await ChartsFitAsync();

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

        // Nothing wider than the page, and each of the five sections no taller than one.
        Assert.Equal(PageWidth, sizes[0]);
        Assert.Equal(5, sizes.Length - 1);
        Assert.All(sizes.Skip(1), height => Assert.InRange(height, 100, PageHeight));
        AssertNoBrowserErrors();
    }

    [BrowserFact]
    public async Task The_print_view_of_a_reader_in_dark_mode_prints_dark_text_on_white()
    {
        await Page.SetViewportSizeAsync(PageWidth, PageHeight);
        await OpenChartsDrawnAsync();
        await TestId("board-title").HoverAsync();
        await Page.GetByLabel("Toggle dark theme").ClickAsync();
        await ScreenshotAsync("board-pack-dark-screen");

        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await ChartsFitAsync();

        var colours = await Page.EvaluateAsync<string[]>("""
            [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector('[data-testid=board-title]')).color]
            """);
        Assert.Equal(["rgb(255, 255, 255)", "rgba(0, 0, 0, 0.87)"], colours);
        await ScreenshotAsync("board-print-view-dark");
        AssertNoBrowserErrors();
    }

    [BrowserFact]
    public async Task The_pdf_is_the_print_view_printed_by_chromium_with_the_month_the_scope_and_the_time_on_every_page()
    {
        await OpenAsync("?month=2026-10");

        var response = await Page.APIRequest.GetAsync(Server.Url("board/pack.pdf?month=2026-10"), new() { Timeout = 120_000 });

        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        Assert.Contains("cxdashboard-board-pack-2026-10.pdf", response.Headers["content-disposition"], StringComparison.Ordinal);
        var pages = PdfPages(await response.BodyAsync());
        Assert.Equal(5, pages.Count);
        Assert.All(pages, page =>
        {
            // US Letter landscape, the paper of the demo organisation's en-US: 11 × 8.5 in.
            Assert.Equal((792, 612), ((int)Math.Round(page.Width), (int)Math.Round(page.Height)));
            Assert.Contains("Harbour Telecom · ROX board pack · October 2026", page.Text, StringComparison.Ordinal);
            Assert.Contains("All partners, channels and segments", page.Text, StringComparison.Ordinal);
            Assert.Contains("UTC", page.Text, StringComparison.Ordinal);
        });
        Assert.Contains("ROX board · October 2026", pages[0].Text, StringComparison.Ordinal);
        Assert.Contains("Value by factor per month", pages[0].Text, StringComparison.Ordinal);
        Assert.Contains("Realized against projected value", pages[1].Text, StringComparison.Ordinal);
        // The board's gains to date: $4,721,183 priced from KPI data plus the significant renewal test's $904,781.
        Assert.Contains("$5,625,964", pages[1].Text, StringComparison.Ordinal);
        Assert.Contains("Review gates", pages[2].Text, StringComparison.Ordinal);
        Assert.Contains("KPIs against baseline and target", pages[3].Text, StringComparison.Ordinal);
        Assert.Contains("Partners compared", pages[4].Text, StringComparison.Ordinal);
        AssertNoBrowserErrors();
    }

    [BrowserFact]
    public async Task A_partner_users_pdf_holds_only_their_partners_rows()
    {
        await SignInAsync("partner@harbour.demo", "harbour-partner-2026");
        await OpenAsync("?month=2026-10");

        var response = await Page.APIRequest.GetAsync(Server.Url("board/pack.pdf?month=2026-10"), new() { Timeout = 120_000 });

        Assert.Equal(200, response.Status);
        var pages = PdfPages(await response.BodyAsync());
        Assert.All(pages, page => Assert.Contains("Atlas Contact Solutions's rows only; the organisation's costs are not shown", page.Text, StringComparison.Ordinal));
        Assert.Contains("You see only the data of Atlas Contact Solutions", pages[0].Text, StringComparison.Ordinal);
        // The organisation's realized value to date is not a partner's figure.
        Assert.DoesNotContain(pages, page => page.Text.Contains("$4,721,183", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task Download_PDF_saves_the_pack_and_says_the_server_printed_it()
    {
        await OpenAsync("?month=2026-10");
        await Expect(TestId("pack-button")).ToHaveAttributeAsync("data-mode", "server");

        var download = await Page.RunAndWaitForDownloadAsync(() => TestId("pack-pdf").ClickAsync(), new() { Timeout = 120_000 });

        Assert.Equal("cxdashboard-board-pack-2026-10.pdf", download.SuggestedFilename);
        var path = Path.Combine(ScreenshotFolder, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        Assert.Equal(5, PdfPages(await File.ReadAllBytesAsync(path)).Count);
        await Expect(TestId("pack-outcome")).ToHaveTextAsync(
            "Downloaded cxdashboard-board-pack-2026-10.pdf: printed on the server by Chromium, the same pages as the print view.");
        await ScreenshotAsync("board-pack-downloaded");
        AssertNoBrowserErrors();
    }

    [BrowserFact]
    public async Task A_print_link_that_is_not_one_the_app_issued_opens_nothing()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Server.BaseAddress };

        using var response = await anonymous.GetAsync(new Uri("board/print-session?token=forged", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("not one this app issued", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    /// <summary>Opens October 2026's board and waits until both of its charts are drawn.</summary>
    private async Task OpenChartsDrawnAsync()
    {
        await OpenAsync("?month=2026-10");
        await Expect(TestId("tracking-chart").Locator(".apexcharts-svg")).ToBeVisibleAsync();
        await Expect(TestId("value-chart").Locator(".apexcharts-svg")).ToBeVisibleAsync();
    }

    /// <summary>Waits until the charts have redrawn for the layout they are in: none wider than its container.</summary>
    private Task<IJSHandle> ChartsFitAsync() => Page.WaitForFunctionAsync("""
        () => [...document.querySelectorAll('.apexcharts-canvas')].every(c => c.getBoundingClientRect().width <= c.parentElement.getBoundingClientRect().width + 1)
        """);

    private static List<(double Width, double Height, string Text)> PdfPages(byte[] pdf)
    {
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        using var document = PdfDocument.Open(pdf);
        return document.GetPages()
            .Select(p => (p.Width, p.Height, string.Join(' ', p.GetWords().Select(w => w.Text))))
            .ToList();
    }
}
