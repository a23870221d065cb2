using CxDashboard.Charts;
using CxDashboard.Web.Initiatives;

namespace CxDashboard.Web.Components.Pages.Initiatives;

/// <summary>Realized against projected value: a column per measured month, the base projection as a line over the horizon.</summary>
internal static class RealizedChartOptions
{
    public static ApexChartOptions For(RealizedChartView chart, bool dark)
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
                Type = ApexChartType.Bar,
                Height = "320",
                Background = "transparent",
                Toolbar = new ApexToolbar { Show = false },
                Animations = new ApexAnimations { Enabled = false },
            },
            Series =
            [
                new ApexSeries { Name = "Realized", Type = ApexChartType.Bar, Data = chart.Realized },
                new ApexSeries { Name = "Projected, base scenario", Type = ApexChartType.Line, Data = chart.Projected },
            ],
            Colors = dark ? ["#6fcfa8", "#7ab3e6"] : ["#2e8b6e", "#1f4e79"],
            Stroke = new ApexStroke { Width = [0, 3], DashArray = [0, 5], Curve = ApexStrokeCurve.Straight },
            Xaxis = new ApexXAxis { Categories = chart.Categories, Labels = new ApexAxisLabels { Rotate = -45 } },
            Yaxis = [new ApexYAxis { Labels = new ApexAxisLabels { NumberFormat = money }, Title = new ApexAxisTitle { Text = "Value per month" } }],
            DataLabels = new ApexDataLabels { Enabled = false },
            Legend = new ApexLegend { Position = ApexLegendPosition.Top, Show = true },
            Tooltip = new ApexTooltip { Shared = true, Intersect = false, Y = new ApexTooltipY { NumberFormat = exact } },
            Theme = new ApexTheme { Mode = dark ? ApexThemeMode.Dark : ApexThemeMode.Light },
            PlotOptions = new ApexPlotOptions { Bar = new ApexBarOptions { ColumnWidth = "60%", BorderRadius = 2 } },
            Grid = new ApexGrid { BorderColor = dark ? "#2a3644" : "#e3e8ef", StrokeDashArray = 3 },
            Markers = new ApexMarkers { Size = 0 },
            NoData = new ApexNoData { Text = "No months to show" },
        };
    }
}
