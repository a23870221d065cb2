using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using CxDashboard.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Yarp.ReverseProxy.Model;

namespace CxDashboard.E2E.Tests.Infrastructure;

/// <summary>One request the proxy passed on: what was asked, by which browser, to which instance.</summary>
/// <param name="Path">The path and query.</param>
/// <param name="UserAgent">The browser's User-Agent (each test browser names its person in it).</param>
/// <param name="Destination">The instance's destination id in the proxy's configuration ("instance-a").</param>
/// <param name="WebSocket">Whether it asked to become a WebSocket (the circuit's connection).</param>
public sealed record ProxiedRequest(string Path, string UserAgent, string Destination, bool WebSocket);

/// <summary>
/// The scale-out deployment in small: two instances of the app (child processes in Production on two loopback ports)
/// on one new PostgreSQL database, behind YARP configured with <c>deploy/yarp/appsettings.json</c>, the file the
/// README shows: only the destinations' addresses are replaced by the instances' ports. The proxy notes which instance
/// served each request.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "xunit ends a fixture through IAsyncLifetime.DisposeAsync, which disposes them.")]
public sealed class ProxiedInstances : IAsyncLifetime
{
    /// <summary>The destination ids of the deploy file, in order.</summary>
    public static readonly IReadOnlyList<string> DestinationIds = ["instance-a", "instance-b"];

    private readonly ConcurrentQueue<ProxiedRequest> _served = new();
    private readonly List<string> _folders = [];
    private readonly List<AppProcess> _instances = [];
    private TemporaryPostgresDatabase? _database;
    private WebApplication? _proxy;

    /// <summary>Skipped where Chromium or PostgreSQL is missing on a developer's machine; never on CI.</summary>
    public static bool ShouldSkip => Chromium.ShouldSkip || (PostgresServer.ConnectionString is null && !PostgresServer.IsCi);

    /// <summary>The proxy's address, ending in a slash: where a browser goes.</summary>
    public Uri Address { get; private set; } = default!;

    /// <summary>Every request the proxy has passed on so far.</summary>
    public IReadOnlyList<ProxiedRequest> Served => [.. _served];

    public async Task InitializeAsync()
    {
        if (ShouldSkip) return;
        _database = TemporaryPostgresDatabase.Reserve();
        var settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["Database__ConnectionString"] = _database.ConnectionString,
            ["Database__SeedDemoData"] = "true",
            ["Backups__Schedule"] = "off",
            // Behind a proxy: the scheme the browser used comes from X-Forwarded-Proto (the README's setting).
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
        };
        // Started at the same moment on a database neither has seen: they create, migrate and seed it between them.
        var starting = DestinationIds.Select(_ =>
        {
            var folder = Directory.CreateTempSubdirectory("cxdashboard-scaleout-").FullName;
            _folders.Add(folder);
            return AppProcess.StartAsync(folder, settings);
        }).ToList();
        try
        {
            _instances.AddRange(await Task.WhenAll(starting));
        }
        catch (InvalidOperationException)
        {
            foreach (var started in starting.Where(s => s.IsCompletedSuccessfully)) started.Result.Dispose();
            throw;
        }

        // The first page an instance renders compiles its pages: done here, straight to each, not through the proxy.
        using (var warmUp = new HttpClient { Timeout = AppProcess.StartWithin })
            foreach (var instance in _instances)
                (await warmUp.GetAsync(new Uri(instance.Address, "account/login"))).Dispose();

        _proxy = StartProxy();
        await _proxy.StartAsync();
        Address = new Uri(_proxy.Urls.Single().TrimEnd('/') + "/");
    }

    /// <summary>YARP as the deploy folder configures it, listening on a free loopback port.</summary>
    private WebApplication StartProxy()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // The deploy folder's appsettings.json, copied beside the tests, is the proxy's configuration.
            ContentRootPath = Path.Combine(AppContext.BaseDirectory, "deploy", "yarp"),
            EnvironmentName = Environments.Production,
            ApplicationName = typeof(ProxiedInstances).Assembly.GetName().Name,
        });
        var destinations = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" };
        foreach (var (id, instance) in DestinationIds.Zip(_instances))
            destinations[$"ReverseProxy:Clusters:cxdashboard:Destinations:{id}:Address"] = instance.Address.ToString();
        builder.Configuration.AddInMemoryCollection(destinations);
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));

        var proxy = builder.Build();
        // Notes the instance that answers each request, as its answer starts (a WebSocket's when it is accepted).
        proxy.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.Features.Get<IReverseProxyFeature>()?.ProxiedDestination is { } destination)
                    _served.Enqueue(new ProxiedRequest(
                        context.Request.Path + context.Request.QueryString,
                        context.Request.Headers.UserAgent.ToString(),
                        destination.DestinationId,
                        string.Equals(context.Request.Headers.Upgrade, "websocket", StringComparison.OrdinalIgnoreCase)));
                return Task.CompletedTask;
            });
            await next();
        });
        proxy.MapReverseProxy();
        return proxy;
    }

    public async Task DisposeAsync()
    {
        if (_proxy is not null) await _proxy.DisposeAsync();
        foreach (var instance in _instances) instance.Dispose();
        foreach (var folder in _folders.Where(Directory.Exists)) Directory.Delete(folder, recursive: true);
        NpgsqlConnection.ClearAllPools();
        if (_database is not null) await _database.DisposeAsync();
    }
}
