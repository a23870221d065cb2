using System.Globalization;
using System.Security.Claims;
using CxDashboard.Data.Exports;
using CxDashboard.Web.Access;

namespace CxDashboard.Web.Exports;

/// <summary>
/// The download addresses behind the export buttons, for signed-in users of any role: measurements as filtered on
/// screen, and the board of a month. A partner user's files hold their partner's rows only: every read goes through a
/// context created for the request's actor.
/// </summary>
public static partial class ExportEndpoints
{
    /// <summary>The media type of CSV files.</summary>
    public const string CsvType = "text/csv; charset=utf-8";

    /// <summary>The media type of .xlsx workbooks.</summary>
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Maps /export/measurements.csv|.xlsx and /export/board.csv|.xlsx.</summary>
    public static IEndpointRouteBuilder MapCxExports(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/export").RequireAuthorization().ExcludeFromDescription();
        group.MapGet("/measurements.csv", (HttpContext context, MeasurementExport export, ILoggerFactory logs) =>
            MeasurementsAsync(context, export, logs, csv: true));
        group.MapGet("/measurements.xlsx", (HttpContext context, MeasurementExport export, ILoggerFactory logs) =>
            MeasurementsAsync(context, export, logs, csv: false));
        group.MapGet("/board.csv", (HttpContext context, BoardExport board) => BoardAsync(context, board, csv: true));
        group.MapGet("/board.xlsx", (HttpContext context, BoardExport board) => BoardAsync(context, board, csv: false));
        return endpoints;
    }

    /// <summary>Who a file is made for, as its header block names them.</summary>
    public static string ReaderName(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst(CxClaims.DisplayName)?.Value is { Length: > 0 } display ? display : user.Identity?.Name ?? "unknown user";
    }

    private static async Task MeasurementsAsync(HttpContext context, MeasurementExport export, ILoggerFactory logs, bool csv)
    {
        var token = context.RequestAborted;
        if (ExportQuery.Measurements(context.Request.Query, out var problem) is not { } filter)
        {
            await RefuseAsync(context, problem!);
            return;
        }

        var selection = await export.SelectAsync(filter, token);
        if (selection.Unknown.Count > 0)
        {
            await RefuseAsync(context, ExportQuery.Unknown(selection.Unknown));
            return;
        }

        var fileName = ExportQuery.MeasurementsFileName(filter, csv ? "csv" : "xlsx");
        if (csv)
        {
            Attachment(context, CsvType, fileName);
            try
            {
                await MeasurementFile.WriteCsvAsync(export.ReadAsync(selection, token), context.Response.Body, token);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The status line went out with the first rows: cutting the connection is the only way left to tell
                // the browser the file is incomplete, rather than let it save half a file as if whole.
                LogExportFailed(logs.CreateLogger(typeof(ExportEndpoints)), e, fileName);
                context.Abort();
            }

            return;
        }

        var rows = await export.CountAsync(selection, token);
        if (rows > MeasurementFile.MaxXlsxRows)
        {
            await RefuseAsync(context, string.Create(CultureInfo.InvariantCulture,
                $"The export holds {rows:N0} rows, more than the {MeasurementFile.MaxXlsxRows:N0} one worksheet can: download it as CSV (measurements.csv), or narrow it with from, to or kpi."));
            return;
        }

        // The workbook library writes synchronously, so the workbook is written to a temporary file (never to memory
        // as a whole) and then streamed out; the file is deleted when closed.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            await Task.Run(() => MeasurementFile.WriteXlsx(export.ReadAsync(selection, token).ToBlockingEnumerable(token), file), token);
            file.Position = 0;
            Attachment(context, XlsxType, fileName);
            context.Response.ContentLength = file.Length;
            await file.CopyToAsync(context.Response.Body, token);
        }
        finally
        {
            await file.DisposeAsync();
        }
    }

    private static async Task BoardAsync(HttpContext context, BoardExport board, bool csv)
    {
        var token = context.RequestAborted;
        if (!ExportQuery.BoardMonth(context.Request.Query, out var month, out var problem))
        {
            await RefuseAsync(context, problem!);
            return;
        }

        switch (await board.FiguresAsync(month, ReaderName(context.User), token))
        {
            case BoardFiguresResult.NoData noData:
                await RefuseAsync(context, noData.Problem, StatusCodes.Status404NotFound);
                return;
            case BoardFiguresResult.Found found:
                using (var buffer = new MemoryStream())
                {
                    // A board is a few hundred cells: written whole, then sent with its length.
                    if (csv) await BoardFile.WriteCsvAsync(found.Figures, buffer, token);
                    else BoardFile.WriteXlsx(found.Figures, buffer);
                    Attachment(context, csv ? CsvType : XlsxType, $"cxdashboard-board-{found.Figures.Month}.{(csv ? "csv" : "xlsx")}");
                    context.Response.ContentLength = buffer.Length;
                    buffer.Position = 0;
                    await buffer.CopyToAsync(context.Response.Body, token);
                }

                return;
        }
    }

    private static void Attachment(HttpContext context, string contentType, string fileName)
    {
        context.Response.ContentType = contentType;
        context.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = fileName, DispositionType = "attachment" }.ToString();
        // The figures are the organisation's own: no shared cache keeps a copy.
        context.Response.Headers.CacheControl = "no-store";
    }

    private static Task RefuseAsync(HttpContext context, string problem, int status = StatusCodes.Status400BadRequest) =>
        Results.Problem(problem, statusCode: status, title: status == StatusCodes.Status404NotFound ? "Nothing to export" : "The export cannot be made")
            .ExecuteAsync(context);

    [LoggerMessage(Level = LogLevel.Error, Message = "The export {FileName} failed after it had started; the connection was cut so the download shows as failed.")]
    private static partial void LogExportFailed(ILogger logger, Exception exception, string fileName);
}
