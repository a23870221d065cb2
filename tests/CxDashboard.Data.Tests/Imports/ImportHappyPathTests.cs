using CxDashboard.Data.Imports;
using CxDashboard.Data.Model;

namespace CxDashboard.Data.Tests.Imports;

public sealed class ImportHappyPathTests
{
    internal const string Header = "month,kpi,channel,partner,segment,value,numerator,denominator,weight,note\n";

    [Fact]
    public async Task A_CSV_file_is_read_checked_and_stored()
    {
        await using var store = await ImportStore.SqliteAsync();
        var batch = await store.ReadAsync(Header
            + "2026-10,FCR,VOICE,ATLAS,CONSUMER,,710,1000,,\n"
            + "2026-10,AHT,VOICE,ATLAS,CONSUMER,420.5,,,1000,\n"
            + "2026-10,COMPLAINTS,CHAT,INHOUSE,BUSINESS,12,,,,\"a note, with a comma\"\n"
            + "2026-10,CHURN,,,CONSUMER,0.015,150,10000,,\n");

        Assert.Empty(batch.Problems);
        Assert.True(batch.CanCommit);
        Assert.Equal(4, batch.RowCount);
        var result = await store.Importer.CommitAsync(batch, new ImportOrigin(ImportSource.Page));

        Assert.Equal(ImportStatus.Committed, result.Status);
        Assert.Equal((4, 0), (result.Inserted, result.Updated));
        var rows = await store.SnapshotAsync();
        Assert.Contains($"202610 FCR VOICE ATLAS CONSUMER = 0.71 710/1000 w- note- #{result.ImportId}", rows);
        Assert.Contains($"202610 COMPLAINTS CHAT INHOUSE BUSINESS = 12 -/- w- notea note, with a comma #{result.ImportId}", rows);
        Assert.Contains($"202610 CHURN - - CONSUMER = 0.015 150/10000 w- note- #{result.ImportId}", rows);
    }
}
