using System.Globalization;
using System.Text;

namespace CxDashboard.Web.Exports;

/// <summary>
/// Writes CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they must be) in UTF-8 without a byte
/// order mark, so the file's first bytes are its header. Text is neutralised against formulas
/// (<see cref="SpreadsheetText"/>) and such a field is always quoted; numbers are written in the invariant culture,
/// shortest form that reads back to the same value.
/// </summary>
public sealed class CsvLineWriter(TextWriter writer)
{
    private bool _fieldWritten;

    /// <summary>A writer over <paramref name="stream"/>, left open, in UTF-8 without a BOM.</summary>
    public static StreamWriter Utf8(Stream stream) =>
        new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);

    /// <summary>A text field; null writes an empty field.</summary>
    public void Text(string? text)
    {
        Separate();
        if (string.IsNullOrEmpty(text)) return;
        var dangerous = SpreadsheetText.IsDangerous(text);
        var safe = SpreadsheetText.Neutralise(text)!;
        if (dangerous || NeedsQuotes(safe))
        {
            writer.Write('"');
            writer.Write(safe.Replace("\"", "\"\"", StringComparison.Ordinal));
            writer.Write('"');
        }
        else
        {
            writer.Write(safe);
        }
    }

    /// <summary>A number; null writes an empty field. Not neutralised: −12 is a number, not a formula.</summary>
    public void Number(double? value)
    {
        Separate();
        if (value is { } v) writer.Write(v.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>A number; null writes an empty field.</summary>
    public void Number(decimal? value)
    {
        Separate();
        if (value is { } v) writer.Write(v.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Ends the line.</summary>
    public void EndLine()
    {
        writer.Write("\r\n");
        _fieldWritten = false;
    }

    /// <summary>A line of text fields.</summary>
    public void Line(params IEnumerable<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var field in fields) Text(field);
        EndLine();
    }

    private void Separate()
    {
        if (_fieldWritten) writer.Write(',');
        _fieldWritten = true;
    }

    private static bool NeedsQuotes(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 || text[0] == ' ' || text[^1] == ' ';
}
