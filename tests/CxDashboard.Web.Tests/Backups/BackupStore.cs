using CxDashboard.Data.Access;
using CxDashboard.Web.Access;
using Microsoft.AspNetCore.Components.Authorization;
using CxDashboard.Data;
using CxDashboard.Data.Backups;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Web.Tests.Backups;

/// <summary>
/// A store file of its own in a temporary data folder (the app's default layout: cxdashboard.db with backups/
/// beside it), migrated with the standard KPI catalog only. Deleted with its folder.
/// </summary>
internal sealed class BackupStore : IAsyncDisposable
{
    private BackupStore(string folder, IReadOnlyDictionary<string, string?> settings)
    {
        Folder = folder;
        Settings = settings;
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    /// <summary>The data folder, which is also the content root.</summary>
    public string Folder { get; }

    /// <summary>The settings that point the app at this store, as configuration keys.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>The same settings as configuration.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>The store's file.</summary>
    public string FilePath => Path.Combine(Folder, "cxdashboard.db");

    /// <summary>The backup folder the app uses by default.</summary>
    public string BackupFolder => Path.Combine(Folder, "backups");

    /// <summary>A migrated store in a new temporary data folder.</summary>
    public static async Task<BackupStore> CreateAsync(string? provider = null, string? connectionString = null)
    {
        var folder = Directory.CreateTempSubdirectory("cxdashboard-backups-").FullName;
        var store = new BackupStore(folder, new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider ?? "Sqlite",
            ["Database:ConnectionString"] = connectionString ?? "",
            ["Database:DataFolder"] = folder,
            ["Database:SeedDemoData"] = "false",
        });
        if (provider is null)
        {
            await using var services = store.BuildServices();
            await services.InitializeCxStoreAsync();
        }

        return store;
    }

    /// <summary>The app's store and backup services over this store.</summary>
    public ServiceProvider BuildServices() => AddStoreServices(new ServiceCollection()).BuildServiceProvider();

    /// <summary>Registers the store and its backups as the app does.</summary>
    public IServiceCollection AddStoreServices(IServiceCollection services) => services
        .AddLogging()
        .AddCxData(Configuration, Folder)
        .AddCxBackups(Configuration, Folder)
        .AddScoped<AccessGuard>()
        .AddScoped<AuthenticationStateProvider>(_ => new Access.SignedInUser("admin@harbour.demo", CxRoles.Admin));

    /// <summary>A plain connection to the store, outside the pool.</summary>
    public SqliteConnection Open() => OpenFile(FilePath);

    /// <summary>A plain connection to a SQLite file, outside the pool.</summary>
    public static SqliteConnection OpenFile(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>The first value of the first row.</summary>
    public static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return command.ExecuteScalar();
    }

    /// <summary>The backups of this store as the app lists them.</summary>
    public async Task<IReadOnlyList<StoreBackup>> ListAsync()
    {
        await using var services = BuildServices();
        return await services.GetRequiredService<StoreBackups>().ListAsync();
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finalising connection: the temporary folder is cleaned by the OS.
        }

        return ValueTask.CompletedTask;
    }
}
