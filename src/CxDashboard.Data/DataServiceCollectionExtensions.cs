using CxDashboard.Data.ApiKeys;
using CxDashboard.Data.Exports;
using CxDashboard.Data.Imports;
using CxDashboard.Data.Queries;
using CxDashboard.Data.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CxDashboard.Data;

/// <summary>The Data project's one registration entry point.</summary>
public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store chosen by the "Database" section: the context factory, the queries, the
    /// measurement importer and its history, and the start-up initializer. A bad provider or a malformed connection string throws a <see cref="StartupException"/>.
    /// </summary>
    public static IServiceCollection AddCxData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var store = StoreConnection.From(options, contentRoot);

        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName));
        services.AddSingleton(store);
        services.AddSingleton<IDbContextFactory<CxDbContext>, StoreContextFactory>();
        services.AddSingleton<MeasurementQueries>();
        services.AddSingleton<OrganisationQueries>();
        services.AddSingleton<AuditQueries>();
        services.AddSingleton<KpiQueries>();
        services.AddSingleton<ExperimentQueries>();
        services.AddSingleton<InitiativeQueries>();
        services.AddSingleton<MeasurementExport>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<StoreInitializer>();
        services.TryAddSingleton(TimeProvider.System);
        // The importer backs up the store before each import, so it needs AddCxBackups too (as the app registers it).
        // Built on first use, so that a host that never imports (the backup command, health checks) needs no backups.
        services.AddSingleton(sp => new MeasurementImporter(
            sp.GetRequiredService<StoreConnection>(),
            sp.GetRequiredService<IDbContextFactory<CxDbContext>>(),
            sp.GetRequiredService<Backups.StoreBackups>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<MeasurementImporter>>()));
        services.AddSingleton<ImportHistory>();
        return services;
    }

    /// <summary>Migrates and seeds the store; call once before the app starts serving.</summary>
    public static Task InitializeCxStoreAsync(this IServiceProvider services, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);

    /// <summary>
    /// Migrates and seeds the store, then runs <paramref name="alsoOnce"/> (the app's own first-start seeding, such as
    /// its users) under the same start-up lock, so that instances started at once on one PostgreSQL database take turns.
    /// </summary>
    public static Task InitializeCxStoreAsync(this IServiceProvider services, Func<CancellationToken, Task> alsoOnce, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<StoreInitializer>().InitializeAsync(alsoOnce, cancellationToken);
}

/// <summary>Creates contexts of the configured provider's own type, one short-lived context per operation.</summary>
internal sealed class StoreContextFactory(StoreConnection store) : IDbContextFactory<CxDbContext>
{
    public CxDbContext CreateDbContext() => store.CreateContext();
}
