using System.Globalization;

namespace CxDashboard.Web.Backups;

/// <summary>How a backup's size and time are written: "12.4 MB", "2026-11-24 02:00 UTC".</summary>
public static class BackupText
{
    /// <summary>The size in bytes, kB, MB or GB (powers of 1,000), with one decimal above a kilobyte.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1_000 => bytes.ToString(CultureInfo.InvariantCulture) + (bytes == 1 ? " byte" : " bytes"),
        < 999_950 => Scaled(bytes, 1e3, "kB"),
        < 999_950_000 => Scaled(bytes, 1e6, "MB"),
        _ => Scaled(bytes, 1e9, "GB"),
    };

    /// <summary>When a backup was taken, in UTC: the server's clock and the reader's may be in different zones.</summary>
    public static string Created(DateTimeOffset created) =>
        created.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Scaled(long bytes, double unit, string name) =>
        (bytes / unit).ToString("0.0", CultureInfo.InvariantCulture) + " " + name;
}
