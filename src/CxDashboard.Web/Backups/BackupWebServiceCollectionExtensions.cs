namespace CxDashboard.Web.Backups;

/// <summary>Registers the scheduled backup.</summary>
public static class BackupWebServiceCollectionExtensions
{
    /// <summary>
    /// The daily backup of Backups:Schedule, as a hosted service. Needs <c>AddCxBackups</c> (CxDashboard.Data),
    /// which registers the backups it takes.
    /// </summary>
    public static IServiceCollection AddCxScheduledBackups(this IServiceCollection services)
    {
        services.AddHostedService<ScheduledBackup>();
        return services;
    }
}
