using System.Globalization;
using System.Text.Json;
using CxDashboard.Data.Imports;
using CxDashboard.Data.Model;
using CxDashboard.Web.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CxDashboard.Web.Api;

/// <summary>What POST /api/measurements answers when the batch is stored.</summary>
/// <param name="ImportId">The import's number in the import history.</param>
/// <param name="Status">Committed (or Failed, with a 500).</param>
/// <param name="Rows">Rows in the batch.</param>
/// <param name="Inserted">Rows added as new measurements.</param>
/// <param name="Updated">Rows that replaced a stored value with the same month, KPI, channel, partner and segment.</param>
/// <param name="Message">What happened, in a sentence.</param>
public sealed record ImportResponse(long ImportId, string Status, int Rows, int Inserted, int Updated, string Message);

/// <summary>One thing wrong with a batch: where (the CSV line, or the JSON item's 1-based position), which column, what was found, why and how to fix it.</summary>
/// <param name="Line">The CSV line (the header is line 1); null for JSON or for the whole batch.</param>
/// <param name="Item">The JSON item's 1-based position; null for CSV or for the whole batch.</param>
/// <param name="Column">The column or field at fault.</param>
/// <param name="Value">What was found.</param>
/// <param name="Reason">What is wrong.</param>
/// <param name="Fix">How to fix it.</param>
public sealed record BatchProblem(int? Line, int? Item, string? Column, string? Value, string Reason, string Fix);

/// <summary>The 422 answer: a problem document listing every problem of the batch. Nothing was stored.</summary>
/// <param name="Type">The problem type.</param>
/// <param name="Title">"The batch has problems".</param>
/// <param name="Status">422.</param>
/// <param name="Detail">How many problems, and that nothing was stored.</param>
/// <param name="ProblemCount">Every problem found; <paramref name="Problems"/> lists the first 1,000.</param>
/// <param name="Problems">The problems, in the order of the batch.</param>
public sealed record BatchProblemsDocument(string Type, string Title, int Status, string Detail, int ProblemCount, IReadOnlyList<BatchProblem> Problems);

/// <summary>
/// POST /api/measurements: a batch of measurements from an integration, as a JSON array or a CSV body in the import
/// layout, loaded through the same engine as the data page: the same checks, all or nothing, one import at a time,
/// and an entry in the import history naming the key. Loading the same batch twice stores it once (rows are matched
/// by month, KPI, channel, partner and segment), so an integration can safely retry a call whose answer it lost.
/// </summary>
public static class MeasurementIngestion
{
    /// <summary>The JSON body's media type.</summary>
    public const string JsonType = "application/json";

    /// <summary>The CSV body's media type.</summary>
    public const string CsvType = "text/csv";

    /// <summary>Load a batch of measurements.</summary>
    public static async Task<IResult> PostAsync(HttpContext context, MeasurementImporter importer, IOptions<UploadOptions> uploads)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(uploads);
        var keyName = context.User.FindFirst(ApiKeyDefaults.KeyNameClaim)?.Value ?? "unknown key";
        var max = uploads.Value.MaxBytes;
        var tooLarge = $"The batch is larger than {uploads.Value.MaxMegabytes} MB, the most one call may send: split it (by month, for example) or ask an administrator to raise Uploads:MaxMegabytes.";
        // Kestrel's own limit (30 MB) would refuse a large month before ours is even read.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = max;
        if (context.Request.ContentLength > max) return ApiProblems.Result(StatusCodes.Status413PayloadTooLarge, "Batch too large", tooLarge);

        var json = IsMediaType(context.Request.ContentType, JsonType);
        if (!json && !IsMediaType(context.Request.ContentType, CsvType) && !IsMediaType(context.Request.ContentType, "application/csv"))
            return ApiProblems.Result(StatusCodes.Status415UnsupportedMediaType, "Send JSON or CSV",
                $"The body's Content-Type is \"{context.Request.ContentType}\": send a JSON array of measurements as {JsonType}, or the import layout ({MeasurementColumns.CsvHeader}) as {CsvType}.");

        // The body is kept in a temporary file, not in memory: a month of data can be a few hundred megabytes.
        await using var body = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ApiProblems.Result(StatusCodes.Status413PayloadTooLarge, "Batch too large", tooLarge);
        }

        if (body.Length > max) return ApiProblems.Result(StatusCodes.Status413PayloadTooLarge, "Batch too large", tooLarge);
        body.Position = 0;
        var verdict = UploadCheck.Inspect(body, "The request body", max);
        if (!verdict.Accepted)
            return ApiProblems.Result(StatusCodes.Status400BadRequest, "The body cannot be read", verdict.Problem!);
        if (verdict.Kind == UploadKind.Xlsx)
            return ApiProblems.Result(StatusCodes.Status415UnsupportedMediaType, "Send JSON or CSV",
                "The body is an Excel workbook: the API takes CSV text or JSON. Save the sheet as CSV UTF-8, or load the workbook on the data page.");

        var description = $"POST /api/measurements ({(json ? "JSON" : "CSV")})";
        MeasurementBatch batch;
        if (json)
        {
            IReadOnlyList<MeasurementInput>? inputs;
            try
            {
                inputs = await JsonSerializer.DeserializeAsync<List<MeasurementInput>>(body, JsonSerializerOptions.Web, context.RequestAborted);
            }
            catch (JsonException e)
            {
                return ApiProblems.Result(StatusCodes.Status400BadRequest, "The JSON cannot be read",
                    $"The JSON body could not be read at {e.Path ?? "its start"} (line {(e.LineNumber ?? 0) + 1}): send an array of objects such as "
                    + "[{\"month\":\"2026-10\",\"kpi\":\"FCR\",\"channel\":\"VOICE\",\"partner\":\"ATLAS\",\"segment\":\"CONSUMER\",\"value\":0.72,\"numerator\":720,\"denominator\":1000}], numbers as numbers and codes as text.");
            }

            if (inputs is null)
                return ApiProblems.Result(StatusCodes.Status400BadRequest, "The JSON cannot be read", "The JSON body is null: send an array of measurements.");
            batch = await importer.ReadInputsAsync(inputs, description, context.RequestAborted);
        }
        else
        {
            batch = await importer.ReadCsvAsync(body, description, cancellationToken: context.RequestAborted);
        }

        if (!batch.CanCommit) return Problems(batch, json);

        ImportResult result;
        try
        {
            // Once the whole batch is here it is stored even if the caller hangs up meanwhile: its retry then finds
            // every row already there and stores nothing twice.
            result = await importer.CommitAsync(batch, new ImportOrigin(ImportSource.Api, keyName), cancellationToken: CancellationToken.None);
        }
        catch (ImportRefusedException e)
        {
            context.Response.Headers.RetryAfter = "30";
            return ApiProblems.Result(StatusCodes.Status409Conflict, "The batch was not loaded", e.Message);
        }

        var response = new ImportResponse(result.ImportId, result.Status.ToString(), result.Rows, result.Inserted, result.Updated, result.Message);
        return result.Status == ImportStatus.Committed
            ? TypedResults.Ok(response)
            : ApiProblems.Result(StatusCodes.Status500InternalServerError, "The batch was not loaded", result.Message,
                new Dictionary<string, object?> { ["importId"] = result.ImportId, ["status"] = response.Status });
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<BatchProblemsDocument> Problems(MeasurementBatch batch, bool json)
    {
        var problems = batch.Problems.Select(p => new BatchProblem(json ? null : p.Line, json ? p.Line : null, p.Column, p.Value, p.Reason, p.Fix)).ToList();
        if (batch.ProblemCount == 0)
            problems.Add(new BatchProblem(null, null, null, null, "The batch holds no measurement.",
                json ? "Send a non-empty array of measurements." : $"Send the header line ({MeasurementColumns.CsvHeader}) and at least one row."));
        var count = Math.Max(batch.ProblemCount, problems.Count);
        var detail = count == 1
            ? "The batch has 1 problem; nothing was stored. Fix it and send the whole batch again."
            : string.Create(CultureInfo.InvariantCulture,
                $"The batch has {count:N0} problems{(count > problems.Count ? string.Create(CultureInfo.InvariantCulture, $" (the first {problems.Count:N0} are listed)") : "")}; nothing was stored. Fix them and send the whole batch again.");
        return TypedResults.Json(
            new BatchProblemsDocument("https://tools.ietf.org/html/rfc4918#section-11.2", "The batch has problems", StatusCodes.Status422UnprocessableEntity, detail, count, problems),
            JsonSerializerOptions.Web, "application/problem+json", StatusCodes.Status422UnprocessableEntity);
    }

    private static bool IsMediaType(string? contentType, string wanted) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType.Equals(wanted, StringComparison.OrdinalIgnoreCase);
}
