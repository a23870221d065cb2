using CxDashboard.Charts;
using CxDashboard.Web.Initiatives;

namespace CxDashboard.Web.Components.Pages.Initiatives;

/// <summary>
/// The tornado's options: one horizontal bar per input, the widest swing on top, reaching left and right of the base NPV
/// by how far NPV moves with the input moved down and up (the two ends stacked on one bar).
/// </summary>
internal static class TornadoChartOptions
{
    public static ApexChartOptions For(TornadoView tornado, bool dark, int labelWidth = 420)
    {
        var money = new ApexNumberFormat
        {
            Locale = tornado.Locale,
            Style = ApexNumberStyle.Currency,
            Currency = tornado.Currency,
            Notation = ApexNumberNotation.Compact,
            MaximumFractionDigits = 1,
        };
        var exact = money with { Notation = ApexNumberNotation.Standard, MaximumFractionDigits = 0 };
        var down = tornado.Move.Replace('±', '−');
        var up = tornado.Move.Replace('±', '+');
        return new ApexChartOptions
        {
            Chart = new ApexChartSettings
            {
                Type = ApexChartType.Bar,
                Stacked = true,
                Height = HeightOf(tornado).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Background = "transparent",
                Toolbar = new ApexToolbar { Show = false },
                Animations = new ApexAnimations { Enabled = false },
            },
            Series =
            [
                new ApexSeries { Name = $"Input {down}", Data = tornado.Bars.Select(b => b.LowChange).ToList() },
                new ApexSeries { Name = $"Input {up}", Data = tornado.Bars.Select(b => b.HighChange).ToList() },
            ],
            Colors = dark ? ["#7ab3e6", "#ffb74d"] : ["#1f4e79", "#d9822b"],
            PlotOptions = new ApexPlotOptions { Bar = new ApexBarOptions { Horizontal = true, BorderRadius = 2 } },
            Xaxis = new ApexXAxis
            {
                Categories = tornado.Bars.Select(b => b.Input).ToList(),
                Labels = new ApexAxisLabels { NumberFormat = money },
                Title = new ApexAxisTitle { Text = $"Change in NPV from {tornado.BaseNpv}" },
            },
            Yaxis = [new ApexYAxis { Labels = new ApexAxisLabels { MaxWidth = labelWidth } }],
            DataLabels = new ApexDataLabels { Enabled = false },
            Legend = new ApexLegend { Position = ApexLegendPosition.Top, Show = true },
            Tooltip = new ApexTooltip { Shared = true, Intersect = false, Y = new ApexTooltipY { NumberFormat = exact } },
            Theme = new ApexTheme { Mode = dark ? ApexThemeMode.Dark : ApexThemeMode.Light },
            Grid = new ApexGrid { BorderColor = dark ? "#2a3644" : "#e3e8ef", StrokeDashArray = 3 },
            NoData = new ApexNoData { Text = "No inputs to move" },
        };
    }

    /// <summary>Room for every bar: a bar needs about 34 px, the legend and axis about 110.</summary>
    public static int HeightOf(TornadoView tornado) => 110 + 34 * Math.Max(tornado.Bars.Count, 1);
}
