using System.Globalization;
using System.IO.Compression;
using System.Xml;
using MiniExcelLibs;

namespace CxDashboard.Data.Imports;

/// <summary>
/// Reads the first sheet of a measurement workbook into a <see cref="BatchBuilder"/>: the first non-empty row is
/// the header, each later row keeps its sheet row number as its line. Cells may be text or numbers; a month may be
/// a date cell (Excel turns a typed 2026-03 into one).
/// </summary>
internal static class XlsxMeasurementFile
{
    private const int ProgressEvery = 10_000;

    /// <summary>False after reporting a file problem when the package is not a workbook at all.</summary>
    public static bool IsWorkbook(Stream content, string name, BatchBuilder batch)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("xl/workbook.xml") is not null) return true;
            batch.AddFileProblem(null, null, null, $"{name} is a ZIP archive but not an Excel workbook.",
                "Load the .xlsx workbook itself (or a CSV file), not an archive that contains it.");
            return false;
        }
        catch (InvalidDataException)
        {
            batch.AddFileProblem(null, null, null, $"{name} looks like an Excel workbook but is damaged or incomplete.",
                "Open it in Excel, save it again as .xlsx (Excel Workbook), and load that.");
            return false;
        }
        finally
        {
            content.Position = 0;
        }
    }

    public static void Read(Stream content, string name, BatchBuilder batch, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            Rows(content, batch, progress, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // A damaged workbook can surface as any exception from inside the spreadsheet reader; each is the same problem to the person loading it.
        catch (Exception e) when (e is XmlException or InvalidDataException or InvalidOperationException or FormatException or ArgumentException or IndexOutOfRangeException or NullReferenceException or KeyNotFoundException)
#pragma warning restore CA1031
        {
            batch.AddFileProblem(null, null, null, $"{name} could not be read as a workbook ({e.Message.TrimEnd('.')}).",
                "Open it in Excel, save it again as .xlsx (Excel Workbook), and load that; or save it as CSV UTF-8.");
        }
    }

    private static void Rows(Stream content, BatchBuilder batch, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        string[]? at = null;
        var line = 0;
        foreach (var item in MiniExcel.Query(content, useHeaderRow: false))
        {
            line++;
            if (item is not IDictionary<string, object?> cells) continue;
            if (at is null)
            {
                if (cells.Values.All(Blank)) continue;
                at = Header(cells, line, batch);
                if (at is null) return;
                continue;
            }

            var row = new RawRow
            {
                Month = CellOf(cells, at[0], numeric: true),
                Kpi = CellOf(cells, at[1], numeric: false),
                Channel = CellOf(cells, at[2], numeric: false),
                Partner = CellOf(cells, at[3], numeric: false),
                Segment = CellOf(cells, at[4], numeric: false),
                Value = CellOf(cells, at[5], numeric: true),
                Numerator = CellOf(cells, at[6], numeric: true),
                Denominator = CellOf(cells, at[7], numeric: true),
                Weight = CellOf(cells, at[8], numeric: true),
                Note = CellOf(cells, at[9], numeric: false),
            };
            if (!row.IsBlank) batch.Add(line, row);
            if (line % ProgressEvery == 0)
            {
                progress?.Report(new ImportProgress(ImportStages.Reading, line, 0));
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        if (at is null)
            batch.AddFileProblem(null, null, null, "The workbook's first sheet is empty.",
                $"Put the header row ({MeasurementColumns.CsvHeader}) and the data on the first sheet; download the template to see the layout.");
    }

    /// <summary>The sheet column (A, B, …) of each of the ten columns, or null after reporting what is wrong.</summary>
    private static string[]? Header(IDictionary<string, object?> cells, int line, BatchBuilder batch)
    {
        var at = new string?[MeasurementColumns.All.Count];
        var ok = true;
        foreach (var (letter, value) in cells)
        {
            if (Blank(value)) continue;
            var name = Convert.ToString(value, CultureInfo.InvariantCulture)!.Trim();
            var expected = -1;
            for (var i = 0; i < MeasurementColumns.All.Count; i++)
                if (string.Equals(MeasurementColumns.All[i], name, StringComparison.OrdinalIgnoreCase)) expected = i;
            if (expected < 0)
            {
                batch.AddFileProblem(line, name, name, $"The header has a column \"{name}\" (column {letter}) that is not one of the measurement file's columns.",
                    $"Remove the column, or rename it to one of: {MeasurementColumns.CsvHeader}.");
                ok = false;
            }
            else if (at[expected] is not null)
            {
                batch.AddFileProblem(line, MeasurementColumns.All[expected], name, $"The header has the column \"{MeasurementColumns.All[expected]}\" twice (columns {at[expected]} and {letter}).",
                    "Remove one of them.");
                ok = false;
            }
            else
            {
                at[expected] = letter;
            }
        }

        for (var c = 0; c < at.Length; c++)
        {
            if (at[c] is not null) continue;
            batch.AddFileProblem(line, MeasurementColumns.All[c], null, $"The header has no column \"{MeasurementColumns.All[c]}\".",
                $"Add the column (it may be left empty where the KPI does not use it); the header is: {MeasurementColumns.CsvHeader}");
            ok = false;
        }

        return ok ? at.Select(letter => letter!).ToArray() : null;
    }

    private static Cell CellOf(IDictionary<string, object?> cells, string letter, bool numeric)
    {
        if (!cells.TryGetValue(letter, out var value)) return Cell.Empty;
        return value switch
        {
            null => Cell.Empty,
            string text => Cell.OfText(text),
            DateTime date when numeric => Cell.OfDate(date),
            DateTime date => Cell.OfText(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            double or float or decimal or int or long or short or byte when numeric => Cell.OfNumber(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
            double number => Cell.OfText(number.ToString("R", CultureInfo.InvariantCulture)),
            _ => Cell.OfText(Convert.ToString(value, CultureInfo.InvariantCulture)),
        };
    }

    private static bool Blank(object? value) => value is null || (value is string s && string.IsNullOrWhiteSpace(s));
}
