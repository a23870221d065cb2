using CxDashboard.Charts;
using CxDashboard.Web.Board;

namespace CxDashboard.Web.Components.Pages.Board;

/// <summary>The value-by-factor chart's options: stacked columns per factor and a line for investment.</summary>
internal static class ValueChartOptions
{
    public static ApexChartOptions For(FactorChartView chart, bool dark)
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
                Stacked = true,
                Height = "340",
                Background = "transparent",
                Toolbar = new ApexToolbar { Show = false },
                Animations = new ApexAnimations { Enabled = false },
            },
            Series =
            [
                new ApexSeries { Name = "Cost reduction", Type = ApexChartType.Bar, Data = chart.CostReduction.Cast<double?>().ToList() },
                new ApexSeries { Name = "Revenue growth", Type = ApexChartType.Bar, Data = chart.RevenueGrowth.Cast<double?>().ToList() },
                new ApexSeries { Name = "Retention", Type = ApexChartType.Bar, Data = chart.Retention.Cast<double?>().ToList() },
                new ApexSeries { Name = "CX investment", Type = ApexChartType.Line, Data = chart.Investment.Cast<double?>().ToList() },
            ],
            Colors = dark
                ? ["#7ab3e6", "#6fcfa8", "#c3a3ee", "#ffb74d"]
                : ["#1f4e79", "#2e8b6e", "#8a5cc2", "#d9822b"],
            Xaxis = new ApexXAxis { Categories = chart.Categories, Labels = new ApexAxisLabels { Rotate = -45 } },
            Yaxis = [new ApexYAxis { Labels = new ApexAxisLabels { NumberFormat = money }, Title = new ApexAxisTitle { Text = "Per month" } }],
            Stroke = new ApexStroke { Width = [0, 0, 0, 3], Curve = ApexStrokeCurve.Straight },
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
