using CxDashboard.Core.Kpis;
using CxDashboard.Data.Access;
using CxDashboard.Data.Imports;
using MiniExcelLibs;

namespace CxDashboard.Data.Tests.Imports;

public sealed class MeasurementTemplateTests
{
    [Fact]
    public async Task The_CSV_template_has_the_header_and_example_rows_that_pass_the_import()
    {
        await using var store = await ImportStore.SqliteAsync();
        var output = new MemoryStream();

        await MeasurementTemplate.WriteCsvAsync(output, store.Contexts, new FixedClock(ImportStore.Now));

        var text = System.Text.Encoding.UTF8.GetString(output.ToArray());
        Assert.StartsWith(MeasurementColumns.CsvHeader + "\n", text, StringComparison.Ordinal);
        Assert.Contains("2026-10,CPC,VOICE,INHOUSE,CONSUMER,5.2,52000,10000,,Example row: replace with your own figures\n", text, StringComparison.Ordinal);
        Assert.Contains("2026-10,CHURN,,,CONSUMER,0.015,750,50000,,", text, StringComparison.Ordinal);
        output.Position = 0;
        var batch = await store.Importer.ReadFileAsync(output, "template.csv");
        Assert.Empty(batch.Problems);
        // One row per way of keeping a KPI at each grain in the standard catalog.
        Assert.Equal(["CPC", "AHT", "NPS", "CLV", "CHURN", "COMPLAINTS", "RETURNS", "OCCUPANCY"], batch.FirstRows.Select(r => r.Kpi));
    }

    [Fact]
    public async Task The_XLSX_template_reads_back_and_lists_every_code_on_its_second_sheet()
    {
        await using var store = await ImportStore.SqliteAsync();
        var output = new MemoryStream();

        await MeasurementTemplate.WriteXlsxAsync(output, store.Contexts, new FixedClock(ImportStore.Now));

        output.Position = 0;
        Assert.Equal([MeasurementTemplate.MeasurementsSheet, MeasurementTemplate.CodesSheet], MiniExcel.GetSheetNames(output));
        output.Position = 0;
        var codes = MiniExcel.Query(output, useHeaderRow: true, sheetName: MeasurementTemplate.CodesSheet).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(KpiCatalog.Standard.Count + 4 + 3 + 2, codes.Count);
        var fcr = codes.Single(c => (string?)c["code"] == "FCR");
        Assert.Equal(("KPI", "First contact resolution", "rate (fraction)"), ((string?)fcr["kind"], (string?)fcr["name"], (string?)fcr["unit"]));
        Assert.Contains("numerator ÷ denominator", (string?)fcr["value"], StringComparison.Ordinal);
        Assert.Equal("Contacts (more than 0)", (string?)fcr["denominator"]);
        Assert.Contains(codes, c => (string?)c["kind"] == "partner" && (string?)c["code"] == "MERIDIAN");
        output.Position = 0;
        var batch = await store.Importer.ReadFileAsync(output, "template.xlsx");
        Assert.Empty(batch.Problems);
        Assert.Equal(8, batch.RowCount);
    }

    [Fact]
    public async Task A_partner_users_template_holds_only_their_partner_and_no_organisation_figures()
    {
        await using var store = await ImportStore.SqliteAsync();
        var atlas = await store.PartnerIdAsync("ATLAS");
        using var asPartner = StoreActor.Use(new StoreActor("atlas.user", atlas));
        var output = new MemoryStream();

        await MeasurementTemplate.WriteCsvAsync(output, store.Contexts, new FixedClock(ImportStore.Now));

        output.Position = 0;
        var batch = await store.Importer.ReadFileAsync(output, "template.csv");
        Assert.Empty(batch.Problems);
        Assert.All(batch.FirstRows, r => Assert.Equal("ATLAS", r.Partner));
    }
}
