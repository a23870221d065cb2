using CxDashboard.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CxDashboard.E2E.Tests.Initiatives;

/// <summary>The steering groups' initiatives list and an initiative's business case, in a real browser against the running app.</summary>
public sealed class InitiativePagesTests(DashboardServer server, ChromiumBrowser chromium, ITestOutputHelper output)
    : BoardPageTest(server, chromium, output)
{
    protected override (string Email, string Password)? SignInAs => ("editor@harbour.demo", "harbour-editor-2026");

    [BrowserFact]
    public async Task A_manager_opens_the_initiatives_and_an_initiatives_business_case()
    {
        await OpenAsync("initiatives");
        await Expect(TestId("initiative-row")).ToHaveCountAsync(3);
        await Expect(TestId("initiative-rox").Nth(1)).ToHaveTextAsync("244.6%");
        // A figure opens its lineage on hover: the formula with the numbers put in.
        await TestId("initiative-npv").Nth(1).HoverAsync();
        await Expect(OpenFormula).ToContainTextAsync("NPV of 36 months of risk-adjusted net cash flow at 10.0% a year");
        await ScreenshotAsync("initiatives-light");

        await Page.GetByTestId("initiative-link").GetByText("Agent assist for voice agents").ClickAsync();

        await Expect(TestId("initiative-title")).ToHaveTextAsync("Agent assist for voice agents");
        await Expect(TestId("business-case")).ToHaveAttributeAsync("data-can-edit", "true");
        await Expect(TestId("cost-row")).ToHaveCountAsync(4);
        await Expect(TestId("driver")).ToHaveCountAsync(4);
        // An editor's forms open in place; cancelled here, as this app's store is shared with the other browser tests. The
        // page came by navigation inside the circuit the list's page connected, so one click is enough.
        await TestId("cost-edit").First.ClickAsync();
        await Expect(TestId("cost-edit-row")).ToBeVisibleAsync();
        await TestId("driver-edit").First.ClickAsync();
        await Expect(TestId("driver-form")).ToBeVisibleAsync();
        await TestId("initiative-title").HoverAsync();
        await ScreenshotAsync("initiative-business-case-light");
        await TestId("driver-cancel").ClickAsync();
        await TestId("cost-cancel").ClickAsync();
        await Expect(TestId("cost-edit-row")).ToHaveCountAsync(0);

        await Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await OpenAsync("initiatives");
        await Page.WaitForFunctionAsync("() => { const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number); return (r + g + b) / 3 < 60; }");
        await Expect(TestId("initiative-row")).ToHaveCountAsync(3);
        await TestId("initiatives-title").HoverAsync();
        await ScreenshotAsync("initiatives-dark");
        AssertNoBrowserErrors();
    }
}
