using CxDashboard.Data.Access;
using CxDashboard.Data.Imports;
using CxDashboard.Data.Model;
using CxDashboard.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Data.Tests.Imports;

/// <summary>The import's key guarantees on PostgreSQL, where rows go in by binary COPY and one set-based upsert.</summary>
public sealed class ImportPostgresTests
{
    private const string Header = ImportHappyPathTests.Header;

    [PostgresFact]
    public async Task A_CSV_file_is_stored_and_a_reimport_updates_rows_with_blank_dimensions_too()
    {
        await using var store = await ImportStore.PostgresAsync();
        var first = await store.LoadAsync(Header
            + "2026-10,FCR,VOICE,ATLAS,CONSUMER,,710,1000,,\n"
            + "2026-10,CHURN,,,CONSUMER,,150,10000,,\n"
            + "2026-10,COMPLAINTS,VOICE,ATLAS,CONSUMER,12,,,,\"=HYPERLINK(\"\"x\"\")\"\n");

        var batch = await store.ReadAsync(Header + "2026-10,CHURN,,,CONSUMER,,160,10000,,revised\n2026-09,CHURN,,,CONSUMER,,140,10000,,\n");
        Assert.Equal([new ImportKpiMonthTotal("CHURN", "Churn rate", "2026-09", 1, 0.014, 1, 0), new ImportKpiMonthTotal("CHURN", "Churn rate", "2026-10", 1, 0.016, 0, 1)], batch.Totals);
        var second = await store.Importer.CommitAsync(batch, new ImportOrigin(ImportSource.Page));

        Assert.Equal((3, 0), (first.Inserted, first.Updated));
        Assert.Equal((1, 1), (second.Inserted, second.Updated));
        Assert.Null((await store.ImportAsync(second.ImportId)).BackupName);
        Assert.Equal(
        [
            $"202609 CHURN - - CONSUMER = 0.014 140/10000 w- note- #{second.ImportId}",
            $"202610 CHURN - - CONSUMER = 0.016 160/10000 w- noterevised #{second.ImportId}",
            $"202610 COMPLAINTS VOICE ATLAS CONSUMER = 12 -/- w- note=HYPERLINK(\"x\") #{first.ImportId}",
            $"202610 FCR VOICE ATLAS CONSUMER = 0.71 710/1000 w- note- #{first.ImportId}",
        ], await store.SnapshotAsync());
    }

    [PostgresFact]
    public async Task Undo_puts_replaced_values_back_and_is_refused_while_a_later_import_holds_its_rows()
    {
        await using var store = await ImportStore.PostgresAsync();
        var first = await store.LoadAsync(Header + "2026-10,FCR,VOICE,ATLAS,CONSUMER,,710,1000,,\n2026-10,CHURN,,,CONSUMER,,150,10000,,\n");
        var before = await store.SnapshotAsync();
        var second = await store.LoadAsync(Header + "2026-10,CHURN,,,CONSUMER,,160,10000,,\n2026-09,FCR,VOICE,ATLAS,CONSUMER,,700,1000,,\n");

        var refused = await Assert.ThrowsAsync<ImportRefusedException>(() => store.Importer.UndoAsync(first.ImportId));
        var undone = await store.Importer.UndoAsync(second.ImportId);

        Assert.Contains($"by import #{second.ImportId}", refused.Message, StringComparison.Ordinal);
        Assert.Equal((1, 1), (undone.Inserted, undone.Updated));
        Assert.Equal(before, await store.SnapshotAsync());
        Assert.Equal([false, true], (await store.History.RecentAsync()).Select(h => h.CanUndo));
    }

    [PostgresFact]
    public async Task Two_imports_of_the_same_month_at_once_leave_one_of_them_whole()
    {
        await using var store = await ImportStore.PostgresAsync();
        var one = await store.ReadAsync(ImportCommitTests.Rows(2_000).Replace(",1000,,", ",2000,,", StringComparison.Ordinal), "one.csv");
        var two = await store.ReadAsync(ImportCommitTests.Rows(2_000), "two.csv");

        var results = await Task.WhenAll(
            Task.Run(() => store.Importer.CommitAsync(one, new ImportOrigin(ImportSource.Page))),
            Task.Run(() => store.Importer.CommitAsync(two, new ImportOrigin(ImportSource.Page))));

        Assert.Equal([0, 2_000], results.Select(r => r.Updated).Order());
        var last = results.Single(r => r.Updated == 2_000).ImportId;
        var rows = await store.SnapshotAsync();
        Assert.Equal(2_000, rows.Count);
        Assert.All(rows, r => Assert.EndsWith($"#{last}", r, StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task A_partner_user_loads_only_their_partners_rows_and_sees_only_their_imports()
    {
        await using var store = await ImportStore.PostgresAsync();
        var atlas = await store.PartnerIdAsync("ATLAS");
        await store.LoadAsync(Header + "2026-10,FCR,VOICE,MERIDIAN,CONSUMER,,600,1000,,\n", "organisation.csv");
        using var asPartner = StoreActor.Use(new StoreActor("atlas.user", atlas));

        var refused = await store.ReadAsync(Header + "2026-10,FCR,VOICE,MERIDIAN,CONSUMER,,700,1000,,\n");
        var result = await store.LoadAsync(Header + "2026-10,FCR,VOICE,ATLAS,CONSUMER,,710,1000,,\n", "atlas.csv");

        Assert.Equal("The row is for partner MERIDIAN; you may load rows for partner ATLAS only.", Assert.Single(refused.Problems).Reason);
        Assert.Equal(1, result.Inserted);
        Assert.Equal(["atlas.csv"], (await store.History.RecentAsync()).Select(h => h.FileName));
    }

    [PostgresFact]
    public async Task An_import_interrupted_by_a_stop_is_marked_failed_at_the_next_start()
    {
        await using var store = await ImportStore.PostgresAsync();
        await using (var db = store.Context())
        {
            db.Imports.Add(new MeasurementImport
            {
                FileName = "big.csv", UserName = "maria", ContentHash = new string('0', 64),
                StartedUtc = ImportStore.Now.UtcDateTime, Status = ImportStatus.Running, RowCount = 10,
            });
            await db.SaveChangesAsync();
        }

        await store.Store.StartAsync(new Dictionary<string, string?> { ["Database:SeedDemoData"] = "false" });

        var import = Assert.Single(await store.History.RecentAsync());
        Assert.Equal((ImportStatus.Failed, Startup.StoreInitializer.InterruptedMessage), (import.Status, import.Message));
    }

    [PostgresFact]
    public async Task An_import_waiting_on_another_app_instance_is_refused_naming_that_import()
    {
        await using var store = await ImportStore.PostgresAsync();
        store.Importer.WaitForTurn = TimeSpan.FromMilliseconds(300);
        await using (var db = store.Context())
        {
            db.Imports.Add(new MeasurementImport
            {
                FileName = "other-instance.csv", UserName = "piet", ContentHash = new string('0', 64),
                StartedUtc = new DateTime(2026, 11, 15, 11, 58, 0, DateTimeKind.Utc), Status = ImportStatus.Running, RowCount = 10,
            });
            await db.SaveChangesAsync();
        }

        var batch = await store.ReadAsync(Header + "2026-10,FCR,VOICE,ATLAS,CONSUMER,,710,1000,,\n", "mine.csv");
        // Another instance in the middle of its import holds the store-wide lock ("CxImport" in ASCII).
        var connection = store.Services.GetRequiredService<StoreConnection>().ConnectionString;
        await using var otherInstance = new Npgsql.NpgsqlConnection(connection);
        await otherInstance.OpenAsync();
        await using (var command = new Npgsql.NpgsqlCommand("SELECT pg_advisory_lock(4861716532133065332)", otherInstance))
            await command.ExecuteNonQueryAsync();

        var refused = await Assert.ThrowsAsync<ImportRefusedException>(() => store.Importer.CommitAsync(batch, new ImportOrigin(ImportSource.Page)));

        Assert.StartsWith("Another import is still running: import #1 (import of other-instance.csv) by piet, running since 2026-11-15 11:58:00 UTC.", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await store.MeasurementCountAsync());
        var mine = (await store.History.RecentAsync()).Single(h => h.FileName == "mine.csv");
        Assert.Equal(ImportStatus.Failed, mine.Status);
    }
}
