using CxDashboard.Charts;
using CxDashboard.Core.Kpis;
using CxDashboard.Web.Kpis;

namespace CxDashboard.Web.Components.Pages.Kpis;

/// <summary>
/// The KPI chart's options: the KPI by month, the same months a year earlier dashed, baseline and target as
/// horizontal lines and each re-baselining as a labelled marker at the month it applies from.
/// </summary>
internal static class KpiTrendChartOptions
{
    public static ApexChartOptions For(KpiChartView chart, string kpiName, bool dark)
    {
        var number = NumberFormat(chart.Format);
        var text = dark ? "#e6edf5" : "#1d2733";
        var surface = dark ? "#17212d" : "#ffffff";
        var baselineColour = dark ? "#b0bccb" : "#5b6b7d";
        var targetColour = dark ? "#66bb6a" : "#2e7d32";
        var eventColour = dark ? "#ffb74d" : "#b26a00";

        var lines = new List<ApexYAxisAnnotation>();
        if (chart.Baseline is { } baseline)
            lines.Add(Line(baseline, baselineColour, surface));
        if (chart.Target is { } target)
            lines.Add(Line(target, targetColour, surface));

        return new ApexChartOptions
        {
            Chart = new ApexChartSettings
            {
                Type = ApexChartType.Line,
                Height = "340",
                Background = "transparent",
                Toolbar = new ApexToolbar { Show = false },
                Animations = new ApexAnimations { Enabled = false },
            },
            Series =
            [
                new ApexSeries { Name = kpiName, Data = chart.Actual },
                new ApexSeries { Name = "Same month a year earlier", Data = chart.PreviousYear },
            ],
            Colors = dark ? ["#7ab3e6", "#8796a8"] : ["#1f4e79", "#97a3b1"],
            Stroke = new ApexStroke { Width = [3, 2], DashArray = [0, 5], Curve = ApexStrokeCurve.Straight },
            Markers = new ApexMarkers { Size = 3 },
            Xaxis = new ApexXAxis { Categories = chart.Categories, Labels = new ApexAxisLabels { Rotate = -45 } },
            Yaxis = [YAxis(chart, number)],
            DataLabels = new ApexDataLabels { Enabled = false },
            Legend = new ApexLegend { Position = ApexLegendPosition.Top, Show = true },
            Tooltip = new ApexTooltip { Shared = true, Intersect = false, Y = new ApexTooltipY { NumberFormat = number } },
            Theme = new ApexTheme { Mode = dark ? ApexThemeMode.Dark : ApexThemeMode.Light },
            Grid = new ApexGrid { BorderColor = dark ? "#2a3644" : "#e3e8ef", StrokeDashArray = 3 },
            Annotations = new ApexAnnotations
            {
                Yaxis = lines,
                Xaxis = chart.Events.Select(e => new ApexXAxisAnnotation
                {
                    X = e.Category,
                    BorderColor = eventColour,
                    StrokeDashArray = 0,
                    Label = new ApexAnnotationLabel
                    {
                        Text = e.Label,
                        BorderColor = eventColour,
                        Orientation = ApexLabelOrientation.Horizontal,
                        Style = new ApexAnnotationLabelStyle { Color = text, Background = surface },
                    },
                }).ToList(),
            },
            NoData = new ApexNoData { Text = "No data for these months" },
        };
    }

    private static ApexYAxisAnnotation Line(ChartLine line, string colour, string surface) => new()
    {
        Y = line.Value,
        BorderColor = colour,
        StrokeDashArray = 6,
        Label = new ApexAnnotationLabel
        {
            Text = line.Label,
            BorderColor = colour,
            Style = new ApexAnnotationLabelStyle { Color = colour, Background = surface },
        },
    };

    /// <summary>
    /// The axis spans the data and both reference lines, so that a baseline or target outside the data's range is
    /// still drawn (apexcharts drops an annotation beyond its axis).
    /// </summary>
    private static ApexYAxis YAxis(KpiChartView chart, ApexNumberFormat number)
    {
        var values = chart.Actual.Concat(chart.PreviousYear).Where(v => v.HasValue).Select(v => v!.Value)
            .Concat(new[] { chart.Baseline?.Value, chart.Target?.Value }.Where(v => v.HasValue).Select(v => v!.Value))
            .Where(double.IsFinite).ToList();
        if (values.Count == 0) return new ApexYAxis { Labels = new ApexAxisLabels { NumberFormat = number } };
        var (min, max) = (values.Min(), values.Max());
        var pad = max > min ? (max - min) * 0.12 : Math.Max(Math.Abs(max) * 0.05, 0.01);
        var low = min - pad;
        // Amounts, counts and durations do not go below zero; a rate stays within 0..100 %.
        if (chart.Format.Unit is KpiUnit.Money or KpiUnit.Count or KpiUnit.Seconds or KpiUnit.Weeks or KpiUnit.Rate && low < 0 && min >= 0) low = 0;
        var high = max + pad;
        if (chart.Format.Unit == KpiUnit.Rate && high > 1 && max <= 1) high = 1;
        return new ApexYAxis { Min = low, Max = high, TickAmount = 5, Labels = new ApexAxisLabels { NumberFormat = number } };
    }

    private static ApexNumberFormat NumberFormat(ChartValueFormat format) => format.Unit switch
    {
        KpiUnit.Rate => new ApexNumberFormat { Locale = format.Locale, Style = ApexNumberStyle.Percent, MinimumFractionDigits = 1, MaximumFractionDigits = 1 },
        KpiUnit.Money => new ApexNumberFormat { Locale = format.Locale, Style = ApexNumberStyle.Currency, Currency = format.Currency, MaximumFractionDigits = 2 },
        KpiUnit.Score or KpiUnit.Weeks => new ApexNumberFormat { Locale = format.Locale, Style = ApexNumberStyle.Decimal, MaximumFractionDigits = 1 },
        _ => new ApexNumberFormat { Locale = format.Locale, Style = ApexNumberStyle.Decimal, MaximumFractionDigits = 0 },
    };
}
