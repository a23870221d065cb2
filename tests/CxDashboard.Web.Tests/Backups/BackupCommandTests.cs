using System.Diagnostics;
using CxDashboard.Data.Backups;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Web.Tests.Backups;

/// <summary>
/// <c>dotnet CxDashboard.Web.dll backup</c> in a real child process: it takes one backup and exits, and a backup
/// killed (SIGKILL) in the middle of its copy leaves no backup, only a partial file that the next backup removes,
/// and a store that opens and is intact.
/// </summary>
public sealed class BackupCommandTests
{
    [Fact]
    public async Task The_backup_verb_takes_one_backup_and_exits()
    {
        await using var store = await BackupStore.CreateAsync();

        using var app = StartBackup(store, "before upgrade to 2.0");
        var (exit, output) = await WaitAsync(app);

        Assert.Equal(0, exit);
        var backup = Assert.Single(await store.ListAsync());
        Assert.Equal("before upgrade to 2.0", backup.Reason);
        Assert.StartsWith($"Backed up the store to {Path.Combine(store.BackupFolder, backup.Name)} (", output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_backup_verb_without_a_store_says_so_and_exits_with_1()
    {
        await using var store = await BackupStore.CreateAsync();
        File.Delete(store.FilePath);

        using var app = StartBackup(store);
        var (exit, output) = await WaitAsync(app);

        Assert.Equal(1, exit);
        Assert.Equal(
            $"CxDashboard could not back up the store: There is no store to back up: the file {store.FilePath} does not exist. Start the app once to create it, or check Database:ConnectionString.",
            output.Trim());
        Assert.False(File.Exists(store.FilePath));
    }

    [Fact]
    public async Task A_backup_killed_in_the_middle_leaves_no_backup_and_an_intact_store()
    {
        await using var store = await BackupStore.CreateAsync();
        const long rows = 200_000;
        await using (var connection = store.Open())
        {
            // About 200 MB in one transaction, so that the copy takes long enough to be caught in the middle.
            BackupStore.Scalar(connection,
                "BEGIN; CREATE TABLE bulk (id INTEGER PRIMARY KEY, payload BLOB NOT NULL); " +
                $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows}) INSERT INTO bulk (payload) SELECT randomblob(1000) FROM n; COMMIT;");
        }

        using var app = StartBackup(store, "nightly");
        var partial = await WaitForPartialFileAsync(store, app, atLeast: 20_000_000);
        app.Kill(); // SIGKILL on Linux: no finally block, no clean-up runs
        await app.WaitForExitAsync();

        Assert.NotEqual(0, app.ExitCode);
        // Caught in the middle: the partial copy is there and holds part of the store.
        Assert.True(File.Exists(partial));
        Assert.InRange(new FileInfo(partial).Length, 20_000_000, new FileInfo(store.FilePath).Length - 1);
        Assert.Empty(await store.ListAsync());
        await using (var connection = store.Open())
        {
            Assert.Equal("ok", BackupStore.Scalar(connection, "PRAGMA integrity_check"));
            Assert.Equal(rows, BackupStore.Scalar(connection, "SELECT count(*) FROM bulk"));
        }

        await using var services = store.BuildServices();
        var backup = await services.GetRequiredService<StoreBackups>().CreateAsync("manual");

        Assert.False(File.Exists(partial));
        Assert.Equal([backup.Name], (await store.ListAsync()).Select(b => b.Name));
        Assert.DoesNotContain(Directory.GetFiles(store.BackupFolder), f => f.Contains(".partial", StringComparison.Ordinal));
        await using (var copy = BackupStore.OpenFile(Path.Combine(store.BackupFolder, backup.Name)))
        {
            Assert.Equal("ok", BackupStore.Scalar(copy, "PRAGMA integrity_check"));
            Assert.Equal(rows, BackupStore.Scalar(copy, "SELECT count(*) FROM bulk"));
        }
    }

    private static Process StartBackup(BackupStore store, string? reason = null)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "CxDashboard.Web.dll");
        var start = new ProcessStartInfo("dotnet", reason is null ? [app, "backup"] : [app, "backup", reason])
        {
            WorkingDirectory = store.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in store.Settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return Process.Start(start)!;
    }

    private static async Task<(int Exit, string Output)> WaitAsync(Process app)
    {
        var stdout = app.StandardOutput.ReadToEndAsync();
        var stderr = app.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await app.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            app.Kill(entireProcessTree: true);
            throw new InvalidOperationException("The backup command did not exit.");
        }

        return (app.ExitCode, await stderr + await stdout);
    }

    /// <summary>Watches the backup folder until the child's partial file holds <paramref name="atLeast"/> bytes, and returns its path.</summary>
    private static async Task<string> WaitForPartialFileAsync(BackupStore store, Process app, long atLeast)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (Directory.Exists(store.BackupFolder)
                && Directory.EnumerateFiles(store.BackupFolder, "*.partial").FirstOrDefault() is { } partial
                && Length(partial) >= atLeast)
                return partial;
            if (app.HasExited)
                throw new InvalidOperationException(
                    $"The backup finished (exit code {app.ExitCode}) before it could be killed: {await app.StandardError.ReadToEndAsync()}{await app.StandardOutput.ReadToEndAsync()}");
            Thread.Sleep(1);
        }

        throw new TimeoutException("The backup never started.");
    }

    private static long Length(string file)
    {
        try
        {
            return new FileInfo(file).Length;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
    }
}
