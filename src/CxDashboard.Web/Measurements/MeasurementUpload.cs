using System.Globalization;
using CxDashboard.Data.Access;
using CxDashboard.Data.Imports;
using CxDashboard.Data.Model;
using CxDashboard.Data.Queries;
using CxDashboard.Web.Access;
using CxDashboard.Web.Audit;
using CxDashboard.Web.Board;
using CxDashboard.Web.Formatting;
using CxDashboard.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Measurements;

/// <summary>
/// The data page's import service, one per circuit: takes an uploaded file into a temporary file, has the import
/// engine read and check it, holds what was read until the user saves or discards it, and lists and undoes imports.
/// Nothing is stored until <see cref="SaveAsync"/>, and that stores all of the file or none of it.
/// </summary>
public sealed class MeasurementUpload(
    MeasurementImporter importer,
    ImportHistory history,
    OrganisationQueries organisation,
    AccessGuard guard,
    IOptions<UploadOptions> uploads) : IAsyncDisposable
{
    private const string ToImport = "import measurements";
    private const int CopyBuffer = 81_920;

    private MeasurementBatch? _batch;

    /// <summary>The largest file the page accepts, in bytes.</summary>
    public long MaxBytes => uploads.Value.MaxBytes;

    /// <summary>The largest file the page accepts, as a reader says it ("256 MB").</summary>
    public string MaxSizeText => $"{uploads.Value.MaxMegabytes.ToString("N0", CultureInfo.InvariantCulture)} MB";

    /// <summary>The file read and not yet saved or discarded, written; null when there is none.</summary>
    public UploadView? Current { get; private set; }

    /// <summary>True when the current user may import (an editor, of the organisation or of one partner).</summary>
    public async Task<bool> CanImportAsync() => (await guard.UserAsync()).IsInRole(CxRoles.Editor);

    /// <summary>
    /// Copies <paramref name="upload"/> (the browser's stream of <paramref name="size"/> bytes) into a temporary file,
    /// judges it by its content, and has the engine read and check every row. The result is <see cref="Current"/>.
    /// A file refused as a whole (too big, not CSV or .xlsx) comes back as a view with one problem.
    /// </summary>
    public async Task<UploadView> ReadAsync(
        Stream upload, string fileName, long size, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(fileName);
        await guard.RequireAsync(CxRoles.Editor, ToImport);
        Discard();
        if (size > MaxBytes)
            return Refused(fileName, $"{fileName} is {Megabytes(size)}; the most one upload may be is {MaxSizeText}.",
                "Split the file (by month, for example), or ask an administrator to raise Uploads:MaxMegabytes.");

        await using var buffer = new FileStream(
            Path.Combine(Path.GetTempPath(), $"cxdashboard-upload-{Guid.NewGuid():N}.tmp"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, CopyBuffer, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await CopyAsync(upload, buffer, size, progress, cancellationToken);
        buffer.Position = 0;

        var verdict = UploadCheck.Inspect(buffer, fileName, MaxBytes);
        if (!verdict.Accepted)
            return Refused(fileName, verdict.Problem!, "Choose the CSV or .xlsx file that holds the measurements (the templates show the layout).");

        var batch = await Task.Run(() => importer.ReadFileAsync(buffer, fileName, progress, cancellationToken), cancellationToken);
        _batch = batch.CanCommit ? batch : null;
        Current = await WriteAsync(batch, cancellationToken);
        return Current;
    }

    /// <summary>Stores the file read last: all of its rows in one transaction, or none. Throws <see cref="ImportRefusedException"/> with a reason a person can act on.</summary>
    public async Task<ImportResult> SaveAsync(IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await guard.RequireAsync(CxRoles.Editor, ToImport);
        var batch = _batch ?? throw new ImportRefusedException("There is no checked file to save: choose a file first.");
        var result = await Task.Run(() => importer.CommitAsync(batch, new ImportOrigin(ImportSource.Page), progress, cancellationToken), cancellationToken);
        Discard();
        return result;
    }

    /// <summary>Forgets the file read last without storing anything.</summary>
    public void Discard()
    {
        _batch = null;
        Current = null;
    }

    /// <summary>The latest imports, newest first, written for the history table.</summary>
    public async Task<IReadOnlyList<ImportRowView>> HistoryAsync(CancellationToken cancellationToken = default)
    {
        var culture = (await FormatAsync(cancellationToken)).Culture;
        var imports = await history.RecentAsync(50, cancellationToken);
        return imports.Select(i => Row(i, culture)).ToList();
    }

    /// <summary>Undoes import <paramref name="importId"/>: removes the rows it added and puts back the values it replaced.</summary>
    public async Task<ImportResult> UndoAsync(long importId, CancellationToken cancellationToken = default)
    {
        await guard.RequireAsync(CxRoles.Editor, "undo an import");
        return await Task.Run(() => importer.UndoAsync(importId, cancellationToken), cancellationToken);
    }

    /// <summary>One sentence on what an import did, for the message after saving or undoing.</summary>
    public static string Outcome(ImportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var c = CultureInfo.InvariantCulture;
        return result.Status switch
        {
            ImportStatus.Committed =>
                $"Import #{result.ImportId} is saved: {result.Inserted.ToString("N0", c)} {Rows(result.Inserted)} added, {result.Updated.ToString("N0", c)} updated.",
            ImportStatus.Undone =>
                $"Import #{result.ImportId} is undone: the rows it added are removed and the values it replaced are back.",
            _ => result.Message,
        };
    }

    public ValueTask DisposeAsync()
    {
        Discard();
        return ValueTask.CompletedTask;
    }

    private async Task<UploadView> WriteAsync(MeasurementBatch batch, CancellationToken cancellationToken)
    {
        var format = await FormatAsync(cancellationToken);
        var culture = format.Culture;
        var values = new KpiValueFormat(format);
        var kpis = (await organisation.KpisAsync(cancellationToken)).ToDictionary(k => k.Code, k => k.ToDefinition(), StringComparer.OrdinalIgnoreCase);
        string Count(int n) => n.ToString("N0", culture);
        string Number(double? n) => n is { } v ? v.ToString("G", culture) : "";
        string ValueOf(string code, double? value) =>
            kpis.TryGetValue(code, out var kpi) ? values.Value(kpi, value) : Number(value);

        var rows = batch.FirstRows.Select(r => new PreviewRowView(
            r.Line, r.Month, r.Kpi, r.Channel ?? "", r.Partner ?? "", r.Segment ?? "",
            Number(r.Value), Number(r.Numerator), Number(r.Denominator), Number(r.Weight), r.Note ?? "")).ToList();
        var totals = batch.Totals.Select(t => new KpiMonthTotalView(
            t.Kpi, t.KpiName, t.Month, Count(t.Rows), ValueOf(t.Kpi, t.Value), Count(t.NewRows), Count(t.ReplacedRows))).ToList();

        if (!batch.CanCommit)
        {
            var summary = batch.ProblemCount == 0
                ? $"{batch.Name} holds no measurements to import."
                : $"{batch.Name} has {Count(batch.ProblemCount)} {(batch.ProblemCount == 1 ? "problem" : "problems")}, so nothing was stored. Correct the file and choose it again."
                  + (batch.ProblemCount > batch.Problems.Count ? $" The first {Count(batch.Problems.Count)} are listed." : "");
            return new UploadView(batch.Name, UploadStage.HasProblems, summary, batch.ProblemCount, batch.Problems, rows, totals);
        }

        var months = batch.Totals.Select(t => t.Month).Distinct().Order().ToList();
        var newRows = batch.Totals.Sum(t => t.NewRows);
        var replaced = batch.Totals.Sum(t => t.ReplacedRows);
        var span = months.Count switch
        {
            0 => "",
            1 => $" for {months[0]}",
            _ => $" for {months.Count} months, {months[0]} to {months[^1]}",
        };
        var effect = replaced == 0
            ? $"Saving adds {Count(newRows)} new {Rows(newRows)}."
            : newRows == 0
                ? $"Saving replaces the stored values of {Count(replaced)} {Rows(replaced)}; nothing new is added."
                : $"Saving adds {Count(newRows)} new {Rows(newRows)} and replaces the stored values of {Count(replaced)}.";
        var ready = $"{batch.Name}: {Count(batch.RowCount)} {Rows(batch.RowCount)}{span}, all correct. {effect}";
        return new UploadView(batch.Name, UploadStage.ReadyToSave, ready, 0, [], rows, totals);
    }

    private static ImportRowView Row(ImportSummary i, CultureInfo culture)
    {
        string Count(int n) => n.ToString("N0", culture);
        var months = (i.FirstMonth, i.LastMonth) switch
        {
            (null, _) => "",
            ({ } a, { } b) when a != b => $"{a} – {b}",
            ({ } a, _) => a,
        };
        var source = i.Source == ImportSource.Api ? $"API · {i.ApiKeyName}" : $"Upload · {i.Format.ToString().ToUpperInvariant()}";
        var (status, tone, detail) = i.Status switch
        {
            ImportStatus.Committed => ("Saved", ImportTone.Good, (string?)null),
            ImportStatus.Running => ("Saving…", ImportTone.Neutral, null),
            ImportStatus.Undone => ("Undone", ImportTone.Neutral,
                i.UndoneUtc is { } at ? $"Undone by {i.UndoneBy} on {AuditLog.When(at, culture)}." : null),
            _ => ("Not saved", ImportTone.Bad, i.Message),
        };
        return new ImportRowView(
            i.Id, i.StartedUtc.ToString("yyyy-MM-dd HH:mm", culture) + " UTC", i.FileName, source, i.UserName, months,
            Count(i.RowCount), Count(i.Inserted), Count(i.Updated), status, tone, detail, i.CanUndo);
    }

    private async Task<FigureFormat> FormatAsync(CancellationToken cancellationToken)
    {
        var settings = await organisation.SettingsAsync(cancellationToken);
        return new FigureFormat(settings.Culture, settings.Currency);
    }

    private static async Task CopyAsync(Stream from, Stream to, long size, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var buffer = new byte[CopyBuffer];
        long done = 0;
        long reported = 0;
        int read;
        while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            done += read;
            // A report for every megabyte keeps the bar moving without flooding the circuit.
            if (done - reported >= 1024 * 1024)
            {
                progress?.Report(new ImportProgress("Uploading", done, size));
                reported = done;
            }
        }

        progress?.Report(new ImportProgress("Uploading", done, size));
    }

    private UploadView Refused(string fileName, string reason, string fix)
    {
        Current = new UploadView(fileName, UploadStage.HasProblems, $"{fileName} was not read, so nothing was stored.", 1,
            [new ImportProblem(null, null, null, reason, fix)], [], []);
        return Current;
    }

    private static string Rows(int n) => n == 1 ? "row" : "rows";

    private static string Megabytes(long bytes) =>
        $"{(bytes / 1024.0 / 1024.0).ToString("N1", CultureInfo.InvariantCulture)} MB";
}
