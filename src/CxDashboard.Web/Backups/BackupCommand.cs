using CxDashboard.Data;
using CxDashboard.Data.Backups;

namespace CxDashboard.Web.Backups;

/// <summary>
/// The backup verbs, run with the app's settings and without starting the web app, whether or not the app is
/// running; each exits 0 when done, or 1 with one sentence on error.
/// <list type="bullet">
/// <item><c>dotnet CxDashboard.Web.dll backup ["reason"]</c> takes one backup of the store, for cron and for operators
/// before an upgrade. The store is only read: nothing is migrated or seeded.</item>
/// <item><c>dotnet CxDashboard.Web.dll restore NAME</c> restores the backup called NAME as the settings page does (a
/// "before restore" backup first, which undoes it); <c>restore</c> alone lists the backups, newest first.</item>
/// </list>
/// </summary>
public static class BackupCommand
{
    /// <summary>The command-line verb that takes a backup: "backup".</summary>
    public const string Verb = "backup";

    /// <summary>The command-line verb that restores a backup, or lists them: "restore".</summary>
    public const string RestoreVerb = "restore";

    /// <summary>True when the first argument is <see cref="Verb"/> or <see cref="RestoreVerb"/>.</summary>
    public static bool IsRequested(IReadOnlyList<string> args) =>
        args is { Count: > 0 } && (string.Equals(args[0], Verb, StringComparison.Ordinal) || string.Equals(args[0], RestoreVerb, StringComparison.Ordinal));

    /// <summary>Runs the verb and writes what it did; returns the process's exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(args);
        var restoring = args.Count > 0 && string.Equals(args[0], RestoreVerb, StringComparison.Ordinal);
        var argument = args.Count > 1 && !string.IsNullOrWhiteSpace(args[1]) && !args[1].StartsWith('-') ? args[1].Trim() : null;
        try
        {
            await using var services = new ServiceCollection()
                .AddLogging()
                .AddCxData(configuration, contentRoot)
                .AddCxBackups(configuration, contentRoot)
                .BuildServiceProvider();
            var backups = services.GetRequiredService<StoreBackups>();
            if (!restoring) return await BackUpAsync(backups, argument ?? "manual, from the command line");
            return argument is null ? await ListAsync(backups) : await RestoreAsync(backups, argument);
        }
        catch (Exception e) when (e is StartupException or BackupException)
        {
            await Console.Error.WriteLineAsync($"CxDashboard could not {(restoring ? "restore" : "back up")} the store: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> BackUpAsync(StoreBackups backups, string reason)
    {
        var backup = await backups.CreateAsync(reason);
        await Console.Out.WriteLineAsync(
            $"Backed up the store to {Path.Combine(backups.Plan.Folder, backup.Name)} ({BackupText.Size(backup.SizeBytes)}).");
        return 0;
    }

    private static async Task<int> ListAsync(StoreBackups backups)
    {
        if (backups.NotAvailableReason is { } reason) throw new BackupException(reason);
        var list = await backups.ListAsync();
        if (list.Count == 0)
        {
            await Console.Out.WriteLineAsync($"There are no backups in {backups.Plan.Folder}.");
            return 0;
        }

        await Console.Out.WriteLineAsync($"Backups in {backups.Plan.Folder}, newest first (restore one with: restore NAME):");
        var width = list.Max(b => b.Name.Length);
        foreach (var backup in list)
            await Console.Out.WriteLineAsync($"{backup.Name.PadRight(width)}  {BackupText.Created(backup.Created)}  {backup.Reason}");
        return 0;
    }

    private static async Task<int> RestoreAsync(StoreBackups backups, string name)
    {
        if (backups.NotAvailableReason is { } reason) throw new BackupException(reason);
        var list = await backups.ListAsync();
        if (!list.Any(b => string.Equals(b.Name, name, StringComparison.Ordinal)))
        {
            throw new BackupException(list.Count == 0
                ? $"There is no backup called \"{name}\": there are no backups in {backups.Plan.Folder}."
                : $"There is no backup called \"{name}\"; the backups are {string.Join(", ", list.Select(b => b.Name))}.");
        }

        var restore = await backups.RestoreAsync(name);
        await Console.Out.WriteLineAsync(
            $"Restored the store from the backup {restore.Restored.Name} (taken {BackupText.Created(restore.Restored.Created)}, {restore.Restored.Reason}); " +
            $"the store as it was is the backup {restore.Before.Name}: restore that one to undo this.");
        return 0;
    }
}
