using System.Diagnostics;
using CxDashboard.Data;
using CxDashboard.Data.Backups;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Web.Tests.Backups;

/// <summary>
/// <c>dotnet CxDashboard.Web.dll backup</c> in a real child process: it takes one backup and exits, and a backup
/// killed (SIGKILL) in the middle of its copy leaves no backup, only a partial file that the next backup removes,
/// and a store that opens and is intact. <c>restore NAME</c> puts a backup back and says how to undo it, and a
/// restore killed in the middle of its copy leaves the store as it was before or as the backup, never a mix.
/// </summary>
public sealed class BackupCommandTests
{
    [Fact]
    public async Task The_backup_verb_takes_one_backup_and_exits()
    {
        await using var store = await BackupStore.CreateAsync();

        using var app = StartBackup(store, "before upgrade to 2.0");
        var (exit, output) = await WaitAsync(app);

        Assert.Equal(0, exit);
        var backup = Assert.Single(await store.ListAsync());
        Assert.Equal("before upgrade to 2.0", backup.Reason);
        Assert.StartsWith($"Backed up the store to {Path.Combine(store.BackupFolder, backup.Name)} (", output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_backup_verb_without_a_store_says_so_and_exits_with_1()
    {
        await using var store = await BackupStore.CreateAsync();
        File.Delete(store.FilePath);

        using var app = StartBackup(store);
        var (exit, output) = await WaitAsync(app);

        Assert.Equal(1, exit);
        Assert.Equal(
            $"CxDashboard could not back up the store: There is no store to back up: the file {store.FilePath} does not exist. Start the app once to create it, or check Database:ConnectionString.",
            output.Trim());
        Assert.False(File.Exists(store.FilePath));
    }

    [Fact]
    public async Task A_backup_killed_in_the_middle_leaves_no_backup_and_an_intact_store()
    {
        await using var store = await BackupStore.CreateAsync();
        const long rows = 200_000;
        AddBulkRows(store, rows);

        using var app = StartBackup(store, "nightly");
        var partial = await WaitForPartialFileAsync(store, app, atLeast: 20_000_000);
        app.Kill(); // SIGKILL on Linux: no finally block, no clean-up runs
        await app.WaitForExitAsync();

        Assert.NotEqual(0, app.ExitCode);
        // Caught in the middle: the partial copy is there and holds part of the store.
        Assert.True(File.Exists(partial));
        Assert.InRange(new FileInfo(partial).Length, 20_000_000, new FileInfo(store.FilePath).Length - 1);
        Assert.Empty(await store.ListAsync());
        await using (var connection = store.Open())
        {
            Assert.Equal("ok", BackupStore.Scalar(connection, "PRAGMA integrity_check"));
            Assert.Equal(rows, BackupStore.Scalar(connection, "SELECT count(*) FROM bulk"));
        }

        await using var services = store.BuildServices();
        var backup = await services.GetRequiredService<StoreBackups>().CreateAsync("manual");

        Assert.False(File.Exists(partial));
        Assert.Equal([backup.Name], (await store.ListAsync()).Select(b => b.Name));
        Assert.DoesNotContain(Directory.GetFiles(store.BackupFolder), f => f.Contains(".partial", StringComparison.Ordinal));
        await using (var copy = BackupStore.OpenFile(Path.Combine(store.BackupFolder, backup.Name)))
        {
            Assert.Equal("ok", BackupStore.Scalar(copy, "PRAGMA integrity_check"));
            Assert.Equal(rows, BackupStore.Scalar(copy, "SELECT count(*) FROM bulk"));
        }
    }

    [Fact]
    public async Task The_restore_verb_restores_a_backup_and_says_which_backup_undoes_it()
    {
        await using var store = await BackupStore.CreateAsync();
        var original = await OrganisationNameAsync(store);
        StoreBackup backup;
        await using (var services = store.BuildServices())
            backup = await services.GetRequiredService<StoreBackups>().CreateAsync("before the rename");
        await RenameOrganisationAsync(store, "Renamed after the backup");

        using var app = Start(store, "restore", backup.Name);
        var (exit, output) = await WaitAsync(app);

        Assert.Equal(0, exit);
        Assert.Equal(original, await OrganisationNameAsync(store));
        var before = Assert.Single(await store.ListAsync(), b => b.Name != backup.Name);
        Assert.StartsWith("before restore of the backup of ", before.Reason, StringComparison.Ordinal);
        Assert.Equal(
            $"Restored the store from the backup {backup.Name} (taken {Web.Backups.BackupText.Created(backup.Created)}, before the rename); " +
            $"the store as it was is the backup {before.Name}: restore that one to undo this.",
            output.Trim());
    }

    [Fact]
    public async Task The_restore_verb_without_a_name_lists_the_backups_newest_first()
    {
        await using var store = await BackupStore.CreateAsync();

        using (var none = Start(store, "restore"))
        {
            var (exit, output) = await WaitAsync(none);
            Assert.Equal(0, exit);
            Assert.Equal($"There are no backups in {store.BackupFolder}.", output.Trim());
        }

        await using (var services = store.BuildServices())
        {
            var backups = services.GetRequiredService<StoreBackups>();
            await backups.CreateAsync("nightly");
            await backups.CreateAsync("before upgrade to 2.0");
        }

        using var app = Start(store, "restore");
        var (listed, lines) = await WaitAsync(app);

        Assert.Equal(0, listed);
        var list = await store.ListAsync();
        var width = list.Max(b => b.Name.Length);
        Assert.Equal(
            [
                $"Backups in {store.BackupFolder}, newest first (restore one with: restore NAME):",
                .. list.Select(b => $"{b.Name.PadRight(width)}  {Web.Backups.BackupText.Created(b.Created)}  {b.Reason}"),
            ],
            lines.Trim().Split('\n'));
        Assert.Equal(["before upgrade to 2.0", "nightly"], list.Select(b => b.Reason));
    }

    [Fact]
    public async Task The_restore_verb_refuses_an_unknown_name_naming_the_backups_and_exits_with_1()
    {
        await using var store = await BackupStore.CreateAsync();

        using (var none = Start(store, "restore", "cxdashboard-20261124T020000000Z-nightly.db"))
        {
            var (exit, output) = await WaitAsync(none);
            Assert.Equal(1, exit);
            Assert.Equal(
                $"CxDashboard could not restore the store: There is no backup called \"cxdashboard-20261124T020000000Z-nightly.db\": there are no backups in {store.BackupFolder}.",
                output.Trim());
        }

        StoreBackup first, second;
        await using (var services = store.BuildServices())
        {
            var backups = services.GetRequiredService<StoreBackups>();
            first = await backups.CreateAsync("nightly");
            second = await backups.CreateAsync("manual");
        }

        await RenameOrganisationAsync(store, "Kept");

        using var app = Start(store, "restore", "nightly");
        var (refused, message) = await WaitAsync(app);

        Assert.Equal(1, refused);
        Assert.Equal(
            $"CxDashboard could not restore the store: There is no backup called \"nightly\"; the backups are {second.Name}, {first.Name}.",
            message.Trim());
        Assert.Equal("Kept", await OrganisationNameAsync(store));
        Assert.Equal(2, (await store.ListAsync()).Count);
    }

    [Fact]
    public async Task A_restore_killed_in_the_middle_leaves_the_store_whole_and_the_next_restore_completes()
    {
        await using var store = await BackupStore.CreateAsync();
        const long rows = 200_000;
        const long kept = rows / 2;
        AddBulkRows(store, rows);
        StoreBackup backup;
        await using (var services = store.BuildServices())
            backup = await services.GetRequiredService<StoreBackups>().CreateAsync("before the clean-up");
        await using (var connection = store.Open())
            BackupStore.Scalar(connection, "DELETE FROM bulk WHERE id % 2 = 0");
        SqliteConnection.ClearAllPools(); // every connection closed: no journal is left beside the store

        using var app = Start(store, "restore", backup.Name);
        var journalBytes = await WaitForRestoreCopyAsync(store, app, atLeast: 20_000_000);
        app.Kill(); // SIGKILL on Linux: no finally block, no clean-up runs
        await app.WaitForExitAsync();

        Assert.NotEqual(0, app.ExitCode);
        Assert.Contains(await store.ListAsync(), b => b.Reason.StartsWith("before restore of ", StringComparison.Ordinal));
        await using (var connection = store.Open())
        {
            Assert.Equal("ok", BackupStore.Scalar(connection, "PRAGMA integrity_check"));
            // All of the store as it was (the even rows deleted) or all of the backup (every row): never some of each.
            var (count, even) = ((long)BackupStore.Scalar(connection, "SELECT count(*) FROM bulk")!, (long)BackupStore.Scalar(connection, "SELECT count(*) FROM bulk WHERE id % 2 = 0")!);
            Assert.True((count, even) == (kept, 0) || (count, even) == (rows, rows - kept),
                $"The store holds {count} rows, {even} of them even, after a restore killed with {journalBytes} bytes in its journal.");
        }

        using var again = Start(store, "restore", backup.Name);
        var (exit, output) = await WaitAsync(again, TimeSpan.FromMinutes(3));

        Assert.True(exit == 0, output);
        await using (var connection = store.Open())
        {
            Assert.Equal("ok", BackupStore.Scalar(connection, "PRAGMA integrity_check"));
            Assert.Equal(rows, BackupStore.Scalar(connection, "SELECT count(*) FROM bulk"));
            AssertSameAsBackup(connection, Path.Combine(store.BackupFolder, backup.Name));
        }
    }

    /// <summary>Adds a table of about <paramref name="rows"/> kB in one transaction, so that a copy of the store takes long enough to be caught in the middle.</summary>
    private static void AddBulkRows(BackupStore store, long rows)
    {
        using var connection = store.Open();
        BackupStore.Scalar(connection,
            "BEGIN; CREATE TABLE bulk (id INTEGER PRIMARY KEY, payload BLOB NOT NULL); " +
            $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows}) INSERT INTO bulk (payload) SELECT randomblob(1000) FROM n; COMMIT;");
    }

    /// <summary>
    /// Every table holds the same rows in the store as in the backup, but the audit trail, which a restore extends
    /// (and the sequence numbers its new entries take).
    /// </summary>
    private static void AssertSameAsBackup(SqliteConnection store, string backupFile)
    {
        using (var attach = store.CreateCommand())
        {
            attach.CommandText = "ATTACH DATABASE $file AS backup";
            attach.Parameters.AddWithValue("$file", backupFile);
            attach.ExecuteNonQuery();
        }

        var tables = new List<string>();
        using (var command = store.CreateCommand())
        {
            command.CommandText = "SELECT name FROM backup.sqlite_master WHERE type = 'table' AND name NOT IN ('AuditEntries', 'sqlite_sequence') ORDER BY name";
            using var reader = command.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }

        Assert.Contains("bulk", tables);
        foreach (var table in tables)
        {
            var differing = BackupStore.Scalar(store,
                $"SELECT (SELECT count(*) FROM (SELECT * FROM main.\"{table}\" EXCEPT SELECT * FROM backup.\"{table}\")) " +
                $"+ (SELECT count(*) FROM (SELECT * FROM backup.\"{table}\" EXCEPT SELECT * FROM main.\"{table}\"))");
            Assert.True(Equals(differing, 0L), $"The table {table} differs from the backup's in {differing} rows.");
        }

        BackupStore.Scalar(store, "DETACH DATABASE backup");
    }

    private static async Task RenameOrganisationAsync(BackupStore store, string name)
    {
        await using var services = store.BuildServices();
        await using var db = await services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContextAsync();
        await db.Settings.ExecuteUpdateAsync(s => s.SetProperty(x => x.OrganisationName, name));
    }

    private static async Task<string> OrganisationNameAsync(BackupStore store)
    {
        await using var services = store.BuildServices();
        await using var db = await services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContextAsync();
        return (await db.Settings.AsNoTracking().SingleAsync()).OrganisationName;
    }

    private static Process StartBackup(BackupStore store, string? reason = null) =>
        reason is null ? Start(store, "backup") : Start(store, "backup", reason);

    private static Process Start(BackupStore store, params string[] args)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "CxDashboard.Web.dll");
        var start = new ProcessStartInfo("dotnet", [app, .. args])
        {
            WorkingDirectory = store.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in store.Settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return Process.Start(start)!;
    }

    private static async Task<(int Exit, string Output)> WaitAsync(Process app, TimeSpan? limit = null)
    {
        var stdout = app.StandardOutput.ReadToEndAsync();
        var stderr = app.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(60));
        try
        {
            await app.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            app.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The {string.Join(' ', app.StartInfo.ArgumentList.Skip(1))} command did not exit.");
        }

        return (app.ExitCode, await stderr + await stdout);
    }

    /// <summary>Watches the backup folder until the child's partial file holds <paramref name="atLeast"/> bytes, and returns its path.</summary>
    private static async Task<string> WaitForPartialFileAsync(BackupStore store, Process app, long atLeast)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (Directory.Exists(store.BackupFolder)
                && Directory.EnumerateFiles(store.BackupFolder, "*.partial").FirstOrDefault() is { } partial
                && Length(partial) >= atLeast)
                return partial;
            if (app.HasExited)
                throw new InvalidOperationException(
                    $"The backup finished (exit code {app.ExitCode}) before it could be killed: {await app.StandardError.ReadToEndAsync()}{await app.StandardOutput.ReadToEndAsync()}");
            Thread.Sleep(1);
        }

        throw new TimeoutException("The backup never started.");
    }

    /// <summary>
    /// Waits until the child's restore is copying the backup into the store, and returns how many bytes the store's
    /// journal held then. The signal: the "before restore" backup is complete (renamed from its partial name), so the
    /// child has moved on to the copy, and the store's journal (its -journal file, or its -wal file once the store is
    /// in WAL mode) holds <paramref name="atLeast"/> bytes. Nothing else in the child writes the store before the copy
    /// (the checks and the "before restore" backup only read it, and the test's own writes were committed and their
    /// journal removed before it started), and the copy is one transaction whose journal grows page by page until it
    /// commits at the end: a journal that large is a copy under way and not yet committed.
    /// </summary>
    private static async Task<long> WaitForRestoreCopyAsync(BackupStore store, Process app, long atLeast)
    {
        string[] journals = [store.FilePath + "-journal", store.FilePath + "-wal"];
        Assert.All(journals, j => Assert.Equal(0, Length(j)));
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (Directory.Exists(store.BackupFolder)
                && Directory.EnumerateFiles(store.BackupFolder, "cxdashboard-*-before-restore-*.db").Any()
                && journals.Max(Length) is var bytes && bytes >= atLeast)
                return bytes;
            if (app.HasExited)
                throw new InvalidOperationException(
                    $"The restore finished (exit code {app.ExitCode}) before it could be killed: {await app.StandardError.ReadToEndAsync()}{await app.StandardOutput.ReadToEndAsync()}");
            Thread.Sleep(1);
        }

        throw new TimeoutException("The restore never started its copy.");
    }

    private static long Length(string file)
    {
        try
        {
            return new FileInfo(file).Length;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
    }
}
