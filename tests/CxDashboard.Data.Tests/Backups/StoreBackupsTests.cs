using System.Security.Cryptography;
using CxDashboard.Data.Backups;
using CxDashboard.Data.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CxDashboard.Data.Tests.Backups;

/// <summary>Backups of the SQLite store: taken online, listed, pruned, and restored only when they are sound.</summary>
public sealed class StoreBackupsTests
{
    [Fact]
    public async Task A_restored_backup_brings_back_the_store_as_it_was_when_taken()
    {
        await using var store = await BackedUpStore.StartAsync();
        var (countsThen, rowsThen) = await ContentsAsync(store);

        var backup = await store.Backups.CreateAsync("manual");
        await ChangeTheStoreAsync(store);
        var (countsChanged, _) = await ContentsAsync(store);
        Assert.NotEqual(countsThen, countsChanged);

        var restore = await store.Backups.RestoreAsync(backup.Name);

        Assert.Equal(backup, restore.Restored);
        var (countsNow, rowsNow) = await ContentsAsync(store);
        Assert.Equal(countsThen, countsNow);
        Assert.Equal(rowsThen, rowsNow);
        await using (var db = store.Context())
            Assert.Equal(Demo.DemoOrganisation.Name, (await db.Settings.SingleAsync()).OrganisationName);
        Assert.Equal("ok", BackedUpStore.IntegrityOf(store.FilePath));

        // The store as it was before the restore was kept, so the restore can be undone.
        Assert.StartsWith("before restore of the backup of ", restore.Before.Reason, StringComparison.Ordinal);
        await store.Backups.RestoreAsync(restore.Before.Name);
        Assert.Equal(countsChanged, (await ContentsAsync(store)).Counts);
    }

    [Fact]
    public async Task A_restore_keeps_the_audit_trail_whole_and_records_who_restored_what()
    {
        await using var store = await BackedUpStore.StartAsync();
        var backup = await store.Backups.CreateAsync("manual");
        using (Access.StoreActor.Use(new Access.StoreActor("dana@harbour.demo")))
        {
            await using var db = store.Context();
            (await db.Initiatives.OrderBy(i => i.Id).FirstAsync()).Owner = "Changed after the backup";
            await db.SaveChangesAsync();
        }

        List<Auditing.AuditEntry> before;
        await using (var db = store.Context())
            before = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();

        using (Access.StoreActor.Use(new Access.StoreActor("sasha@harbour.demo")))
            await store.Backups.RestoreAsync(backup.Name);

        await using var after = store.Context();
        Assert.NotEqual("Changed after the backup", (await after.Initiatives.OrderBy(i => i.Id).FirstAsync()).Owner);
        var trail = await after.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        // Every entry from before the restore is still there, in order, including the change the restore undid.
        Assert.Equal(
            before.Select(a => (a.UserName, a.Entity, a.Action, a.Changes)),
            trail.Take(before.Count).Select(a => (a.UserName, a.Entity, a.Action, a.Changes)));
        var restored = Assert.Single(trail.Skip(before.Count));
        Assert.Equal(("sasha@harbour.demo", "Store"), (restored.UserName, restored.Entity));
        Assert.Contains(backup.Name, restored.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backup_is_listed_with_its_reason_time_and_size_and_is_a_whole_store()
    {
        await using var store = await BackedUpStore.StartAsync(demo: false);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var backup = await store.Backups.CreateAsync("before import of file kpis-2026-10.csv");

        var listed = Assert.Single(await store.Backups.ListAsync());
        Assert.Equal(backup, listed);
        Assert.Equal("before import of file kpis-2026-10.csv", listed.Reason);
        Assert.InRange(listed.Created, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Matches(@"^cxdashboard-\d{8}T\d{9}Z-before-import-of-file-kpis-2026-10-csv\.db$", listed.Name);
        var file = Path.Combine(store.BackupFolder, listed.Name);
        Assert.Equal(new FileInfo(file).Length, listed.SizeBytes);
        // Nothing but the backup and its reason is left in the folder.
        Assert.Equal([listed.Name, listed.Name + ".json"], Directory.GetFiles(store.BackupFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("ok", BackedUpStore.IntegrityOf(file));
    }

    [Fact]
    public async Task A_backup_without_its_reason_file_is_still_listed_with_the_reason_from_its_name()
    {
        await using var store = await BackedUpStore.StartAsync(demo: false);
        var backup = await store.Backups.CreateAsync("nightly");
        File.Delete(Path.Combine(store.BackupFolder, backup.Name + ".json"));

        Assert.Equal("nightly", Assert.Single(await store.Backups.ListAsync()).Reason);
    }

    [Fact]
    public async Task Pruning_keeps_the_newest_backups_up_to_the_number_set()
    {
        await using var store = await BackedUpStore.StartAsync(demo: false, keep: 3);
        var made = new List<StoreBackup>();
        for (var i = 0; i < 5; i++) made.Add(await store.Backups.CreateAsync($"manual {i}"));

        var listed = await store.Backups.ListAsync();

        Assert.Equal(made.Skip(2).Reverse().Select(b => b.Name), listed.Select(b => b.Name));
        Assert.Equal(6, Directory.GetFiles(store.BackupFolder).Length); // three backups, three reasons
    }

    [Fact]
    public async Task Pruning_never_deletes_the_backup_just_made_even_when_the_clock_went_back()
    {
        await using var store = await BackedUpStore.StartAsync(demo: false);
        var backups = store.BackupsWithClock(new SteppingClock(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(-1)), keep: 2);

        var first = await backups.CreateAsync("nightly");
        var second = await backups.CreateAsync("nightly");
        var third = await backups.CreateAsync("nightly");

        var listed = (await backups.ListAsync()).Select(b => b.Name).ToList();
        Assert.Contains(third.Name, listed);
        Assert.Equal(2, listed.Count);
        Assert.Contains(first.Name, listed);
        Assert.DoesNotContain(second.Name, listed);
    }

    [Fact]
    public async Task The_backup_before_a_restore_never_prunes_the_backup_being_restored()
    {
        await using var store = await BackedUpStore.StartAsync(demo: false, keep: 2);
        var oldest = await store.Backups.CreateAsync("manual");
        var newer = await store.Backups.CreateAsync("manual");

        var restore = await store.Backups.RestoreAsync(oldest.Name);

        var listed = (await store.Backups.ListAsync()).Select(b => b.Name).ToList();
        Assert.Equal([restore.Before.Name, oldest.Name], listed);
        Assert.DoesNotContain(newer.Name, listed);
    }

    [Theory]
    [InlineData("random bytes", "it is not a readable SQLite database (SQLite Error 26: 'file is not a database')")]
    [InlineData("truncated", "it is damaged (")]
    [InlineData("damaged pages", "it is damaged (")]
    [InlineData("foreign database", "it is not a CxDashboard store (it has no migration history)")]
    [InlineData("empty history", "it is not a CxDashboard store (its migration history is empty)")]
    [InlineData("newer version", "it was written by a newer version of CxDashboard (it has migration 29990101000000_FromTheFuture, which this version does not know)")]
    public async Task A_backup_that_is_not_a_sound_store_is_refused_and_the_store_is_left_as_it_was(string kind, string why)
    {
        await using var store = await BackedUpStore.StartAsync();
        var sound = await store.Backups.CreateAsync("manual");
        var name = await PlantAsync(store, sound, kind);
        var listedBefore = await store.Backups.ListAsync();
        Assert.Contains(listedBefore, b => b.Name == name);
        var contentsBefore = await ContentsAsync(store);

        var error = await Assert.ThrowsAsync<BackupException>(() => store.Backups.RestoreAsync(name));

        Assert.StartsWith($"The backup {name} cannot be restored: {why}", error.Message, StringComparison.Ordinal);
        Assert.Contains("The store was left as it was", error.Message, StringComparison.Ordinal);
        Assert.Equal(contentsBefore.Counts, (await ContentsAsync(store)).Counts);
        Assert.Equal(contentsBefore.Rows, (await ContentsAsync(store)).Rows);
        Assert.Equal("ok", BackedUpStore.IntegrityOf(store.FilePath));
        // Refused before anything happened: not even the "before restore" backup was taken.
        Assert.Equal(listedBefore, await store.Backups.ListAsync());
    }

    [Theory]
    [InlineData("../cxdashboard-test.db")]
    [InlineData("../../cxdashboard-test.db")]
    [InlineData("../cxdashboard-20260101T000000000Z-manual.db")]
    [InlineData("./cxdashboard-20260101T000000000Z-manual.db")]
    [InlineData("cxdashboard-20260101T000000000Z-manual.db/")]
    [InlineData("..")]
    [InlineData("")]
    public async Task A_name_that_is_not_one_of_the_listed_backups_is_refused(string name)
    {
        await using var store = await BackedUpStore.StartAsync(demo: false);
        var backup = await store.Backups.CreateAsync("manual");
        // A sound backup outside the folder, where "../" would reach it.
        File.Copy(Path.Combine(store.BackupFolder, backup.Name), Path.Combine(store.BackupFolder, "..", "cxdashboard-20260101T000000000Z-manual.db"));
        var listedBefore = await store.Backups.ListAsync();

        var error = await Assert.ThrowsAsync<BackupException>(() => store.Backups.RestoreAsync(name));

        Assert.Equal($"There is no backup called \"{name}\" in the backup folder: pick one from the list of backups.", error.Message);
        Assert.Equal(listedBefore, await store.Backups.ListAsync());
    }

    [Fact]
    public async Task An_absolute_path_to_a_backup_is_refused_too()
    {
        await using var store = await BackedUpStore.StartAsync(demo: false);
        var backup = await store.Backups.CreateAsync("manual");

        await Assert.ThrowsAsync<BackupException>(() => store.Backups.RestoreAsync(Path.Combine(store.BackupFolder, backup.Name)));
    }

    [Fact]
    public async Task A_backup_taken_while_a_transaction_is_open_holds_only_what_was_committed()
    {
        await using var store = await BackedUpStore.StartAsync(demo: false);
        await using var writer = store.OpenConnection();
        BackedUpStore.Scalar(writer, "CREATE TABLE probe (id INTEGER PRIMARY KEY, batch INTEGER NOT NULL)");
        BackedUpStore.Scalar(writer, "INSERT INTO probe (batch) SELECT 0 FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) SELECT i FROM n)");

        await using var transaction = writer.BeginTransaction();
        BackedUpStore.Scalar(writer, "INSERT INTO probe (batch) SELECT 1 FROM probe", transaction);
        var backup = await store.Backups.CreateAsync("manual");
        transaction.Commit();

        await using var copy = BackedUpStore.OpenFile(Path.Combine(store.BackupFolder, backup.Name), SqliteOpenMode.ReadWrite);
        Assert.Equal(100L, BackedUpStore.Scalar(copy, "SELECT count(*) FROM probe"));
        Assert.Equal(200L, BackedUpStore.Scalar(writer, "SELECT count(*) FROM probe"));
    }

    [Fact]
    public async Task Backups_taken_while_another_connection_keeps_writing_hold_whole_transactions()
    {
        const int rowsPerTransaction = 500;
        await using var store = await BackedUpStore.StartAsync(demo: false);
        await using (var setup = store.OpenConnection())
            BackedUpStore.Scalar(setup, "CREATE TABLE probe (id INTEGER PRIMARY KEY, batch INTEGER NOT NULL, payload BLOB NOT NULL)");

        using var stop = new CancellationTokenSource();
        var committed = 0;
        var writing = Task.Run(() =>
        {
            using var writer = store.OpenConnection();
            BackedUpStore.Scalar(writer, "PRAGMA busy_timeout = 10000");
            for (var batch = 1; !stop.IsCancellationRequested; batch++)
            {
                using var transaction = writer.BeginTransaction();
                BackedUpStore.Scalar(writer,
                    $"INSERT INTO probe (batch, payload) SELECT {batch}, randomblob(200) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rowsPerTransaction}) SELECT i FROM n)",
                    transaction);
                transaction.Commit();
                Interlocked.Increment(ref committed);
            }
        });

        var counts = new List<long>();
        while (Volatile.Read(ref committed) < 3) await Task.Delay(10);
        for (var i = 0; i < 4; i++)
        {
            var backup = await store.Backups.CreateAsync("manual");
            var file = Path.Combine(store.BackupFolder, backup.Name);
            Assert.Equal("ok", BackedUpStore.IntegrityOf(file));
            await using var copy = BackedUpStore.OpenFile(file, SqliteOpenMode.ReadWrite);
            counts.Add((long)BackedUpStore.Scalar(copy, "SELECT count(*) FROM probe")!);
            Assert.Equal(0L, BackedUpStore.Scalar(copy, $"SELECT count(*) FROM (SELECT batch FROM probe GROUP BY batch HAVING count(*) <> {rowsPerTransaction})"));
        }

        await stop.CancelAsync();
        await writing;
        Assert.All(counts, c => Assert.Equal(0, c % rowsPerTransaction));
        Assert.True(counts[^1] > 0);
    }

    [Fact]
    public async Task A_backup_that_did_not_finish_is_never_listed_and_is_removed_by_the_next_backup()
    {
        await using var store = await BackedUpStore.StartAsync(demo: false);
        Directory.CreateDirectory(store.BackupFolder);
        // Left by a process that was killed (no such process runs), and one still being written by a live process (init).
        var killed = Path.Combine(store.BackupFolder, $"cxdashboard-20261124T020000000Z-nightly.db.{int.MaxValue - 1}.partial");
        var live = Path.Combine(store.BackupFolder, "cxdashboard-20261124T020000000Z-manual.db.1.partial");
        await File.WriteAllBytesAsync(killed, RandomNumberGenerator.GetBytes(64 * 1024));
        await File.WriteAllBytesAsync(killed + "-journal", RandomNumberGenerator.GetBytes(512));
        await File.WriteAllBytesAsync(live, RandomNumberGenerator.GetBytes(4096));

        Assert.Empty(await store.Backups.ListAsync());
        var backup = await store.Backups.CreateAsync("manual");

        Assert.False(File.Exists(killed));
        Assert.False(File.Exists(killed + "-journal"));
        Assert.True(File.Exists(live));
        Assert.Equal([backup.Name], (await store.Backups.ListAsync()).Select(b => b.Name));
    }

    [Fact]
    public async Task A_backup_cancelled_before_it_starts_leaves_nothing_behind()
    {
        await using var store = await BackedUpStore.StartAsync(demo: false);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.Backups.CreateAsync("manual", cancelled.Token));

        Assert.Empty(await store.Backups.ListAsync());
        Assert.Empty(Directory.Exists(store.BackupFolder) ? Directory.GetFiles(store.BackupFolder) : []);
    }

    [Fact]
    public async Task A_backup_folder_that_cannot_be_created_is_reported_with_the_setting_to_change()
    {
        await using var store = await BackedUpStore.StartAsync(demo: false);
        // A folder inside a file cannot exist, whoever the app runs as.
        var folder = Path.Combine(store.FilePath, "backups");
        var backups = new StoreBackups(store.Services.GetRequiredService<StoreConnection>(), store.Backups.Plan with { Folder = folder },
            NullLogger<StoreBackups>.Instance, TimeProvider.System);

        var error = await Assert.ThrowsAsync<BackupException>(() => backups.CreateAsync("manual"));

        Assert.StartsWith($"The backup folder {folder} cannot be created (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("set Backups:Folder to a folder the app may write to.", error.Message, StringComparison.Ordinal);
        Assert.Equal("ok", BackedUpStore.IntegrityOf(store.FilePath));
    }

    [Fact]
    public async Task On_PostgreSQL_the_app_takes_no_backups_and_says_to_use_pg_dump()
    {
        var connection = StoreConnection.From(
            new DatabaseOptions { Provider = "PostgreSql", ConnectionString = "Host=db.example.internal;Database=cxdashboard;Username=cx;Password=cx" },
            AppContext.BaseDirectory);
        var plan = BackupPlan.From(new BackupOptions(), new DatabaseOptions(), AppContext.BaseDirectory);
        var backups = new StoreBackups(connection, plan, NullLogger<StoreBackups>.Instance, TimeProvider.System);

        Assert.False(backups.IsAvailable);
        Assert.StartsWith("On PostgreSQL, back up with pg_dump", backups.NotAvailableReason, StringComparison.Ordinal);
        Assert.Empty(await backups.ListAsync());
        var create = await Assert.ThrowsAsync<BackupException>(() => backups.CreateAsync("manual"));
        var restore = await Assert.ThrowsAsync<BackupException>(() => backups.RestoreAsync("cxdashboard-20261124T020000000Z-nightly.db"));
        Assert.Equal(backups.NotAvailableReason, create.Message);
        Assert.Equal(backups.NotAvailableReason, restore.Message);
    }

    private static async Task<(IReadOnlyDictionary<string, int> Counts, IReadOnlyList<MeasurementRow> Rows)> ContentsAsync(BackedUpStore store)
    {
        await using var db = store.Context();
        return (await StoreContents.RowCountsAsync(db), await StoreContents.MeasurementRowsAsync(db));
    }

    private static async Task ChangeTheStoreAsync(BackedUpStore store)
    {
        await using var db = store.Context();
        var cpc = await StoreContents.KpiIdAsync(db, "CPC");
        await db.Measurements.Where(m => m.KpiId == cpc).ExecuteDeleteAsync();
        await db.Settings.ExecuteUpdateAsync(s => s.SetProperty(x => x.OrganisationName, "Changed after the backup"));
    }

    /// <summary>Puts a backup of the given kind in the folder, under a name the list shows, and returns that name.</summary>
    private static async Task<string> PlantAsync(BackedUpStore store, StoreBackup sound, string kind)
    {
        var name = "cxdashboard-20200101T000000000Z-planted.db";
        var path = Path.Combine(store.BackupFolder, name);
        var soundPath = Path.Combine(store.BackupFolder, sound.Name);
        switch (kind)
        {
            case "random bytes":
                await File.WriteAllBytesAsync(path, RandomNumberGenerator.GetBytes(256 * 1024));
                break;
            case "truncated":
                var whole = await File.ReadAllBytesAsync(soundPath);
                await File.WriteAllBytesAsync(path, whole[..(whole.Length / 2)]);
                break;
            case "damaged pages":
                var bytes = await File.ReadAllBytesAsync(soundPath);
                // Keep the header page, overwrite the pages after it.
                RandomNumberGenerator.Fill(bytes.AsSpan(4096, Math.Min(bytes.Length - 4096, 64 * 1024)));
                await File.WriteAllBytesAsync(path, bytes);
                break;
            case "foreign database":
                await using (var foreign = BackedUpStore.OpenFile(path, SqliteOpenMode.ReadWriteCreate))
                {
                    BackedUpStore.Scalar(foreign, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
                    BackedUpStore.Scalar(foreign, "INSERT INTO notes (text) VALUES ('not a CxDashboard store')");
                }

                break;
            case "newer version":
                File.Copy(soundPath, path);
                await using (var newer = BackedUpStore.OpenFile(path))
                    BackedUpStore.Scalar(newer, "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29990101000000_FromTheFuture', '99.0.0')");
                break;
            case "empty history":
                File.Copy(soundPath, path);
                await using (var empty = BackedUpStore.OpenFile(path))
                    BackedUpStore.Scalar(empty, "DELETE FROM \"__EFMigrationsHistory\"");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        return name;
    }
}
