using System.Globalization;

namespace CxDashboard.Data.Imports;

/// <summary>What a cell holds: nothing, text (CSV, or a text cell), a number or a date (XLSX, JSON).</summary>
internal enum CellKind : byte
{
    Empty,
    Text,
    Number,
    Date,
}

/// <summary>
/// One field of a row as read, before it is checked. CSV fields stay spans over the reader's buffer, so a valid
/// row allocates nothing but its note.
/// </summary>
internal readonly ref struct Cell
{
    private Cell(CellKind kind, ReadOnlySpan<char> text, double number, DateTime date)
    {
        Kind = kind;
        Text = text;
        Number = number;
        Date = date;
    }

    public CellKind Kind { get; }

    /// <summary>The text as written (not trimmed), for <see cref="CellKind.Text"/>.</summary>
    public ReadOnlySpan<char> Text { get; }

    public double Number { get; }

    public DateTime Date { get; }

    public bool IsEmpty => Kind == CellKind.Empty;

    public static Cell Empty => default;

    /// <summary>A text field; blank or white space only counts as empty.</summary>
    public static Cell OfText(ReadOnlySpan<char> text) =>
        text.IsWhiteSpace() ? default : new Cell(CellKind.Text, text, 0, default);

    public static Cell OfText(string? text) => text is null ? default : OfText(text.AsSpan());

    public static Cell OfNumber(double number) => new(CellKind.Number, default, number, default);

    public static Cell OfNumber(double? number) => number is { } n ? OfNumber(n) : default;

    public static Cell OfDate(DateTime date) => new(CellKind.Date, default, 0, date);

    /// <summary>What was found, for a problem: at most about 60 characters.</summary>
    public string? Shown()
    {
        var text = Kind switch
        {
            CellKind.Text => Text.Trim().ToString(),
            CellKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
            CellKind.Date => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => null,
        };
        return ProblemList.Cut(text);
    }
}

/// <summary>A row's ten fields, in the file's column order (whatever order the file had them in).</summary>
internal ref struct RawRow
{
    public Cell Month;
    public Cell Kpi;
    public Cell Channel;
    public Cell Partner;
    public Cell Segment;
    public Cell Value;
    public Cell Numerator;
    public Cell Denominator;
    public Cell Weight;
    public Cell Note;

    /// <summary>True when no field holds anything: a blank line, or a spreadsheet row of empty cells.</summary>
    public readonly bool IsBlank =>
        Month.IsEmpty && Kpi.IsEmpty && Channel.IsEmpty && Partner.IsEmpty && Segment.IsEmpty
        && Value.IsEmpty && Numerator.IsEmpty && Denominator.IsEmpty && Weight.IsEmpty && Note.IsEmpty;
}

/// <summary>The problems of a batch: every one counted, the first <see cref="MeasurementBatch.ProblemLimit"/> kept.</summary>
internal sealed class ProblemList
{
    private const int ShownLength = 60;
    private readonly List<ImportProblem> _kept = [];

    public int Count { get; private set; }

    public IReadOnlyList<ImportProblem> Kept => _kept;

    public void Add(int? line, string? column, string? value, string reason, string fix)
    {
        Count++;
        if (_kept.Count < MeasurementBatch.ProblemLimit) _kept.Add(new ImportProblem(line, column, Cut(value), reason, fix));
    }

    /// <summary>A value cut to about 60 characters, so that a runaway field does not flood the page.</summary>
    public static string? Cut(string? value) =>
        value is null || value.Length <= ShownLength ? value : string.Concat(value.AsSpan(0, ShownLength - 1), "…");
}
