namespace CxDashboard.Data.Auditing;

/// <summary>What happened to a row.</summary>
public enum AuditAction
{
    Added,
    Modified,
    Deleted,
}

/// <summary>
/// One change to one row, written by the store itself in the same transaction as the change. Entries are only
/// ever added: the app refuses to change or delete one, and the database refuses it too (triggers).
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    /// <summary>When the change was saved, UTC.</summary>
    public DateTime AtUtc { get; set; }
    /// <summary>Who made it: a user name, an integration, or "system".</summary>
    public required string UserName { get; set; }
    /// <summary>The kind of row ("Initiative", "Measurement", "User").</summary>
    public required string Entity { get; set; }
    /// <summary>The row's key ("12"; "2025-03 CPC VOICE" for natural keys is left to the reader of Changes).</summary>
    public required string EntityKey { get; set; }
    public AuditAction Action { get; set; }
    /// <summary>
    /// The changed fields as JSON: <c>[{"field":"Amount","old":"5000","new":"6000"}]</c>; a secret field (a password
    /// hash, a key) shows as changed without its values.
    /// </summary>
    public required string Changes { get; set; }
    /// <summary>The import the change came with, when it did.</summary>
    public long? ImportId { get; set; }
}
