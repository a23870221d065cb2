using CxDashboard.Testing;
using CxDashboard.Data.Queries;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CxDashboard.Data.Tests.Infrastructure;

/// <summary>
/// A store of its own for one test, started the way the app starts it: <c>AddCxData</c> over an in-memory
/// configuration, then <c>InitializeCxStoreAsync</c>. Disposing it disposes every provider it built and
/// deletes the store.
/// </summary>
internal abstract class TestStore : IAsyncDisposable
{
    private readonly List<ServiceProvider> _providers = [];

    /// <summary>The "Database" settings this store is reached with.</summary>
    public abstract IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>The content root handed to <c>AddCxData</c>.</summary>
    public abstract string ContentRoot { get; }

    /// <summary>The services over this store, not yet initialized; <paramref name="overrides"/> replace settings.</summary>
    public ServiceProvider Services(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(Settings);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
        var provider = StoreServices.Build(settings, ContentRoot);
        _providers.Add(provider);
        return provider;
    }

    /// <summary>Starts the app's store layer once more over this store: migrations and seeding included.</summary>
    public async Task<ServiceProvider> StartAsync(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var provider = Services(overrides);
        await provider.InitializeCxStoreAsync();
        return provider;
    }

    /// <summary>Disposes every provider built so far and lets go of their pooled connections.</summary>
    public async Task StopAsync()
    {
        foreach (var provider in _providers)
        {
            var connection = provider.GetRequiredService<StoreConnection>();
            await provider.DisposeAsync();
            ReleasePool(connection.ConnectionString);
        }

        _providers.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await DeleteAsync();
    }

    protected abstract void ReleasePool(string connectionString);

    protected abstract Task DeleteAsync();
}

/// <summary>A SQLite file in a temporary folder of its own, deleted with the folder afterwards.</summary>
internal sealed class SqliteTestStore : TestStore
{
    private const string FileName = "cxdashboard-test.db";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cxdashboard-data-tests-");

    /// <summary>The database file.</summary>
    public string FilePath => Path.Combine(_folder.FullName, FileName);

    // Relative on purpose: the store resolves it against the content root, as the app does.
    public override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:ConnectionString"] = $"Data Source={FileName}",
    };

    public override string ContentRoot => _folder.FullName;

    protected override void ReleasePool(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    protected override Task DeleteAsync()
    {
        if (_folder.Exists) _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>A database of its own on the PostgreSQL server of <see cref="PostgresServer"/>, dropped afterwards.</summary>
internal sealed class PostgresTestStore : TestStore
{
    private readonly string _serverConnectionString;
    private readonly string _connectionString;

    private PostgresTestStore(string serverConnectionString, string database)
    {
        _serverConnectionString = serverConnectionString;
        Database = database;
        _connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database }.ConnectionString;
        Settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:ConnectionString"] = _connectionString,
        };
        ContentRoot = AppContext.BaseDirectory;
    }

    /// <summary>The database's name, unique to this store.</summary>
    public string Database { get; }

    public override IReadOnlyDictionary<string, string?> Settings { get; }

    public override string ContentRoot { get; }

    /// <summary>Creates an empty, uniquely named database.</summary>
    public static async Task<PostgresTestStore> CreateAsync()
    {
        var server = PostgresServer.RequireConnectionString();
        var store = new PostgresTestStore(server, $"cxdashboard_test_{Guid.NewGuid():N}");
        await store.MaintenanceAsync($"CREATE DATABASE \"{store.Database}\"");
        return store;
    }

    /// <summary>A plain connection to this store's database, outside EF.</summary>
    public NpgsqlConnection OpenConnection()
    {
        var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        return connection;
    }

    protected override void ReleasePool(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(connection);
    }

    protected override async Task DeleteAsync()
    {
        ReleasePool(_connectionString);
        await MaintenanceAsync($"DROP DATABASE IF EXISTS \"{Database}\" WITH (FORCE)");
    }

    private async Task MaintenanceAsync(string sql)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A test run on a fresh, started store of one provider, the store deleted afterwards.</summary>
internal static class EachStore
{
    public static async Task OnSqlite(Func<IServiceProvider, Task> test)
    {
        await using var store = new SqliteTestStore();
        await test(await store.StartAsync());
    }

    public static async Task OnPostgres(Func<IServiceProvider, Task> test)
    {
        await using var store = await PostgresTestStore.CreateAsync();
        await test(await store.StartAsync());
    }
}

/// <summary>Builds the store layer's services as the app does.</summary>
internal static class StoreServices
{
    public static ServiceProvider Build(IReadOnlyDictionary<string, string?> settings, string contentRoot)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddCxData(configuration, contentRoot).BuildServiceProvider();
    }

    /// <summary>
    /// Builds and initializes the store layer over <paramref name="settings"/>, disposing it afterwards;
    /// whatever either step throws comes out.
    /// </summary>
    public static async Task StartOnceAsync(IReadOnlyDictionary<string, string?> settings, string contentRoot)
    {
        await using var provider = Build(settings, contentRoot);
        await provider.InitializeCxStoreAsync();
    }

    public static CxDbContext Context(this IServiceProvider services) =>
        services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContext();

    public static MeasurementQueries Measurements(this IServiceProvider services) =>
        services.GetRequiredService<MeasurementQueries>();

    public static OrganisationQueries Organisation(this IServiceProvider services) =>
        services.GetRequiredService<OrganisationQueries>();
}
