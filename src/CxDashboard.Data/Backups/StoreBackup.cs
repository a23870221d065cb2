namespace CxDashboard.Data.Backups;

/// <summary>One backup of the store in the backup folder.</summary>
/// <param name="Name">The file name, which is also how a restore names it ("cxdashboard-20261124T020000000Z-nightly.db").</param>
/// <param name="Created">When it was taken, in UTC.</param>
/// <param name="SizeBytes">The file's size.</param>
/// <param name="Reason">Why it was taken: "nightly", "manual", "before import of file kpis.csv", "before restore of …".</param>
public sealed record StoreBackup(string Name, DateTimeOffset Created, long SizeBytes, string Reason);

/// <summary>A restore that went through.</summary>
/// <param name="Restored">The backup the store now holds.</param>
/// <param name="Before">The backup of the store as it was just before, which undoes the restore.</param>
public sealed record BackupRestore(StoreBackup Restored, StoreBackup Before);

/// <summary>
/// A backup or restore that was refused or failed, with a message a person can act on (what was wrong and
/// what to do). A refused restore leaves the store as it was.
/// </summary>
public sealed class BackupException : Exception
{
    public BackupException()
    {
    }

    public BackupException(string message) : base(message)
    {
    }

    public BackupException(string message, Exception inner) : base(message, inner)
    {
    }
}
