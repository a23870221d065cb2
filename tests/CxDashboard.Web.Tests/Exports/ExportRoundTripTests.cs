using CxDashboard.Data.Backups;
using CxDashboard.Data.Exports;
using CxDashboard.Data.Imports;
using CxDashboard.Data.Model;
using CxDashboard.Web.Exports;
using CxDashboard.Web.Tests.Board;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Web.Tests.Exports;

/// <summary>
/// An export loads back unchanged: the import engine reads the demo organisation's every measurement, exported as CSV or
/// as XLSX, without a single problem, and committing the CSV replaces each row with the value it already had.
/// </summary>
public sealed class ExportRoundTripTests : IAsyncLifetime
{
    private readonly SeededStore _store = new();
    private ServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        await _store.InitializeAsync();
        var services = new ServiceCollection();
        _store.AddAppServices(services);
        services.AddCxBackups(_store.Configuration, _store.Folder);
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task Every_measurement_exported_as_CSV_reads_back_without_a_problem_and_commits_as_the_same_values()
    {
        var before = await RowsAsync();
        using var file = new MemoryStream();
        await MeasurementFile.WriteCsvAsync(Rows(), file);

        file.Position = 0;
        var batch = await Importer.ReadCsvAsync(file, "cxdashboard-measurements-all.csv");

        Assert.Equal(0, batch.ProblemCount);
        Assert.Equal(before.Count, batch.RowCount);
        var result = await Importer.CommitAsync(batch, new ImportOrigin(ImportSource.Page));
        Assert.Equal((ImportStatus.Committed, 0, before.Count), (result.Status, result.Inserted, result.Updated));
        Assert.Equal(before, await RowsAsync());
    }

    [Fact]
    public async Task Every_measurement_exported_as_XLSX_reads_back_without_a_problem()
    {
        var count = (await RowsAsync()).Count;
        using var file = new MemoryStream();
        MeasurementFile.WriteXlsx(Rows().ToBlockingEnumerable(), file);

        file.Position = 0;
        var batch = await Importer.ReadFileAsync(file, "cxdashboard-measurements-all.xlsx");

        Assert.Equal(ImportFormat.Xlsx, batch.Format);
        Assert.Equal([], batch.Problems);
        Assert.Equal(count, batch.RowCount);
    }

    private MeasurementImporter Importer => _services.GetRequiredService<MeasurementImporter>();

    private async IAsyncEnumerable<MeasurementExportRow> Rows()
    {
        var export = _services.GetRequiredService<MeasurementExport>();
        await foreach (var row in export.ReadAsync(await export.SelectAsync(MeasurementExportFilter.All)))
            yield return row;
    }

    private async Task<List<MeasurementExportRow>> RowsAsync() => await Rows().ToListAsync();
}
