using System.IO.Compression;
using System.Text;
using CxDashboard.Web.Hosting;

namespace CxDashboard.Web.Tests.Hosting;

/// <summary>An upload is judged by its content and size before anything reads it as data.</summary>
public sealed class UploadCheckTests
{
    [Fact]
    public void A_utf8_csv_with_a_byte_order_mark_and_accents_is_text()
    {
        var verdict = Inspect("\uFEFFkpi,month,channel,value\nCSAT,2026-10,Café,0.82\n", "kpis.csv");

        Assert.True(verdict.Accepted);
        Assert.Equal(UploadKind.Csv, verdict.Kind);
    }

    [Fact]
    public void A_real_workbook_is_an_xlsx_whatever_it_is_called()
    {
        var verdict = UploadCheck.Inspect(new MemoryStream(Workbook(withWorkbook: true)), "export (3).bin");

        Assert.Equal(UploadKind.Xlsx, verdict.Kind);
    }

    [Theory]
    [InlineData("", "kpis.csv is empty")]
    [InlineData("%PDF-1.7 ...", "is a PDF document, not data")]
    public void Empty_and_pdf_files_are_refused_with_what_to_do(string text, string problem) =>
        Assert.Contains(problem, Inspect(text, "kpis.csv").Problem, StringComparison.Ordinal);

    [Fact]
    public void A_file_over_the_limit_is_refused_with_its_size_and_the_setting()
    {
        var verdict = UploadCheck.Inspect(new MemoryStream(new byte[3 * 1024 * 1024]), "big.csv", maxBytes: 2 * 1024 * 1024);

        Assert.Equal("big.csv is 3.0 MB; the most one upload may be is 2.0 MB: split it (by month, for example) or ask an administrator to raise Uploads:MaxMegabytes.", verdict.Problem);
    }

    [Fact]
    public void An_xlsx_that_is_really_something_else_is_refused()
    {
        Assert.Contains("not an Excel workbook", UploadCheck.Inspect(new MemoryStream(Workbook(withWorkbook: false)), "kpis.xlsx").Problem, StringComparison.Ordinal);
        Assert.Contains("damaged or incomplete", UploadCheck.Inspect(new MemoryStream([.. "PK\u0003\u0004"u8, .. new byte[200]]), "kpis.xlsx").Problem, StringComparison.Ordinal);
        Assert.Contains("Excel 97-2003", UploadCheck.Inspect(new MemoryStream([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), "kpis.xlsx").Problem, StringComparison.Ordinal);
        Assert.Contains("not a text file", UploadCheck.Inspect(new MemoryStream([0x4B, 0x50, 0x49, 0x00, 0x01]), "kpis.xlsx").Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_1252_text_is_refused_with_the_byte_and_how_to_save_it()
    {
        var latin1 = Encoding.Latin1.GetBytes("kpi,channel\nCSAT,Café\n");

        var verdict = UploadCheck.Inspect(new MemoryStream(latin1), "kpis.csv");

        Assert.Equal("kpis.csv is not UTF-8 text (0xE9 at byte 20 is how Windows-1252 or Latin-1 write accented letters): save it as \"CSV UTF-8\" and upload it again.", verdict.Problem);
    }

    [Fact]
    public void A_character_cut_by_the_end_of_the_sample_is_not_mistaken_for_bad_text()
    {
        // 65,535 ASCII bytes, then "€" (three bytes) straddling the end of the 64 KB sample, then more text.
        var bytes = Encoding.UTF8.GetBytes(new string('a', 65_535) + "€ and more");

        Assert.True(UploadCheck.Inspect(new MemoryStream(bytes), "kpis.csv").Accepted);
    }

    [Fact]
    public void The_stream_is_left_at_its_start_for_the_reader()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("kpi\nCSAT\n"));

        UploadCheck.Inspect(stream, "kpis.csv");

        Assert.Equal(0, stream.Position);
    }

    private static UploadVerdict Inspect(string text, string name) =>
        UploadCheck.Inspect(new MemoryStream(Encoding.UTF8.GetBytes(text)), name);

    private static byte[] Workbook(bool withWorkbook)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
                writer.Write("<Types/>");
            if (withWorkbook)
                using (var writer = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open()))
                    writer.Write("<workbook/>");
        }

        return buffer.ToArray();
    }
}
