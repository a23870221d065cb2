using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CxDashboard.Data;
using CxDashboard.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CxDashboard.Web.Tests.Hosting;

/// <summary>
/// Readiness over a store that is not ready: 503 with the reason, while liveness stays 200. The probes run
/// in a small host of their own, because the real app would migrate the store (or refuse to start) first.
/// </summary>
public sealed partial class ReadinessFailureTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cxdashboard-readiness-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_unmigrated_store_is_not_ready_and_names_the_pending_migrations()
    {
        var file = Path.Combine(_folder, "empty.db");
        await File.WriteAllBytesAsync(file, []);

        var (status, body) = await AskAsync(HardeningExtensions.ReadinessPath, Sqlite(file));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Matches(PendingMigrations(), body);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_not_ready_and_says_why()
    {
        var file = Path.Combine(_folder, "not-a-store.db");
        await File.WriteAllBytesAsync(file, RandomNumberGenerator.GetBytes(8192));

        var (status, body) = await AskAsync(HardeningExtensions.ReadinessPath, Sqlite(file));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy: database unreachable: the reason is in the app's log", body);
    }

    [Fact]
    public async Task A_missing_database_file_is_not_ready_and_the_probe_does_not_create_it()
    {
        var file = Path.Combine(_folder, "gone.db");

        var (status, body) = await AskAsync(HardeningExtensions.ReadinessPath, Sqlite(file));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy: database unreachable: the database does not exist", body);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task An_unreachable_postgresql_server_is_not_ready_and_the_public_answer_does_not_name_the_server()
    {
        var (status, body) = await AskAsync(HardeningExtensions.ReadinessPath,
            ("Database:Provider", "PostgreSql"),
            ("Database:ConnectionString", "Host=127.0.0.1;Port=1;Database=cx;Username=cx;Password=cx;Timeout=3"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy: database unreachable: the reason is in the app's log", body);
        Assert.DoesNotContain("127.0.0.1", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_server_that_never_answers_is_not_ready_within_the_probes_time()
    {
        // Accepts the connection and then says nothing, like a server stuck under load.
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            var port = ((IPEndPoint)silent.LocalEndpoint).Port;

            var (status, body) = await AskAsync(HardeningExtensions.ReadinessPath,
                ("Database:Provider", "PostgreSql"),
                ("Database:ConnectionString", $"Host=127.0.0.1;Port={port};Database=cx;Username=cx;Password=cx;Timeout=60"));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("Unhealthy: database unreachable: no answer within 5 seconds", body);
        }
        finally
        {
            silent.Stop();
        }
    }

    [Fact]
    public async Task Liveness_asks_no_database_and_stays_healthy_when_the_store_is_unreachable()
    {
        var file = Path.Combine(_folder, "not-a-store.db");
        await File.WriteAllBytesAsync(file, RandomNumberGenerator.GetBytes(8192));

        var (status, body) = await AskAsync(HardeningExtensions.LivenessPath, Sqlite(file));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body);
    }

    private static (string, string)[] Sqlite(string file) =>
        [("Database:Provider", "Sqlite"), ("Database:ConnectionString", $"Data Source={file}")];

    /// <summary>Starts a host with the store's settings and the health endpoints, asks one of them, stops.</summary>
    private async Task<(HttpStatusCode Status, string Body)> AskAsync(string path, params (string Name, string Value)[] settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Name, (string?)s.Value)));
        builder.Services.AddCxData(builder.Configuration, _folder);
        builder.Services.AddCxHardening();
        await using var app = builder.Build();
        app.MapCxHealth();
        await app.StartAsync();

        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        await app.StopAsync();
        return (response.StatusCode, body);
    }

    // "Unhealthy: 1 migration pending: 20261123135524_Initial" (or more, once the store has more migrations).
    [GeneratedRegex(@"^Unhealthy: (1 migration|\d+ migrations) pending: \d{14}_Initial(, \d{14}_\w+)*$")]
    private static partial Regex PendingMigrations();
}
