namespace CxDashboard.Charts;

/// <summary>apexcharts' <c>annotations</c>: reference lines drawn over the plot.</summary>
public sealed record ApexAnnotations
{
    /// <summary>Horizontal lines at a y value (baseline, target).</summary>
    public IReadOnlyList<ApexYAxisAnnotation>? Yaxis { get; init; }

    /// <summary>Vertical lines at an x category (an event such as a launch).</summary>
    public IReadOnlyList<ApexXAxisAnnotation>? Xaxis { get; init; }
}

/// <summary>A horizontal line at <see cref="Y"/>, or a band from <see cref="Y"/> to <see cref="Y2"/>.</summary>
public sealed record ApexYAxisAnnotation
{
    /// <summary>Value the line is drawn at.</summary>
    public required double Y { get; init; }

    /// <summary>Upper edge of a band; null draws a line.</summary>
    public double? Y2 { get; init; }

    /// <summary>Index of the y axis the value belongs to, when there are several.</summary>
    public int? YAxisIndex { get; init; }

    /// <summary>Line colour as CSS.</summary>
    public string? BorderColor { get; init; }

    /// <summary>Band fill colour as CSS.</summary>
    public string? FillColor { get; init; }

    /// <summary>Dash length in pixels; 0 draws a solid line.</summary>
    public double? StrokeDashArray { get; init; }

    /// <summary>Label written on the line.</summary>
    public ApexAnnotationLabel? Label { get; init; }
}

/// <summary>A vertical line at the category <see cref="X"/>.</summary>
public sealed record ApexXAxisAnnotation
{
    /// <summary>The x-axis category the line is drawn at, exactly as in <see cref="ApexXAxis.Categories"/>.</summary>
    public required string X { get; init; }

    /// <summary>Line colour as CSS.</summary>
    public string? BorderColor { get; init; }

    /// <summary>Dash length in pixels; 0 draws a solid line.</summary>
    public double? StrokeDashArray { get; init; }

    /// <summary>Label written on the line.</summary>
    public ApexAnnotationLabel? Label { get; init; }
}

/// <summary>Text of an annotation.</summary>
public sealed record ApexAnnotationLabel
{
    /// <summary>The text.</summary>
    public string? Text { get; init; }

    /// <summary>Border colour of the label box as CSS.</summary>
    public string? BorderColor { get; init; }

    /// <summary>Horizontal or vertical text (x-axis annotations default to vertical).</summary>
    public ApexLabelOrientation? Orientation { get; init; }

    /// <summary>Text and background colours.</summary>
    public ApexAnnotationLabelStyle? Style { get; init; }
}

/// <summary>Colours of an annotation label.</summary>
public sealed record ApexAnnotationLabelStyle
{
    /// <summary>Text colour as CSS.</summary>
    public string? Color { get; init; }

    /// <summary>Background colour as CSS.</summary>
    public string? Background { get; init; }
}

/// <summary>Direction of annotation text.</summary>
public enum ApexLabelOrientation
{
    /// <summary>Left to right.</summary>
    Horizontal,

    /// <summary>Bottom to top.</summary>
    Vertical,
}
