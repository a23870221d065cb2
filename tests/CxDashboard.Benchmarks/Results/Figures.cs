using System.Globalization;

namespace CxDashboard.Benchmarks.Results;

/// <summary>How a figure is read: a time (lower is better) or a rate of rows per second (higher is better).</summary>
public enum FigureKind
{
    /// <summary>A server time per call, in milliseconds.</summary>
    Time,

    /// <summary>Rows written per second (from the time per row).</summary>
    Rows,
}

/// <summary>A measured time per operation: the median, the interquartile range, and what it allocated.</summary>
/// <param name="MedianNs">The median, in nanoseconds per operation.</param>
/// <param name="Q1Ns">The first quartile.</param>
/// <param name="Q3Ns">The third quartile.</param>
/// <param name="Iterations">How many measured iterations.</param>
/// <param name="AllocatedBytes">Bytes allocated per operation; null when not measured.</param>
public sealed record Measured(double MedianNs, double Q1Ns, double Q3Ns, int Iterations, long? AllocatedBytes);

/// <summary>
/// One figure of RESULTS.md beside its floor, measured in the same run: what the product does, what the least it
/// could do is, the ratio between the two and the targets. A figure never goes without its floor.
/// </summary>
/// <param name="Case">Which case of the figure ("1M rows (1,006,020)").</param>
/// <param name="Kind">A time or a rate of rows.</param>
/// <param name="Value">The product's figure; null when it did not run (<paramref name="Missing"/> says why).</param>
/// <param name="Floor">Its floor; null when it did not run.</param>
/// <param name="AbsoluteTarget">
/// The target in the figure's unit: at most this many milliseconds (<see cref="FigureKind.Time"/>), or at least this many
/// rows per second (<see cref="FigureKind.Rows"/>); null when none is set.
/// </param>
/// <param name="RatioTarget">At most this many times the floor's time; null when none is set.</param>
/// <param name="Missing">Why the figure was not measured, when it was not.</param>
public sealed record Figure(
    string Case, FigureKind Kind, Measured? Value, Measured? Floor, double? AbsoluteTarget, double? RatioTarget, string? Missing = null)
{
    /// <summary>The product's time over the floor's (for rows: the time per row over the floor's).</summary>
    public double? Ratio => Value is { } v && Floor is { MedianNs: > 0 } f ? v.MedianNs / f.MedianNs : null;

    /// <summary>True when every target set is met, false when one is missed, null when none is set or nothing was measured.</summary>
    public bool? Met
    {
        get
        {
            if (Value is not { } v || (AbsoluteTarget is null && RatioTarget is null)) return null;
            var absolute = AbsoluteTarget is not { } a || (Kind == FigureKind.Time ? Milliseconds(v) <= a : RowsPerSecond(v) >= a);
            var ratio = RatioTarget is not { } r || Ratio <= r;
            return absolute && ratio;
        }
    }

    /// <summary>The targets in words ("≤ 50 ms and ≤ 2× the floor").</summary>
    public string Targets
    {
        get
        {
            var parts = new List<string>();
            if (AbsoluteTarget is { } a)
                parts.Add(Kind == FigureKind.Time ? Invariant($"≤ {a:0.#} ms") : Invariant($"≥ {a:N0} rows/s"));
            if (RatioTarget is { } r) parts.Add(Invariant($"≤ {r:0.#}× the floor"));
            return parts.Count == 0 ? "none set" : string.Join(" and ", parts);
        }
    }

    /// <summary>Milliseconds per operation.</summary>
    public static double Milliseconds(Measured m) => m.MedianNs / 1e6;

    /// <summary>Rows per second, for a time per row.</summary>
    public static double RowsPerSecond(Measured m) => 1e9 / m.MedianNs;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A table of RESULTS.md: one kind of figure, its cases in rows.</summary>
/// <param name="Title">"Board, one month".</param>
/// <param name="What">What the product's figure measures.</param>
/// <param name="FloorWhat">What its floor measures.</param>
/// <param name="ValueColumn">The product's column heading.</param>
/// <param name="FloorColumn">The floor's column heading.</param>
/// <param name="Figures">The cases.</param>
/// <param name="Notes">Splits and remarks printed under the table.</param>
public sealed record FigureTable(
    string Title, string What, string FloorWhat, string ValueColumn, string FloorColumn, IReadOnlyList<Figure> Figures, IReadOnlyList<string> Notes);
