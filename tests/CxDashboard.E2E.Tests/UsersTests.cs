using CxDashboard.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CxDashboard.E2E.Tests;

/// <summary>An administrator adds a colleague, who then signs in with the role they were given.</summary>
public sealed class UsersTests(DashboardServer server, ChromiumBrowser chromium, ITestOutputHelper output)
    : BoardPageTest(server, chromium, output)
{
    protected override (string Email, string Password)? SignInAs => ("admin@harbour.demo", "harbour-admin-2026");

    [BrowserFact]
    public async Task An_admin_adds_an_editor_who_can_then_sign_in_and_read_the_audit_trail()
    {
        await Page.GotoAsync("settings");
        await Expect(TestId("users")).ToContainTextAsync("viewer@harbour.demo");
        var email = TestId("new-user-email");
        await WaitForCircuitAsync();
        await email.FillAsync("dana@harbour.demo");
        await Expect(email).ToHaveValueAsync("dana@harbour.demo");

        await TestId("new-user-name").FillAsync("Dana Reyes, CX Manager");
        await TestId("new-user-password").FillAsync("password1");
        await TestId("new-user-role").ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "Editor", Exact = true }).ClickAsync();
        await TestId("add-user-save").ClickAsync();
        // A common password is refused with the reason, and what was typed stays.
        await Expect(TestId("users-panel")).ToContainTextAsync("one of the most common passwords");
        await Expect(email).ToHaveValueAsync("dana@harbour.demo");

        await TestId("new-user-password").FillAsync("tide pool lantern 42");
        await TestId("add-user-save").ClickAsync();
        await Expect(TestId("users")).ToContainTextAsync("dana@harbour.demo");
        await ScreenshotAsync("settings-users");

        await Page.Context.ClearCookiesAsync();
        await SignInAsync("dana@harbour.demo", "tide pool lantern 42");
        await Page.GotoAsync("audit");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Audit trail" })).ToBeVisibleAsync();
        await Expect(TestId("audit-grid")).ToContainTextAsync("dana@harbour.demo");
    }
}
