using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using CxDashboard.Data.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CxDashboard.Data.Tests;

/// <summary>A store that cannot be used stops the start with one sentence naming the setting and the fix, and is left as it was.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task An_unknown_provider_names_Database_Provider_and_the_providers_known()
    {
        var error = await StartFailsAsync(new() { ["Database:Provider"] = "Oracle" });

        Assert.Contains("Database:Provider", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"Oracle\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("set it to \"Sqlite\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"PostgreSql\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_SQLite_connection_string_names_Database_ConnectionString_and_its_form()
    {
        var error = await StartFailsAsync(new() { ["Database:Provider"] = "Sqlite", ["Database:ConnectionString"] = "Data Sauce=x" });

        Assert.Contains("Database:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a valid SQLite connection string", error.Message, StringComparison.Ordinal);
        Assert.Contains("Data Source=", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgreSQL_without_a_connection_string_names_Database_ConnectionString_and_its_form()
    {
        var error = await StartFailsAsync(new() { ["Database:Provider"] = "PostgreSql", ["Database:ConnectionString"] = "" });

        Assert.Contains("Database:ConnectionString is empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("Host=...;Database=...", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hots=db.example.com;Database=cxdashboard")]
    [InlineData("this is not a connection string")]
    public async Task A_malformed_PostgreSQL_connection_string_names_Database_ConnectionString_and_its_form(string connectionString)
    {
        var error = await StartFailsAsync(new() { ["Database:Provider"] = "PostgreSql", ["Database:ConnectionString"] = connectionString });

        Assert.Contains("Database:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL connection string", error.Message, StringComparison.Ordinal);
        Assert.Contains("Host=...;Database=...", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_SQLite_file_that_is_not_a_database_is_reported_and_left_untouched()
    {
        await using var store = new SqliteTestStore();
        var bytes = new byte[64 * 1024];
        new Random(7).NextBytes(bytes);
        await File.WriteAllBytesAsync(store.FilePath, bytes);

        var error = await Assert.ThrowsAsync<StartupException>(async () => await store.StartAsync());
        await store.StopAsync();

        Assert.Contains("cannot be opened", error.Message, StringComparison.Ordinal);
        Assert.Contains("Database:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("move the file away", error.Message, StringComparison.Ordinal);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(store.FilePath));
        Assert.Equal([Path.GetFileName(store.FilePath)], Directory.GetFiles(store.ContentRoot).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_store_written_by_a_newer_version_stops_the_start_and_is_left_unchanged()
    {
        await using var store = new SqliteTestStore();
        IReadOnlyDictionary<string, int> counts;
        await using (var db = (await store.StartAsync()).Context())
            counts = await StoreContents.RowCountsAsync(db);
        await store.StopAsync();
        await using (var connection = new SqliteConnection($"Data Source={store.FilePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29990101000000_FromTheFuture', '99.0.0')";
            await command.ExecuteNonQueryAsync();
        }

        var before = await File.ReadAllBytesAsync(store.FilePath);

        var error = await Assert.ThrowsAsync<StartupException>(async () => await store.StartAsync());
        await store.StopAsync();

        Assert.Contains("newer version", error.Message, StringComparison.Ordinal);
        Assert.Contains("29990101000000_FromTheFuture", error.Message, StringComparison.Ordinal);
        Assert.Contains("Database:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(store.FilePath));
        await using var after = store.Services().Context();
        Assert.Equal(counts, await StoreContents.RowCountsAsync(after));
    }

    [Fact]
    public async Task A_pending_migration_that_cannot_be_applied_stops_the_start_and_leaves_the_store_as_it_was()
    {
        await using var store = new SqliteTestStore();
        // A store of the first version, with the demo data, and a table in the way of the next migration.
        await using (var db = store.Services().Context())
        {
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(
                db.Database.GetMigrations().First(m => m.EndsWith("_Initial", StringComparison.Ordinal)));
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE \"AuditEntries\" (\"Note\" TEXT)");
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"AuditEntries\" VALUES ('kept by hand')");
        }

        await store.StopAsync();
        var before = await TablesAsync(store.FilePath);

        var error = await Assert.ThrowsAsync<StartupException>(async () => await store.StartAsync());
        await store.StopAsync();

        Assert.Contains("could not be brought up to date", error.Message, StringComparison.Ordinal);
        Assert.Contains("restore it from a backup", error.Message, StringComparison.Ordinal);
        // Nothing of the failed migration stayed behind: the same tables, the same history.
        Assert.Equal(before, await TablesAsync(store.FilePath));
    }

    private static async Task<string> TablesAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type IN ('table', 'index', 'trigger') ORDER BY name)
            UNION ALL SELECT group_concat("MigrationId", ',') FROM "__EFMigrationsHistory"
            """;
        await using var reader = await command.ExecuteReaderAsync();
        var parts = new List<string>();
        while (await reader.ReadAsync()) parts.Add(reader.IsDBNull(0) ? "" : reader.GetString(0));
        return string.Join(" | ", parts);
    }

    private static async Task<StartupException> StartFailsAsync(Dictionary<string, string?> settings)
    {
        var contentRoot = Directory.CreateTempSubdirectory("cxdashboard-data-tests-");
        try
        {
            var error = await Assert.ThrowsAsync<StartupException>(() => StoreServices.StartOnceAsync(settings, contentRoot.FullName));
            // Nothing is created for a setting that is wrong.
            Assert.Empty(contentRoot.EnumerateFileSystemInfos());
            return error;
        }
        finally
        {
            contentRoot.Delete(recursive: true);
        }
    }
}
