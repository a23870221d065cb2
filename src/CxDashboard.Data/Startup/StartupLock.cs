using Npgsql;

namespace CxDashboard.Data.Startup;

/// <summary>
/// One app instance at a time migrates and seeds a PostgreSQL store: a session-level advisory lock held on a
/// connection of its own (not pooled) for as long as start-up writes. A second instance started at the same moment
/// waits, then finds the store up to date and filled. The lock goes with its session, so an instance that dies while
/// holding it releases it. SQLite is one instance's embedded file: there is nothing to take.
/// </summary>
internal sealed class StartupLock : IAsyncDisposable
{
    // "CxStartu": apart from the importer's lock ("CxImport"), so an import never waits for a start-up nor the reverse.
    private const long Key = 0x4378_5374_6172_7475;

    private readonly NpgsqlConnection? _connection;

    private StartupLock(NpgsqlConnection? connection) => _connection = connection;

    /// <summary>
    /// Takes the lock of the store reached with <paramref name="store"/>, waiting as long as another instance holds
    /// it; <paramref name="waiting"/> is called once when it has to wait.
    /// </summary>
    public static async Task<StartupLock> TakeAsync(StoreConnection store, Action waiting, CancellationToken cancellationToken)
    {
        if (store.IsSqlite) return new StartupLock(null);
        var own = new NpgsqlConnectionStringBuilder(store.ConnectionString) { Pooling = false, Enlist = false };
        var connection = new NpgsqlConnection(own.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (!await ScalarAsync<bool>(connection, $"SELECT pg_try_advisory_lock({Key})", cancellationToken))
            {
                waiting();
                await ScalarAsync<object>(connection, $"SELECT pg_advisory_lock({Key})", cancellationToken);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return new StartupLock(connection);
    }

    /// <summary>Releases the lock and closes its session (closing alone would release it too).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_connection is null) return;
        try
        {
            await ScalarAsync<object>(_connection, $"SELECT pg_advisory_unlock({Key})", CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The session is gone already, and its lock with it.
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        // No command timeout: the other instance's migrations and seeding take as long as they take.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
