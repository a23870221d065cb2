using System.IO.Compression;
using System.Text;
using CxDashboard.Core.Time;
using CxDashboard.Data.Exports;
using CxDashboard.Web.Exports;
using MiniExcelLibs;
using Sylvan.Data.Csv;

namespace CxDashboard.Web.Tests.Exports;

/// <summary>
/// OWASP CSV injection: text a person typed that a spreadsheet would run as a formula is written with a single quote in
/// front (and quoted in CSV), in CSV and XLSX alike; numbers stay numbers, negative ones included. Each file is read back
/// with a real CSV or workbook reader, as a spreadsheet user's tool would.
/// </summary>
public sealed class SpreadsheetInjectionTests
{
    private const string Hyperlink = "=HYPERLINK(\"http://x\",\"y\")";

    private static readonly MeasurementExportRow Formula = new(
        new YearMonth(2026, 10), "NPS", "VOICE", "ATLAS", "CONSUMER", -12, -12, 100, null, Hyperlink);

    private static readonly MeasurementExportRow Plain = new(
        new YearMonth(2026, 10), "CPC", "CHAT", null, null, 4.25, 42_500.5, 10_000, null, "survey vendor outage, estimate");

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+1")]
    [InlineData("-1+2")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tHidden")]
    [InlineData("\rHidden")]
    public void Text_that_starts_like_a_formula_gets_a_quote_in_front(string text) =>
        Assert.Equal("'" + text, SpreadsheetText.Neutralise(text));

    [Theory]
    [InlineData("survey vendor outage")]
    [InlineData("1-2 weeks late")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_text_is_left_as_it_is(string? text) => Assert.Equal(text, SpreadsheetText.Neutralise(text));

    [Fact]
    public async Task A_formula_note_in_a_CSV_export_is_quoted_and_neutralised_while_a_negative_number_stays_a_number()
    {
        using var file = new MemoryStream();
        await MeasurementFile.WriteCsvAsync(Rows(Formula, Plain), file);

        var text = Encoding.UTF8.GetString(file.ToArray());
        Assert.StartsWith("month,kpi,channel,partner,segment,value,numerator,denominator,weight,note\r\n", text, StringComparison.Ordinal);
        Assert.Contains(",-12,-12,100,,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n", text, StringComparison.Ordinal);

        file.Position = 0;
        using var reader = CsvDataReader.Create(new StreamReader(file));
        Assert.True(await reader.ReadAsync());
        Assert.Equal("'" + Hyperlink, reader.GetString(reader.GetOrdinal("note")));
        Assert.Equal(-12d, reader.GetDouble(reader.GetOrdinal("numerator")));
        Assert.Equal(-12d, reader.GetDouble(reader.GetOrdinal("value")));
        Assert.True(await reader.ReadAsync());
        Assert.Equal("survey vendor outage, estimate", reader.GetString(reader.GetOrdinal("note")));
        Assert.Equal(42_500.5, reader.GetDouble(reader.GetOrdinal("numerator")));
        Assert.Equal("", reader.GetString(reader.GetOrdinal("partner")));
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public void A_formula_note_in_an_XLSX_export_is_text_with_a_quote_in_front_while_a_negative_number_stays_a_number()
    {
        using var file = new MemoryStream();
        MeasurementFile.WriteXlsx([Formula, Plain], file);

        file.Position = 0;
        var rows = file.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("'" + Hyperlink, rows[0]["note"]);
        Assert.Equal(-12d, rows[0]["numerator"]);
        Assert.Equal("2026-10", rows[0]["month"]);
        Assert.Equal(42_500.5, rows[1]["numerator"]);
        Assert.Null(rows[1]["partner"]);
        // No cell of the sheet holds a formula.
        Assert.DoesNotContain("<x:f>", SheetXml(file, "xl/worksheets/sheet1.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_XLSX_export_with_no_rows_still_has_its_header()
    {
        using var file = new MemoryStream();
        MeasurementFile.WriteXlsx([], file);

        file.Position = 0;
        var header = file.Query().Cast<IDictionary<string, object?>>().First();
        Assert.Equal(MeasurementFile.Columns, header.Values.Select(v => (string?)v));
    }

    [Fact]
    public async Task Names_in_the_board_file_are_neutralised_and_its_figures_are_numbers_in_CSV_and_XLSX()
    {
        var figures = new BoardFigures(
            "=cmd|' /C calc'!A0", "2026-10", "2025-03", "2025-03 to 2026-10, risk-adjusted", "USD", new DateTime(2026, 11, 2, 9, 30, 0, DateTimeKind.Utc), "@admin",
            null,
            [new HeadlineFigure("rox", "ROX", 221.43m, "%", null), new HeadlineFigure("net", "Net value", -1250.5m, "USD", null)],
            new MonthValue("2026-10", 100m, 50m, 25m, 175m, 200m, -25m),
            [new MonthValue("2026-10", 100m, 50m, 25m, 175m, 200m, -25m)],
            [new KpiFigures("NPS", "Net promoter score", "score", true, -12, -20, 0, 8, -1.5, "Improving", "Better than baseline, short of target", null, false)],
            [new InitiativeFigures("+AI agent", "2025-03", true, 1000m, 500m, 200m)]);

        using var csv = new MemoryStream();
        await BoardFile.WriteCsvAsync(figures, csv);
        var text = Encoding.UTF8.GetString(csv.ToArray());
        Assert.Contains("organisation,\"'=cmd|' /C calc'!A0\"\r\n", text, StringComparison.Ordinal);
        Assert.Contains("generated by,\"'@admin\"\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Net value,net,-1250.5,USD,\r\n", text, StringComparison.Ordinal);
        Assert.Contains("NPS,Net promoter score,score,yes,-12,-20,0,8,-1.5,", text, StringComparison.Ordinal);
        Assert.Contains("\"'+AI agent\",2025-03,yes,1000,500,200,USD\r\n", text, StringComparison.Ordinal);

        using var xlsx = new MemoryStream();
        BoardFile.WriteXlsx(figures, xlsx);
        xlsx.Position = 0;
        var about = xlsx.Query(useHeaderRow: true, sheetName: "About").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("'=cmd|' /C calc'!A0", about.Single(r => (string?)r["field"] == "organisation")["value"]);
        xlsx.Position = 0;
        var kpis = xlsx.Query(useHeaderRow: true, sheetName: "KPIs").Cast<IDictionary<string, object?>>().Single();
        Assert.Equal(-12d, kpis["actual"]);
        Assert.Equal(-1.5, kpis["delta vs previous month"]);
        xlsx.Position = 0;
        var headline = xlsx.Query(useHeaderRow: true, sheetName: "Headline").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(-1250.5, headline[1]["value"]);
        xlsx.Position = 0;
        var initiative = xlsx.Query(useHeaderRow: true, sheetName: "Initiatives").Cast<IDictionary<string, object?>>().Single();
        Assert.Equal("'+AI agent", initiative["initiative"]);
    }

    private static async IAsyncEnumerable<MeasurementExportRow> Rows(params MeasurementExportRow[] rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    private static string SheetXml(Stream workbook, string entry)
    {
        workbook.Position = 0;
        using var zip = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true);
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }
}
