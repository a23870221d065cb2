using System.Net;
using CxDashboard.Testing;
using CxDashboard.Web.Access;
using CxDashboard.Web.Tests.Hosting;

namespace CxDashboard.Web.Tests.Access;

/// <summary>The real app on PostgreSQL: users, roles and the session cookie's keys live in that store too.</summary>
public sealed class PostgresSignInTests(PostgresSignInTests.PostgresApp app) : IClassFixture<PostgresSignInTests.PostgresApp>
{
    [PostgresFact]
    public async Task A_demo_user_signs_in_and_reads_the_board_on_postgresql()
    {
        var editor = AccessSeeder.DemoUsers.Single(u => u.Email.StartsWith("editor", StringComparison.Ordinal));

        var (client, signIn) = await app.SignInAsync(editor.Email, editor.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var board = await client.GetStringAsync(new Uri("/?month=2026-10", UriKind.Relative));
        Assert.Contains("Marco Diaz, CX Manager", board, StringComparison.Ordinal);
        using var audit = await client.GetAsync(new Uri("/audit", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        var (_, wrong) = await app.SignInAsync(editor.Email, "not the password");
        Assert.Contains("The e-mail address or the password is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The app over a database of its own on the test PostgreSQL server; nothing starts without one.</summary>
    public sealed class PostgresApp : RunningApp
    {
        private TemporaryPostgresDatabase? _database;

        public override Task InitializeAsync() => PostgresServer.ConnectionString is null ? Task.CompletedTask : base.InitializeAsync();

        public override async Task DisposeAsync()
        {
            if (_database is null) return;
            await base.DisposeAsync();
            await _database.DisposeAsync();
        }

        protected override Task<IReadOnlyDictionary<string, string>> SettingsAsync()
        {
            _database = TemporaryPostgresDatabase.Reserve();
            return Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>
            {
                ["Database__Provider"] = "PostgreSql",
                ["Database__ConnectionString"] = _database.ConnectionString,
                ["Backups__Schedule"] = "off",
            });
        }
    }
}
