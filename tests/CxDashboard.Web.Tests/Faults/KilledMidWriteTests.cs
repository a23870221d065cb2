using CxDashboard.Testing;
using Microsoft.Data.Sqlite;

namespace CxDashboard.Web.Tests.Faults;

/// <summary>
/// The app killed outright (SIGKILL, no chance to clean up) in the middle of writing the demo organisation into a
/// new store: afterwards the store holds all of it or none of it, opens cleanly, passes SQLite's integrity check,
/// and the next start finishes the job.
/// </summary>
public sealed class KilledMidWriteTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cxdashboard-killed-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string StoreFile => Path.Combine(_folder, "cxdashboard.db");

    [Theory]
    [InlineData(0)]
    [InlineData(150)]
    [InlineData(400)]
    public async Task Killed_while_seeding_the_store_holds_all_of_it_or_none_and_opens_cleanly(int afterMilliseconds)
    {
        // Killed at different moments after the app says it starts seeding: before, during and after the big insert.
        using (var app = Start())
        {
            await app.WaitForOutputAsync("adding the demo organisation", AppProcess.StartWithin);
            await Task.Delay(afterMilliseconds);
            app.Kill();
        }

        var (measurements, initiatives, settings) = Counts();
        Assert.True(
            (measurements, initiatives, settings) is (0, 0, 0) || (measurements > 2_000 && initiatives == 3 && settings == 1),
            $"A half-written store: {measurements} measurements, {initiatives} initiatives, {settings} settings rows.");
        Assert.Equal("ok", IntegrityCheck());

        // The next start opens the store and ends with the whole demo organisation.
        using (var again = Start())
            await again.WaitForOutputAsync("Now listening on", AppProcess.StartWithin);

        var (after, afterInitiatives, afterSettings) = Counts();
        Assert.True(after > 2_000);
        Assert.Equal(3, afterInitiatives);
        Assert.Equal(1, afterSettings);
        Assert.Equal("ok", IntegrityCheck());
    }

    private AppProcess Start() => AppProcess.Launch(_folder, new Dictionary<string, string> { ["Backups__Schedule"] = "off" });

    private (long Measurements, long Initiatives, long Settings) Counts()
    {
        using var connection = Open();
        long Count(string table)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'";
            if ((long)command.ExecuteScalar()! == 0) return 0;
            command.CommandText = $"SELECT count(*) FROM \"{table}\"";
            return (long)command.ExecuteScalar()!;
        }

        return (Count("Measurements"), Count("Initiatives"), Count("Settings"));
    }

    private string IntegrityCheck()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = StoreFile, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
