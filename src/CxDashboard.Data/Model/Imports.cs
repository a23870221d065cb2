namespace CxDashboard.Data.Model;

/// <summary>
/// One load of measurements (a file on the data page or a batch through the API): who, when, how many rows and
/// what became of it. An import is written as Running before its rows and turns Committed in the same transaction
/// as they do, so after a crash a Running import is known to have stored nothing.
/// </summary>
public class MeasurementImport : IVersioned
{
    public long Id { get; set; }
    /// <inheritdoc />
    public uint Version { get; set; }
    /// <summary>The uploaded file's name, or the API batch's description.</summary>
    public required string FileName { get; set; }
    public ImportFormat Format { get; set; }
    public ImportSource Source { get; set; }
    /// <summary>The integration's API key name, for imports through the API.</summary>
    public string? ApiKeyName { get; set; }
    public required string UserName { get; set; }
    /// <summary>The partner the importing user or key was limited to; null for the organisation.</summary>
    public int? PartnerId { get; set; }
    /// <summary>SHA-256 of the content, hex: shows when the same file was loaded twice.</summary>
    public required string ContentHash { get; set; }
    public DateTime StartedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }
    public ImportStatus Status { get; set; }
    /// <summary>Rows in the file or batch.</summary>
    public int RowCount { get; set; }
    /// <summary>Rows added as new measurements.</summary>
    public int Inserted { get; set; }
    /// <summary>Rows that replaced the value of an existing measurement (same natural key).</summary>
    public int Updated { get; set; }
    /// <summary>The earliest and latest month in the import (year × 100 + month).</summary>
    public int? FirstMonth { get; set; }
    public int? LastMonth { get; set; }
    /// <summary>Why it failed or was interrupted, in words for the history table.</summary>
    public string? Message { get; set; }
    /// <summary>The backup taken just before the import (SQLite); null on PostgreSQL.</summary>
    public string? BackupName { get; set; }
    public DateTime? UndoneUtc { get; set; }
    public string? UndoneBy { get; set; }
}

/// <summary>What an import was read from.</summary>
public enum ImportFormat
{
    Csv,
    Xlsx,
    Json,
}

/// <summary>Where an import came in.</summary>
public enum ImportSource
{
    Page,
    Api,
}

/// <summary>What became of an import.</summary>
public enum ImportStatus
{
    /// <summary>Being written; after a restart, an import still Running stored nothing and is shown as interrupted.</summary>
    Running,
    /// <summary>All its rows are stored.</summary>
    Committed,
    /// <summary>Stopped by an error or a restart; none of its rows are stored.</summary>
    Failed,
    /// <summary>Committed, then undone: its new rows removed, the values it replaced put back.</summary>
    Undone,
}

/// <summary>
/// The values a measurement held before an import replaced them, so that the import can be undone.
/// Rows the import added have no entry here: undoing removes them.
/// </summary>
public class ImportReplacedValue
{
    public long ImportId { get; set; }
    public long MeasurementId { get; set; }
    public double Value { get; set; }
    public double? Numerator { get; set; }
    public double? Denominator { get; set; }
    public double? Weight { get; set; }
    public string? Note { get; set; }
    /// <summary>The import that had written the replaced value; null when it was entered by hand or seeded.</summary>
    public long? PreviousImportId { get; set; }
}

/// <summary>
/// A change to a locked baseline: the old and new value and period, why, who and from which month it applies.
/// The KPI chart draws each as an event marker.
/// </summary>
public class BaselineRevision
{
    public int Id { get; set; }
    public int BaselineId { get; set; }
    public DateTime AtUtc { get; set; }
    public required string UserName { get; set; }
    /// <summary>The month from which the new baseline applies (year × 100 + month).</summary>
    public int EffectiveMonth { get; set; }
    public double OldValue { get; set; }
    public double NewValue { get; set; }
    public int OldPeriodStart { get; set; }
    public int OldPeriodEnd { get; set; }
    public int NewPeriodStart { get; set; }
    public int NewPeriodEnd { get; set; }
    /// <summary>Why the baseline changed; required.</summary>
    public required string Reason { get; set; }

    public Baseline? Baseline { get; set; }
}

/// <summary>
/// A key an integration uses to call the API. Only a hash of the secret is kept; the secret is shown once,
/// when the key is created. A revoked key stays listed, unusable.
/// </summary>
public class ApiKey : IVersioned
{
    public int Id { get; set; }
    /// <inheritdoc />
    public uint Version { get; set; }
    /// <summary>What the integration is ("Genesys nightly export").</summary>
    public required string Name { get; set; }
    /// <summary>The key's first characters, shown in lists so that people can tell keys apart.</summary>
    public required string Prefix { get; set; }
    /// <summary>SHA-256 of the whole secret, hex. Keys are long random strings, so a fast hash suffices.</summary>
    public required string SecretHash { get; set; }
    public ApiKeyAccess Access { get; set; }
    /// <summary>The partner whose rows alone the key reads and writes; null for the organisation.</summary>
    public int? PartnerId { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
    public string? RevokedBy { get; set; }
    public DateTime? LastUsedUtc { get; set; }
}

/// <summary>What an API key may do.</summary>
public enum ApiKeyAccess
{
    /// <summary>Read the board.</summary>
    Read,
    /// <summary>Read the board and load measurements.</summary>
    ReadWrite,
}
