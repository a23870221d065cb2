using System.Text.Json;
using CxDashboard.Charts;

namespace CxDashboard.Web.Tests.Charts;

public sealed class ApexChartOptionsTests
{
    [Fact]
    public void Options_serialize_camelCase_without_nulls_and_with_camelCase_enum_strings()
    {
        var options = new ApexChartOptions
        {
            Chart = new ApexChartSettings { Type = ApexChartType.Bar, Stacked = true },
            Series = [new ApexSeries { Name = "Gains", Data = [1.5, null, 3] }],
            Yaxis = [new ApexYAxis { Labels = new ApexAxisLabels { NumberFormat = new ApexNumberFormat
            {
                Locale = "en-US",
                Style = ApexNumberStyle.Currency,
                Currency = "USD",
                Notation = ApexNumberNotation.Compact,
                MaximumFractionDigits = 1,
            } } }],
            Stroke = new ApexStroke { Curve = ApexStrokeCurve.Stepline },
            Legend = new ApexLegend { Position = ApexLegendPosition.Bottom },
            Theme = new ApexTheme { Mode = ApexThemeMode.Dark },
        };

        // One line in reality; broken here between properties for reading.
        var expected = """
            {"chart":{"type":"bar","stacked":true},
            "series":[{"name":"Gains","data":[1.5,null,3]}],
            "yaxis":[{"labels":{"numberFormat":{"locale":"en-US","style":"currency","currency":"USD","notation":"compact","maximumFractionDigits":1}}}],
            "stroke":{"curve":"stepline"},
            "legend":{"position":"bottom"},
            "theme":{"mode":"dark"}}
            """.ReplaceLineEndings(string.Empty);
        Assert.Equal(expected, options.ToJson());
    }

    [Fact]
    public void Annotations_serialize_in_apexcharts_shape()
    {
        var options = new ApexChartOptions
        {
            Annotations = new ApexAnnotations
            {
                Yaxis = [new ApexYAxisAnnotation
                {
                    Y = 0,
                    BorderColor = "#888",
                    StrokeDashArray = 4,
                    Label = new ApexAnnotationLabel { Text = "Baseline" },
                }],
                Xaxis = [new ApexXAxisAnnotation
                {
                    X = "Mar 2025",
                    Label = new ApexAnnotationLabel { Text = "Launch", Orientation = ApexLabelOrientation.Horizontal },
                }],
            },
        };

        using var json = JsonDocument.Parse(options.ToJson());
        var annotations = json.RootElement.GetProperty("annotations");
        var baseline = annotations.GetProperty("yaxis")[0];
        Assert.Equal(0, baseline.GetProperty("y").GetDouble()); // a zero baseline is a value, not a missing one
        Assert.Equal(4, baseline.GetProperty("strokeDashArray").GetDouble());
        Assert.Equal("Baseline", baseline.GetProperty("label").GetProperty("text").GetString());
        Assert.False(baseline.TryGetProperty("y2", out _));
        var launch = annotations.GetProperty("xaxis")[0];
        Assert.Equal("Mar 2025", launch.GetProperty("x").GetString());
        Assert.Equal("horizontal", launch.GetProperty("label").GetProperty("orientation").GetString());
    }

    [Fact]
    public void Empty_options_send_only_an_empty_series_list()
    {
        Assert.Equal("""{"series":[]}""", new ApexChartOptions().ToJson());
    }
}
