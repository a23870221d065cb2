namespace CxDashboard.Data.Model;

/// <summary>
/// A row people edit, guarded against lost updates: a save succeeds only when the row still has the version the
/// editor loaded. On SQLite the store raises the version on every update; on PostgreSQL it is the row's
/// <c>xmin</c>, which the server changes by itself.
/// </summary>
public interface IVersioned
{
    /// <summary>The version the row had when it was read.</summary>
    uint Version { get; set; }
}
