using CxDashboard.Data.Exports;
using CxDashboard.Data.Imports;
using MiniExcelLibs;

namespace CxDashboard.Web.Exports;

/// <summary>
/// Writes measurements in the import layout (month,kpi,channel,partner,segment,value,numerator,denominator,weight,note)
/// as CSV or XLSX: codes rather than names and numbers as numbers, so a file exported here loads back unchanged.
/// Rows are written as they are read; none is held longer than it takes to write it.
/// </summary>
public static class MeasurementFile
{
    /// <summary>The header row, in the order the importer expects.</summary>
    public static IReadOnlyList<string> Columns => MeasurementColumns.All;

    /// <summary>The most data rows one worksheet holds (1,048,576 rows less the header).</summary>
    public const long MaxXlsxRows = 1_048_575;

    /// <summary>Writes the rows as CSV to <paramref name="output"/>, flushing as it goes.</summary>
    public static async Task WriteCsvAsync(IAsyncEnumerable<MeasurementExportRow> rows, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var text = CsvLineWriter.Utf8(output);
        var csv = new CsvLineWriter(text);
        csv.Line(Columns);
        var written = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            csv.Text(row.Month.ToString());
            csv.Text(row.Kpi);
            csv.Text(row.Channel);
            csv.Text(row.Partner);
            csv.Text(row.Segment);
            csv.Number(row.Value);
            csv.Number(row.Numerator);
            csv.Number(row.Denominator);
            csv.Number(row.Weight);
            csv.Text(row.Note);
            csv.EndLine();
            // The writer's buffer goes out every few thousand rows: the download streams instead of waiting for the end.
            if (++written % 4096 == 0) await text.FlushAsync(cancellationToken);
        }

        await text.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// Writes the rows as one worksheet "measurements" to <paramref name="output"/>. The workbook is written
    /// synchronously (the spreadsheet library has no asynchronous writer): give it a file, not a response body.
    /// </summary>
    public static void WriteXlsx(IEnumerable<MeasurementExportRow> rows, Stream output)
    {
        ArgumentNullException.ThrowIfNull(rows);
        // The header is written as a row of its own so that an export with no rows still has it.
        var header = Columns.ToDictionary(c => c, object? (c) => c);
        output.SaveAs(rows.Select(Cells).Prepend(header), printHeader: false, sheetName: "measurements", excelType: ExcelType.XLSX);
    }

    private static Dictionary<string, object?> Cells(MeasurementExportRow row) => new(Columns.Count)
    {
        [MeasurementColumns.Month] = row.Month.ToString(),
        [MeasurementColumns.Kpi] = SpreadsheetText.Neutralise(row.Kpi),
        [MeasurementColumns.Channel] = SpreadsheetText.Neutralise(row.Channel),
        [MeasurementColumns.Partner] = SpreadsheetText.Neutralise(row.Partner),
        [MeasurementColumns.Segment] = SpreadsheetText.Neutralise(row.Segment),
        [MeasurementColumns.Value] = row.Value,
        [MeasurementColumns.Numerator] = row.Numerator,
        [MeasurementColumns.Denominator] = row.Denominator,
        [MeasurementColumns.Weight] = row.Weight,
        [MeasurementColumns.Note] = SpreadsheetText.Neutralise(row.Note),
    };
}
