namespace CxDashboard.Data.Imports;

/// <summary>
/// The columns of the measurement file, in the order the template and the export write them. An export written
/// with these names reads back unchanged.
/// </summary>
public static class MeasurementColumns
{
    /// <summary>YYYY-MM.</summary>
    public const string Month = "month";
    /// <summary>The KPI's code.</summary>
    public const string Kpi = "kpi";
    /// <summary>The channel's code, or blank.</summary>
    public const string Channel = "channel";
    /// <summary>The partner's code, or blank.</summary>
    public const string Partner = "partner";
    /// <summary>The segment's code, or blank.</summary>
    public const string Segment = "segment";
    /// <summary>The value, invariant culture (dot decimal).</summary>
    public const string Value = "value";
    /// <summary>A ratio KPI's numerator.</summary>
    public const string Numerator = "numerator";
    /// <summary>A ratio KPI's denominator.</summary>
    public const string Denominator = "denominator";
    /// <summary>A weighted mean's weight.</summary>
    public const string Weight = "weight";
    /// <summary>A note about the value, kept as written.</summary>
    public const string Note = "note";

    /// <summary>Every column, in file order.</summary>
    public static IReadOnlyList<string> All { get; } = [Month, Kpi, Channel, Partner, Segment, Value, Numerator, Denominator, Weight, Note];

    /// <summary>The header row as a CSV line (no line ending).</summary>
    public static string CsvHeader { get; } = string.Join(',', All);
}
