using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CxDashboard.Web.Hosting;

/// <summary>The security headers, the limits of the Blazor circuit, and the health endpoints.</summary>
public static class HardeningExtensions
{
    /// <summary>Liveness: the process answers. It asks no database, so a slow store never restarts the app.</summary>
    public const string LivenessPath = "/health";

    /// <summary>Readiness: the store answers and is fully migrated.</summary>
    public const string ReadinessPath = "/health/ready";

    private const string ReadinessTag = "ready";

    /// <summary>The health checks behind <see cref="ReadinessPath"/>; the circuit's limits stay at their defaults.</summary>
    public static IServiceCollection AddCxHardening(this IServiceCollection services)
    {
        // The Blazor circuit keeps SignalR's default hub message size (32 KB) on purpose: a circuit carries
        // clicks and short form values, and file uploads will go through HTTP endpoints (streamed and limited
        // per endpoint), not the circuit, so no browser can make the server buffer more than that per message.
        services.AddHealthChecks().AddCheck<StoreReadinessCheck>(StoreReadinessCheck.Name, tags: [ReadinessTag]);
        // Every upload is judged by UploadCheck against this limit and by its content before it is read.
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.SectionName);
        return services;
    }

    /// <summary>The security headers on every response; first in the pipeline, so nothing answers without them.</summary>
    public static WebApplication UseCxHardening(this WebApplication app)
    {
        app.UseCxSecurityHeaders();
        return app;
    }

    /// <summary>
    /// <see cref="LivenessPath"/> and <see cref="ReadinessPath"/>, open to anonymous callers: load balancers
    /// and orchestrators do not sign in. Ready answers 503 with the reason when it is not.
    /// </summary>
    public static IEndpointRouteBuilder MapCxHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous();
        endpoints.MapHealthChecks(ReadinessPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadinessTag),
            ResponseWriter = WriteStatusAndReasonsAsync,
        }).AllowAnonymous();
        return endpoints;
    }

    // "Healthy", or "Unhealthy: 2 migrations pending: …" with every failing check's reason.
    private static Task WriteStatusAndReasonsAsync(HttpContext context, HealthReport report)
    {
        var reasons = report.Entries.Values
            .Where(entry => entry.Status != HealthStatus.Healthy)
            .Select(entry => entry.Description ?? entry.Exception?.Message ?? "no reason given")
            .ToList();
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(reasons.Count == 0
            ? report.Status.ToString()
            : $"{report.Status}: {string.Join("; ", reasons)}");
    }
}
