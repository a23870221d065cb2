using CxDashboard.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CxDashboard.E2E.Tests.Experiments;

/// <summary>
/// The steering groups' experiments page in a real browser: reading a test's analysis and lineage, the validity checks, the
/// planner, and the editor's form, in the light and the dark theme. Nothing is saved: the app's store is shared with the
/// other browser tests, whose board figures an included experiment would change.
/// </summary>
public sealed class ExperimentsPageTests(DashboardServer server, ChromiumBrowser chromium, ITestOutputHelper output)
    : BoardPageTest(server, chromium, output)
{
    protected override (string Email, string Password)? SignInAs => ("editor@harbour.demo", "harbour-editor-2026");

    [BrowserFact]
    public async Task A_steering_member_reads_both_demo_tests_and_plans_a_larger_one()
    {
        await OpenAsync("experiments");
        await Expect(TestId("experiment-row")).ToHaveCountAsync(2);
        await Expect(TestId("experiment-title")).ToHaveTextAsync("AI agent follow-up upgrade offer");
        await Expect(TestId("significance").First).ToContainTextAsync("Not yet significant");
        await Expect(TestId("plan-verdict")).ToHaveTextAsync("Needs a larger test");
        await TestId("experiments-title").HoverAsync();
        await ScreenshotAsync("experiments-light");

        await TestId("experiment-name").Nth(1).ClickAsync();
        await Expect(TestId("experiment-title")).ToHaveTextAsync("Proactive renewal calls with agent assist");
        await TestId("result-lift").GetByTestId("lineage-toggle").ClickAsync();
        await Expect(TestId("result-lift").GetByTestId("lineage")).ToContainTextAsync("Lift, lower end of the 95 % interval");
        await TestId("check-power").GetByTestId("lineage-toggle").ClickAsync();
        await Expect(TestId("check-power")).ToHaveAttributeAsync("data-outcome", "Failed");
        await TestId("experiment-title").HoverAsync();
        await ScreenshotAsync("experiments-renewal-lineage");

        await TestId("plan-customers").FillAsync("40000");
        await TestId("plan-customers").PressAsync("Tab");
        await Expect(TestId("plan-verdict")).ToHaveTextAsync("Large enough for the target");

        await TestId("experiment-edit").ClickAsync();
        await Expect(TestId("experiment-form")).ToBeVisibleAsync();
        await TestId("exp-test-successes").FillAsync("20000");
        await TestId("exp-end").FillAsync("2025-12");
        await TestId("exp-save").ClickAsync();
        await Expect(TestId("experiment-form-error")).ToContainTextAsync("Nothing was saved");
        await Expect(TestId("experiment-form")).ToContainTextAsync("More customers reached the outcome (20,000) than the test group has (12,500)");
        await Expect(TestId("experiment-form")).ToContainTextAsync("The test cannot end (2025-12) before it starts (2026-01)");
        await TestId("experiments-title").HoverAsync();
        await ScreenshotAsync("experiments-form-errors");
        await TestId("exp-cancel").ClickAsync();
        await Expect(TestId("experiment-form")).ToHaveCountAsync(0);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Toggle dark theme" }).ClickAsync();
        await Page.WaitForFunctionAsync("() => { const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number); return (r + g + b) / 3 < 60; }");
        await TestId("experiments-title").HoverAsync();
        await ScreenshotAsync("experiments-dark");
        AssertNoBrowserErrors();
    }

    [BrowserFact]
    public async Task The_board_names_the_experiment_it_counts_and_the_one_it_leaves_out()
    {
        await OpenAsync();

        await Expect(TestId("board-experiments-total")).ToHaveTextAsync("$904,781");
        await Expect(TestId("board-experiment-significant")).ToContainTextAsync("Proactive renewal calls with agent assist");
        await Expect(TestId("board-experiments-left-out")).ToContainTextAsync("AI agent follow-up upgrade offer");
        await TestId("board-experiments").ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync("board-experiments-note");
        AssertNoBrowserErrors();
    }
}
