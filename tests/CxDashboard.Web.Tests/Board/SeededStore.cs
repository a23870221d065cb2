using CxDashboard.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Web.Tests.Board;

/// <summary>
/// One SQLite store with the demo organisation, created once for the tests that share it and deleted after.
/// Components are rendered with the real Data and Web services over it.
/// </summary>
public sealed class SeededStore : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cxdashboard-web-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>The folder of the store, the content root its services are given.</summary>
    public string Folder => _folder;

    /// <summary>The configuration that points the app at this store.</summary>
    public IConfiguration Configuration { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(_folder, "board.db")}",
            ["Database:SeedDemoData"] = "true",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddCxData(Configuration, _folder);
        await using var provider = services.BuildServiceProvider();
        await provider.InitializeCxStoreAsync();
    }

    /// <summary>Registers the app's own services over this store, as Program.cs does.</summary>
    public void AddAppServices(IServiceCollection services)
    {
        services.AddLogging();
        services.AddSingleton<IConfiguration>(Configuration);
        services.AddCxData(Configuration, _folder);
        services.AddCxCharts();
        services.AddCxWeb();
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finalising connection: the temp folder is cleaned by the OS.
        }

        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class SeededStoreGroup : ICollectionFixture<SeededStore>
{
    public const string Name = "Seeded store";
}
