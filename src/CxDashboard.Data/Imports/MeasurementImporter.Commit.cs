using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using CxDashboard.Data.Access;
using CxDashboard.Data.Auditing;
using CxDashboard.Data.Backups;
using CxDashboard.Data.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CxDashboard.Data.Imports;

// Committing a checked batch and undoing a committed import, each all or nothing.
public sealed partial class MeasurementImporter
{
    /// <summary>
    /// Stores a batch that has no problem, all or nothing: backs up the store (SQLite), records the import as
    /// running, then in one transaction keeps the values it replaces, writes every row by natural key and marks
    /// the import committed, with its audit entries. A failure stores nothing, marks the import failed and comes
    /// back as a result with status Failed and the reason (a cancellation marks it failed and throws
    /// <see cref="OperationCanceledException"/>). Throws <see cref="ImportRefusedException"/>, storing nothing, when the
    /// batch has problems, another import is still running after <see cref="WaitForTurn"/>, or the backup cannot be taken.
    /// </summary>
    public async Task<ImportResult> CommitAsync(MeasurementBatch batch, ImportOrigin origin, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(origin);
        Refuse(batch);
        var actor = StoreActor.Current;
        var user = actor?.UserName ?? StoreActor.SystemName;
        var work = new ImportInProgress($"import of {batch.Name}", user, _time.GetUtcNow());
        using var turn = await ImportTurn.Of(_store.ConnectionString).TakeAsync(work, WaitForTurn, cancellationToken);

        var backup = await BackUpAsync(batch, cancellationToken);
        var import = new MeasurementImport
        {
            FileName = Cut(batch.Name, 260),
            Format = batch.Format,
            Source = origin.Source,
            ApiKeyName = origin.ApiKeyName,
            UserName = user,
            PartnerId = actor?.PartnerId,
            ContentHash = batch.ContentHash,
            StartedUtc = _time.GetUtcNow().UtcDateTime,
            Status = ImportStatus.Running,
            RowCount = batch.RowCount,
            BackupName = backup,
        };
        // Its own short transaction: the import is in the history, as running, before any row is written.
        await using (var db = await _contexts.CreateDbContextAsync(cancellationToken))
        {
            db.Imports.Add(import);
            await db.SaveChangesAsync(cancellationToken);
        }

        work.ImportId = import.Id;
        LogStarted(_logger, import.Id, batch.Name, batch.Rows.Count, user);
        using var asImport = StoreActor.Use((actor ?? new StoreActor(StoreActor.SystemName)) with { ImportId = import.Id });
        try
        {
            var updated = await WriteAsync(import, batch, progress, cancellationToken);
            var inserted = batch.Rows.Count - updated;
            LogCommitted(_logger, import.Id, inserted, updated);
            await AnnounceAsync(new MeasurementsChanged(import.Id, ImportStatus.Committed, batch.FirstMonth!.Value, batch.LastMonth!.Value));
            return new ImportResult(import.Id, ImportStatus.Committed, batch.Rows.Count, inserted, updated,
                $"{Count(batch.Rows.Count)} rows of {batch.Name} stored as import #{Number(import.Id)}: {Count(inserted)} added, {Count(updated)} replaced a stored value.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await MarkFailedAsync(import.Id, "Cancelled before it was saved; none of its rows were stored.");
            throw;
        }
        catch (ImportRefusedException e)
        {
            await MarkFailedAsync(import.Id, e.Message);
            throw;
        }
        catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException or TimeoutException)
        {
            LogFailed(_logger, e, import.Id, batch.Name);
            var reason = $"The rows could not be stored ({FirstLine(e.Message)}); none of them were. Try again; if it fails again, tell an administrator (the app's log has the details of import #{Number(import.Id)}).";
            await MarkFailedAsync(import.Id, reason);
            return new ImportResult(import.Id, ImportStatus.Failed, batch.Rows.Count, 0, 0, reason);
        }
        catch (Exception e)
        {
            // Not a failure the import expects: the history still says it stored nothing, and the error goes on up.
            LogFailed(_logger, e, import.Id, batch.Name);
            await MarkFailedAsync(import.Id, $"The import stopped on an unexpected error ({FirstLine(e.Message)}); none of its rows were stored. Tell an administrator (the app's log has the details of import #{Number(import.Id)}).");
            throw;
        }
    }

    /// <summary>
    /// Undoes a committed import whose rows still hold its values: puts back the values it replaced (with the import
    /// that had written them) and removes the rows it added, in one transaction with its audit entries. Throws
    /// <see cref="ImportRefusedException"/>, changing nothing, when it cannot (not committed, not visible to the
    /// current actor, or rows changed since).
    /// </summary>
    public async Task<ImportResult> UndoAsync(long importId, CancellationToken cancellationToken = default)
    {
        var actor = StoreActor.Current;
        var user = actor?.UserName ?? StoreActor.SystemName;
        var work = new ImportInProgress($"undo of import #{Number(importId)}", user, _time.GetUtcNow());
        using var turn = await ImportTurn.Of(_store.ConnectionString).TakeAsync(work, WaitForTurn, cancellationToken);
        using var asImport = StoreActor.Use((actor ?? new StoreActor(StoreActor.SystemName)) with { ImportId = importId });

        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var import = await db.Imports.SingleOrDefaultAsync(i => i.Id == importId, cancellationToken)
            ?? throw new ImportRefusedException($"There is no import #{Number(importId)} to undo: pick one from the import history.");
        RefuseUndo(import);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!_store.IsSqlite && !await PostgresMeasurementWriter.TryLockAsync((NpgsqlConnection)db.Database.GetDbConnection(), WaitForTurn, cancellationToken))
            throw new ImportRefusedException(await RunningElsewhereAsync(importId, $"undo of import #{Number(importId)}", cancellationToken));
        await RefuseChangedAsync(db, import, cancellationToken);

        int restored, removed;
        if (_store.IsSqlite)
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var sqliteTransaction = (SqliteTransaction)transaction.GetDbTransaction();
            (restored, removed) = await Task.Run(() => SqliteMeasurementWriter.Undo(connection, sqliteTransaction, importId), cancellationToken);
        }
        else
        {
            (restored, removed) = await PostgresMeasurementWriter.UndoAsync((NpgsqlConnection)db.Database.GetDbConnection(), importId, cancellationToken);
        }

        var now = _time.GetUtcNow().UtcDateTime;
        import.Status = ImportStatus.Undone;
        import.UndoneUtc = now;
        import.UndoneBy = user;
        db.AuditEntries.AddRange(RowEntries(now, user, importId,
            (AuditAction.Deleted, removed, $"{Count(removed)} rows added by import #{Number(importId)} ({import.FileName}) removed by its undo"),
            (AuditAction.Modified, restored, $"{Count(restored)} values replaced by import #{Number(importId)} ({import.FileName}) put back by its undo")));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogUndone(_logger, importId, removed, restored, user);
        if (import.FirstMonth is { } first && import.LastMonth is { } last)
            await AnnounceAsync(new MeasurementsChanged(importId, ImportStatus.Undone, first, last));
        return new ImportResult(importId, ImportStatus.Undone, import.RowCount, removed, restored,
            $"Import #{Number(importId)} ({import.FileName}) undone: {Count(removed)} rows it added removed, {Count(restored)} values it replaced put back.");
    }

    private static void Refuse(MeasurementBatch batch)
    {
        if (batch.ProblemCount > 0)
            throw new ImportRefusedException(
                $"{batch.Name} has {Count(batch.ProblemCount)} problem{(batch.ProblemCount == 1 ? "" : "s")}, so nothing was stored: fix {(batch.ProblemCount == 1 ? "it" : "them")} and load the file again.");
        if (batch.Rows.Count == 0)
            throw new ImportRefusedException($"{batch.Name} has no rows, so there is nothing to store: add rows under the header and load it again.");
        if (batch.PartnerScope != StoreActor.Current?.PartnerId)
            throw new ImportRefusedException(
                $"{batch.Name} was checked for another user's access (a partner's rows or the whole organisation), so nothing was stored: load the file again.");
    }

    private static void RefuseUndo(MeasurementImport import)
    {
        var number = Number(import.Id);
        switch (import.Status)
        {
            case ImportStatus.Undone:
                throw new ImportRefusedException(
                    $"Import #{number} was already undone{(import.UndoneUtc is { } at ? $" on {at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC" : "")}{(import.UndoneBy is { } by ? $" by {by}" : "")}: there is nothing left to undo.");
            case ImportStatus.Failed:
                throw new ImportRefusedException($"Import #{number} failed and stored none of its rows: there is nothing to undo.");
            case ImportStatus.Running:
                throw new ImportRefusedException($"Import #{number} is still running: wait until it has finished, then undo it if need be.");
        }
    }

    /// <summary>Refuses the undo when any row the import wrote has been changed since (by a later import or by hand).</summary>
    private static async Task RefuseChangedAsync(CxDbContext db, MeasurementImport import, CancellationToken cancellationToken)
    {
        var written = import.Inserted + import.Updated;
        var holding = await db.Measurements.IgnoreQueryFilters().CountAsync(m => m.ImportId == import.Id, cancellationToken);
        if (holding == written) return;
        var changed = written - holding;
        var later = await db.ImportReplacedValues
            .Where(r => r.PreviousImportId == import.Id)
            .Join(db.Imports.IgnoreQueryFilters().Where(i => i.Status == ImportStatus.Committed), r => r.ImportId, i => i.Id, (r, i) => i.Id)
            .GroupBy(id => id).Select(g => new { Id = g.Key, Rows = g.Count() })
            .OrderBy(g => g.Id).ToListAsync(cancellationToken);
        var byImports = later.Sum(l => l.Rows);
        var who = string.Join(" and ", new[]
        {
            later.Count == 0 ? null : (later.Count == 1 ? "by import #" : "by imports #") + string.Join(", #", later.Select(l => Number(l.Id))),
            byImports < changed ? "by hand" : null,
        }.Where(w => w is not null));
        var first = later.Count == 0 ? "those edits" : "those imports";
        throw new ImportRefusedException(
            $"Import #{Number(import.Id)} cannot be undone: {Count(changed)} of its {Count(written)} rows have been changed since, {who}. Undo {first} first (or load the values you want as a new import).");
    }

    /// <summary>On SQLite, a backup of the store just before the import; its name, or null on PostgreSQL.</summary>
    private async Task<string?> BackUpAsync(MeasurementBatch batch, CancellationToken cancellationToken)
    {
        if (!_store.IsSqlite) return null;
        try
        {
            return (await _backups.CreateAsync($"before import of {batch.Name}", cancellationToken)).Name;
        }
        catch (BackupException e)
        {
            throw new ImportRefusedException(
                $"{batch.Name} was not imported, and nothing was stored: the store could not be backed up first ({e.Message.TrimEnd('.')}).", e);
        }
    }

    /// <summary>Writes the rows, marks the import committed and records the audit entries: one transaction.</summary>
    private async Task<int> WriteAsync(MeasurementImport import, MeasurementBatch batch, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        int updated;
        if (_store.IsSqlite)
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var sqliteTransaction = (SqliteTransaction)transaction.GetDbTransaction();
            // Microsoft.Data.Sqlite has no real asynchronous I/O: the loop runs off the caller's thread (a circuit).
            updated = await Task.Run(() => SqliteMeasurementWriter.Write(connection, sqliteTransaction, import.Id, batch.Rows, progress, cancellationToken), cancellationToken);
        }
        else
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            if (!await PostgresMeasurementWriter.TryLockAsync(connection, WaitForTurn, cancellationToken))
                throw new ImportRefusedException(await RunningElsewhereAsync(import.Id, $"import of {batch.Name}", cancellationToken));
            updated = await PostgresMeasurementWriter.WriteAsync(connection, import.Id, batch.Rows, progress, cancellationToken);
        }

        var inserted = batch.Rows.Count - updated;
        var now = _time.GetUtcNow().UtcDateTime;
        db.Attach(import);
        import.Status = ImportStatus.Committed;
        import.Inserted = inserted;
        import.Updated = updated;
        import.FirstMonth = batch.FirstMonth;
        import.LastMonth = batch.LastMonth;
        import.FinishedUtc = now;
        var user = StoreActor.Current?.UserName ?? StoreActor.SystemName;
        db.AuditEntries.AddRange(RowEntries(now, user, import.Id,
            (AuditAction.Added, inserted, $"{Count(inserted)} rows added by import #{Number(import.Id)} ({batch.Name})"),
            (AuditAction.Modified, updated, $"{Count(updated)} values replaced by import #{Number(import.Id)} ({batch.Name})")));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return updated;
    }

    /// <summary>Marks an import failed in a transaction of its own, whatever became of the one that failed.</summary>
    private async Task MarkFailedAsync(long importId, string reason)
    {
        try
        {
            await using var db = await _contexts.CreateDbContextAsync(CancellationToken.None);
            var import = await db.Imports.IgnoreQueryFilters().SingleAsync(i => i.Id == importId);
            if (import.Status != ImportStatus.Running) return;
            import.Status = ImportStatus.Failed;
            import.Message = Cut(reason, 2000);
            import.FinishedUtc = _time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException)
        {
            // Left Running, it is marked interrupted at the next start-up, which says the same: nothing was stored.
            LogNotMarkedFailed(_logger, e, importId);
        }
    }

    /// <summary>The refusal when another app instance holds the import lock: names what the history shows running.</summary>
    private async Task<string> RunningElsewhereAsync(long ownId, string work, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var running = await db.Imports.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.Status == ImportStatus.Running && i.Id != ownId)
            .OrderBy(i => i.StartedUtc).FirstOrDefaultAsync(cancellationToken);
        var what = running is null
            ? "another import or undo (on another instance of the app)"
            : new ImportInProgress($"import of {running.FileName}", running.UserName, new DateTimeOffset(running.StartedUtc, TimeSpan.Zero)) { ImportId = running.Id }.Describe();
        return $"Another import is still running: {what}. Nothing was stored from {work}; try again when that one has finished (the import history shows it).";
    }

    private async Task AnnounceAsync(MeasurementsChanged change)
    {
        if (Changed is not { } handlers) return;
        foreach (var handler in handlers.GetInvocationList().Cast<Func<MeasurementsChanged, Task>>())
        {
            try
            {
                await handler(change);
            }
#pragma warning disable CA1031 // One listener's failure must neither undo the import nor keep the others from hearing of it.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogListenerFailed(_logger, e, change.ImportId);
            }
        }
    }

    private static IEnumerable<AuditEntry> RowEntries(DateTime at, string user, long importId, params (AuditAction Action, int Rows, string Summary)[] changes) =>
        changes.Where(c => c.Rows > 0).Select(c => new AuditEntry
        {
            AtUtc = at,
            UserName = user,
            Entity = nameof(Measurement),
            EntityKey = "",
            Action = c.Action,
            Changes = JsonSerializer.Serialize(new[] { new { field = "rows", old = (string?)null, @new = c.Summary } }),
            ImportId = importId,
        });

    private static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static string Number(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim().TrimEnd('.');

    [LoggerMessage(Level = LogLevel.Information, Message = "Import #{ImportId} of {Name} started: {Rows} rows, by {User}.")]
    private static partial void LogStarted(ILogger logger, long importId, string name, int rows, string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import #{ImportId} committed: {Inserted} rows added, {Updated} replaced.")]
    private static partial void LogCommitted(ILogger logger, long importId, int inserted, int updated);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import #{ImportId} of {Name} failed; nothing was stored.")]
    private static partial void LogFailed(ILogger logger, Exception exception, long importId, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import #{ImportId} could not be marked failed; start-up will mark it interrupted.")]
    private static partial void LogNotMarkedFailed(ILogger logger, Exception exception, long importId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A listener to the change made by import #{ImportId} failed; the change stands.")]
    private static partial void LogListenerFailed(ILogger logger, Exception exception, long importId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import #{ImportId} undone: {Removed} rows removed, {Restored} values put back, by {User}.")]
    private static partial void LogUndone(ILogger logger, long importId, int removed, int restored, string user);
}
