using CxDashboard.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CxDashboard.E2E.Tests;

/// <summary>Signing in and out in a real browser, as the demo organisation's users.</summary>
public sealed class SessionTests(DashboardServer server, ChromiumBrowser chromium, ITestOutputHelper output)
    : BoardPageTest(server, chromium, output)
{
    protected override (string Email, string Password)? SignInAs => null;

    [BrowserFact]
    public async Task Signing_in_returns_to_the_page_asked_for_and_signing_out_ends_the_session()
    {
        await Page.GotoAsync("?month=2025-06");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));

        await Page.Locator("#email").FillAsync("editor@harbour.demo");
        await Page.Locator("#password").FillAsync("harbour-editor-2026");
        await TestId("sign-in").ClickAsync();
        await Expect(TestId("board")).ToHaveAttributeAsync("data-month", "2025-06");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Audit trail" })).ToBeVisibleAsync();

        await OpenUserMenuAsync();
        await Expect(TestId("account-role")).ToHaveTextAsync("Editor");
        await TestId("sign-out").ClickAsync();
        await Expect(TestId("sign-in-notice")).ToContainTextAsync("You have signed out.");

        await Page.GotoAsync("");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await ScreenshotAsync("signed-out");
    }

    [BrowserFact]
    public async Task After_thirty_idle_minutes_the_page_signs_out_and_what_was_typed_comes_back_after_signing_in()
    {
        // The page's own clock, moved on by hand: thirty minutes without a keystroke pass in an instant.
        await Page.Clock.InstallAsync();
        await SignInAsync("admin@harbour.demo", "harbour-admin-2026");
        await Page.GotoAsync("settings");
        var name = Page.Locator("#settings-organisation-name");
        await Expect(name).ToHaveValueAsync("Harbour Telecom");
        await WaitUntilTypingSticksAsync(name, "Harbour Telecom Group (draft)");

        await Page.Clock.FastForwardAsync("31:00");

        await Expect(TestId("sign-in-notice")).ToContainTextAsync("without activity");
        await Page.Locator("#email").FillAsync("admin@harbour.demo");
        await Page.Locator("#password").FillAsync("harbour-admin-2026");
        await TestId("sign-in").ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/settings$"));
        await Expect(name).ToHaveValueAsync("Harbour Telecom Group (draft)");
        // It stays: the interactive page has it too, not just the browser's input.
        await Page.WaitForTimeoutAsync(4_000);
        await Expect(name).ToHaveValueAsync("Harbour Telecom Group (draft)");
        await ScreenshotAsync("draft-kept-after-idle");
    }

    /// <summary>
    /// Types into a field once the page's circuit has drawn it, so that the circuit has the value too: typing into
    /// the prerendered page is lost when the circuit draws the page again.
    /// </summary>
    private async Task WaitUntilTypingSticksAsync(ILocator field, string text)
    {
        await WaitForCircuitAsync();
        await field.FillAsync(text);
        await field.PressAsync("Tab");
        await Expect(field).ToHaveValueAsync(text);
    }

    [BrowserFact]
    public async Task A_partner_user_sees_their_own_partners_value_without_the_organisations_costs()
    {
        await SignInAsync("partner@harbour.demo", "harbour-partner-2026");
        await Expect(TestId("board")).ToBeVisibleAsync();
        await Expect(TestId("partner-scope")).ToContainTextAsync("You see only the data of Atlas Contact Solutions");

        await OpenUserMenuAsync();
        await Expect(TestId("account-role")).ToHaveTextAsync("Viewer · one partner's data");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Audit trail" })).ToHaveCountAsync(0);
        await ScreenshotAsync("partner-board");
    }

    /// <summary>Opens the account menu once the page is interactive: a click on the prerendered page does nothing yet.</summary>
    private async Task OpenUserMenuAsync()
    {
        await WaitForInteractiveAsync();
        await TestId("user-menu").Locator("button").First.ClickAsync();
        await Expect(TestId("account-role")).ToBeVisibleAsync();
    }
}
