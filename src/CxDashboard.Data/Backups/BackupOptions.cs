using System.Globalization;

namespace CxDashboard.Data.Backups;

/// <summary>Where backups of the SQLite store are kept, when the scheduled one is taken and how many are kept.</summary>
public sealed class BackupOptions
{
    /// <summary>The configuration section: "Backups".</summary>
    public const string SectionName = "Backups";

    /// <summary>The backup folder, relative to <see cref="DatabaseOptions.DataFolder"/> unless absolute.</summary>
    public string Folder { get; set; } = "backups";

    /// <summary>The local time of day the scheduled backup is taken ("02:00"), or "off".</summary>
    public string Schedule { get; set; } = "02:00";

    /// <summary>How many backups are kept; older ones are deleted after each new backup.</summary>
    public int Keep { get; set; } = 14;
}

/// <summary>The backup settings checked and resolved: an absolute folder, the daily time, how many to keep.</summary>
/// <param name="Folder">The absolute path of the backup folder.</param>
/// <param name="Schedule">When the scheduled backup runs.</param>
/// <param name="Keep">How many backups are kept, at least 1.</param>
public sealed record BackupPlan(string Folder, BackupSchedule Schedule, int Keep)
{
    /// <summary>
    /// Resolves the folder against the data folder and the content root, and checks the schedule and the count;
    /// a wrong setting throws a <see cref="StartupException"/> naming it and the fix.
    /// </summary>
    public static BackupPlan From(BackupOptions options, DatabaseOptions database, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(database);
        if (options.Keep < 1)
            throw new StartupException(
                $"Backups:Keep is {options.Keep.ToString(CultureInfo.InvariantCulture)}: set it to how many backups to keep, 1 or more (the default is 14).");
        if (string.IsNullOrWhiteSpace(options.Folder))
            throw new StartupException("Backups:Folder is empty: leave it out to keep backups in \"backups\" under Database:DataFolder, or name a folder the app may write to.");

        var dataFolder = Path.IsPathRooted(database.DataFolder) ? database.DataFolder : Path.Combine(contentRoot, database.DataFolder);
        var folder = Path.GetFullPath(Path.IsPathRooted(options.Folder) ? options.Folder : Path.Combine(dataFolder, options.Folder));
        return new BackupPlan(folder, BackupSchedule.Parse(options.Schedule), options.Keep);
    }
}

/// <summary>A daily time of day, in the server's local time, or no scheduled backup at all.</summary>
public sealed record BackupSchedule
{
    private static readonly string[] s_formats = ["H:mm", "HH:mm"];

    private BackupSchedule(TimeOnly? dailyAt) => DailyAt = dailyAt;

    /// <summary>The time of day the backup is taken; null when scheduled backups are off.</summary>
    public TimeOnly? DailyAt { get; }

    /// <summary>True when no scheduled backup is taken.</summary>
    public bool IsOff => DailyAt is null;

    /// <summary>No scheduled backup.</summary>
    public static BackupSchedule Off { get; } = new((TimeOnly?)null);

    /// <summary>Every day at <paramref name="time"/>, local time.</summary>
    public static BackupSchedule Daily(TimeOnly time) => new(time);

    /// <summary>"02:00" (24-hour clock, local time) or "off"; anything else throws a <see cref="StartupException"/>.</summary>
    public static BackupSchedule Parse(string? text)
    {
        var value = text?.Trim() ?? "";
        if (string.Equals(value, "off", StringComparison.OrdinalIgnoreCase)) return Off;
        if (TimeOnly.TryParseExact(value, s_formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return Daily(time);
        throw new StartupException(
            $"Backups:Schedule is \"{text}\", which is not a time of day: write it as HH:mm on a 24-hour clock in the server's local time (the default is \"02:00\"), or \"off\" for no scheduled backup.");
    }

    /// <summary>
    /// The first moment after <paramref name="now"/> at which the local clock of <paramref name="zone"/> reads
    /// <see cref="DailyAt"/>; null when off. On a day the clock skips that time (summer time starts), the
    /// backup runs when the clock springs forward; on a day it reads it twice, it runs the first time.
    /// </summary>
    public DateTimeOffset? NextAfter(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (DailyAt is not { } at) return null;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        for (var day = today.AddDays(-1); ; day = day.AddDays(1))
        {
            var local = day.ToDateTime(at, DateTimeKind.Unspecified);
            var instant = ToInstant(local, zone);
            if (instant > now) return instant;
        }
    }

    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local))
        {
            // The hour that does not exist: run at the first minute that does.
            while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var first = offsets.Max(); // the earlier instant has the larger offset
            return new DateTimeOffset(local, first);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
