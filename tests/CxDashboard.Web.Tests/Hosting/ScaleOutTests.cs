using System.Net;
using System.Text;
using System.Text.Json;
using CxDashboard.Data;
using CxDashboard.Data.Access;
using CxDashboard.Data.ApiKeys;
using CxDashboard.Data.Model;
using CxDashboard.Testing;
using CxDashboard.Web.Access;
using CxDashboard.Web.Tests.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CxDashboard.Web.Tests.Hosting;

/// <summary>
/// Two instances of the app (child processes in Production, on two loopback ports) on one PostgreSQL database that
/// neither has seen before: they start at the same moment, and a person or an integration may reach either. A session
/// begun on one holds on the other, because the data-protection keys that seal cookies and antiforgery tokens are in
/// the store, and what is loaded through one is on the other's board, because neither keeps figures of its own.
/// </summary>
public sealed class ScaleOutTests(ScaleOutTests.TwoInstances instances) : IClassFixture<ScaleOutTests.TwoInstances>
{
    private const string SessionCookie = "CxDashboard.Session";

    private static readonly AccessSeeder.DemoUser Editor = AccessSeeder.DemoUsers.Single(u => u.Role == CxRoles.Editor);
    private static readonly AccessSeeder.DemoUser Viewer = AccessSeeder.DemoUsers.Single(u => u.Role == CxRoles.Viewer && u.PartnerCode is null);

    [PostgresFact]
    public async Task Signed_in_on_one_instance_a_user_is_signed_in_on_the_other()
    {
        // The sign-in form is served by B and posted to A: B's antiforgery token is good on A.
        var (_, signIn) = await instances.A.SignInAsync(Editor.Email, Editor.Password, formFrom: instances.B.Client.BaseAddress);
        string session;
        using (signIn)
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.DoesNotContain("/account/", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
            session = SessionOf(signIn);
        }

        // The cookie A issued, and nothing else, sent to B: a page for editors only answers with the editor's page.
        using var onB = WithCookie(instances.B, session);
        using var audit = await onB.GetAsync(new Uri("/audit", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        var page = await audit.Content.ReadAsStringAsync();
        Assert.Contains("Marco Diaz, CX Manager", page, StringComparison.Ordinal);
        Assert.Contains("Audit trail", page, StringComparison.Ordinal);

        // Without it, B sends the same request to sign in.
        using var anonymous = await instances.B.Client.GetAsync(new Uri("/audit", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Measurements_loaded_through_one_instance_are_on_the_other_instance_board()
    {
        const string month = "2026-11";
        var (_, signIn) = await instances.A.SignInAsync(Viewer.Email, Viewer.Password);
        string session;
        using (signIn) session = SessionOf(signIn);
        using var viewerOnB = WithCookie(instances.B, session);

        // The demo's data end in October 2026: B has nothing for November.
        using (var request = ApiApp.Request(HttpMethod.Get, $"api/board?month={month}", instances.Key))
        using (var before = await instances.B.Client.SendAsync(request))
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Contains("data-testid=\"no-data\"", await viewerOnB.GetStringAsync(new Uri($"/?month={month}", UriKind.Relative)), StringComparison.Ordinal);

        // First contact resolution on two channels, partners and segments: the board pools them, 850 of 1,250 contacts.
        var rows = new[]
        {
            new { month, kpi = "FCR", channel = "VOICE", partner = "INHOUSE", segment = "CONSUMER", numerator = 700, denominator = 1000 },
            new { month, kpi = "FCR", channel = "CHAT", partner = "ATLAS", segment = "BUSINESS", numerator = 150, denominator = 250 },
        };
        using (var content = new StringContent(JsonSerializer.Serialize(rows), Encoding.UTF8, "application/json"))
        using (var request = ApiApp.Request(HttpMethod.Post, "api/measurements", instances.Key, content))
        using (var load = await instances.A.Client.SendAsync(request))
            Assert.Equal(HttpStatusCode.OK, load.StatusCode);

        using var read = ApiApp.Request(HttpMethod.Get, $"api/board?month={month}", instances.Key);
        using var after = await instances.B.Client.SendAsync(read);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        using var figures = JsonDocument.Parse(await after.Content.ReadAsStringAsync());
        var fcr = figures.RootElement.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("code").GetString() == "FCR");
        Assert.Equal(0.68, fcr.GetProperty("actual").GetDouble(), 12);

        var board = await viewerOnB.GetStringAsync(new Uri($"/?month={month}", UriKind.Relative));
        Assert.Contains($"data-month=\"{month}\"", board, StringComparison.Ordinal);
        Assert.Equal("68.0%", TileActual(board, "FCR"));
    }

    /// <summary>The session cookie a sign-in set, as a Cookie header's "name=value" (in chunks when it is large).</summary>
    private static string SessionOf(HttpResponseMessage signIn)
    {
        var cookies = signIn.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        var session = cookies.Select(c => c.Split(';', 2)[0]).Where(c => c.StartsWith(SessionCookie, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(session);
        return string.Join("; ", session);
    }

    /// <summary>A client of <paramref name="instance"/> that sends exactly this Cookie header, and keeps no cookies of its own.</summary>
    private static HttpClient WithCookie(RunningApp instance, string cookie)
    {
#pragma warning disable CA2000 // The client owns and disposes its handler.
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = instance.Client.BaseAddress };
#pragma warning restore CA2000
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>The big number of a KPI tile on the board's page.</summary>
    private static string TileActual(string board, string code)
    {
        var tile = board.IndexOf($"data-testid=\"kpi-{code}\"", StringComparison.Ordinal);
        Assert.True(tile >= 0, $"The board has no {code} tile.");
        var actual = board.IndexOf("data-testid=\"kpi-actual\"", tile, StringComparison.Ordinal);
        var start = board.IndexOf('>', actual) + 1;
        return WebUtility.HtmlDecode(board[start..board.IndexOf('<', start)]).Trim();
    }

    /// <summary>
    /// Two instances started at once over a database that does not exist yet (they create, migrate and seed it between
    /// them), and a ReadWrite API key an administrator would have created, put straight into the store.
    /// </summary>
    public sealed class TwoInstances : IAsyncLifetime
    {
        private TemporaryPostgresDatabase? _database;
        private ServiceProvider? _store;

        public RunningApp A { get; private set; } = default!;

        public RunningApp B { get; private set; } = default!;

        /// <summary>A ReadWrite key for the whole organisation.</summary>
        public string Key { get; private set; } = "";

        public async Task InitializeAsync()
        {
            // Skipped without a server, except on CI, where Reserve fails saying the server is missing.
            if (PostgresServer.ConnectionString is null && !PostgresServer.IsCi) return;
            _database = TemporaryPostgresDatabase.Reserve();
            A = new PostgresInstance(_database.ConnectionString);
            B = new PostgresInstance(_database.ConnectionString);
            await Task.WhenAll(A.InitializeAsync(), B.InitializeAsync());

            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "PostgreSql",
                ["Database:ConnectionString"] = _database.ConnectionString,
            }).Build();
            _store = new ServiceCollection().AddLogging().AddCxData(configuration, AppContext.BaseDirectory).BuildServiceProvider();
            Key = (await _store.GetRequiredService<ApiKeyStore>().CreateAsync("Genesys nightly export", ApiKeyAccess.ReadWrite, null, "admin@harbour.demo")).Secret;
        }

        public async Task DisposeAsync()
        {
            if (_database is null) return;
            if (A is not null) await A.DisposeAsync();
            if (B is not null) await B.DisposeAsync();
            if (_store is not null) await _store.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await _database.DisposeAsync();
        }
    }

    /// <summary>The app over the given PostgreSQL database.</summary>
    private sealed class PostgresInstance(string connectionString) : RunningApp
    {
        protected override Task<IReadOnlyDictionary<string, string>> SettingsAsync() =>
            Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>
            {
                ["Database__Provider"] = "PostgreSql",
                ["Database__ConnectionString"] = connectionString,
                ["Backups__Schedule"] = "off",
            });
    }
}
