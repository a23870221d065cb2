using CxDashboard.Data;
using CxDashboard.Data.Backups;

namespace CxDashboard.Web.Backups;

/// <summary>
/// <c>dotnet CxDashboard.Web.dll backup ["reason"]</c>: takes one backup of the store with the app's settings and
/// exits (0 when done, 1 with one sentence on error), without starting the web app; for cron and for
/// operators before an upgrade. The store is only read: nothing is migrated or seeded.
/// </summary>
public static class BackupCommand
{
    /// <summary>The command-line verb: "backup".</summary>
    public const string Verb = "backup";

    /// <summary>True when the first argument is <see cref="Verb"/>.</summary>
    public static bool IsRequested(IReadOnlyList<string> args) =>
        args is { Count: > 0 } && string.Equals(args[0], Verb, StringComparison.Ordinal);

    /// <summary>Takes the backup and writes where it went; returns the process's exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(args);
        var reason = args.Count > 1 && !string.IsNullOrWhiteSpace(args[1]) && !args[1].StartsWith('-') ? args[1] : "manual, from the command line";
        try
        {
            await using var services = new ServiceCollection()
                .AddLogging()
                .AddCxData(configuration, contentRoot)
                .AddCxBackups(configuration, contentRoot)
                .BuildServiceProvider();
            var backups = services.GetRequiredService<StoreBackups>();
            var backup = await backups.CreateAsync(reason);
            await Console.Out.WriteLineAsync(
                $"Backed up the store to {Path.Combine(backups.Plan.Folder, backup.Name)} ({BackupText.Size(backup.SizeBytes)}).");
            return 0;
        }
        catch (Exception e) when (e is StartupException or BackupException)
        {
            await Console.Error.WriteLineAsync($"CxDashboard could not back up the store: {e.Message}");
            return 1;
        }
    }
}
