using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CxDashboard.Data.Backups;

/// <summary>
/// Online backups of the SQLite store: taken with <c>VACUUM INTO</c> under a partial name and renamed only once
/// complete, pruned to the newest <see cref="BackupPlan.Keep"/>, and restored into the live store with SQLite's
/// backup API, which replaces it in one transaction, so no connection ever sees half of it. On PostgreSQL the
/// app takes no backups (<see cref="NotAvailableReason"/> says to use pg_dump).
/// </summary>
public sealed partial class StoreBackups
{
    // Backups and restores of one folder take turns within the process, whichever instance asks.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> s_turns = new(StringComparer.Ordinal);

    private readonly StoreConnection _store;
    private readonly BackupFolder _folder;
    private readonly SemaphoreSlim _turn;
    private readonly ILogger<StoreBackups> _logger;
    private readonly TimeProvider _time;
    private readonly string? _storeFile;

    public StoreBackups(StoreConnection store, BackupPlan plan, ILogger<StoreBackups> logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(plan);
        _store = store;
        Plan = plan;
        _logger = logger;
        _time = time;
        _folder = new BackupFolder(plan.Folder);
        _turn = s_turns.GetOrAdd(plan.Folder, _ => new SemaphoreSlim(1, 1));
        if (!store.IsSqlite)
        {
            NotAvailableReason = "On PostgreSQL, back up with pg_dump and restore with pg_restore (see \"Backups and restore\" in the README): the app itself backs up only its embedded SQLite store.";
            return;
        }

        var file = new SqliteConnectionStringBuilder(store.ConnectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:" || file.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            NotAvailableReason = "The store is not a SQLite file the app can copy (Database:ConnectionString names an in-memory or URI database): back it up by the means that created it.";
        else
            _storeFile = Path.GetFullPath(file);
    }

    /// <summary>Where backups go, when the scheduled one runs and how many are kept.</summary>
    public BackupPlan Plan { get; }

    /// <summary>Why this store cannot be backed up by the app (PostgreSQL), or null when it can.</summary>
    public string? NotAvailableReason { get; }

    /// <summary>True when the app can back up and restore this store.</summary>
    public bool IsAvailable => NotAvailableReason is null;

    /// <summary>Raised after a restore, so that whoever shows figures can load them again.</summary>
    public event Func<BackupRestore, Task>? Restored;

    /// <summary>
    /// Takes a backup now and prunes the folder to <see cref="BackupPlan.Keep"/> backups, never deleting the
    /// one just made. Partial files left by a backup that did not finish are removed first.
    /// </summary>
    /// <param name="reason">Why: "nightly", "manual", "before import of file kpis.csv".</param>
    /// <param name="cancellationToken">Stops the copy; nothing is left behind.</param>
    public async Task<StoreBackup> CreateAsync(string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        EnsureAvailable();
        await _turn.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() => Create(reason.Trim(), protectedName: null, cancellationToken), cancellationToken);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>The backups in the folder, newest first; none on PostgreSQL.</summary>
    public Task<IReadOnlyList<StoreBackup>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (!IsAvailable) return Task.FromResult<IReadOnlyList<StoreBackup>>([]);
        return Task.Run(_folder.List, cancellationToken);
    }

    /// <summary>
    /// Replaces the store with the backup called <paramref name="name"/> (one of <see cref="ListAsync"/>'s names).
    /// The backup is checked first (a SQLite database, intact, a CxDashboard store this version knows) and a
    /// backup that fails is refused with a <see cref="BackupException"/>, leaving the store as it was. Then a
    /// "before restore" backup of the current store is taken, the backup is copied into the live store in one
    /// transaction, the connection pools are cleared, and a store older than this version is migrated.
    /// </summary>
    public async Task<BackupRestore> RestoreAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        EnsureAvailable();
        await _turn.WaitAsync(cancellationToken);
        BackupRestore restore;
        try
        {
            restore = await Task.Run(() => Restore(name, cancellationToken), cancellationToken);
            await MigrateAsync(restore);
            KeepAuditTrail(restore);
        }
        finally
        {
            _turn.Release();
        }

        await AnnounceAsync(restore);
        return restore;
    }

    private StoreBackup Create(string reason, string? protectedName, CancellationToken cancellationToken)
    {
        RemoveStaleFiles();
        if (!File.Exists(_storeFile))
            throw new BackupException($"There is no store to back up: the file {_storeFile} does not exist. Start the app once to create it, or check Database:ConnectionString.");
        CreateFolder();

        var (name, created) = _folder.NewName(_time.GetUtcNow(), reason);
        var partial = _folder.PathOf(BackupFolder.PartialName(name));
        var path = _folder.PathOf(name);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using (var connection = Open(_storeFile!, SqliteOpenMode.ReadWrite))
            using (cancellationToken.Register(() => SQLitePCL.raw.sqlite3_interrupt(connection.Handle)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                // One read transaction: the copy is the store as of one moment, whatever other connections write.
                Execute(connection, "VACUUM INTO $path", path: partial);
            }

            cancellationToken.ThrowIfCancellationRequested();
            // WAL like the store the app creates, so a copy put back by hand behaves as the original did.
            using (var copy = Open(partial, SqliteOpenMode.ReadWrite))
                Execute(copy, "PRAGMA journal_mode = WAL");
            FlushToDisk(partial);
            File.Move(partial, path);
        }
        catch (Exception e)
        {
            DeletePartial(partial);
            if (cancellationToken.IsCancellationRequested) throw new OperationCanceledException("The backup was cancelled.", e, cancellationToken);
            if (e is SqliteException or IOException or UnauthorizedAccessException)
                throw new BackupException(
                    $"The backup could not be taken ({FirstLine(e.Message)}): check that the backup folder {_folder.Path} has room and that the app may write to it (Backups:Folder), and that the store itself opens.", e);
            throw;
        }

        try
        {
            _folder.WriteReason(name, reason, created);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogReasonNotWritten(_logger, e, name);
        }

        var backup = new StoreBackup(name, created, new FileInfo(path).Length, reason);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        LogCreated(_logger, name, backup.SizeBytes, reason, seconds);
        Prune(protectedName is null ? [name] : [name, protectedName]);
        return backup;
    }

    private BackupRestore Restore(string name, CancellationToken cancellationToken)
    {
        var chosen = _folder.List().FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.Ordinal))
            ?? throw new BackupException($"There is no backup called \"{name}\" in the backup folder: pick one from the list of backups.");
        var path = _folder.PathOf(chosen.Name);
        Validate(chosen, path);
        cancellationToken.ThrowIfCancellationRequested();

        var before = Create($"before restore of the backup of {chosen.Created.UtcDateTime:yyyy-MM-dd HH:mm} UTC", protectedName: chosen.Name, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var source = Open(path, SqliteOpenMode.ReadWrite);
            using var destination = Open(_storeFile!, SqliteOpenMode.ReadWrite);
            // Wait for a writer to finish rather than fail: the copy needs the store's write lock.
            Execute(destination, "PRAGMA busy_timeout = 30000");
            // One step, one transaction on the store: every other connection sees the old store or the new one.
            source.BackupDatabase(destination);
        }
        catch (SqliteException e)
        {
            throw new BackupException(
                $"The backup {chosen.Name} could not be copied into the store ({FirstLine(e.Message)}), so the store was left as it was. Try again when no import is running.", e);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        LogRestored(_logger, chosen.Name, before.Name, seconds);
        return new BackupRestore(chosen, before);
    }

    /// <summary>Refuses a backup that is not an intact CxDashboard store this version can run on.</summary>
    private void Validate(StoreBackup backup, string path)
    {
        var refused = $"The backup {backup.Name} cannot be restored:";
        const string leftAsItWas = "The store was left as it was; pick another backup.";
        try
        {
            // Read-write only so that SQLite removes the -wal and -shm files it opens beside a WAL file; nothing is written.
            using var connection = Open(path, SqliteOpenMode.ReadWrite);
            var integrity = Query(connection, "PRAGMA integrity_check");
            if (!(integrity.Count == 1 && integrity[0] == "ok"))
                throw new BackupException($"{refused} it is damaged (SQLite's integrity check says \"{integrity.FirstOrDefault()}\"). {leftAsItWas}");

            if (Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'").Count == 0)
                throw new BackupException($"{refused} it is not a CxDashboard store (it has no migration history). {leftAsItWas}");
            var applied = Query(connection, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"");
            if (applied.Count == 0)
                throw new BackupException($"{refused} it is not a CxDashboard store (its migration history is empty). {leftAsItWas}");

            using var db = _store.CreateContext();
            var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
            if (applied.FirstOrDefault(m => !known.Contains(m)) is { } unknown)
                throw new BackupException(
                    $"{refused} it was written by a newer version of CxDashboard (it has migration {unknown}, which this version does not know). {leftAsItWas}");

            using var store = Open(_storeFile!, SqliteOpenMode.ReadWrite);
            var (backupPage, storePage) = (Query(connection, "PRAGMA page_size")[0], Query(store, "PRAGMA page_size")[0]);
            if (backupPage != storePage)
                throw new BackupException(
                    $"{refused} its pages are {backupPage} bytes and the store's {storePage}, so it cannot be copied into the running store. Stop the app and restore it by hand (see \"Backups and restore\" in the README).");
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_CORRUPT)
        {
            throw new BackupException($"{refused} it is damaged ({FirstLine(e.Message)}). {leftAsItWas}", e);
        }
        catch (SqliteException e)
        {
            throw new BackupException($"{refused} it is not a readable SQLite database ({FirstLine(e.Message)}). {leftAsItWas}", e);
        }
    }

    /// <summary>A backup older than this version lacks its newest migrations: apply them, as start-up would.</summary>
    private async Task MigrateAsync(BackupRestore restore)
    {
        try
        {
            await using var db = _store.CreateContext();
            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            if (pending.Count == 0) return;
            LogMigrating(_logger, pending.Count, restore.Restored.Name);
            await db.Database.MigrateAsync();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            throw new BackupException(
                $"The backup {restore.Restored.Name} was restored but could not be brought up to this version of CxDashboard ({FirstLine(e.Message)}): restore {restore.Before.Name}, the backup taken just before, to return to the store as it was.", e);
        }
    }

    /// <summary>
    /// A restore puts back the store as it was, but the audit trail only ever grows: every entry the store held just
    /// before the restore that the restored backup lacks is added back (with new numbers), followed by one entry saying
    /// who restored which backup. All in one transaction.
    /// </summary>
    private void KeepAuditTrail(BackupRestore restore)
    {
        using var connection = Open(_storeFile!, SqliteOpenMode.ReadWrite);
        using (var attach = connection.CreateCommand())
        {
            attach.CommandText = "ATTACH DATABASE $before AS before";
            attach.Parameters.AddWithValue("$before", _folder.PathOf(restore.Before.Name));
            attach.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();

        using (var copy = connection.CreateCommand())
        {
            copy.Transaction = transaction;
            copy.CommandText = """
                INSERT INTO main."AuditEntries" ("AtUtc", "UserName", "Entity", "EntityKey", "Action", "Changes", "ImportId")
                SELECT p."AtUtc", p."UserName", p."Entity", p."EntityKey", p."Action", p."Changes", p."ImportId"
                FROM before."AuditEntries" AS p
                WHERE NOT EXISTS (
                    SELECT 1 FROM main."AuditEntries" AS m
                    WHERE m."Id" = p."Id" AND m."AtUtc" = p."AtUtc" AND m."UserName" = p."UserName" AND m."Changes" = p."Changes")
                ORDER BY p."Id"
                """;
            copy.ExecuteNonQuery();
        }

        using (var note = connection.CreateCommand())
        {
            note.Transaction = transaction;
            note.CommandText = """
                INSERT INTO main."AuditEntries" ("AtUtc", "UserName", "Entity", "EntityKey", "Action", "Changes", "ImportId")
                VALUES ($at, $user, 'Store', '', 'Modified', $changes, NULL)
                """;
            note.Parameters.AddWithValue("$at", _time.GetUtcNow().UtcDateTime);
            note.Parameters.AddWithValue("$user", Access.StoreActor.Current?.UserName ?? Access.StoreActor.SystemName);
            note.Parameters.AddWithValue("$changes", System.Text.Json.JsonSerializer.Serialize(new[]
            {
                new { field = "restored from backup", old = (string?)restore.Before.Name, @new = restore.Restored.Name },
            }));
            note.ExecuteNonQuery();
        }

        transaction.Commit();
        using var detach = connection.CreateCommand();
        detach.CommandText = "DETACH DATABASE before";
        detach.ExecuteNonQuery();
    }

    private async Task AnnounceAsync(BackupRestore restore)
    {
        if (Restored is not { } handlers) return;
        foreach (var handler in handlers.GetInvocationList().Cast<Func<BackupRestore, Task>>())
        {
            try
            {
                await handler(restore);
            }
#pragma warning disable CA1031 // One listener's failure must neither undo the restore nor keep the others from hearing of it.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogListenerFailed(_logger, e);
            }
        }
    }

    private void Prune(IReadOnlyCollection<string> protectedNames)
    {
        var backups = _folder.List();
        var room = Plan.Keep - backups.Count(b => protectedNames.Contains(b.Name));
        foreach (var backup in backups.Where(b => !protectedNames.Contains(b.Name)))
        {
            if (room-- > 0) continue;
            try
            {
                _folder.Delete(backup.Name);
                LogPruned(_logger, backup.Name, Plan.Keep);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogNotPruned(_logger, e, backup.Name);
            }
        }
    }

    private void RemoveStaleFiles()
    {
        foreach (var file in _folder.StaleFiles(_time.GetUtcNow()))
        {
            try
            {
                File.Delete(file);
                LogStaleRemoved(_logger, file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogNotPruned(_logger, e, file);
            }
        }
    }

    private void CreateFolder()
    {
        try
        {
            Directory.CreateDirectory(_folder.Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BackupException(
                $"The backup folder {_folder.Path} cannot be created ({FirstLine(e.Message)}): set Backups:Folder to a folder the app may write to.", e);
        }
    }

    private void EnsureAvailable()
    {
        if (NotAvailableReason is { } reason) throw new BackupException(reason);
    }

    private static void DeletePartial(string partial)
    {
        foreach (var suffix in new[] { "", "-journal", "-wal", "-shm" })
        {
            try
            {
                File.Delete(partial + suffix);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The next backup removes it (see BackupFolder.StaleFiles).
            }
        }
    }

    private static void FlushToDisk(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        stream.Flush(flushToDisk: true);
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Execute(SqliteConnection connection, string sql, string? path = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        if (path is not null) command.Parameters.AddWithValue("$path", path);
        command.ExecuteNonQuery();
    }

    private static List<string> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        return values;
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim().TrimEnd('.');

    [LoggerMessage(Level = LogLevel.Information, Message = "Backed up the store to {Name} ({Bytes} bytes, {Reason}) in {Seconds:0.0} s.")]
    private static partial void LogCreated(ILogger logger, string name, long bytes, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Restored the store from the backup {Name} in {Seconds:0.0} s; the store as it was is the backup {Before}.")]
    private static partial void LogRestored(ILogger logger, string name, string before, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s) to the store restored from {Name}.")]
    private static partial void LogMigrating(ILogger logger, int count, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the backup {Name}: Backups:Keep is {Keep}.")]
    private static partial void LogPruned(ILogger logger, string name, int keep);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Name}, left by a backup that did not finish.")]
    private static partial void LogStaleRemoved(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete {Name} from the backup folder; the next backup tries again.")]
    private static partial void LogNotPruned(ILogger logger, Exception exception, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the reason of the backup {Name}; its name still gives it.")]
    private static partial void LogReasonNotWritten(ILogger logger, Exception exception, string name);

    [LoggerMessage(Level = LogLevel.Error, Message = "A listener to the store's restore failed.")]
    private static partial void LogListenerFailed(ILogger logger, Exception exception);
}
