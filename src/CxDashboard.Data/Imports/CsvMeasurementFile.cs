using System.Globalization;
using Sylvan.Data.Csv;

namespace CxDashboard.Data.Imports;

/// <summary>
/// Reads a measurement CSV into a <see cref="BatchBuilder"/>: checks the header (delimiter, missing, unknown and
/// repeated columns; any order and case), then hands over each row with its physical line number. Fields stay
/// spans over the reader's buffer.
/// </summary>
internal static class CsvMeasurementFile
{
    private const int ProgressEvery = 10_000;

    private static readonly CsvDataReaderOptions s_options = new()
    {
        Delimiter = ',',
        HasHeaders = true,
        // No comment lines: a row starting with '#' is data (and a bad month), never silently skipped.
        Comment = '\0',
        BufferSize = 64 * 1024,
        // A record longer than this is a quote left open, not a row: say so rather than read the rest of the file as one field.
        MaxBufferSize = 1024 * 1024,
        OwnsReader = false,
    };

    public static async Task ReadAsync(Utf8FileReader text, BatchBuilder batch, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        // The physical line the record being read starts on: a quoted field with line breaks spans several.
        var next = new LinePosition { Next = 2 };
        try
        {
            await using var csv = await CsvDataReader.CreateAsync(text, s_options, cancellationToken);
            next.Next = 2 + Enumerable.Range(0, csv.FieldCount).Sum(i => csv.GetName(i).AsSpan().Count('\n'));
            var columns = Header(csv, batch);
            if (columns is null) return;
            await RowsAsync(csv, columns, next, batch, text, progress, cancellationToken);
        }
        catch (CsvMissingHeadersException)
        {
            batch.AddFileProblem(null, null, null, "The file is empty.",
                "Choose the file that holds the header row and the data; download the template to see the layout.");
        }
        catch (NotUtf8Exception e)
        {
            var what = e.Value is { } b ? $"byte 0x{b:X2}" : "the last character, which is cut off,";
            batch.AddFileProblem(e.Line, null, null,
                $"The file is not UTF-8 text: {what} on line {e.Line.ToString(CultureInfo.InvariantCulture)} (byte {e.Offset.ToString("N0", CultureInfo.InvariantCulture)} of the file) is how Windows-1252 or Latin-1 write accented letters.",
                "Save the file as \"CSV UTF-8\" (in Excel: File, Save As, CSV UTF-8 (Comma delimited)) and load it again.");
        }
        catch (CsvRecordTooLargeException)
        {
            batch.AddFileProblem(next.Next, null, null,
                "A quoted field that starts here is never closed, so the rest of the file reads as one field.",
                "Close the quote: a field in double quotes ends with a double quote, and a quote inside it is written twice (\"\").");
        }
        catch (CsvFormatException)
        {
            batch.AddFileProblem(next.Next, null, null,
                "A field has a double quote in the wrong place (after a closing quote, only a comma or the end of the line may follow).",
                "Put the whole field in double quotes and write each quote inside it twice: \"said \"\"hello\"\"\".");
        }
    }

    /// <summary>The position of each of the ten columns, or null after reporting what is wrong with the header.</summary>
    private static int[]? Header(CsvDataReader csv, BatchBuilder batch)
    {
        var names = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToList();
        if (names.Count == 1 && (names[0].Contains(';', StringComparison.Ordinal) || names[0].Contains('\t', StringComparison.Ordinal)))
        {
            var (what, shown) = names[0].Contains(';', StringComparison.Ordinal) ? ("semicolons", "';'") : ("tabs", "tab");
            batch.AddFileProblem(1, null, names[0], $"The file separates its columns with {what}, not commas.",
                $"Save it with commas between the columns (in Excel: Save As, CSV UTF-8 (Comma delimited)), or replace each {shown} with a comma.");
            return null;
        }

        if (names.Count == 1 && string.IsNullOrWhiteSpace(names[0]))
        {
            batch.AddFileProblem(1, null, null, "The first line is empty, but it must be the header row.",
                $"Make the first line the header: {MeasurementColumns.CsvHeader}");
            return null;
        }

        var positions = new int[MeasurementColumns.All.Count];
        Array.Fill(positions, -1);
        var ok = true;
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim();
            var expected = IndexOf(name);
            if (expected < 0)
            {
                var column = string.IsNullOrEmpty(name) ? $"column {(i + 1).ToString(CultureInfo.InvariantCulture)} (it has no name)" : $"\"{name}\"";
                batch.AddFileProblem(1, string.IsNullOrEmpty(name) ? null : name, name, $"The header has a column {column} that is not one of the measurement file's columns.",
                    $"Remove the column, or rename it to one of: {MeasurementColumns.CsvHeader}.");
                ok = false;
            }
            else if (positions[expected] >= 0)
            {
                batch.AddFileProblem(1, MeasurementColumns.All[expected], name, $"The header has the column \"{MeasurementColumns.All[expected]}\" twice.",
                    "Remove one of them.");
                ok = false;
            }
            else
            {
                positions[expected] = i;
            }
        }

        for (var c = 0; c < positions.Length; c++)
        {
            if (positions[c] >= 0) continue;
            batch.AddFileProblem(1, MeasurementColumns.All[c], null, $"The header has no column \"{MeasurementColumns.All[c]}\".",
                $"Add the column (it may be left empty where the KPI does not use it); the header is: {MeasurementColumns.CsvHeader}");
            ok = false;
        }

        return ok ? positions : null;
    }

    private static int IndexOf(string name)
    {
        for (var i = 0; i < MeasurementColumns.All.Count; i++)
            if (string.Equals(MeasurementColumns.All[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    private static async Task RowsAsync(
        CsvDataReader csv, int[] at, LinePosition next, BatchBuilder batch, Utf8FileReader text, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var fields = csv.FieldCount;
        var rows = 0;
        while (await csv.ReadAsync(cancellationToken))
        {
            var rowLine = next.Next;
            next.Next += csv.GetRawRecordSpan().Count('\n');
            if (csv.RowFieldCount != fields)
            {
                if (!AllBlank(csv)) WrongFieldCount(csv, fields, rowLine, batch);
            }
            else
            {
                var row = new RawRow
                {
                    Month = Cell.OfText(csv.GetFieldSpan(at[0])),
                    Kpi = Cell.OfText(csv.GetFieldSpan(at[1])),
                    Channel = Cell.OfText(csv.GetFieldSpan(at[2])),
                    Partner = Cell.OfText(csv.GetFieldSpan(at[3])),
                    Segment = Cell.OfText(csv.GetFieldSpan(at[4])),
                    Value = Cell.OfText(csv.GetFieldSpan(at[5])),
                    Numerator = Cell.OfText(csv.GetFieldSpan(at[6])),
                    Denominator = Cell.OfText(csv.GetFieldSpan(at[7])),
                    Weight = Cell.OfText(csv.GetFieldSpan(at[8])),
                    Note = Cell.OfText(csv.GetFieldSpan(at[9])),
                };
                if (!row.IsBlank) batch.Add(rowLine, row);
            }

            if (++rows % ProgressEvery == 0)
            {
                progress?.Report(new ImportProgress(ImportStages.Reading, text.BytesRead, text.Length));
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        progress?.Report(new ImportProgress(ImportStages.Reading, text.BytesRead, text.Length));
    }

    private static bool AllBlank(CsvDataReader csv)
    {
        for (var i = 0; i < csv.RowFieldCount; i++)
            if (!csv.GetFieldSpan(i).IsWhiteSpace()) return false;
        return true;
    }

    private static void WrongFieldCount(CsvDataReader csv, int fields, int line, BatchBuilder batch)
    {
        var found = csv.RowFieldCount;
        var record = csv.GetRawRecordSpan().TrimEnd("\r\n").ToString();
        var (reason, fix) = found > fields
            ? ($"Line {line.ToString(CultureInfo.InvariantCulture)} has {found.ToString(CultureInfo.InvariantCulture)} values but the header has {fields.ToString(CultureInfo.InvariantCulture)} columns.",
                "A note or code that contains a comma must be in double quotes (\"like, this\"); otherwise remove the extra commas.")
            : ($"Line {line.ToString(CultureInfo.InvariantCulture)} has {found.ToString(CultureInfo.InvariantCulture)} values but the header has {fields.ToString(CultureInfo.InvariantCulture)} columns.",
                "Add the missing values: an empty value is nothing between two commas, so every line has as many commas as the header.");
        batch.AddUnreadable(line, record, reason, fix);
    }
}

/// <summary>Where the reader is, shared with the error handling: the physical line the next record starts on.</summary>
internal sealed class LinePosition
{
    public int Next { get; set; }
}
