using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CxDashboard.Data.Backups;

/// <summary>
/// The files of the backup folder. A backup is <c>cxdashboard-{UTC time}-{reason, shortened}.db</c>, with
/// its exact reason in a sidecar <c>{name}.json</c>; a backup being written is <c>{name}.{process id}.partial</c>,
/// so a backup that never finished can never be taken for one that did.
/// </summary>
internal sealed partial class BackupFolder(string path)
{
    private const string Prefix = "cxdashboard-";
    private const string Extension = ".db";
    private const string SidecarExtension = ".json";
    private const string PartialExtension = ".partial";
    private const string StampFormat = "yyyyMMdd'T'HHmmssfff";
    private const int MaxSlugLength = 40;

    // A partial file is stale once its process is gone, or after a day whatever its process: no backup takes that long.
    private static readonly TimeSpan s_partialLifetime = TimeSpan.FromDays(1);

    private static readonly string[] s_sqliteSuffixes = ["", "-wal", "-shm", "-journal"];

    /// <summary>The folder's absolute path.</summary>
    public string Path { get; } = path;

    /// <summary>The full path of a file in the folder.</summary>
    public string PathOf(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>The name of a new backup taken at <paramref name="created"/>, one that is not yet in the folder.</summary>
    public (string Name, DateTimeOffset Created) NewName(DateTimeOffset created, string reason)
    {
        var slug = Slug(reason);
        var at = new DateTimeOffset(created.UtcTicks - created.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        while (true)
        {
            var name = $"{Prefix}{at.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture)}Z{(slug.Length > 0 ? "-" + slug : "")}{Extension}";
            if (!File.Exists(PathOf(name)) && !File.Exists(PathOf(name + SidecarExtension))) return (name, at);
            at = at.AddMilliseconds(1);
        }
    }

    /// <summary>The name a backup is written under until it is complete, unique to this process.</summary>
    public static string PartialName(string name) =>
        $"{name}.{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}{PartialExtension}";

    /// <summary>The backups in the folder, newest first; files that do not look like a backup are left out.</summary>
    public IReadOnlyList<StoreBackup> List()
    {
        if (!Directory.Exists(Path)) return [];
        var backups = new List<StoreBackup>();
        foreach (var file in new DirectoryInfo(Path).EnumerateFiles(Prefix + "*" + Extension))
        {
            var match = BackupName().Match(file.Name);
            if (!match.Success) continue;
            if (!DateTime.TryParseExact(match.Groups["stamp"].Value, StampFormat, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var created)) continue;
            long size;
            try
            {
                size = file.Length;
            }
            catch (FileNotFoundException)
            {
                continue; // pruned while we looked
            }

            var slug = match.Groups["slug"].Value;
            var reason = ReadReason(file.FullName) ?? (slug.Length > 0 ? slug.Replace('-', ' ') : "unknown");
            backups.Add(new StoreBackup(file.Name, new DateTimeOffset(created, TimeSpan.Zero), size, reason));
        }

        return backups.OrderByDescending(b => b.Created).ThenByDescending(b => b.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Writes the sidecar with the exact reason, through a partial file so it is whole or absent.</summary>
    public void WriteReason(string name, string reason, DateTimeOffset created)
    {
        var sidecar = PathOf(name + SidecarExtension);
        var partial = PathOf(PartialName(name + SidecarExtension));
        var json = JsonSerializer.SerializeToUtf8Bytes(new BackupSidecar(reason, created));
        using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            stream.Write(json);
            stream.Flush(flushToDisk: true);
        }

        File.Move(partial, sidecar, overwrite: true);
    }

    /// <summary>Deletes a backup, its sidecar and any file SQLite left beside it.</summary>
    public void Delete(string name)
    {
        File.Delete(PathOf(name));
        File.Delete(PathOf(name + SidecarExtension));
        File.Delete(PathOf(name + "-wal"));
        File.Delete(PathOf(name + "-shm"));
    }

    /// <summary>
    /// Partial files left by a backup that did not finish (its process was killed, the disk filled up), and
    /// sidecars whose backup is gone. Partial files of this process count: backups in one process take turns,
    /// so none of them is being written while this is asked.
    /// </summary>
    public IReadOnlyList<string> StaleFiles(DateTimeOffset now)
    {
        if (!Directory.Exists(Path)) return [];
        var stale = new List<string>();
        foreach (var file in new DirectoryInfo(Path).EnumerateFiles(Prefix + "*"))
        {
            if (PartialOf(file.Name) is { } partial)
            {
                if (IsStalePartial(partial, file, now)) stale.Add(file.FullName);
            }
            else if (file.Name.EndsWith(Extension + SidecarExtension, StringComparison.Ordinal)
                     && !File.Exists(file.FullName[..^SidecarExtension.Length]))
            {
                stale.Add(file.FullName);
            }
        }

        return stale;
    }

    /// <summary>The partial file's name for a partial file or one of SQLite's files beside it (-wal, -shm, -journal).</summary>
    private static string? PartialOf(string fileName)
    {
        foreach (var suffix in s_sqliteSuffixes)
        {
            if (fileName.EndsWith(PartialExtension + suffix, StringComparison.Ordinal))
                return fileName[..^suffix.Length];
        }

        return null;
    }

    private static bool IsStalePartial(string partialName, FileInfo file, DateTimeOffset now)
    {
        if (now - file.LastWriteTimeUtc > s_partialLifetime) return true;
        var withoutExtension = partialName[..^PartialExtension.Length];
        var dot = withoutExtension.LastIndexOf('.');
        if (dot < 0 || !int.TryParse(withoutExtension[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var processId))
            return true;
        return processId == Environment.ProcessId || !IsRunning(processId);
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static string? ReadReason(string backupPath)
    {
        try
        {
            var json = File.ReadAllBytes(backupPath + SidecarExtension);
            var sidecar = JsonSerializer.Deserialize<BackupSidecar>(json);
            return string.IsNullOrWhiteSpace(sidecar?.Reason) ? null : sidecar.Reason;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            // A missing or damaged sidecar costs only the exact wording: the name still carries the reason.
            return null;
        }
    }

    /// <summary>Lower-case letters and digits of the reason, words joined by hyphens: "before-import-of-file-kpis-csv".</summary>
    private static string Slug(string reason)
    {
        var slug = new StringBuilder(MaxSlugLength);
        var pendingHyphen = false;
        foreach (var c in reason.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && slug.Length > 0) slug.Append('-');
                pendingHyphen = false;
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (char.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                pendingHyphen = true;
            }

            if (slug.Length >= MaxSlugLength) break;
        }

        var text = slug.ToString();
        return (text.Length > MaxSlugLength ? text[..MaxSlugLength] : text).TrimEnd('-');
    }

    [GeneratedRegex(@"^cxdashboard-(?<stamp>\d{8}T\d{9})Z(?:-(?<slug>[a-z0-9]+(?:-[a-z0-9]+)*))?\.db$", RegexOptions.CultureInvariant)]
    private static partial Regex BackupName();

    private sealed record BackupSidecar(string Reason, DateTimeOffset Created);
}
