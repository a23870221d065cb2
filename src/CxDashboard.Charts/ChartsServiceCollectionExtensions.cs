using CxDashboard.Charts;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration entry point of CxDashboard.Charts.</summary>
public static class ChartsServiceCollectionExtensions
{
    /// <summary>
    /// Registers what the chart components need. <see cref="ApexChart"/> only uses the framework's
    /// <c>IJSRuntime</c> today; Program.cs calls this anyway so later chart services have one place to go.
    /// </summary>
    public static IServiceCollection AddCxCharts(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services;
    }
}
