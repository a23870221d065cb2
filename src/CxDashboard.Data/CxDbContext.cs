using CxDashboard.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Data;

/// <summary>
/// The CxDashboard store. Each provider has its own context type so that its migrations stay apart:
/// <see cref="SqliteCxDbContext"/> (the embedded default) and <see cref="PostgresCxDbContext"/>.
/// After a model change, add a migration for both, from the repository root:
/// <code>
/// dotnet ef migrations add NAME --project src/CxDashboard.Data --context SqliteCxDbContext --output-dir Migrations/Sqlite
/// dotnet ef migrations add NAME --project src/CxDashboard.Data --context PostgresCxDbContext --output-dir Migrations/PostgreSql
/// </code>
/// </summary>
public abstract class CxDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Kpi> Kpis => Set<Kpi>();
    public DbSet<Measurement> Measurements => Set<Measurement>();
    public DbSet<Channel> Channels => Set<Channel>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<Segment> Segments => Set<Segment>();
    public DbSet<Initiative> Initiatives => Set<Initiative>();
    public DbSet<CostItem> CostItems => Set<CostItem>();
    public DbSet<Baseline> Baselines => Set<Baseline>();
    public DbSet<ValueDriver> ValueDrivers => Set<ValueDriver>();
    public DbSet<OrganisationSettings> Settings => Set<OrganisationSettings>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CxDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Enums are stored by name so that the store reads the same in any SQL client.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        // Money entered by people: 18 digits with 4 decimals is enough for any cost or rate.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }
}

/// <summary>The store on SQLite, the embedded default.</summary>
public sealed class SqliteCxDbContext(DbContextOptions<SqliteCxDbContext> options) : CxDbContext(options);

/// <summary>The store on PostgreSQL, for scale-out.</summary>
public sealed class PostgresCxDbContext(DbContextOptions<PostgresCxDbContext> options) : CxDbContext(options);
