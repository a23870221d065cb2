using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.E2E.Tests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port, over a fresh SQLite file seeded with the demo organisation.
/// One per test run (a collection fixture): start-up migrates and seeds, which is the slow part.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "xunit ends a fixture through IAsyncLifetime.DisposeAsync, which disposes the factory.")]
public sealed class DashboardServer : IAsyncLifetime
{
    private readonly string _dataFolder =
        Path.Combine(Path.GetTempPath(), $"cxdashboard-e2e-{Guid.NewGuid():N}");

    private DashboardFactory? _factory;

    /// <summary>The address the browser opens, ending in a slash ("http://127.0.0.1:41234/").</summary>
    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>The SQLite file the app uses.</summary>
    public string DatabaseFile => Path.Combine(_dataFolder, "cxdashboard.db");

    public Task InitializeAsync()
    {
        if (Chromium.ShouldSkip)
            return Task.CompletedTask;

        Directory.CreateDirectory(_dataFolder);
        _factory = new DashboardFactory(new SqliteConnectionStringBuilder { DataSource = DatabaseFile }.ToString(), _dataFolder);
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();

        // Kestrel writes the port it bound for port 0 back into the addresses feature.
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.SingleOrDefault()
            ?? throw new InvalidOperationException("Kestrel started without reporting the address it listens on.");
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return Task.CompletedTask;
    }

    /// <summary>An address on the server ("?month=2023-01").</summary>
    public string Url(string relative = "") => new Uri(BaseAddress, relative).ToString();

    public async Task DisposeAsync()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();

        // Pooled connections keep the file open; release them so the folder can go.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataFolder))
            Directory.Delete(_dataFolder, recursive: true);
    }

    private sealed class DashboardFactory(string connectionString, string dataFolder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Development serves the static web assets of referenced projects (MudBlazor, the Charts
            // project's apexcharts script) from where they were built, as `dotnet run` does.
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:ConnectionString", connectionString);
            builder.UseSetting("Database:SeedDemoData", "true");
            // Backups go with the test's store, not into the app's own folder, and none is taken by the clock.
            builder.UseSetting("Database:DataFolder", dataFolder);
            builder.UseSetting("Backups:Schedule", "off");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}

/// <summary>Every browser test shares one running app.</summary>
[CollectionDefinition(Name)]
public sealed class SharedDashboard : ICollectionFixture<DashboardServer>
{
    public const string Name = "CxDashboard app";
}
