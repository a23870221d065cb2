using CxDashboard.Charts;
using CxDashboard.Web.BoardPack;

namespace CxDashboard.Web.Components.Pages.Board;

/// <summary>The realized-against-projected chart's options: realized value per month as columns, the base projection as a line.</summary>
internal static class TrackingChartOptions
{
    /// <summary>The chart's height in pixels: it fits a landscape page with the figures above it.</summary>
    public const int Height = 300;

    public static ApexChartOptions For(TrackingChartView chart, bool dark)
    {
        var money = new ApexNumberFormat
        {
            Locale = chart.Locale,
            Style = ApexNumberStyle.Currency,
            Currency = chart.Currency,
            Notation = ApexNumberNotation.Compact,
            MaximumFractionDigits = 1,
        };
        var exact = money with { Notation = ApexNumberNotation.Standard, MaximumFractionDigits = 0 };
        return new ApexChartOptions
        {
            Chart = new ApexChartSettings
            {
                Type = ApexChartType.Line,
                Height = Height.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Background = "transparent",
                Toolbar = new ApexToolbar { Show = false },
                Animations = new ApexAnimations { Enabled = false },
            },
            Series =
            [
                new ApexSeries { Name = "Realized", Type = ApexChartType.Bar, Data = chart.Realized.Cast<double?>().ToList() },
                new ApexSeries { Name = "Base projection", Type = ApexChartType.Line, Data = chart.Projected.Cast<double?>().ToList() },
            ],
            Colors = dark ? ["#6fcfa8", "#ffb74d"] : ["#2e8b6e", "#d9822b"],
            Xaxis = new ApexXAxis { Categories = chart.Categories, Labels = new ApexAxisLabels { Rotate = -45 } },
            Yaxis = [new ApexYAxis { Labels = new ApexAxisLabels { NumberFormat = money }, Title = new ApexAxisTitle { Text = "Per month" } }],
            Stroke = new ApexStroke { Width = [0, 3], Curve = ApexStrokeCurve.Straight },
            DataLabels = new ApexDataLabels { Enabled = false },
            Legend = new ApexLegend { Position = ApexLegendPosition.Top },
            Tooltip = new ApexTooltip { Shared = true, Intersect = false, Y = new ApexTooltipY { NumberFormat = exact } },
            Theme = new ApexTheme { Mode = dark ? ApexThemeMode.Dark : ApexThemeMode.Light },
            PlotOptions = new ApexPlotOptions { Bar = new ApexBarOptions { ColumnWidth = "60%", BorderRadius = 2 } },
            Grid = new ApexGrid { BorderColor = dark ? "#2a3644" : "#e3e8ef", StrokeDashArray = 3 },
            NoData = new ApexNoData { Text = "No months to show" },
        };
    }
}
