using CxDashboard.Data;
using CxDashboard.Data.Imports;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Measurements;

/// <summary>The import templates the data page offers: the file layout with example rows from the store's own codes.</summary>
public static class TemplateEndpoints
{
    private const string Csv = "text/csv; charset=utf-8";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Maps GET /data/template.csv and /data/template.xlsx for signed-in users.</summary>
    public static IEndpointRouteBuilder MapCxImportTemplates(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/data/template.csv", (HttpContext http, IDbContextFactory<CxDbContext> contexts, TimeProvider time) =>
            WriteAsync(http, "cxdashboard-import-template.csv", Csv, async (stream, ct) => await MeasurementTemplate.WriteCsvAsync(stream, await TemplateCodes.LoadAsync(contexts, time, ct), ct)));
        endpoints.MapGet("/data/template.xlsx", (HttpContext http, IDbContextFactory<CxDbContext> contexts, TimeProvider time) =>
            WriteAsync(http, "cxdashboard-import-template.xlsx", Xlsx, async (stream, ct) => await MeasurementTemplate.WriteXlsxAsync(stream, await TemplateCodes.LoadAsync(contexts, time, ct), ct)));
        return endpoints;
    }

    private static async Task WriteAsync(HttpContext http, string fileName, string contentType, Func<Stream, CancellationToken, Task> write)
    {
        // Written to memory first: a template is a few kilobytes, and a failure then becomes an error page
        // instead of half a file.
        using var buffer = new MemoryStream();
        await write(buffer, http.RequestAborted);
        http.Response.ContentType = contentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        http.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, http.RequestAborted);
    }
}
