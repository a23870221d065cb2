using System.Text.Json;

namespace CxDashboard.Charts;

/// <summary>
/// The options of one chart, in the shape of apexcharts' own options object (https://apexcharts.com/docs/options/).
/// Only the parts the dashboard uses are modelled; a null property is left out of the JSON so apexcharts'
/// default applies.
/// </summary>
public sealed record ApexChartOptions
{
    /// <summary>Chart-wide settings: type, height, stacking, toolbar, animations.</summary>
    public ApexChartSettings? Chart { get; init; }

    /// <summary>
    /// The series drawn. For <see cref="ApexChartType.Donut"/> and <see cref="ApexChartType.Pie"/> charts the
    /// first series' data are the slices and <see cref="Labels"/> names them.
    /// </summary>
    public IReadOnlyList<ApexSeries> Series { get; init; } = [];

    /// <summary>Slice names of a donut or pie chart.</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>The x axis: categories and title.</summary>
    public ApexXAxis? Xaxis { get; init; }

    /// <summary>One y axis per entry; a second entry with <see cref="ApexYAxis.Opposite"/> draws a right-hand axis.</summary>
    public IReadOnlyList<ApexYAxis>? Yaxis { get; init; }

    /// <summary>Series colours in order, as CSS colours ("#1e88e5").</summary>
    public IReadOnlyList<string>? Colors { get; init; }

    /// <summary>Line and area strokes.</summary>
    public ApexStroke? Stroke { get; init; }

    /// <summary>Value labels drawn on the points or bars.</summary>
    public ApexDataLabels? DataLabels { get; init; }

    /// <summary>Series legend.</summary>
    public ApexLegend? Legend { get; init; }

    /// <summary>Hover tooltip.</summary>
    public ApexTooltip? Tooltip { get; init; }

    /// <summary>Light or dark theme.</summary>
    public ApexTheme? Theme { get; init; }

    /// <summary>Chart-type specific settings (bar width and corners).</summary>
    public ApexPlotOptions? PlotOptions { get; init; }

    /// <summary>Horizontal lines (baseline, target) and vertical event markers.</summary>
    public ApexAnnotations? Annotations { get; init; }

    /// <summary>Background grid lines.</summary>
    public ApexGrid? Grid { get; init; }

    /// <summary>Point markers of line and area series.</summary>
    public ApexMarkers? Markers { get; init; }

    /// <summary>What the chart shows when there are no data.</summary>
    public ApexNoData? NoData { get; init; }

    /// <summary>The JSON sent to apexcharts: camelCase, nulls omitted, enums as camelCase strings.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ApexChartJson.SerializerOptions);
}

/// <summary>apexcharts' <c>chart</c> section.</summary>
public sealed record ApexChartSettings
{
    /// <summary>Default type of every series; a series may override it for a mixed chart.</summary>
    public ApexChartType? Type { get; init; }

    /// <summary>Chart height as CSS ("320px", "100%"); defaults to the component's Height.</summary>
    public string? Height { get; init; }

    /// <summary>Stack bar or area series on top of each other.</summary>
    public bool? Stacked { get; init; }

    /// <summary>Download/zoom toolbar.</summary>
    public ApexToolbar? Toolbar { get; init; }

    /// <summary>Drawing and update animations.</summary>
    public ApexAnimations? Animations { get; init; }

    /// <summary>Background colour; "transparent" lets the page's surface show through.</summary>
    public string? Background { get; init; }

    /// <summary>CSS font family of every text in the chart.</summary>
    public string? FontFamily { get; init; }

    /// <summary>apexcharts chart id (only needed to group charts).</summary>
    public string? Id { get; init; }

    /// <summary>Nonce put on the style element apexcharts injects, for a content security policy with style nonces.</summary>
    public string? Nonce { get; init; }
}

/// <summary>Chart types this wrapper is meant for.</summary>
public enum ApexChartType
{
    /// <summary>Lines through the points.</summary>
    Line,

    /// <summary>Filled area under the line.</summary>
    Area,

    /// <summary>Vertical bars (columns), stacked with <see cref="ApexChartSettings.Stacked"/>.</summary>
    Bar,

    /// <summary>Ring of slices.</summary>
    Donut,

    /// <summary>Disc of slices.</summary>
    Pie,
}

/// <summary>apexcharts' <c>chart.toolbar</c>.</summary>
public sealed record ApexToolbar
{
    /// <summary>Show the toolbar.</summary>
    public bool? Show { get; init; }
}

/// <summary>apexcharts' <c>chart.animations</c>.</summary>
public sealed record ApexAnimations
{
    /// <summary>Animate drawing and updates.</summary>
    public bool? Enabled { get; init; }
}

/// <summary>One series of values, one per x-axis category; a null value leaves a gap.</summary>
public sealed record ApexSeries
{
    /// <summary>Name shown in the legend and tooltip.</summary>
    public string? Name { get; init; }

    /// <summary>Type of this series in a mixed chart (bars with a line on top); null uses the chart's type.</summary>
    public ApexChartType? Type { get; init; }

    /// <summary>Colour of this series as CSS; null takes the next of <see cref="ApexChartOptions.Colors"/>.</summary>
    public string? Color { get; init; }

    /// <summary>The values, aligned with <see cref="ApexXAxis.Categories"/>.</summary>
    public IReadOnlyList<double?> Data { get; init; } = [];
}
