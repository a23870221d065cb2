using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CxDashboard.Data.Backups;

/// <summary>Registers the backups of the store.</summary>
public static class BackupServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="StoreBackups"/> with the "Backups" section (call after <c>AddCxData</c>, whose store it
    /// backs up). A wrong setting throws a <see cref="StartupException"/> naming it and the fix.
    /// </summary>
    public static IServiceCollection AddCxBackups(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(BackupOptions.SectionName).Get<BackupOptions>() ?? new BackupOptions();
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();

        services.AddOptions<BackupOptions>().Bind(configuration.GetSection(BackupOptions.SectionName));
        services.AddSingleton(BackupPlan.From(options, database, contentRoot));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StoreBackups>();
        return services;
    }
}
