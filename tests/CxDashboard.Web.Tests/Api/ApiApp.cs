using System.Net.Http.Headers;
using CxDashboard.Data;
using CxDashboard.Data.ApiKeys;
using CxDashboard.Data.Model;
using CxDashboard.Data.Queries;
using CxDashboard.Web.Tests.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Web.Tests.Api;

/// <summary>
/// The real app as a child process over a demo store of its own, with API keys put straight into the store once it
/// has started, as an administrator would have created them: Read, ReadWrite, ReadWrite limited to the ATLAS partner,
/// and one already revoked. Uploads are limited to 1 MB so that the size limit can be reached cheaply.
/// </summary>
public class ApiApp : RunningApp
{
    private readonly string _store = Directory.CreateTempSubdirectory("cxdashboard-api-").FullName;

    /// <summary>A key that may read the board.</summary>
    public string ReadKey { get; private set; } = "";

    /// <summary>A key that may read and load measurements for the whole organisation.</summary>
    public string WriteKey { get; private set; } = "";

    /// <summary>A ReadWrite key limited to the ATLAS partner.</summary>
    public string AtlasKey { get; private set; } = "";

    /// <summary>A ReadWrite key that was revoked.</summary>
    public string RevokedKey { get; private set; } = "";

    /// <summary>The store's services, outside the app, for checking what it holds.</summary>
    public ServiceProvider Store { get; private set; } = default!;

    /// <summary>The largest upload this app takes, in megabytes.</summary>
    protected virtual int MaxMegabytes => 1;

    protected override Task<IReadOnlyDictionary<string, string>> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>
        {
            ["Database__DataFolder"] = _store,
            ["Uploads__MaxMegabytes"] = MaxMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Backups__Schedule"] = "off",
        });

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataFolder"] = _store,
            ["Database:SeedDemoData"] = "false",
        }).Build();
        Store = new ServiceCollection().AddLogging().AddCxData(configuration, _store).BuildServiceProvider();
        var keys = Store.GetRequiredService<ApiKeyStore>();
        var atlas = (await Store.GetRequiredService<OrganisationQueries>().DimensionsAsync()).Partners.Single(p => p.Code == "ATLAS").Id;
        ReadKey = (await keys.CreateAsync("BI dashboard", ApiKeyAccess.Read, null, "admin@harbour.demo")).Secret;
        WriteKey = (await keys.CreateAsync("Genesys nightly export", ApiKeyAccess.ReadWrite, null, "admin@harbour.demo")).Secret;
        AtlasKey = (await keys.CreateAsync("Atlas WFM feed", ApiKeyAccess.ReadWrite, atlas, "admin@harbour.demo")).Secret;
        var revoked = await keys.CreateAsync("Old feed", ApiKeyAccess.ReadWrite, null, "admin@harbour.demo");
        await keys.RevokeAsync(revoked.Key.Id, "admin@harbour.demo");
        RevokedKey = revoked.Secret;
    }

    /// <summary>A request with the key in the X-Api-Key header.</summary>
    public static HttpRequestMessage Request(HttpMethod method, string path, string? key, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return request;
    }

    /// <summary>A request with the key as a bearer token.</summary>
    public static HttpRequestMessage BearerRequest(HttpMethod method, string path, string key)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_store, recursive: true);
    }
}
