namespace CxDashboard.Charts;

/// <summary>apexcharts' <c>xaxis</c>.</summary>
public sealed record ApexXAxis
{
    /// <summary>Category labels, one per data point (e.g. months).</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Axis title.</summary>
    public ApexAxisTitle? Title { get; init; }

    /// <summary>Tick labels.</summary>
    public ApexAxisLabels? Labels { get; init; }
}

/// <summary>One entry of apexcharts' <c>yaxis</c> array.</summary>
public sealed record ApexYAxis
{
    /// <summary>Axis title.</summary>
    public ApexAxisTitle? Title { get; init; }

    /// <summary>Lowest value shown; null lets apexcharts choose.</summary>
    public double? Min { get; init; }

    /// <summary>Highest value shown; null lets apexcharts choose.</summary>
    public double? Max { get; init; }

    /// <summary>Number of intervals between ticks.</summary>
    public int? TickAmount { get; init; }

    /// <summary>Draw the axis on the right.</summary>
    public bool? Opposite { get; init; }

    /// <summary>Name of the series this axis measures, when there are several y axes.</summary>
    public string? SeriesName { get; init; }

    /// <summary>Show the axis.</summary>
    public bool? Show { get; init; }

    /// <summary>Tick labels and their number format.</summary>
    public ApexAxisLabels? Labels { get; init; }
}

/// <summary>An axis title.</summary>
public sealed record ApexAxisTitle
{
    /// <summary>Title text.</summary>
    public string? Text { get; init; }
}

/// <summary>Tick labels of an axis.</summary>
public sealed record ApexAxisLabels
{
    /// <summary>Show the labels.</summary>
    public bool? Show { get; init; }

    /// <summary>Rotation in degrees (x axis).</summary>
    public int? Rotate { get; init; }

    /// <summary>Widest a label may be in pixels before it is cut short (y axis; apexcharts' default is 160).</summary>
    public double? MaxWidth { get; init; }

    /// <summary>How numeric labels are written; non-numeric labels (categories) pass through unchanged.</summary>
    public ApexNumberFormat? NumberFormat { get; init; }
}
