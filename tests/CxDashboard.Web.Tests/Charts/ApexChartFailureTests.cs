using System.Diagnostics.CodeAnalysis;
using Bunit;
using CxDashboard.Charts;
using Microsoft.JSInterop;

namespace CxDashboard.Web.Tests.Charts;

[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes the context through IAsyncLifetime.DisposeAsync.")]
public sealed class ApexChartFailureTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public void Options_the_chart_library_refuses_are_reported_in_place_and_the_page_lives_on()
    {
        _ctx.JSInterop.Mode = JSRuntimeMode.Strict;
        var module = _ctx.JSInterop.SetupModule("./_content/CxDashboard.Charts/ApexChart.razor.js");
        module.SetupModule("create", _ => true);
        module.SetupVoid("updateOptions", _ => true)
            .SetException(new JSException("tooltip.shared cannot be enabled when tooltip.intersect is true.\n    at stack"));
        module.SetupVoid("destroy", _ => true).SetVoidResult();
        var bar = new ApexChartOptions { Chart = new ApexChartSettings { Type = ApexChartType.Bar } };
        var cut = _ctx.Render<ApexChart>(p => p.Add(x => x.Options, bar));
        cut.WaitForAssertion(() => module.VerifyInvoke("create"));

        cut.Render(p => p.Add(x => x.Options, bar with { Tooltip = new ApexTooltip { Shared = true } }));

        cut.WaitForAssertion(() => Assert.Equal(
            "This chart could not be drawn: tooltip.shared cannot be enabled when tooltip.intersect is true.",
            cut.Find("[role=alert]").TextContent));
    }
}
