using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CxDashboard.E2E.Tests.Infrastructure;

/// <summary>
/// A browser test against the running app: a fresh browser context per test (no shared cookies or
/// circuits), helpers to open the board once its circuit is interactive, and a full-page screenshot.
/// </summary>
[Collection(SharedDashboard.Name)]
public abstract class BoardPageTest(DashboardServer server, ChromiumBrowser chromium, ITestOutputHelper output)
    : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    /// <summary>The folder of the screenshots, under the test output (ignored by git with bin/ and screenshots/).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    // A prerendered page draws before its circuit connects; the first interactive render on a
    // two-core machine can take a few seconds, so waits are generous. They end as soon as the condition holds.
    internal const float WaitMilliseconds = 15_000;

    private readonly List<string> _browserErrors = [];
    private IBrowserContext? _context;

    static BoardPageTest() => SetDefaultExpectTimeout(WaitMilliseconds);

    /// <summary>The page of this test.</summary>
    protected IPage Page { get; private set; } = default!;

    /// <summary>The running app.</summary>
    protected DashboardServer Server => server;

    /// <summary>The element with a data-testid.</summary>
    protected ILocator TestId(string id) => Page.GetByTestId(id);

    /// <summary>A headline figure's value ("figure-rox" → its big number).</summary>
    protected ILocator FigureValue(string key) => TestId($"figure-{key}").GetByTestId("figure-value");

    /// <summary>The month picker's input (MudSelect puts the data-testid on its combobox).</summary>
    protected ILocator MonthPicker => TestId("month-picker");

    /// <summary>The open tooltip's formula explanation.</summary>
    protected ILocator OpenFormula => Page.Locator(".mud-popover-open").GetByTestId("formula");

    public async Task InitializeAsync()
    {
        if (Chromium.ShouldSkip)
            return;

        _context = await chromium.Browser.NewContextAsync(new()
        {
            BaseURL = server.BaseAddress.ToString(),
            ViewportSize = new() { Width = 1440, Height = 900 },
            Locale = "en-US",
        });
        _context.SetDefaultTimeout(WaitMilliseconds);
        Page = await _context.NewPageAsync();
        Page.PageError += (_, error) => _browserErrors.Add($"uncaught: {error}");
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
                _browserErrors.Add($"console: {message.Text}");
        };
        Page.Response += (_, response) =>
        {
            if (response.Status >= 400)
                _browserErrors.Add($"HTTP {response.Status}: {response.Url}");
        };
        if (SignInAs is { } user)
            await SignInAsync(user.Email, user.Password);
    }

    /// <summary>The demo user this test signs in as before it starts; null to start signed out.</summary>
    protected virtual (string Email, string Password)? SignInAs => ("viewer@harbour.demo", "harbour-viewer-2026");

    /// <summary>Signs in through the sign-in page, as a person would, and waits to leave it.</summary>
    protected async Task SignInAsync(string email, string password)
    {
        await Page.GotoAsync("account/login");
        await Page.Locator("#email").FillAsync(email);
        await Page.Locator("#password").FillAsync(password);
        await TestId("sign-in").ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        foreach (var error in _browserErrors)
            output.WriteLine(error);
        if (_context is not null)
            await _context.DisposeAsync();
    }

    /// <summary>Opens the board ("" or "?month=2025-06") and waits until its circuit answers clicks.</summary>
    protected async Task OpenAsync(string relative = "")
    {
        await Page.GotoAsync(server.Url(relative));
        await WaitForInteractiveAsync();
    }

    /// <summary>
    /// Waits until the page's circuit has drawn it (the layout's <c>data-circuit</c> marker): what is typed from then on
    /// reaches the circuit, where typing into the prerendered page is lost when the circuit draws the page again.
    /// </summary>
    protected Task WaitForCircuitAsync() => Expect(Page.Locator("main [data-circuit]")).ToBeAttachedAsync();

    /// <summary>
    /// Waits for the interactive circuit: the prerendered month picker ignores clicks until the circuit
    /// is connected, after which a click opens its list. Closes the list again.
    /// </summary>
    protected Task WaitForInteractiveAsync() => WaitForInteractiveAsync(Page);

    /// <summary>Waits for the interactive circuit of the board on <paramref name="page"/> (see the instance method).</summary>
    internal static async Task WaitForInteractiveAsync(IPage page)
    {
        await OpenMonthListAsync(page);
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByTestId("month-picker")).ToHaveAttributeAsync("aria-expanded", "false");
    }

    /// <summary>Clicks the month picker until its list of months is open.</summary>
    protected Task OpenMonthListAsync() => OpenMonthListAsync(Page);

    /// <summary>Clicks the month picker on <paramref name="page"/> until its list of months is open.</summary>
    internal static async Task OpenMonthListAsync(IPage page)
    {
        var picker = page.GetByTestId("month-picker");
        var deadline = DateTime.UtcNow.AddMilliseconds(WaitMilliseconds);
        while (true)
        {
            await picker.ClickAsync();
            try
            {
                await Expect(picker).ToHaveAttributeAsync("aria-expanded", "true", new() { Timeout = 1_000 });
                await Expect(page.GetByRole(AriaRole.Listbox)).ToBeVisibleAsync();
                return;
            }
            catch (PlaywrightException) when (DateTime.UtcNow < deadline)
            {
                // Not interactive yet: the click reached prerendered markup. Click again.
            }
        }
    }

    /// <summary>
    /// Clicks until what the click should open is visible: a click that lands on prerendered markup,
    /// before the page's circuit is connected, does nothing, so one click is not enough on a fresh page.
    /// </summary>
    protected static async Task ClickUntilVisibleAsync(ILocator target, ILocator opens)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(WaitMilliseconds);
        while (true)
        {
            await target.ClickAsync();
            try
            {
                await Expect(opens).ToBeVisibleAsync(new() { Timeout = 1_000 });
                return;
            }
            catch (PlaywrightException) when (DateTime.UtcNow < deadline)
            {
                // Not interactive yet: click again.
            }
        }
    }

    /// <summary>Saves a full-page screenshot as screenshots/NAME.png and returns its path.</summary>
    protected async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(ScreenshotFolder, $"{name}.png");
        // Finish MudBlazor's fade transitions first, so a tooltip is captured opaque, not half drawn.
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        output.WriteLine($"screenshot: {path}");
        return path;
    }

    /// <summary>Fails with everything the browser complained about: uncaught errors, console errors, failed requests.</summary>
    protected void AssertNoBrowserErrors() => Assert.Empty(_browserErrors);
}
