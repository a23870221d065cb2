namespace CxDashboard.Testing;

/// <summary>
/// The PostgreSQL server the PostgreSQL tests run against: the connection string in
/// <c>CXDASHBOARD_TEST_POSTGRES</c>. Each test creates and drops a database of its own on it.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "CXDASHBOARD_TEST_POSTGRES";

    /// <summary>The server's connection string, or null when the variable is not set.</summary>
    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>True on a CI runner, which must run the PostgreSQL tests rather than skip them.</summary>
    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string; without one (only reached on CI, elsewhere the tests are skipped) the test fails.</summary>
    public static string RequireConnectionString() =>
        ConnectionString ?? throw new InvalidOperationException(
            $"CI must provide {Variable}: set it to a PostgreSQL connection string whose user may create databases, " +
            "e.g. \"Host=127.0.0.1;Database=cxdashboard_test;Username=postgres;Password=postgres\".");
}

/// <summary>
/// A test that needs PostgreSQL. Skipped when <c>CXDASHBOARD_TEST_POSTGRES</c> is not set, except on CI
/// (<c>CI=true</c>), where it runs and fails with a message saying CI must provide the variable.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.ConnectionString is null && !PostgresServer.IsCi)
            Skip = $"PostgreSQL tests need {PostgresServer.Variable} (a connection string to a server whose user may create databases).";
    }
}

/// <summary>An empty, uniquely named database on the server of <see cref="PostgresServer"/>, dropped on dispose.</summary>
public sealed class TemporaryPostgresDatabase : IAsyncDisposable
{
    private readonly string _server;

    private TemporaryPostgresDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>The database's name.</summary>
    public string Name { get; }

    /// <summary>A connection string to it.</summary>
    public string ConnectionString { get; }

    /// <summary>A unique name for a database that does not exist yet; dropped on dispose if something created it.</summary>
    public static TemporaryPostgresDatabase Reserve() =>
        new(PostgresServer.RequireConnectionString(), $"cxdashboard_test_{Guid.NewGuid():N}");

    /// <summary>Creates the database.</summary>
    public static async Task<TemporaryPostgresDatabase> CreateAsync()
    {
        var database = new TemporaryPostgresDatabase(PostgresServer.RequireConnectionString(), $"cxdashboard_test_{Guid.NewGuid():N}");
        await database.OnServerAsync($"CREATE DATABASE \"{database.Name}\"");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await using (var connection = new Npgsql.NpgsqlConnection(ConnectionString))
            Npgsql.NpgsqlConnection.ClearPool(connection);
        await OnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private async Task OnServerAsync(string sql)
    {
        var maintenance = new Npgsql.NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false };
        await using var connection = new Npgsql.NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
