using CxDashboard.Core.Time;
using CxDashboard.Data.Access;
using CxDashboard.Data.Imports;
using CxDashboard.Web.Access;
using CxDashboard.Web.Exports;
using Microsoft.AspNetCore.Diagnostics;

namespace CxDashboard.Web.Api;

/// <summary>
/// The integration API under /api, authenticated by API key only (never the sign-in cookie), and its OpenAPI document
/// at /openapi/v1.json: GET /api/board for the board's figures and POST /api/measurements to load measurements.
/// </summary>
public static partial class ApiEndpoints
{
    /// <summary>Any valid key: reading the board.</summary>
    public const string ReadPolicy = "ApiRead";

    /// <summary>A ReadWrite key: loading measurements.</summary>
    public const string WritePolicy = "ApiReadWrite";

    /// <summary>The address of the OpenAPI document.</summary>
    public const string OpenApiPath = "/openapi/v1.json";

    /// <summary>The API key scheme, the API's policies and its OpenAPI document.</summary>
    public static IServiceCollection AddCxApi(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, "API key", _ => { });
        services.AddAuthorizationBuilder()
            .AddPolicy(ReadPolicy, p => p.AddAuthenticationSchemes(ApiKeyDefaults.Scheme).RequireAuthenticatedUser())
            .AddPolicy(WritePolicy, p => p.AddAuthenticationSchemes(ApiKeyDefaults.Scheme).RequireAuthenticatedUser()
                .RequireClaim(ApiKeyDefaults.AccessClaim, nameof(Data.Model.ApiKeyAccess.ReadWrite)));
        services.AddCxOpenApi();
        return services;
    }

    /// <summary>Maps the API's endpoints and its OpenAPI document (open to anyone: it describes, it holds no data).</summary>
    public static IEndpointRouteBuilder MapCxApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapOpenApi(OpenApiPath).AllowAnonymous();
        var api = endpoints.MapGroup("/api").AddEndpointFilter(RunAsKeyAsync).WithTags("CxDashboard API");
        api.MapGet("/board", BoardAsync)
            .RequireAuthorization(ReadPolicy)
            .WithName("GetBoard")
            .WithSummary("The board's figures for a month")
            .WithDescription("ROX, ROI, value multiple, net value, NPV and payback to date; the month's value by factor and investment; value by factor per month; each KPI tile; each initiative to date. Numbers with their units, the same as the board export. A key limited to one partner gets that partner's figures only.")
            .Produces<BoardFigures>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/measurements", MeasurementIngestion.PostAsync)
            .RequireAuthorization(WritePolicy)
            .WithName("PostMeasurements")
            .WithSummary("Load a batch of measurements")
            .WithDescription(
                "A JSON array of measurements (application/json) or CSV in the import layout month,kpi,channel,partner,segment,value,numerator,denominator,weight,note "
                + "(text/csv). Every row is checked; the batch is stored all or nothing, one import at a time, and appears in the import history with the key's "
                + "name. Rows are matched by month, KPI, channel, partner and segment: a row already stored is replaced, so sending the same batch again stores "
                + "nothing twice. Needs a ReadWrite key; a key limited to one partner may only send that partner's rows.")
            .Produces<ImportResponse>()
            .Produces<BatchProblemsDocument>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            // The body is read by the handler itself (it may be CSV or JSON and is kept on disk, not in memory), so the
            // document is told what it takes here. Accepts metadata would instead make routing pick another endpoint
            // for any other media type, where the handler answers with a clear 415.
            .AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
            {
                var json = await context.GetOrCreateSchemaAsync(typeof(List<MeasurementInput>), cancellationToken: cancellationToken);
                operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
                {
                    Required = true,
                    Description = "The measurements, as a JSON array or as CSV in the import layout.",
                    Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>
                    {
                        [MeasurementIngestion.JsonType] = new() { Schema = json },
                        [MeasurementIngestion.CsvType] = new()
                        {
                            Schema = new Microsoft.OpenApi.OpenApiSchema
                            {
                                Type = Microsoft.OpenApi.JsonSchemaType.String,
                                Description = $"CSV, UTF-8: the header {MeasurementColumns.CsvHeader} and one measurement a line.",
                            },
                            Example = System.Text.Json.Nodes.JsonValue.Create($"{MeasurementColumns.CsvHeader}\n2026-10,FCR,VOICE,ATLAS,CONSUMER,0.72,720,1000,,\n"),
                        },
                    },
                };
            });
        return endpoints;
    }

    /// <summary>
    /// Runs the call as the key's actor ("api:" and the key's name, with its partner scope), so the audit trail and
    /// the store's partner filters apply, and answers an unexpected failure with a problem document rather than the
    /// app's HTML error page.
    /// </summary>
    private static async ValueTask<object?> RunAsKeyAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        // A 404 or 400 without a body would otherwise be re-executed as the app's HTML "not found" page.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        // The organisation's figures and the outcome of its imports: no shared cache keeps a copy.
        context.Response.Headers.CacheControl = "no-store";
        using (StoreActor.Use(CxClaims.ActorOf(context.User)))
        {
            try
            {
                return await next(invocation);
            }
            catch (Exception e) when (e is not OperationCanceledException && !context.Response.HasStarted)
            {
                LogApiFailed(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiEndpoints)), e, context.Request.Path);
                return ApiProblems.Result(StatusCodes.Status500InternalServerError, "The call failed",
                    "The app could not complete this call: the data store did not answer as expected. Try again in a moment; if it keeps failing, tell your administrator (the details are in the app's log).");
            }
        }
    }

    /// <param name="context">The call.</param>
    /// <param name="board">The board's figures.</param>
    /// <param name="month">The month as YYYY-MM; the latest month with data when left out.</param>
    private static async Task<IResult> BoardAsync(HttpContext context, BoardExport board, string? month)
    {
        YearMonth? wanted = null;
        if (!string.IsNullOrWhiteSpace(month))
        {
            if (!YearMonth.TryParse(month.Trim(), out var parsed))
                return ApiProblems.Result(StatusCodes.Status400BadRequest, "Not a month",
                    $"month={month} is not a month: write it as YYYY-MM, for example month=2026-10, or leave it out for the latest month with data.");
            wanted = parsed;
        }

        return await board.FiguresAsync(wanted, context.User.Identity?.Name ?? "api", context.RequestAborted) switch
        {
            BoardFiguresResult.Found found => TypedResults.Ok(found.Figures),
            BoardFiguresResult.NoData noData => ApiProblems.Result(StatusCodes.Status404NotFound, "No data for that month", noData.Problem),
            _ => throw new InvalidOperationException("A board result of an unknown kind."),
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The API call {Path} failed.")]
    private static partial void LogApiFailed(ILogger logger, Exception exception, string path);
}
