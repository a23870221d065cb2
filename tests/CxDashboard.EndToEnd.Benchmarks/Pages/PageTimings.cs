using System.Text.Json;
using Microsoft.Playwright;

namespace CxDashboard.EndToEnd.Benchmarks.Pages;

/// <summary>One page load as Chromium timed it, in milliseconds from the start of the navigation.</summary>
internal sealed record PageLoad(double FirstByte, double FirstContentfulPaint, double LargestContentfulPaint, double Interactive);

/// <summary>The timings of one page over every measured load.</summary>
internal sealed record PageFigures(string Page, Stats FirstByte, Stats FirstContentfulPaint, Stats LargestContentfulPaint, Stats Interactive);

/// <summary>
/// The board and its floor in Debian's Chromium (headless, through Playwright), each opened in a fresh browser context
/// (no cache, no open circuit) against a warm app. First contentful paint from the paint timeline; largest contentful
/// paint from a buffered PerformanceObserver, read one second after the page is interactive (the charts draw late);
/// interactive for the board is the moment its circuit has replaced the prerendered board with the interactive one (a
/// MutationObserver sees a board element that was not in the prerendered document: from then on clicks are handled),
/// and for the floor, the sign-in page, a plain server-rendered form that needs no circuit, the end of DOMContentLoaded.
/// </summary>
internal static class PageTimings
{
    private const string Observers = """
        (() => {
          const cx = window.__cx = { lcp: null, interactive: null };
          new PerformanceObserver(list => { for (const e of list.getEntries()) cx.lcp = e.startTime; })
            .observe({ type: 'largest-contentful-paint', buffered: true });
          document.addEventListener('DOMContentLoaded', () => {
            const prerendered = document.querySelector('[data-testid=board]');
            if (prerendered) prerendered.__cxPrerendered = true;
            const observer = new MutationObserver(() => {
              const board = document.querySelector('[data-testid=board]');
              if (board && !board.__cxPrerendered) { cx.interactive = performance.now(); observer.disconnect(); }
            });
            observer.observe(document.body, { childList: true, subtree: true });
          });
        })();
        """;

    private const string Read = """
        () => ({
          fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
          lcp: window.__cx.lcp,
          interactive: window.__cx.interactive,
          domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
          firstByte: performance.getEntriesByType('navigation')[0].responseStart,
        })
        """;

    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    public static async Task<(PageFigures Board, PageFigures Floor)> MeasureAsync(Uri app, int warmUps, int loads, Action<string> progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = Arguments,
        });

        var signedIn = await SignInAsync(browser, app);
        var board = new List<PageLoad>();
        var floor = new List<PageLoad>();
        for (var i = 0; i < warmUps + loads; i++)
        {
            var b = await LoadAsync(browser, app, "?month=2026-10", signedIn, isBoard: true);
            var f = await LoadAsync(browser, app, "account/login", null, isBoard: false);
            if (i < warmUps) continue;
            board.Add(b);
            floor.Add(f);
            progress($"load {i - warmUps + 1}/{loads}: board {b.FirstContentfulPaint:0}/{b.LargestContentfulPaint:0}/{b.Interactive:0} ms, sign-in {f.FirstContentfulPaint:0}/{f.LargestContentfulPaint:0}/{f.Interactive:0} ms");
        }

        return (Figures("board", board), Figures("sign-in page", floor));
    }

    private static PageFigures Figures(string page, List<PageLoad> loads) => new(
        page,
        Stats.Of(loads.Select(l => l.FirstByte)),
        Stats.Of(loads.Select(l => l.FirstContentfulPaint)),
        Stats.Of(loads.Select(l => l.LargestContentfulPaint)),
        Stats.Of(loads.Select(l => l.Interactive)));

    private static async Task<string> SignInAsync(IBrowser browser, Uri app)
    {
        await using var context = await browser.NewContextAsync(new() { BaseURL = app.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("account/login");
        await page.Locator("#email").FillAsync("viewer@harbour.demo");
        await page.Locator("#password").FillAsync("harbour-viewer-2026");
        await page.GetByTestId("sign-in").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return await context.StorageStateAsync();
    }

    private static async Task<PageLoad> LoadAsync(IBrowser browser, Uri app, string relative, string? storageState, bool isBoard)
    {
        await using var context = await browser.NewContextAsync(new()
        {
            BaseURL = app.ToString(),
            ViewportSize = new() { Width = 1440, Height = 900 },
            Locale = "en-US",
            StorageState = storageState,
        });
        await context.AddInitScriptAsync(Observers);
        var page = await context.NewPageAsync();
        await page.GotoAsync(relative, new() { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
        if (isBoard)
            await page.WaitForFunctionAsync("() => window.__cx.interactive !== null", null, new() { Timeout = 60_000, PollingInterval = 50 });
        await page.WaitForTimeoutAsync(1_000);
        var timings = await page.EvaluateAsync<JsonElement>(Read);
        double Number(string name) => timings.GetProperty(name).ValueKind == JsonValueKind.Number ? timings.GetProperty(name).GetDouble() : double.NaN;
        return new PageLoad(Number("firstByte"), Number("fcp"), Number("lcp"), isBoard ? Number("interactive") : Number("domContentLoaded"));
    }
}
