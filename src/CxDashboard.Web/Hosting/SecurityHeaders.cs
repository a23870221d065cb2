using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace CxDashboard.Web.Hosting;

/// <summary>
/// The headers every response carries: a content security policy under which the page runs only the
/// scripts we serve, and the headers that keep it out of other sites' frames and windows and away from
/// the reader's camera, microphone and location.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The policy without the import map's hash. Blazor Server, MudBlazor and apexcharts run without
    /// 'unsafe-eval' and without inline scripts; connect-src 'self' also admits the circuit's WebSocket to
    /// the same host and port (CSP Level 3 matches ws:/wss: under 'self').
    /// </summary>
    public const string BasePolicy =
        "default-src 'self'; "
        + "script-src 'self'; "
        // MudBlazor writes style attributes and its theme as a <style> element, and apexcharts injects its
        // stylesheet and styles its SVG inline; Chromium refuses all of them without 'unsafe-inline'. An
        // injected style can restyle a page but cannot run script, which script-src keeps to our own files.
        + "style-src 'self' 'unsafe-inline'; "
        // MudBlazor's stylesheet embeds a data: image, and apexcharts draws its PNG export from a data: SVG.
        + "img-src 'self' data:; "
        + "font-src 'self' data:; "
        + "connect-src 'self'; "
        + "frame-ancestors 'none'; "
        + "base-uri 'self'; "
        + "form-action 'self'; "
        + "object-src 'none'";

    // One policy per import map; the map is the same for every page of a build.
    private static readonly ConditionalWeakTable<ImportMapDefinition, string> PolicyByImportMap = [];

    /// <summary>
    /// The policy for a response whose page renders <paramref name="importMap"/>. Blazor's
    /// &lt;ImportMap /&gt; is an inline script (it maps module names to their fingerprinted files), so
    /// script-src admits exactly that script by its SHA-256 hash, computed from the same definition the
    /// page writes (its ToString() is the JSON the component renders), and no other inline script. The map
    /// names fingerprinted files, so its hash changes with every build and cannot be written down here.
    /// </summary>
    public static string ContentSecurityPolicy(ImportMapDefinition? importMap) =>
        importMap is null ? BasePolicy : PolicyByImportMap.GetValue(importMap, WithHashOf);

    /// <summary>Sets the headers on every response, just before it starts, so that error pages carry them too.</summary>
    public static IApplicationBuilder UseCxSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Apply(context);
                return Task.CompletedTask;
            });
            await next(context);
        });

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        var importMap = context.GetEndpoint()?.Metadata.GetMetadata<ImportMapDefinition>();
        headers.ContentSecurityPolicy = ContentSecurityPolicy(importMap);
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }

    private static string WithHashOf(ImportMapDefinition importMap)
    {
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap.ToString())));
        return BasePolicy.Replace("script-src 'self';", $"script-src 'self' 'sha256-{hash}';", StringComparison.Ordinal);
    }
}
