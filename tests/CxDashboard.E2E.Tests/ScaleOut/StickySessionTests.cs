using System.Text.RegularExpressions;
using CxDashboard.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CxDashboard.E2E.Tests.ScaleOut;

/// <summary>
/// Blazor Server behind a load balancer: each reader's circuit lives in the memory of one instance, so every request of
/// that reader (the page, the circuit's negotiation, its WebSocket) must reach that instance. The proxy of
/// <c>deploy/yarp</c> pins each browser to one instance with a cookie, and spreads new browsers over both. In the
/// shared collection, so that it does not compete for the two cores with the other browser tests.
/// </summary>
[Collection(SharedDashboard.Name)]
public sealed class StickySessionTests(ProxiedInstances cluster, ChromiumBrowser chromium, ITestOutputHelper output)
    : IClassFixture<ProxiedInstances>, IClassFixture<ChromiumBrowser>
{
    private const float FirstBoardMilliseconds = 60_000;

    static StickySessionTests() => SetDefaultExpectTimeout(BoardPageTest.WaitMilliseconds);

    [ProxiedBrowserFact]
    public async Task Behind_the_proxy_each_reader_keeps_to_one_instance_whose_circuit_answers_their_clicks()
    {
        string[] readers = ["reader-1", "reader-2"];
        var agent = await DefaultUserAgentAsync();
        foreach (var reader in readers)
        {
            var (sockets, errors) = await ReadTheBoardAsync(reader, $"{agent} {reader}");
            Assert.Empty(errors);
            // The circuit ran over a WebSocket through the proxy, not a fallback.
            Assert.Contains(sockets, url => new Uri(url).AbsolutePath == "/_blazor");
        }

        var served = cluster.Served;
        var instanceOf = readers.ToDictionary(r => r, reader =>
        {
            var theirs = served.Where(s => s.UserAgent.EndsWith(reader, StringComparison.Ordinal)).ToList();
            Assert.Contains(theirs, s => s.WebSocket && s.Path.StartsWith("/_blazor", StringComparison.Ordinal));
            Assert.Contains(theirs, s => s.Path.StartsWith("/_blazor/negotiate", StringComparison.Ordinal));
            // Every request of the reader, the page, its files, the negotiation and the WebSocket, reached one instance.
            return Assert.Single(theirs.Select(s => s.Destination).Distinct());
        });
        // New readers are spread over the instances: both served someone.
        Assert.Equal(ProxiedInstances.DestinationIds, instanceOf.Values.Order());
        foreach (var (reader, instance) in instanceOf)
            output.WriteLine($"{reader}: {served.Count(s => s.UserAgent.EndsWith(reader, StringComparison.Ordinal))} requests, all to {instance}");
    }

    /// <summary>
    /// One reader in a browser of their own: signs in through the proxy, opens the board, picks June 2025 in the month
    /// picker (which only the circuit can open and act on) and sees the board of June. The WebSockets the page opened,
    /// and what the browser complained of.
    /// </summary>
    private async Task<(List<string> Sockets, List<string> Errors)> ReadTheBoardAsync(string reader, string userAgent)
    {
        await using var context = await chromium.Browser.NewContextAsync(new()
        {
            BaseURL = cluster.Address.ToString(),
            ViewportSize = new() { Width = 1440, Height = 900 },
            Locale = "en-US",
            UserAgent = userAgent,
        });
        context.SetDefaultTimeout(BoardPageTest.WaitMilliseconds);
        var page = await context.NewPageAsync();
        List<string> sockets = [], errors = [];
        page.WebSocket += (_, socket) => sockets.Add(socket.Url);
        page.PageError += (_, error) => errors.Add($"uncaught: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error") errors.Add($"console: {message.Text}");
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400) errors.Add($"HTTP {response.Status}: {response.Url}");
        };

        // Signed out, the board sends the reader to sign in, at the proxy's address: the app is told the host the reader
        // asked for, so the address it redirects to is not an instance's own.
        await page.GotoAsync("", new() { Timeout = FirstBoardMilliseconds });
        await Expect(page).ToHaveURLAsync(new Regex($"^{Regex.Escape(cluster.Address.ToString())}account/login"));
        await page.Locator("#email").FillAsync("viewer@harbour.demo");
        await page.Locator("#password").FillAsync("harbour-viewer-2026");
        // An instance's first board is its slowest page (the calculations compile on first use): a longer wait.
        await page.GetByTestId("sign-in").ClickAsync(new() { Timeout = FirstBoardMilliseconds });
        await Expect(page.GetByTestId("board")).ToHaveAttributeAsync("data-month", "2026-10", new() { Timeout = FirstBoardMilliseconds });

        await BoardPageTest.WaitForInteractiveAsync(page);
        await BoardPageTest.OpenMonthListAsync(page);
        await page.GetByRole(AriaRole.Option, new() { Name = "June 2025", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("board")).ToHaveAttributeAsync("data-month", "2025-06");
        await Expect(page.GetByTestId("board-title")).ToContainTextAsync("June 2025");

        var screenshot = Path.Combine(BoardPageTest.ScreenshotFolder, $"behind-the-proxy-{reader}.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        output.WriteLine($"screenshot: {screenshot}");
        foreach (var error in errors) output.WriteLine(error);
        return (sockets, errors);
    }

    /// <summary>The browser's own User-Agent, which each reader's browser extends with the reader's name.</summary>
    private async Task<string> DefaultUserAgentAsync()
    {
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        return await page.EvaluateAsync<string>("() => navigator.userAgent");
    }
}

/// <summary>A browser test that also needs PostgreSQL: skipped without either on a developer's machine, run on CI.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ProxiedBrowserFactAttribute : FactAttribute
{
    public ProxiedBrowserFactAttribute()
    {
        if (ProxiedInstances.ShouldSkip)
            Skip = Chromium.ShouldSkip ? Chromium.SkipReason : $"The scale-out test needs PostgreSQL: set {CxDashboard.Testing.PostgresServer.Variable}.";
    }
}
