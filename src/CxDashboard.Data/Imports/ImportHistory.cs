using CxDashboard.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Data.Imports;

/// <summary>One import as the history table shows it.</summary>
/// <param name="Id">The import's number ("import #7").</param>
/// <param name="FileName">The uploaded file's name, or the API batch's description.</param>
/// <param name="Format">CSV, XLSX or JSON.</param>
/// <param name="Source">The data page or the API.</param>
/// <param name="ApiKeyName">The API key that sent it, for the API.</param>
/// <param name="UserName">Who loaded it.</param>
/// <param name="StartedUtc">When it started.</param>
/// <param name="FinishedUtc">When it was committed or failed; null while running.</param>
/// <param name="Status">Running, Committed, Failed or Undone.</param>
/// <param name="RowCount">Rows in the file or batch.</param>
/// <param name="Inserted">Rows it added.</param>
/// <param name="Updated">Rows whose stored value it replaced.</param>
/// <param name="FirstMonth">The earliest month, "YYYY-MM".</param>
/// <param name="LastMonth">The latest month, "YYYY-MM".</param>
/// <param name="Message">Why it failed or was interrupted.</param>
/// <param name="BackupName">The backup taken just before it (SQLite).</param>
/// <param name="UndoneUtc">When it was undone.</param>
/// <param name="UndoneBy">Who undid it.</param>
/// <param name="CanUndo">True when it is committed and every row it wrote still holds its value.</param>
public sealed record ImportSummary(
    long Id,
    string FileName,
    ImportFormat Format,
    ImportSource Source,
    string? ApiKeyName,
    string UserName,
    DateTime StartedUtc,
    DateTime? FinishedUtc,
    ImportStatus Status,
    int RowCount,
    int Inserted,
    int Updated,
    string? FirstMonth,
    string? LastMonth,
    string? Message,
    string? BackupName,
    DateTime? UndoneUtc,
    string? UndoneBy,
    bool CanUndo);

/// <summary>The imports, newest first, as the current actor may see them (a partner user sees their partner's).</summary>
public sealed class ImportHistory(IDbContextFactory<CxDbContext> contexts)
{
    private readonly IDbContextFactory<CxDbContext> _contexts = contexts;

    /// <summary>
    /// The newest <paramref name="take"/> imports, newest first, through the current actor's context (a partner user
    /// sees their partner's imports only).
    /// </summary>
    public async Task<IReadOnlyList<ImportSummary>> RecentAsync(int take = 50, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await using var db = await _contexts.CreateDbContextAsync(ct);
        var imports = await db.Imports.AsNoTracking()
            .OrderByDescending(i => i.StartedUtc).ThenByDescending(i => i.Id)
            .Take(take)
            .ToListAsync(ct);

        // An import can be undone while every row it wrote still holds its value: as many rows carry its id as it wrote.
        var committed = imports.Where(i => i.Status == ImportStatus.Committed).Select(i => i.Id).ToList();
        var holding = committed.Count == 0
            ? []
            : await db.Measurements.IgnoreQueryFilters()
                .Where(m => m.ImportId != null && committed.Contains(m.ImportId.Value))
                .GroupBy(m => m.ImportId!.Value)
                .Select(g => new { ImportId = g.Key, Rows = g.Count() })
                .ToDictionaryAsync(g => g.ImportId, g => g.Rows, ct);

        return imports.Select(i => new ImportSummary(
            i.Id, i.FileName, i.Format, i.Source, i.ApiKeyName, i.UserName, i.StartedUtc, i.FinishedUtc, i.Status,
            i.RowCount, i.Inserted, i.Updated, Month(i.FirstMonth), Month(i.LastMonth), i.Message, i.BackupName, i.UndoneUtc, i.UndoneBy,
            i.Status == ImportStatus.Committed && holding.GetValueOrDefault(i.Id) == i.Inserted + i.Updated)).ToList();
    }

    private static string? Month(int? month) => month is { } m ? RowChecker.Format(m) : null;
}
