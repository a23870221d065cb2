namespace CxDashboard.Data;

/// <summary>Which store the app uses and whether it fills an empty one with the demo organisation.</summary>
public sealed class DatabaseOptions
{
    /// <summary>The configuration section: "Database".</summary>
    public const string SectionName = "Database";

    /// <summary>"Sqlite" (default, embedded) or "PostgreSql".</summary>
    public string Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The connection string. Empty for SQLite means a file <c>cxdashboard.db</c> in <see cref="DataFolder"/>;
    /// required for PostgreSQL.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the SQLite file lives, relative to the app's content root unless absolute.</summary>
    public string DataFolder { get; set; } = "App_Data";

    /// <summary>Fill an empty store with the demo organisation on first start.</summary>
    public bool SeedDemoData { get; set; } = true;
}

/// <summary>The provider names <see cref="DatabaseOptions.Provider"/> accepts.</summary>
public static class DatabaseProvider
{
    /// <summary>The embedded default.</summary>
    public const string Sqlite = "Sqlite";

    /// <summary>PostgreSQL for scale-out.</summary>
    public const string PostgreSql = "PostgreSql";
}

/// <summary>
/// A start-up failure a person can fix: its message is one sentence naming the setting and the fix,
/// printed instead of a stack trace.
/// </summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
