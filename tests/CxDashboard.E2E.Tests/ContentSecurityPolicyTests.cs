using CxDashboard.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CxDashboard.E2E.Tests;

/// <summary>
/// The board under the app's content security policy, as Chromium enforces it: nothing on the page is
/// refused, the circuit still answers and the chart still draws.
/// </summary>
public sealed class ContentSecurityPolicyTests(DashboardServer server, ChromiumBrowser chromium, ITestOutputHelper output)
    : BoardPageTest(server, chromium, output)
{
    // Runs before any script of each page and records the violations that page reports to itself; the
    // console listener below also keeps those of pages passed through on the way (a sign-in page).
    private const string ViolationRecorder = """
        window.cxCspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.cxCspViolations.push(`${e.violatedDirective} refused ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
        """;

    [BrowserFact]
    public async Task The_board_runs_under_its_content_security_policy_without_a_violation()
    {
        var refusals = new List<string>();
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                refusals.Add(message.Text);
        };
        // The circuit's WebSocket is what connect-src must admit; a refused one would fall back to long polling.
        var sockets = new List<string>();
        Page.WebSocket += (_, socket) => sockets.Add(socket.Url);
        // Every page the browser loads on the way to the board (a sign-in page too) and its policy.
        var policies = new List<(string Url, string? Policy)>();
        Page.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "document")
                policies.Add((response.Url, response.Headers.GetValueOrDefault("content-security-policy")));
        };
        await Page.AddInitScriptAsync(ViolationRecorder);

        await OpenAsync();

        // The policy is really there, so a clean run means it was enforced and nothing broke it.
        Assert.NotEmpty(policies);
        Assert.All(policies, page =>
        {
            Assert.NotNull(page.Policy);
            Assert.Contains("script-src 'self' 'sha256-", page.Policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", page.Policy, StringComparison.Ordinal);
        });

        await Expect(TestId("value-chart").Locator(".apexcharts-svg")).ToBeVisibleAsync();
        await OpenMonthListAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "June 2025", Exact = true }).ClickAsync();
        await Expect(TestId("board")).ToHaveAttributeAsync("data-month", "2025-06");
        await Expect(TestId("board-title")).ToContainTextAsync("June 2025");
        await Expect(TestId("value-chart").Locator(".apexcharts-bar-area").First).ToBeAttachedAsync();

        // A tooltip (MudBlazor's popover script) and the dark theme (its <style> rewritten) under the policy too.
        await TestId("figure-rox").FocusAsync();
        await Expect(OpenFormula.Filter(new() { HasText = "ROX =" })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Toggle dark theme" }).ClickAsync();
        await Expect(TestId("value-chart").Locator(".apexcharts-canvas.apexcharts-theme-dark")).ToBeVisibleAsync();

        await TestId("board-title").HoverAsync();
        await ScreenshotAsync("board-under-csp");
        var violations = await Page.EvaluateAsync<string[]>("() => window.cxCspViolations");
        Assert.Empty(refusals);
        Assert.Empty(violations);
        Assert.Contains(sockets, url => url.StartsWith("ws://", StringComparison.Ordinal) && url.Contains("/_blazor", StringComparison.Ordinal));
        AssertNoBrowserErrors();
    }
}
