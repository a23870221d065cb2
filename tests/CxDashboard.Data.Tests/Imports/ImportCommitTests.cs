using System.Text;
using CxDashboard.Data.Access;
using CxDashboard.Data.Imports;
using CxDashboard.Data.Model;
using CxDashboard.Data.Startup;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Data.Tests.Imports;

public sealed class ImportCommitTests
{
    private const string Header = ImportHappyPathTests.Header;

    [Fact]
    public async Task Undo_of_an_import_that_replaced_values_puts_them_back()
    {
        await using var store = await ImportStore.SqliteAsync();
        await store.LoadAsync(Header + "2026-10,FCR,VOICE,ATLAS,CONSUMER,,710,1000,,first\n2026-10,FCR,CHAT,ATLAS,CONSUMER,,600,1000,,\n");
        var before = await store.SnapshotAsync();
        var second = await store.LoadAsync(Header + "2026-10,FCR,VOICE,ATLAS,CONSUMER,,750,1000,,second\n2026-09,FCR,VOICE,ATLAS,CONSUMER,,700,1000,,\n");

        var undone = await store.Importer.UndoAsync(second.ImportId);

        Assert.Equal((ImportStatus.Undone, 1, 1), (undone.Status, undone.Inserted, undone.Updated));
        Assert.Equal(before, await store.SnapshotAsync());
        var import = await store.ImportAsync(second.ImportId);
        Assert.Equal((ImportStatus.Undone, StoreActor.SystemName), (import.Status, import.UndoneBy));
        Assert.NotNull(import.UndoneUtc);
    }

    [Fact]
    public async Task Undo_of_an_import_that_only_added_rows_removes_them_and_is_audited()
    {
        await using var store = await ImportStore.SqliteAsync();
        using var actor = StoreActor.Use(new StoreActor("maria"));
        var result = await store.LoadAsync(Header + "2026-10,FCR,VOICE,ATLAS,CONSUMER,,710,1000,,\n2026-10,CHURN,,,CONSUMER,,150,10000,,\n");

        var undone = await store.Importer.UndoAsync(result.ImportId);

        Assert.Equal((2, 0), (undone.Inserted, undone.Updated));
        Assert.Equal(0, await store.MeasurementCountAsync());
        await using var db = store.Context();
        var removed = await db.AuditEntries.SingleAsync(e => e.ImportId == result.ImportId && e.Entity == "Measurement" && e.Action == Auditing.AuditAction.Deleted);
        Assert.Equal("maria", removed.UserName);
        Assert.Contains($"2 rows added by import #{result.ImportId} (kpis.csv) removed by its undo", removed.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undo_is_refused_while_a_later_import_holds_its_rows_and_allowed_once_that_is_undone()
    {
        await using var store = await ImportStore.SqliteAsync();
        var first = await store.LoadAsync(Header + "2026-10,FCR,VOICE,ATLAS,CONSUMER,,710,1000,,\n2026-10,FCR,CHAT,ATLAS,CONSUMER,,600,1000,,\n");
        var second = await store.LoadAsync(Header + "2026-10,FCR,VOICE,ATLAS,CONSUMER,,750,1000,,\n");
        var afterSecond = await store.SnapshotAsync();

        var refused = await Assert.ThrowsAsync<ImportRefusedException>(() => store.Importer.UndoAsync(first.ImportId));

        Assert.Equal(
            $"Import #{first.ImportId} cannot be undone: 1 of its 2 rows have been changed since, by import #{second.ImportId}. Undo those imports first (or load the values you want as a new import).",
            refused.Message);
        Assert.Equal(afterSecond, await store.SnapshotAsync());
        Assert.Equal(ImportStatus.Committed, (await store.ImportAsync(first.ImportId)).Status);

        await store.Importer.UndoAsync(second.ImportId);
        await store.Importer.UndoAsync(first.ImportId);
        Assert.Equal(0, await store.MeasurementCountAsync());
    }

    [Fact]
    public async Task Undo_is_refused_when_a_row_was_edited_by_hand_since()
    {
        await using var store = await ImportStore.SqliteAsync();
        var result = await store.LoadAsync(Header + "2026-10,FCR,VOICE,ATLAS,CONSUMER,,710,1000,,\n2026-10,FCR,CHAT,ATLAS,CONSUMER,,600,1000,,\n");
        await using (var db = store.Context())
        {
            var row = await db.Measurements.FirstAsync(m => m.Numerator == 600);
            row.Numerator = 610;
            row.Value = 0.61;
            await db.SaveChangesAsync();
        }

        var refused = await Assert.ThrowsAsync<ImportRefusedException>(() => store.Importer.UndoAsync(result.ImportId));

        Assert.Contains("1 of its 2 rows have been changed since, by hand. Undo those edits first", refused.Message, StringComparison.Ordinal);
        Assert.Contains(await store.SnapshotAsync(), r => r.StartsWith("202610 FCR CHAT ATLAS CONSUMER = 0.61 610/1000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Listeners_hear_of_each_commit_and_undo_with_the_months_touched_and_a_failing_one_changes_nothing()
    {
        await using var store = await ImportStore.SqliteAsync();
        var heard = new List<MeasurementsChanged>();
        store.Importer.Changed += _ => throw new InvalidOperationException("a broken listener");
        store.Importer.Changed += change =>
        {
            heard.Add(change);
            return Task.CompletedTask;
        };

        var result = await store.LoadAsync(Header + "2026-08,FCR,VOICE,ATLAS,CONSUMER,,710,1000,,\n2026-10,FCR,VOICE,ATLAS,CONSUMER,,720,1000,,\n");
        await store.Importer.UndoAsync(result.ImportId);

        Assert.Equal(
        [
            new MeasurementsChanged(result.ImportId, ImportStatus.Committed, 202608, 202610),
            new MeasurementsChanged(result.ImportId, ImportStatus.Undone, 202608, 202610),
        ], heard);
        Assert.Equal(ImportStatus.Committed, result.Status);
    }

    [Fact]
    public async Task Undo_is_refused_for_an_import_already_undone_failed_or_unknown()
    {
        await using var store = await ImportStore.SqliteAsync();
        var result = await store.LoadAsync(Header + "2026-10,FCR,VOICE,ATLAS,CONSUMER,,710,1000,,\n");
        await store.Importer.UndoAsync(result.ImportId);

        var again = await Assert.ThrowsAsync<ImportRefusedException>(() => store.Importer.UndoAsync(result.ImportId));
        var unknown = await Assert.ThrowsAsync<ImportRefusedException>(() => store.Importer.UndoAsync(999));

        Assert.StartsWith($"Import #{result.ImportId} was already undone", again.Message, StringComparison.Ordinal);
        Assert.Equal("There is no import #999 to undo: pick one from the import history.", unknown.Message);
    }

    [Fact]
    public async Task The_history_lists_imports_newest_first_and_says_which_can_be_undone()
    {
        await using var store = await ImportStore.SqliteAsync();
        var first = await store.LoadAsync(Header + "2026-10,FCR,VOICE,ATLAS,CONSUMER,,710,1000,,\n", "first.csv");
        var second = await store.LoadAsync(Header + "2026-10,FCR,VOICE,ATLAS,CONSUMER,,750,1000,,\n2026-09,FCR,VOICE,ATLAS,CONSUMER,,700,1000,,\n", "second.csv");

        var history = await store.History.RecentAsync();

        Assert.Equal([second.ImportId, first.ImportId], history.Select(h => h.Id));
        Assert.Equal(("second.csv", true, "2026-09", "2026-10", 1, 1), (history[0].FileName, history[0].CanUndo, history[0].FirstMonth, history[0].LastMonth, history[0].Inserted, history[0].Updated));
        Assert.False(history[1].CanUndo);
        Assert.NotNull(history[0].BackupName);
    }

    [Fact]
    public async Task An_import_interrupted_by_a_stop_is_marked_failed_at_the_next_start()
    {
        await using var store = await ImportStore.SqliteAsync();
        long id;
        await using (var db = store.Context())
        {
            var running = new MeasurementImport
            {
                FileName = "big.csv", UserName = "maria", ContentHash = new string('0', 64),
                StartedUtc = ImportStore.Now.UtcDateTime, Status = ImportStatus.Running, RowCount = 500_000,
            };
            db.Imports.Add(running);
            await db.SaveChangesAsync();
            id = running.Id;
        }

        await store.Store.StartAsync(new Dictionary<string, string?> { ["Database:SeedDemoData"] = "false" });

        var import = await store.ImportAsync(id);
        Assert.Equal(ImportStatus.Failed, import.Status);
        Assert.Equal("Interrupted: the app stopped before this import was saved; none of its rows were stored.", import.Message);
        Assert.Equal(StoreInitializer.InterruptedMessage, import.Message);
        Assert.NotNull(import.FinishedUtc);
    }

    [Fact]
    public async Task Two_imports_of_the_same_month_at_once_take_turns_and_leave_one_of_them_whole()
    {
        await using var store = await ImportStore.SqliteAsync();
        var (one, two) = (await store.ReadAsync(Month(0.5), "one.csv"), await store.ReadAsync(Month(0.7), "two.csv"));

        var results = await Task.WhenAll(
            Task.Run(() => store.Importer.CommitAsync(one, new ImportOrigin(ImportSource.Page))),
            Task.Run(() => store.Importer.CommitAsync(two, new ImportOrigin(ImportSource.Page))));

        Assert.All(results, r => Assert.Equal(ImportStatus.Committed, r.Status));
        Assert.Equal([0, 24], results.Select(r => r.Updated).Order());
        var last = results.Single(r => r.Updated == 24).ImportId;
        var rows = await store.SnapshotAsync();
        Assert.Equal(24, rows.Count);
        Assert.All(rows, r => Assert.EndsWith($"#{last}", r, StringComparison.Ordinal));
        Assert.Single(rows.Select(r => r.Split(' ')[6]).Distinct());

        static string Month(double fcr)
        {
            var file = new StringBuilder(Header);
            foreach (var channel in new[] { "VOICE", "CHAT", "EMAIL", "SELF" })
                foreach (var partner in new[] { "INHOUSE", "ATLAS", "MERIDIAN" })
                    foreach (var segment in new[] { "CONSUMER", "BUSINESS" })
                        file.Append(FormattableString.Invariant($"2026-10,FCR,{channel},{partner},{segment},,{fcr * 1000},1000,,\n"));
            return file.ToString();
        }
    }

    [Fact]
    public async Task An_import_that_waits_too_long_is_refused_naming_the_one_running()
    {
        await using var store = await ImportStore.SqliteAsync();
        store.Importer.WaitForTurn = TimeSpan.FromMilliseconds(200);
        var big = await store.ReadAsync(Rows(10_000), "big.csv");
        var small = await store.ReadAsync(Header + "2026-10,FCR,VOICE,ATLAS,CONSUMER,,710,1000,,\n", "small.csv");
        Assert.True(big.CanCommit && small.CanCommit);
        using var saving = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        var held = 0;
        var progress = new ProgressLog
        {
            OnReport = p =>
            {
                if (p.Stage != ImportStages.Saving || Interlocked.Exchange(ref held, 1) == 1) return;
                saving.Release();
                release.Wait();
            },
        };
        Task<ImportResult> running;
        using (StoreActor.Use(new StoreActor("maria")))
            running = Task.Run(() => store.Importer.CommitAsync(big, new ImportOrigin(ImportSource.Page), progress));
        // The first import is saving, holding the turn, until released.
        Assert.True(await saving.WaitAsync(TimeSpan.FromMinutes(2)), "the first import reached its saving stage");

        var refused = await Assert.ThrowsAsync<ImportRefusedException>(() => store.Importer.CommitAsync(small, new ImportOrigin(ImportSource.Page)));
        release.Release();
        var result = await running;

        Assert.StartsWith($"Another import is still running: import #{result.ImportId} (import of big.csv) by maria, running since 2026-11-15 12:00:00 UTC.", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was stored from import of small.csv", refused.Message, StringComparison.Ordinal);
        Assert.Equal(10_000, await store.MeasurementCountAsync());
        Assert.Equal(1, await store.ImportCountAsync());
    }

    [Fact]
    public async Task A_cancelled_import_stores_nothing_and_is_marked_failed()
    {
        await using var store = await ImportStore.SqliteAsync();
        var batch = await store.ReadAsync(Rows(25_000));
        Assert.True(batch.CanCommit);
        using var cancel = new CancellationTokenSource();
        var progress = new ProgressLog { OnReport = p => { if (p is { Stage: ImportStages.Saving, Done: 10_000 }) cancel.Cancel(); } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.Importer.CommitAsync(batch, new ImportOrigin(ImportSource.Page), progress, cancel.Token));

        Assert.Equal(0, await store.MeasurementCountAsync());
        var import = Assert.Single(await store.History.RecentAsync());
        Assert.Equal((ImportStatus.Failed, "Cancelled before it was saved; none of its rows were stored."), (import.Status, import.Message));
        Assert.False(import.CanUndo);
    }

    [Fact]
    public async Task The_backup_taken_before_an_import_restores_the_store_as_it_was()
    {
        await using var store = await ImportStore.SqliteAsync();
        await store.LoadAsync(Header + "2026-10,FCR,VOICE,ATLAS,CONSUMER,,710,1000,,\n");
        var before = await store.SnapshotAsync();
        var result = await store.LoadAsync(Header + "2026-10,FCR,VOICE,ATLAS,CONSUMER,,750,1000,,\n2026-09,FCR,VOICE,ATLAS,CONSUMER,,700,1000,,\n", "october.csv");
        var import = await store.ImportAsync(result.ImportId);

        var backup = Assert.Single(await store.Backups.ListAsync(), b => b.Name == import.BackupName);
        Assert.Equal("before import of october.csv", backup.Reason);
        await store.Backups.RestoreAsync(backup.Name);

        Assert.Equal(before, await store.SnapshotAsync());
    }

    [Fact]
    public async Task An_import_whose_backup_fails_is_refused_and_stores_nothing()
    {
        await using var store = await ImportStore.SqliteAsync();
        // A file where the backup folder should be: the folder cannot be created.
        Directory.CreateDirectory(Path.GetDirectoryName(store.Backups.Plan.Folder)!);
        await File.WriteAllTextAsync(store.Backups.Plan.Folder, "not a folder");
        var batch = await store.ReadAsync(Header + "2026-10,FCR,VOICE,ATLAS,CONSUMER,,710,1000,,\n", "october.csv");

        var refused = await Assert.ThrowsAsync<ImportRefusedException>(() => store.Importer.CommitAsync(batch, new ImportOrigin(ImportSource.Page)));

        Assert.StartsWith("october.csv was not imported, and nothing was stored: the store could not be backed up first", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await store.MeasurementCountAsync());
        Assert.Equal(0, await store.ImportCountAsync());
    }

    [Fact]
    public async Task A_partner_user_imports_their_partners_rows_and_sees_only_their_partners_imports()
    {
        await using var store = await ImportStore.SqliteAsync();
        var atlas = await store.PartnerIdAsync("ATLAS");
        var meridian = await store.PartnerIdAsync("MERIDIAN");
        await store.LoadAsync(Header + "2026-10,FCR,VOICE,MERIDIAN,CONSUMER,,600,1000,,\n", "organisation.csv");

        ImportResult result;
        using (StoreActor.Use(new StoreActor("atlas.user", atlas)))
        {
            result = await store.LoadAsync(Header + "2026-10,FCR,VOICE,ATLAS,CONSUMER,,710,1000,,\n", "atlas.csv");
            Assert.Equal(["atlas.csv"], (await store.History.RecentAsync()).Select(h => h.FileName));
        }

        using (StoreActor.Use(new StoreActor("meridian.user", meridian)))
        {
            // An organisation import is the organisation's, even where it holds this partner's rows.
            Assert.Empty(await store.History.RecentAsync());
            await Assert.ThrowsAsync<ImportRefusedException>(() => store.Importer.UndoAsync(result.ImportId));
        }

        Assert.Equal(atlas, (await store.ImportAsync(result.ImportId)).PartnerId);
        Assert.Equal(["atlas.csv", "organisation.csv"], (await store.History.RecentAsync()).Select(h => h.FileName));
    }

    [Fact]
    public async Task A_million_row_file_is_read_and_stored_with_progress()
    {
        await using var store = await ImportStore.SqliteAsync();
        var file = Path.Combine(store.Store.ContentRoot, "million.csv");
        await WriteMillionRowsAsync(store, file);
        var progress = new ProgressLog();

        MeasurementBatch batch;
        await using (var content = File.OpenRead(file))
            batch = await store.Importer.ReadFileAsync(content, "million.csv", progress);
        Assert.Equal(1_000_000, batch.RowCount);
        Assert.Empty(batch.Problems);
        var result = await store.Importer.CommitAsync(batch, new ImportOrigin(ImportSource.Page), progress);

        Assert.Equal((ImportStatus.Committed, 1_000_000, 0), (result.Status, result.Inserted, result.Updated));
        Assert.Equal(1_000_000, await store.MeasurementCountAsync());
        var reports = progress.Reports;
        Assert.True(reports.Count(p => p.Stage == ImportStages.Reading) >= 90, "reading reports about every 10,000 rows");
        Assert.True(reports.Count(p => p.Stage == ImportStages.Saving) >= 100, "saving reports every 10,000 rows");
        Assert.Equal(new ImportProgress(ImportStages.Saving, 1_000_000, 1_000_000), reports[^1]);
    }

    /// <summary>A million distinct, valid rows: 20 partners × 10 channels × 5 segments × 4 KPIs × 250 months from 2000-01.</summary>
    internal static async Task WriteMillionRowsAsync(ImportStore store, string file)
    {
        await using (var db = store.Context())
        {
            for (var i = 1; i <= 20; i++) db.Partners.Add(new Partner { Code = $"P{i:D2}", Name = $"Partner {i}" });
            for (var i = 1; i <= 10; i++) db.Channels.Add(new Channel { Code = $"C{i:D2}", Name = $"Channel {i}" });
            for (var i = 1; i <= 5; i++) db.Segments.Add(new Segment { Code = $"S{i}", Name = $"Segment {i}" });
            await db.SaveChangesAsync();
        }

        await using var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteAsync(Header);
        var line = new StringBuilder();
        for (var m = 0; m < 250; m++)
        {
            var month = FormattableString.Invariant($"{2000 + m / 12}-{m % 12 + 1:D2}");
            for (var p = 1; p <= 20; p++)
                for (var c = 1; c <= 10; c++)
                    for (var s = 1; s <= 5; s++)
                    {
                        var dims = FormattableString.Invariant($"C{c:D2},P{p:D2},S{s}");
                        line.Clear();
                        line.Append(FormattableString.Invariant($"{month},FCR,{dims},,{700 + s},1000,,\n"));
                        line.Append(FormattableString.Invariant($"{month},AHT,{dims},{400 + c}.5,,,{1000 + p},\n"));
                        line.Append(FormattableString.Invariant($"{month},NPS,{dims},,{100 + p},900,,\n"));
                        line.Append(FormattableString.Invariant($"{month},COMPLAINTS,{dims},{s + c},,,,\n"));
                        await writer.WriteAsync(line.ToString());
                    }
        }
    }

    /// <summary>A file of <paramref name="count"/> (up to 30,000) distinct valid ratio rows, months from 2000 on, across KPIs and dimensions.</summary>
    internal static string Rows(int count)
    {
        var file = new StringBuilder(Header);
        var kpis = new[] { "FCR", "CSAT", "CONTAINMENT", "CPC" };
        var channels = new[] { "VOICE", "CHAT", "EMAIL", "SELF" };
        var partners = new[] { "INHOUSE", "ATLAS", "MERIDIAN" };
        var segments = new[] { "CONSUMER", "BUSINESS" };
        for (var i = 0; i < count; i++)
        {
            var dims = i / 4 % 24;
            var key = i / 96;
            var month = FormattableString.Invariant($"{2000 + key / 12}-{key % 12 + 1:D2}");
            file.Append(FormattableString.Invariant($"{month},{kpis[i % 4]},{channels[dims % 4]},{partners[dims / 4 % 3]},{segments[dims / 12]},,{500 + i % 400},1000,,\n"));
        }

        return file.ToString();
    }
}
