using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CxDashboard.Data;

/// <summary>The store chosen by configuration, with its connection string checked before anything opens it.</summary>
public sealed class StoreConnection
{
    private StoreConnection(string provider, string connectionString, string description)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Description = description;
    }

    /// <summary><see cref="DatabaseProvider.Sqlite"/> or <see cref="DatabaseProvider.PostgreSql"/>.</summary>
    public string Provider { get; }

    /// <summary>The connection string in use.</summary>
    public string ConnectionString { get; }

    /// <summary>What a log line says about the store, without secrets ("SQLite file App_Data/cxdashboard.db").</summary>
    public string Description { get; }

    /// <summary>True on SQLite.</summary>
    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;

    /// <summary>
    /// Reads the options; a bad provider name or a malformed connection string throws a
    /// <see cref="StartupException"/> naming the setting and the fix.
    /// </summary>
    public static StoreConnection From(DatabaseOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provider = options.Provider?.Trim() ?? "";
        if (string.Equals(provider, DatabaseProvider.Sqlite, StringComparison.OrdinalIgnoreCase))
            return ForSqlite(options, contentRoot);
        if (string.Equals(provider, DatabaseProvider.PostgreSql, StringComparison.OrdinalIgnoreCase)
            || string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase)
            || string.Equals(provider, "Npgsql", StringComparison.OrdinalIgnoreCase))
            return ForPostgres(options);
        throw new StartupException(
            $"Database:Provider is \"{options.Provider}\", which is not a store CxDashboard knows: set it to \"{DatabaseProvider.Sqlite}\" (the embedded default) or \"{DatabaseProvider.PostgreSql}\".");
    }

    private static StoreConnection ForSqlite(DatabaseOptions options, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            var folder = Path.IsPathRooted(options.DataFolder) ? options.DataFolder : Path.Combine(contentRoot, options.DataFolder);
            var file = Path.Combine(folder, "cxdashboard.db");
            var builder = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true };
            return new StoreConnection(DatabaseProvider.Sqlite, builder.ToString(), $"SQLite file {file}");
        }

        try
        {
            var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
            if (string.IsNullOrWhiteSpace(builder.DataSource))
                throw new StartupException("Database:ConnectionString for SQLite has no Data Source: give the database file, e.g. \"Data Source=App_Data/cxdashboard.db\", or leave it empty to use Database:DataFolder.");
            if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
                builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
            return new StoreConnection(DatabaseProvider.Sqlite, builder.ToString(), $"SQLite file {builder.DataSource}");
        }
        catch (ArgumentException e)
        {
            throw new StartupException(
                $"Database:ConnectionString is not a valid SQLite connection string ({FirstSentence(e.Message)}): write it as \"Data Source=path/to/cxdashboard.db\".", e);
        }
    }

    private static StoreConnection ForPostgres(DatabaseOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new StartupException(
                "Database:ConnectionString is empty but Database:Provider is PostgreSql: set it to \"Host=...;Database=...;Username=...;Password=...\" (for example with the environment variable Database__ConnectionString).");
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
                throw new StartupException("Database:ConnectionString for PostgreSQL has no Host: add \"Host=your-server\".");
            if (string.IsNullOrWhiteSpace(builder.Database))
                throw new StartupException("Database:ConnectionString for PostgreSQL has no Database: add \"Database=cxdashboard\".");
            return new StoreConnection(DatabaseProvider.PostgreSql, builder.ConnectionString,
                $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}");
        }
        catch (ArgumentException e)
        {
            throw new StartupException(
                $"Database:ConnectionString is not a valid PostgreSQL connection string ({FirstSentence(e.Message)}): write it as \"Host=...;Database=...;Username=...;Password=...\".", e);
        }
    }

    /// <summary>Points EF Core at this store.</summary>
    public void Configure(DbContextOptionsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (IsSqlite)
            builder.UseSqlite(ConnectionString, o => o.CommandTimeout(60));
        else
            builder.UseNpgsql(ConnectionString);
    }

    /// <summary>A new context of the provider's own type, so that its migrations are the ones applied.</summary>
    public CxDbContext CreateContext() => IsSqlite
        ? new SqliteCxDbContext((DbContextOptions<SqliteCxDbContext>)Options)
        : new PostgresCxDbContext((DbContextOptions<PostgresCxDbContext>)Options);

    /// <summary>
    /// The contexts' options, built once: options are immutable, and every context the app opens (several for each page it
    /// shows) would otherwise build them again and have EF Core look up its internal services by comparing them.
    /// </summary>
    private DbContextOptions Options => _options ??= IsSqlite ? Build<SqliteCxDbContext>() : Build<PostgresCxDbContext>();

    private DbContextOptions? _options;

    private DbContextOptions<TContext> Build<TContext>()
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        Configure(builder);
        return builder.Options;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd('.');
    }
}
