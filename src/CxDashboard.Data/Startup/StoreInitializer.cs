using System.Data.Common;
using CxDashboard.Core.Kpis;
using CxDashboard.Data.Demo;
using CxDashboard.Data.Imports;
using CxDashboard.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxDashboard.Data.Startup;

/// <summary>
/// Brings the store up to date at start-up: checks it can be reached and was not written by a newer version,
/// applies pending migrations, and fills an empty store (the demo organisation, or just the KPI catalog). On PostgreSQL
/// it does so under a lock of the database (<see cref="StartupLock"/>), so that several instances can start at once.
/// Every failure becomes a <see cref="StartupException"/> with one sentence naming the setting and the fix.
/// </summary>
public sealed partial class StoreInitializer(
    StoreConnection store,
    IDbContextFactory<CxDbContext> contexts,
    IOptions<DatabaseOptions> options,
    ILogger<StoreInitializer> logger)
{
    /// <summary>Migrates and, when empty, seeds the store.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => InitializeAsync(null, cancellationToken);

    /// <summary>
    /// Migrates and, when empty, seeds the store, then runs <paramref name="alsoOnce"/> (the rest of what a first start
    /// writes, such as the first users). On PostgreSQL all of it runs under the start-up lock, so that instances started
    /// at the same moment on one database take turns: the first migrates and seeds, the others find it done.
    /// </summary>
    public async Task InitializeAsync(Func<CancellationToken, Task>? alsoOnce, CancellationToken cancellationToken = default)
    {
        EnsureSqliteFolder();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await CheckReachableAsync(db, cancellationToken))
            await CreateDatabaseAsync(db, cancellationToken);
        await using (await TakeStartupLockAsync(cancellationToken))
        {
            await CheckNotNewerAsync(db, cancellationToken);
            if (store.IsSqlite) await ShapeNewSqliteFileAsync(db, cancellationToken);
            await MigrateAsync(db, cancellationToken);
            if (store.IsSqlite)
            {
                // Write-ahead logging: readers (every open board) never wait for a writer, and a write is durable once
                // committed. The mode is kept in the file, so a backup and a restored store have it too.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL", cancellationToken);
            }

            await MarkInterruptedImportsAsync(db, cancellationToken);
            await SeedWhenEmptyAsync(db, cancellationToken);
            if (alsoOnce is not null) await alsoOnce(cancellationToken);
        }
    }

    private async Task SeedWhenEmptyAsync(CxDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Kpis.AnyAsync(cancellationToken)) return;
        if (options.Value.SeedDemoData)
        {
            LogSeedingDemo(logger);
            await DemoOrganisation.SeedAsync(db, cancellationToken);
        }
        else
        {
            LogSeedingCatalog(logger);
            await SeedCatalogAsync(db, cancellationToken);
        }
    }

    /// <summary>
    /// Creates the PostgreSQL database that is not there yet. Another instance starting at the same moment may create
    /// it first: then it is there, as wanted.
    /// </summary>
    private async Task CreateDatabaseAsync(CxDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            LogCreatingDatabase(logger, store.Description);
            await db.GetService<IRelationalDatabaseCreator>().CreateAsync(cancellationToken);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState is Npgsql.PostgresErrorCodes.DuplicateDatabase or Npgsql.PostgresErrorCodes.UniqueViolation)
        {
            // Created by another instance between our look and our CREATE DATABASE.
        }
        catch (DbException e)
        {
            throw new StartupException(
                $"The {store.Description} does not exist and could not be created ({FirstLine(e.Message)}): create it, or give the user of Database:ConnectionString the right to create databases (CREATEDB).", e);
        }
    }

    private async Task<StartupLock> TakeStartupLockAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await StartupLock.TakeAsync(store, () => LogWaitingForLock(logger, store.Description), cancellationToken);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
        {
            throw new StartupException(
                $"The {store.Description} cannot be reached ({FirstLine(e.Message)}): check Database:ConnectionString (host, port, database, user and password) and that the server is running.", e);
        }
    }

    /// <summary>
    /// An import still Running at start-up was stopped by the app stopping: its rows and its Committed status are
    /// one transaction, so it stored nothing, and the history says so.
    /// </summary>
    private async Task MarkInterruptedImportsAsync(CxDbContext db, CancellationToken cancellationToken)
    {
        var running = await db.Imports.IgnoreQueryFilters().Where(i => i.Status == ImportStatus.Running).ToListAsync(cancellationToken);
        if (running.Count == 0) return;
        if (await AnotherInstanceIsImportingAsync(db, cancellationToken))
        {
            // One of them is being stored by another instance of the app, which marks it committed or failed itself, and
            // it cannot be told apart here from one that was interrupted: a later start marks those.
            LogImportsLeftRunning(logger, running.Count);
            return;
        }

        foreach (var import in running)
        {
            import.Status = ImportStatus.Failed;
            import.Message = InterruptedMessage;
            import.FinishedUtc = DateTime.UtcNow;
            LogInterrupted(logger, import.Id, import.FileName);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// On PostgreSQL, whether an instance of the app is storing an import's rows right now: it holds the importer's
    /// advisory lock for as long as it writes. SQLite is one instance's store: nothing else can be importing.
    /// </summary>
    private async Task<bool> AnotherInstanceIsImportingAsync(CxDbContext db, CancellationToken cancellationToken)
    {
        if (store.IsSqlite) return false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Taken for this transaction alone, and so let go at once, if no one holds it.
        var free = await db.Database
            .SqlQueryRaw<bool>($"SELECT pg_try_advisory_xact_lock({PostgresMeasurementWriter.AdvisoryLock}) AS \"Value\"")
            .SingleAsync(cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
        return !free;
    }

    private static async Task SeedCatalogAsync(CxDbContext db, CancellationToken cancellationToken)
    {
        db.Kpis.AddRange(KpiCatalog.Standard.Select((k, i) => Kpi.From(k, i)));
        if (!await db.Settings.AnyAsync(cancellationToken))
            db.Settings.Add(new OrganisationSettings { OrganisationName = "Your organisation" });
        await db.SaveChangesAsync(cancellationToken);
    }

    private void EnsureSqliteFolder()
    {
        if (!store.IsSqlite) return;
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(store.ConnectionString).DataSource;
        if (file == ":memory:" || string.IsNullOrEmpty(file)) return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        try
        {
            if (folder is not null) Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException(
                $"The data folder \"{folder}\" cannot be created ({e.Message.TrimEnd('.')}): set Database:DataFolder to a folder the app may write to.", e);
        }
    }

    /// <summary>
    /// Opens the store once. True when the database exists; false when a PostgreSQL server answers but the
    /// database is not there yet (the migrations create it). Anything else stops start-up.
    /// </summary>
    private async Task<bool> CheckReachableAsync(CxDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            if (store.IsSqlite)
            {
                // Opening a SQLite file that is not a database only fails at the first read.
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "SELECT count(*) FROM sqlite_master";
                await command.ExecuteScalarAsync(cancellationToken);
            }

            await db.Database.CloseConnectionAsync();
            return true;
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.InvalidCatalogName)
        {
            return false;
        }
        catch (DbException e) when (store.IsSqlite)
        {
            throw new StartupException(
                $"The {store.Description} cannot be opened ({FirstLine(e.Message)}): check Database:ConnectionString, or move the file away to start with a fresh store.", e);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
        {
            throw new StartupException(
                $"The {store.Description} cannot be reached ({FirstLine(e.Message)}): check Database:ConnectionString (host, port, database, user and password) and that the server is running.", e);
        }
    }

    /// <summary>
    /// A SQLite file with no table yet (a new store) gets 16 KiB pages before the migrations create any: the
    /// measurements' table and its indexes then need a quarter of the pages, which made writing a million imported
    /// rows about a fifth faster than with SQLite's default 4 KiB (see the benchmarks' README). The page size is
    /// kept in the file from its first write, which setting write-ahead logging here is; an existing store keeps
    /// the page size it has.
    /// </summary>
    private static async Task ShapeNewSqliteFileAsync(CxDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) != 0) return;
            command.CommandText = $"PRAGMA page_size = {NewStorePageSize}; PRAGMA journal_mode = WAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The page size of a new SQLite store, in bytes.</summary>
    public const int NewStorePageSize = 16_384;

    private async Task CheckNotNewerAsync(CxDbContext db, CancellationToken cancellationToken)
    {
        IEnumerable<string> applied;
        try
        {
            applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken);
        }
        catch (DbException e)
        {
            throw new StartupException(
                $"The {store.Description} cannot be read ({FirstLine(e.Message)}): check Database:ConnectionString and the user's rights.", e);
        }

        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = applied.Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
            throw new StartupException(
                $"The {store.Description} was written by a newer version of CxDashboard (it has migration {unknown[^1]}, which this version does not know): run the newer version, or set Database:ConnectionString to another database.");
    }

    private async Task MigrateAsync(CxDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count == 0) return;
            LogMigrating(logger, pending.Count, store.Description);
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (DbException e)
        {
            throw new StartupException(
                $"The {store.Description} could not be brought up to date ({FirstLine(e.Message)}): restore it from a backup or set Database:ConnectionString to an empty database.", e);
        }
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.TrimEnd('.');
    }

    /// <summary>What the history says of an import the app stopped in the middle of.</summary>
    public const string InterruptedMessage = "Interrupted: the app stopped before this import was saved; none of its rows were stored.";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import #{ImportId} of {FileName} was interrupted when the app stopped; none of its rows were stored. It is marked failed.")]
    private static partial void LogInterrupted(ILogger logger, long importId, string fileName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Empty store: adding the demo organisation (Database:SeedDemoData is true).")]
    private static partial void LogSeedingDemo(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Empty store: adding the standard KPI catalog only (Database:SeedDemoData is false).")]
    private static partial void LogSeedingCatalog(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} import(s) running: another instance of the app is storing one now, so they are left to it, not marked interrupted.")]
    private static partial void LogImportsLeftRunning(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Creating the {Store}.")]
    private static partial void LogCreatingDatabase(ILogger logger, string store);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another instance of the app is bringing the {Store} up to date: waiting for it to finish.")]
    private static partial void LogWaitingForLock(ILogger logger, string store);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s) to the {Store}.")]
    private static partial void LogMigrating(ILogger logger, int count, string store);
}
