using Microsoft.Extensions.FileProviders;

namespace CxDashboard.Charts;

/// <summary>Where the apexcharts script is served from, and a start-up check that it is there.</summary>
public static class ChartAssets
{
    /// <summary>
    /// Path of the apexcharts ES module relative to the web root. The build copies it from
    /// wwwroot-assets/node_modules (npm ci), so a clone that was never built with Node.js lacks it.
    /// </summary>
    public const string ApexChartsScriptPath = "_content/CxDashboard.Charts/lib/apexcharts/apexcharts.esm.js";

    /// <summary>Whether the host's web root (<c>IWebHostEnvironment.WebRootFileProvider</c>) serves the apexcharts script.</summary>
    public static bool IsApexChartsScriptPresent(IFileProvider webRootFileProvider)
    {
        ArgumentNullException.ThrowIfNull(webRootFileProvider);
        var file = webRootFileProvider.GetFileInfo(ApexChartsScriptPath);
        return file.Exists && file.Length > 0;
    }
}
