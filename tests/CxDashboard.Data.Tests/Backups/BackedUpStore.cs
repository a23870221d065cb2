using CxDashboard.Data.Backups;
using CxDashboard.Data.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CxDashboard.Data.Tests.Backups;

/// <summary>
/// A SQLite store of its own, started as the app starts it, with the backups registered as the app registers
/// them (<c>AddCxBackups</c>); the backup folder is "backups" under the data folder. Disposing it deletes both.
/// </summary>
internal sealed class BackedUpStore : IAsyncDisposable
{
    private readonly SqliteTestStore _store = new();
    private ServiceProvider? _services;

    private BackedUpStore()
    {
    }

    /// <summary>The store's services: the context factory, the queries, <see cref="StoreBackups"/>.</summary>
    public ServiceProvider Services => _services ?? throw new InvalidOperationException("Not started.");

    /// <summary>The backups of this store.</summary>
    public StoreBackups Backups => Services.GetRequiredService<StoreBackups>();

    /// <summary>The absolute path of the backup folder.</summary>
    public string BackupFolder => Backups.Plan.Folder;

    /// <summary>The store's database file.</summary>
    public string FilePath => _store.FilePath;

    /// <summary>The folder the store and its data folder live in.</summary>
    public string ContentRoot => _store.ContentRoot;

    /// <summary>A migrated store, with the demo organisation unless <paramref name="demo"/> is false.</summary>
    public static async Task<BackedUpStore> StartAsync(bool demo = true, int keep = 14)
    {
        var store = new BackedUpStore();
        var settings = new Dictionary<string, string?>(store._store.Settings)
        {
            ["Database:SeedDemoData"] = demo ? "true" : "false",
            ["Backups:Keep"] = keep.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        await store._store.StartAsync(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        store._services = new ServiceCollection()
            .AddLogging()
            .AddCxData(configuration, store._store.ContentRoot)
            .AddCxBackups(configuration, store._store.ContentRoot)
            .BuildServiceProvider();
        return store;
    }

    /// <summary>Another <see cref="StoreBackups"/> over the same store and folder, with its own clock.</summary>
    public StoreBackups BackupsWithClock(TimeProvider clock, int? keep = null) =>
        new(Services.GetRequiredService<StoreConnection>(), Backups.Plan with { Keep = keep ?? Backups.Plan.Keep },
            NullLogger<StoreBackups>.Instance, clock);

    /// <summary>A context over the store.</summary>
    public CxDbContext Context() => Services.Context();

    /// <summary>A plain connection to the store, outside EF and outside the pool.</summary>
    public SqliteConnection OpenConnection() => OpenFile(FilePath);

    /// <summary>A plain connection to any SQLite file, outside the pool.</summary>
    public static SqliteConnection OpenFile(string file, SqliteOpenMode mode = SqliteOpenMode.ReadWrite)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>The first value of the first row.</summary>
    public static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command.ExecuteScalar();
    }

    /// <summary>What SQLite's integrity check says about a file: "ok" when intact.</summary>
    public static string IntegrityOf(string file)
    {
        // Read-write, so that SQLite removes the -wal and -shm files it opens beside a WAL file.
        using var connection = OpenFile(file);
        return (string)Scalar(connection, "PRAGMA integrity_check")!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        await _store.DisposeAsync();
    }
}

/// <summary>A clock that moves by a fixed step each time it is read, from a given moment.</summary>
internal sealed class SteppingClock(DateTimeOffset start, TimeSpan step) : TimeProvider
{
    private DateTimeOffset _next = start;

    public override DateTimeOffset GetUtcNow()
    {
        var now = _next;
        _next += step;
        return now;
    }
}
