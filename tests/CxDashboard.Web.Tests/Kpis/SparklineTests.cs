using System.Diagnostics.CodeAnalysis;
using Bunit;
using CxDashboard.Web.Components.Pages.Kpis;

namespace CxDashboard.Web.Tests.Kpis;

/// <summary>The tracker's sparklines: a month without data is a gap, never a zero, and the baseline is drawn within the line's scale.</summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes the context through IAsyncLifetime.DisposeAsync.")]
public sealed class SparklineTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public void A_month_without_data_breaks_the_line_instead_of_dropping_to_zero()
    {
        var cut = _ctx.Render<Sparkline>(p => p
            .Add(x => x.Values, [0.70, 0.71, null, 0.72, 0.74])
            .Add(x => x.Label, "From 70.0% in Jun 2026 to 74.0% in Oct 2026"));

        var lines = cut.FindAll("polyline");
        Assert.Equal(2, lines.Count);
        Assert.Equal(2, lines[0].GetAttribute("points")!.Split(' ').Length);
        Assert.Equal(2, lines[1].GetAttribute("points")!.Split(' ').Length);
        Assert.Equal("From 70.0% in Jun 2026 to 74.0% in Oct 2026", cut.Find("svg").GetAttribute("aria-label"));
        // The highest value is drawn at the top, the lowest at the bottom.
        var ys = lines.SelectMany(l => l.GetAttribute("points")!.Split(' ')).Select(p => double.Parse(p.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(ys[^1] < ys[0]);
    }

    [Fact]
    public void The_baseline_is_a_dashed_line_inside_the_scale_even_when_the_values_stay_above_it()
    {
        var cut = _ctx.Render<Sparkline>(p => p
            .Add(x => x.Values, [0.80, 0.82, 0.81])
            .Add(x => x.Baseline, 0.60)
            .Add(x => x.Label, "FCR"));

        var baseline = cut.Find("line.cx-sparkline-baseline");
        var y = double.Parse(baseline.GetAttribute("y1")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(y, 0, 28);
        Assert.Equal("25", baseline.GetAttribute("y1"));
    }

    [Fact]
    public void No_data_at_all_draws_nothing_but_still_says_why()
    {
        var cut = _ctx.Render<Sparkline>(p => p
            .Add(x => x.Values, [null, null, null])
            .Add(x => x.Label, "No data in the last 12 months"));

        Assert.Empty(cut.FindAll("polyline"));
        Assert.Empty(cut.FindAll("circle"));
        Assert.Equal("No data in the last 12 months", cut.Find("title").TextContent);
    }
}
