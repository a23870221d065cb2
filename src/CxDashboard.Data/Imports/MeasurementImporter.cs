using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CxDashboard.Data.Backups;
using CxDashboard.Data.Model;
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
    /// name says (a file named .xlsx that is not a workbook gets a problem). Every row is checked; the batch says
    /// what is wrong, line by line. The stream need not be seekable.
    /// </summary>
    public async Task<MeasurementBatch> ReadFileAsync(Stream content, string fileName, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        var head = new byte[4];
        var got = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var prefix = head.AsMemory(0, got);
        if (prefix.Span.StartsWith("PK\u0003\u0004"u8))
            return await ReadXlsxAsync(content, prefix, fileName, progress, cancellationToken);

        var extension = Path.GetExtension(fileName);
        if (prefix.Span.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
            return await RefuseAsync(fileName, ImportFormat.Xlsx, $"{fileName} is an Excel 97-2003 workbook (.xls), which the import does not read.",
                "Open it in Excel and save it as .xlsx (Excel Workbook) or as CSV UTF-8, and load that.", cancellationToken);
        if (extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase) || extension.Equals(".xlsm", StringComparison.OrdinalIgnoreCase))
            return await RefuseAsync(fileName, ImportFormat.Xlsx, $"{fileName} is named like an Excel workbook, but its content is not one (it is not a ZIP package).",
                "Open it in Excel and save it as .xlsx (Excel Workbook); if it is a CSV file, give it the .csv extension.", cancellationToken);
        return await ReadCsvAsync(content, prefix, fileName, progress, cancellationToken);
    }

    /// <summary>Reads a CSV text (the API's text/csv body); the stream need not be seekable.</summary>
    public Task<MeasurementBatch> ReadCsvAsync(Stream content, string name, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(name);
        return ReadCsvAsync(content, ReadOnlyMemory<byte>.Empty, name, progress, cancellationToken);
    }

    /// <summary>Checks measurements sent as a JSON array; a problem's line is the item's 1-based position.</summary>
    public async Task<MeasurementBatch> ReadInputsAsync(IReadOnlyList<MeasurementInput> inputs, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(name);
        var builder = await StartBatchAsync(cancellationToken);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var position = i + 1;
            hash.AppendData(Encoding.UTF8.GetBytes(Canonical(input)));
            if (input is null)
            {
                builder.AddUnreadable(position, null, $"Item {position.ToString(CultureInfo.InvariantCulture)} is null, not a measurement.",
                    "Send an object with month, kpi, channel, partner, segment, value, numerator, denominator, weight and note (or leave the item out).");
                continue;
            }

            var row = new RawRow
            {
                Month = Cell.OfText(input.Month),
                Kpi = Cell.OfText(input.Kpi),
                Channel = Cell.OfText(input.Channel),
                Partner = Cell.OfText(input.Partner),
                Segment = Cell.OfText(input.Segment),
                Value = Cell.OfNumber(input.Value),
                Numerator = Cell.OfNumber(input.Numerator),
                Denominator = Cell.OfNumber(input.Denominator),
                Weight = Cell.OfNumber(input.Weight),
                Note = Cell.OfText(input.Note),
            };
            if (row.IsBlank)
                builder.AddUnreadable(position, null, $"Item {position.ToString(CultureInfo.InvariantCulture)} has no field set.",
                    "Send month, kpi and the figures the KPI needs (or leave the item out).");
            else
                builder.Add(position, row);
            if (position % 10_000 == 0) cancellationToken.ThrowIfCancellationRequested();
        }

        if (inputs.Count == 0)
            builder.AddFileProblem(null, null, null, "The batch is empty.", "Send a JSON array with at least one measurement.");
        return await FinishBatchAsync(builder, name, ImportFormat.Json, Convert.ToHexStringLower(hash.GetCurrentHash()), null, cancellationToken);
    }

    /// <summary>
    /// Raised after a commit or an undo has changed measurements, so that whoever shows figures (an open board) can load
    /// them again. A listener's failure is logged and changes nothing.
    /// </summary>
    public event Func<MeasurementsChanged, Task>? Changed;

    /// <summary>How long an import or undo waits for one already running before it is refused; 30 seconds unless set.</summary>
    public TimeSpan WaitForTurn { get; set; } = TimeSpan.FromSeconds(30);
}
