using System.Globalization;
using CxDashboard.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Data.Imports;

// How files and batches become checked batches: the codes and clock they are checked against, the formats' readers,
// and the store's existing keys for the preview's new and replaced counts.
public sealed partial class MeasurementImporter
{
    private async Task<MeasurementBatch> ReadCsvAsync(Stream content, ReadOnlyMemory<byte> prefix, string name, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var builder = await StartBatchAsync(cancellationToken);
        using var text = new Utf8FileReader(content, prefix.Span, cancellationToken);
        await CsvMeasurementFile.ReadAsync(text, builder, progress, cancellationToken);
        if (builder.RowsRead == 0 && builder.Problems.Count == 0)
            builder.AddFileProblem(null, null, null, "The file has a header row but no data rows.",
                "Add one row per measurement under the header; the template has examples.");
        return await FinishBatchAsync(builder, name, ImportFormat.Csv, text.Hash(), progress, cancellationToken);
    }

    private async Task<MeasurementBatch> ReadXlsxAsync(Stream content, ReadOnlyMemory<byte> prefix, string name, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var builder = await StartBatchAsync(cancellationToken);
        // A workbook is a ZIP package, read from its end: it needs a stream that can seek.
        Stream workbook;
        if (content.CanSeek)
        {
            content.Position -= prefix.Length;
            workbook = content;
        }
        else
        {
            var copy = new MemoryStream();
            copy.Write(prefix.Span);
            await content.CopyToAsync(copy, cancellationToken);
            copy.Position = 0;
            workbook = copy;
        }

        try
        {
            var start = workbook.Position;
            var hash = Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(workbook, cancellationToken));
            workbook.Position = start;
            if (XlsxMeasurementFile.IsWorkbook(workbook, name, builder))
            {
                workbook.Position = start;
                // The spreadsheet reader is synchronous: keep it off the caller's thread (a circuit, a request).
                await Task.Run(() => XlsxMeasurementFile.Read(workbook, name, builder, progress, cancellationToken), cancellationToken);
                if (builder.RowsRead == 0 && builder.Problems.Count == 0)
                    builder.AddFileProblem(null, null, null, "The workbook has a header row but no data rows.",
                        "Add one row per measurement under the header; the template has examples.");
            }

            return await FinishBatchAsync(builder, name, ImportFormat.Xlsx, hash, progress, cancellationToken);
        }
        finally
        {
            if (!ReferenceEquals(workbook, content)) await workbook.DisposeAsync();
        }
    }

    /// <summary>A batch refused as a whole before any row is read (the wrong kind of file).</summary>
    private async Task<MeasurementBatch> RefuseAsync(string name, ImportFormat format, string reason, string fix, CancellationToken cancellationToken)
    {
        var builder = await StartBatchAsync(cancellationToken);
        builder.AddFileProblem(null, null, null, reason, fix);
        return await FinishBatchAsync(builder, name, format, "", null, cancellationToken);
    }

    /// <summary>A builder checking rows against the store's codes, this month and the current actor's partner.</summary>
    private async Task<BatchBuilder> StartBatchAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var codes = await ImportCodes.LoadAsync(db, cancellationToken);
        var now = _time.GetUtcNow();
        var scope = db.PartnerScope;
        return new BatchBuilder(codes, new RowChecker(codes, now.Year * 100 + now.Month, scope), scope);
    }

    private Task<MeasurementBatch> FinishBatchAsync(BatchBuilder builder, string name, ImportFormat format, string hash, IProgress<ImportProgress>? progress, CancellationToken cancellationToken) =>
        builder.BuildAsync(name, format, hash, (rows, ct) => StoredKeysAsync(rows, progress, ct), cancellationToken);

    /// <summary>
    /// The natural keys the store already holds among the months and KPIs of <paramref name="rows"/>, read through the
    /// current actor's partner scope (a partner user's rows are all their partner's, so that is all they can replace).
    /// </summary>
    private async Task<IReadOnlySet<NaturalKey>> StoredKeysAsync(StagedRows rows, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(new ImportProgress(ImportStages.Checking, 0, rows.Count));
        var kpis = new HashSet<int>();
        foreach (ref readonly var row in rows.AsSpan()) kpis.Add(row.KpiId);

        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        // Ids are integers of our own, so they are written into the text; the months are parameters.
        command.CommandText = $"""
            SELECT "Month", "KpiId", COALESCE("ChannelId", 0), COALESCE("PartnerId", 0), COALESCE("SegmentId", 0)
            FROM "Measurements"
            WHERE "Month" BETWEEN @first AND @last AND "KpiId" IN ({string.Join(",", kpis.Order().Select(k => k.ToString(CultureInfo.InvariantCulture)))})
            {(db.PartnerScope is { } partner ? $"AND \"PartnerId\" = {partner.ToString(CultureInfo.InvariantCulture)}" : "")}
            """;
        AddParameter(command, "@first", rows.FirstMonth);
        AddParameter(command, "@last", rows.LastMonth);
        var keys = new HashSet<NaturalKey>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                keys.Add(new NaturalKey(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4)));
        }

        progress?.Report(new ImportProgress(ImportStages.Checking, rows.Count, rows.Count));
        return keys;
    }

    private static void AddParameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>One line per JSON item for the batch's hash: the same items hash the same.</summary>
    private static string Canonical(MeasurementInput? input) =>
        input is null
            ? "null\n"
            : string.Join('\u001f', input.Month, input.Kpi, input.Channel, input.Partner, input.Segment,
                Number(input.Value), Number(input.Numerator), Number(input.Denominator), Number(input.Weight), input.Note) + "\n";

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
}
