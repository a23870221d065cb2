namespace CxDashboard.Charts;

/// <summary>apexcharts' <c>stroke</c>.</summary>
public sealed record ApexStroke
{
    /// <summary>Draw strokes at all (off for plain bars).</summary>
    public bool? Show { get; init; }

    /// <summary>How points are joined.</summary>
    public ApexStrokeCurve? Curve { get; init; }

    /// <summary>Width in pixels, one per series (a single entry applies to all).</summary>
    public IReadOnlyList<double>? Width { get; init; }

    /// <summary>Dash length in pixels, one per series; 0 is solid.</summary>
    public IReadOnlyList<double>? DashArray { get; init; }
}

/// <summary>How a line joins its points.</summary>
public enum ApexStrokeCurve
{
    /// <summary>Spline through the points.</summary>
    Smooth,

    /// <summary>Straight segments.</summary>
    Straight,

    /// <summary>Horizontal then vertical steps.</summary>
    Stepline,
}

/// <summary>apexcharts' <c>dataLabels</c>.</summary>
public sealed record ApexDataLabels
{
    /// <summary>Write the value on each point or bar.</summary>
    public bool? Enabled { get; init; }

    /// <summary>How the values are written.</summary>
    public ApexNumberFormat? NumberFormat { get; init; }
}

/// <summary>apexcharts' <c>legend</c>.</summary>
public sealed record ApexLegend
{
    /// <summary>Show the legend (apexcharts hides it for a single series unless this is set).</summary>
    public bool? Show { get; init; }

    /// <summary>Side of the chart the legend sits on.</summary>
    public ApexLegendPosition? Position { get; init; }
}

/// <summary>Where the legend goes.</summary>
public enum ApexLegendPosition
{
    /// <summary>Above the plot.</summary>
    Top,

    /// <summary>Right of the plot.</summary>
    Right,

    /// <summary>Below the plot.</summary>
    Bottom,

    /// <summary>Left of the plot.</summary>
    Left,
}

/// <summary>apexcharts' <c>tooltip</c>.</summary>
public sealed record ApexTooltip
{
    /// <summary>Show a tooltip on hover.</summary>
    public bool? Enabled { get; init; }

    /// <summary>One tooltip listing every series at the hovered x.</summary>
    public bool? Shared { get; init; }

    /// <summary>Show the tooltip only over a bar or marker; must be false for a shared tooltip on bar charts.</summary>
    public bool? Intersect { get; init; }

    /// <summary>How the values in the tooltip are written.</summary>
    public ApexTooltipY? Y { get; init; }
}

/// <summary>apexcharts' <c>tooltip.y</c>.</summary>
public sealed record ApexTooltipY
{
    /// <summary>How the values are written.</summary>
    public ApexNumberFormat? NumberFormat { get; init; }
}

/// <summary>apexcharts' <c>theme</c>.</summary>
public sealed record ApexTheme
{
    /// <summary>Light or dark text and tooltip colours.</summary>
    public ApexThemeMode? Mode { get; init; }
}

/// <summary>Theme mode.</summary>
public enum ApexThemeMode
{
    /// <summary>Dark text on a light surface.</summary>
    Light,

    /// <summary>Light text on a dark surface.</summary>
    Dark,
}

/// <summary>apexcharts' <c>plotOptions</c>.</summary>
public sealed record ApexPlotOptions
{
    /// <summary>Bar settings.</summary>
    public ApexBarOptions? Bar { get; init; }
}

/// <summary>apexcharts' <c>plotOptions.bar</c>.</summary>
public sealed record ApexBarOptions
{
    /// <summary>Draw bars horizontally.</summary>
    public bool? Horizontal { get; init; }

    /// <summary>Column width as a percentage of the category width ("60%").</summary>
    public string? ColumnWidth { get; init; }

    /// <summary>Corner radius in pixels.</summary>
    public double? BorderRadius { get; init; }
}

/// <summary>apexcharts' <c>grid</c>.</summary>
public sealed record ApexGrid
{
    /// <summary>Draw grid lines.</summary>
    public bool? Show { get; init; }

    /// <summary>Grid line colour as CSS.</summary>
    public string? BorderColor { get; init; }

    /// <summary>Dash length in pixels; 0 is solid.</summary>
    public double? StrokeDashArray { get; init; }
}

/// <summary>apexcharts' <c>markers</c>.</summary>
public sealed record ApexMarkers
{
    /// <summary>Marker radius in pixels; 0 hides markers.</summary>
    public double? Size { get; init; }
}

/// <summary>apexcharts' <c>noData</c>.</summary>
public sealed record ApexNoData
{
    /// <summary>Text shown when no series has data.</summary>
    public string? Text { get; init; }
}
