using System.Net;
using System.Text;
using System.Text.Json;
using CxDashboard.Web.Access;
using CxDashboard.Web.Tests.Hosting;
using MiniExcelLibs;
using Sylvan.Data.Csv;

namespace CxDashboard.Web.Tests.Exports;

/// <summary>
/// The export downloads on the real app, signed in as people are: filtered as asked, as attachments named for what they
/// hold, refused with a sentence naming the parameter when the address is wrong, and a partner user's files hold their
/// partner's rows only.
/// </summary>
public sealed class ExportEndpointTests(RunningApp app) : IClassFixture<RunningApp>
{
    private const string Header = "month,kpi,channel,partner,segment,value,numerator,denominator,weight,note";

    [Fact]
    public async Task A_viewer_downloads_one_months_FCR_for_two_channels_as_a_CSV_attachment_in_the_import_layout()
    {
        var viewer = await app.SignedInClientAsync();

        using var response = await viewer.GetAsync(new Uri("export/measurements.csv?from=2026-10&to=2026-10&kpi=FCR&channel=VOICE,CHAT", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("cxdashboard-measurements-2026-10.csv", response.Content.Headers.ContentDisposition?.FileName);
        var rows = await CsvRowsAsync(response);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(("2026-10", "FCR"), (r["month"], r["kpi"])));
        Assert.Equal(["CHAT", "VOICE"], rows.Select(r => r["channel"]).Distinct().Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.True(double.TryParse(r["numerator"], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)));
    }

    [Fact]
    public async Task The_same_export_as_XLSX_is_a_workbook_with_the_same_rows()
    {
        var viewer = await app.SignedInClientAsync();
        const string query = "?from=2026-09&to=2026-10&kpi=CSAT";

        using var csv = await viewer.GetAsync(new Uri("export/measurements.csv" + query, UriKind.Relative));
        using var xlsx = await viewer.GetAsync(new Uri("export/measurements.xlsx" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("cxdashboard-measurements-2026-09-to-2026-10.xlsx", xlsx.Content.Headers.ContentDisposition?.FileName);
        using var workbook = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var sheet = workbook.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var rows = await CsvRowsAsync(csv);
        Assert.Equal(rows.Count, sheet.Count);
        Assert.Equal(rows.Select(r => r["channel"] + r["partner"] + r["segment"]), sheet.Select(r => $"{r["channel"]}{r["partner"]}{r["segment"]}"));
        Assert.Equal(rows.Select(r => double.Parse(r["value"], System.Globalization.CultureInfo.InvariantCulture)), sheet.Select(r => (double)r["value"]!));
    }

    [Theory]
    [InlineData("from=2026-13", "from=2026-13 is not a month: write it as YYYY-MM, for example from=2026-10.")]
    [InlineData("to=October", "to=October is not a month: write it as YYYY-MM, for example to=2026-10.")]
    [InlineData("from=2026-10&to=2026-01", "from=2026-10 is after to=2026-01: give the earlier month as from, for example from=2026-01&to=2026-10.")]
    [InlineData("kpis=CPC", "\"kpis\" is not a parameter of this export: use from, to, kpi, channel, partner, segment (codes separated by commas, months as YYYY-MM).")]
    [InlineData("kpi=CPC,XYZ", "kpi=XYZ: there is no KPI with the code \"XYZ\"; use one of ")]
    public async Task A_wrong_filter_is_refused_with_400_naming_the_parameter_the_value_and_the_form_expected(string query, string message)
    {
        var viewer = await app.SignedInClientAsync();

        using var response = await viewer.GetAsync(new Uri("export/measurements.csv?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.StartsWith(message, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_user_exports_only_their_partners_rows_and_cannot_name_another_partner()
    {
        var partner = AccessSeeder.DemoUsers.Single(u => u.PartnerCode is not null);
        var (client, _) = await app.SignInAsync(partner.Email, partner.Password);

        using var all = await client.GetAsync(new Uri("export/measurements.csv?from=2026-10&to=2026-10", UriKind.Relative));
        using var other = await client.GetAsync(new Uri("export/measurements.csv?partner=MERIDIAN", UriKind.Relative));

        var rows = await CsvRowsAsync(all);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("ATLAS", r["partner"]));
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("use one of ATLAS", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_board_of_a_month_downloads_as_CSV_with_its_header_block_and_as_a_workbook()
    {
        var viewer = await app.SignedInClientAsync();

        using var csv = await viewer.GetAsync(new Uri("export/board.csv?month=2026-10", UriKind.Relative));
        using var xlsx = await viewer.GetAsync(new Uri("export/board.xlsx?month=2026-10", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("cxdashboard-board-2026-10.csv", csv.Content.Headers.ContentDisposition?.FileName);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("About\r\nfield,value\r\norganisation,", text, StringComparison.Ordinal);
        Assert.Contains("\r\nmonth,2026-10\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\ncurrency,USD\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\ngenerated by,\"Elena Marsh, CFO\"\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nKPIs\r\ncode,name,unit,", text, StringComparison.Ordinal);
        Assert.Equal("cxdashboard-board-2026-10.xlsx", xlsx.Content.Headers.ContentDisposition?.FileName);
        using var workbook = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["About", "Headline", "This month", "Value by month", "KPIs", "Initiatives"], workbook.GetSheetNames());
    }

    [Fact]
    public async Task A_board_month_without_data_is_refused_with_the_months_that_have_some()
    {
        var viewer = await app.SignedInClientAsync();

        using var response = await viewer.GetAsync(new Uri("export/board.csv?month=2031-01", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("the months with data run from 2024-11 to 2026-10", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_has_not_signed_in_is_sent_to_sign_in_instead_of_getting_the_file()
    {
        using var response = await app.Client.GetAsync(new Uri("export/measurements.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static async Task<List<Dictionary<string, string>>> CsvRowsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith(Header + "\r\n", text, StringComparison.Ordinal);
        using var reader = CsvDataReader.Create(new StringReader(text));
        var rows = new List<Dictionary<string, string>>();
        while (await reader.ReadAsync())
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, reader.GetString));
        return rows;
    }
}
