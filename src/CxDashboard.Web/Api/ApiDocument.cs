using CxDashboard.Data.Imports;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CxDashboard.Web.Api;

/// <summary>
/// The OpenAPI document of the integration API: only the /api endpoints, the API key security scheme (the X-Api-Key
/// header, or a bearer token holding the same key) on each of them, and what each answers when it refuses.
/// </summary>
public static class ApiDocument
{
    /// <summary>The security scheme's name in the document.</summary>
    public const string KeyScheme = "ApiKey";

    /// <summary>The same key sent as a bearer token.</summary>
    public const string BearerScheme = "Bearer";

    /// <summary>Registers the document "v1".</summary>
    public static IServiceCollection AddCxOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            // The app's pages, sign-in and health endpoints are no part of the integration API.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            // A measurement needs its month and KPI; every other field may be left out (a ratio KPI's value is
            // computed from its numerator and denominator, a dimension it is not measured along is blank).
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonTypeInfo.Type == typeof(MeasurementInput))
                    schema.Required = new HashSet<string>(StringComparer.Ordinal) { "month", "kpi" };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (operation.Parameters?.FirstOrDefault(p => p.Name == "month") is OpenApiParameter month)
                    month.Description = "The month as YYYY-MM; the latest month with data when left out.";
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "CxDashboard API",
                    Version = "v1",
                    Description =
                        "Load monthly CX measurements and read the ROX board. Every call needs an API key, created by an administrator in "
                        + "Settings, API keys, and sent in the X-Api-Key header (or as Authorization: Bearer). A key limited to one partner "
                        + "reads and writes that partner's rows only. Errors are problem documents (application/problem+json) whose detail says what to do.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[KeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyDefaults.Header,
                    Description = "The key's secret (cxk_ followed by 43 characters), shown once when the key is created.",
                };
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "The same secret as a bearer token: Authorization: Bearer cxk_…",
                };
                foreach (var operation in document.Paths.Values.Where(p => p.Operations is not null).SelectMany(p => p.Operations!.Values))
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(KeyScheme, document)] = [] });
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
                }

                return Task.CompletedTask;
            });
        });
}
