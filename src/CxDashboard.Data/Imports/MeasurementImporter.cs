using CxDashboard.Data.Backups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CxDashboard.Data.Imports;

/// <summary>
/// Reads measurement files (CSV, XLSX) and API batches (CSV bodies, JSON arrays), checks every row, and commits a
/// batch that passed all-or-nothing: the values it replaces are kept so that the import can be undone.
/// One import runs at a time per store. Registered as a singleton by <c>AddCxData</c>.
/// </summary>
public sealed partial class MeasurementImporter
{
    private readonly StoreConnection _store;
    private readonly IDbContextFactory<CxDbContext> _contexts;
    private readonly StoreBackups _backups;
    private readonly TimeProvider _time;
    private readonly ILogger<MeasurementImporter> _logger;

    public MeasurementImporter(
        StoreConnection store,
        IDbContextFactory<CxDbContext> contexts,
        StoreBackups backups,
        TimeProvider time,
        ILogger<MeasurementImporter> logger)
    {
        _store = store;
        _contexts = contexts;
        _backups = backups;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Reads an uploaded file: an XLSX workbook when its content is one (a ZIP package), CSV otherwise, whatever its
    /// name says. Every row is checked; the batch says what is wrong, line by line.
    /// </summary>
    public Task<MeasurementBatch> ReadFileAsync(Stream content, string fileName, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    /// <summary>Reads a CSV text (the API's text/csv body).</summary>
    public Task<MeasurementBatch> ReadCsvAsync(Stream content, string name, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    /// <summary>Checks measurements sent as a JSON array; a problem's line is the item's 1-based position.</summary>
    public Task<MeasurementBatch> ReadInputsAsync(IReadOnlyList<MeasurementInput> inputs, string name, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    /// <summary>
    /// Stores a batch that has no problem, all or nothing: backs up the store (SQLite), records the import as
    /// running, then in one transaction keeps the values it replaces, writes every row by natural key and marks
    /// the import committed, with its audit entries. A failure stores nothing, marks the import failed and comes
    /// back as a result with status Failed and the reason. Throws <see cref="ImportRefusedException"/> when the
    /// batch has problems, another import is still running after about 30 s, or the backup cannot be taken.
    /// </summary>
    public Task<ImportResult> CommitAsync(MeasurementBatch batch, ImportOrigin origin, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    /// <summary>
    /// Undoes a committed import whose rows still hold its values: puts back the values it replaced and removes the
    /// rows it added, in one transaction. Throws <see cref="ImportRefusedException"/> when it cannot.
    /// </summary>
    public Task<ImportResult> UndoAsync(long importId, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();
}
