using CxDashboard.Data.Access;
using CxDashboard.Data.Auditing;
using CxDashboard.Data.Model;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
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
/// Every save records its changes in the audit trail in the same transaction, and every edited row's version is
/// checked, so two editors never silently overwrite each other. A context created for a partner-scoped actor
/// (<see cref="StoreActor"/>) sees only that partner's rows.
/// </summary>
public abstract class CxDbContext : IdentityDbContext<CxUser>, IDataProtectionKeyContext
{
    /// <summary>A context for the actor current when it is created.</summary>
    protected CxDbContext(DbContextOptions options)
        : base(options)
    {
        Actor = StoreActor.Current;
        PartnerScope = Actor?.PartnerId;
    }

    /// <summary>Who this context works for; null for the system.</summary>
    public StoreActor? Actor { get; }

    /// <summary>The partner whose rows alone this context sees; null to see every partner.</summary>
    public int? PartnerScope { get; }

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
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<MeasurementImport> Imports => Set<MeasurementImport>();
    public DbSet<ImportReplacedValue> ImportReplacedValues => Set<ImportReplacedValue>();
    public DbSet<BaselineRevision> BaselineRevisions => Set<BaselineRevision>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<GateDecision> GateDecisions => Set<GateDecision>();
    public DbSet<Experiment> Experiments => Set<Experiment>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// When true, a save records one audit entry per kind of row and action ("12,480 Measurement rows added")
    /// instead of one per row: for seeding and other bulk writes of the store's own making.
    /// </summary>
    internal bool AuditsInBulk { get; set; }

    /// <summary>True when the app raises <see cref="IVersioned.Version"/> itself; false when the database does (xmin).</summary>
    protected abstract bool RaisesVersions { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CxDbContext).Assembly);

        // A partner-scoped user sees their own partner's rows only. The filter lives here, in the store, so no
        // page, export or API can forget it.
        builder.Entity<Measurement>().HasQueryFilter(m => PartnerScope == null || m.PartnerId == PartnerScope);
        builder.Entity<Partner>().HasQueryFilter(p => PartnerScope == null || p.Id == PartnerScope);
        builder.Entity<Baseline>().HasQueryFilter(b => PartnerScope == null || b.PartnerId == null || b.PartnerId == PartnerScope);
        builder.Entity<ValueDriver>().HasQueryFilter(d => PartnerScope == null || d.Baseline!.PartnerId == null || d.Baseline.PartnerId == PartnerScope);
        // What the organisation pays for its initiatives is not a partner's business, and set against one partner's
        // benefits it would only mislead: a partner user sees value, not the organisation's costs.
        builder.Entity<CostItem>().HasQueryFilter(c => PartnerScope == null);
        builder.Entity<Experiment>().HasQueryFilter(e => PartnerScope == null || e.PartnerId == PartnerScope);
        builder.Entity<MeasurementImport>().HasQueryFilter(i => PartnerScope == null || i.PartnerId == PartnerScope);
        builder.Entity<BaselineRevision>().HasQueryFilter(r => PartnerScope == null || r.Baseline!.PartnerId == null || r.Baseline.PartnerId == PartnerScope);
        builder.Entity<ApiKey>().HasQueryFilter(k => PartnerScope == null);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Enums are stored by name so that the store reads the same in any SQL client.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        // Money entered by people: 18 digits with 4 decimals is enough for any cost or rate.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var changes = Prepare();
        if (changes.Count == 0) return base.SaveChanges(acceptAllChangesOnSuccess);
        using var transaction = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var count = base.SaveChanges(acceptAllChangesOnSuccess);
        AuditEntries.AddRange(AuditTrail.Entries(changes, Actor, AuditsInBulk));
        base.SaveChanges(acceptAllChangesOnSuccess);
        transaction?.Commit();
        return count;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changes = Prepare();
        if (changes.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        // The change and its audit entries are one transaction: both are stored, or neither.
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        AuditEntries.AddRange(AuditTrail.Entries(changes, Actor, AuditsInBulk));
        await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return count;
    }

    /// <summary>
    /// Refuses changes to the audit trail and changes to a locked baseline that come without their revision, detaches
    /// hand-edited measurements from their import, raises the versions of edited rows and notes what the audit records.
    /// </summary>
    private List<AuditTrail.Change> Prepare()
    {
        ChangeTracker.DetectChanges();
        CxDashboard.Data.Baselines.BaselineLock.Check(ChangeTracker);
        // A measurement edited by hand no longer holds what its import wrote: it stops counting as the import's, so
        // undoing that import later is refused instead of overwriting the edit.
        foreach (var entry in ChangeTracker.Entries<Measurement>().Where(e => e.State == EntityState.Modified))
        {
            var import = entry.Property(m => m.ImportId);
            if (!import.IsModified && import.CurrentValue is not null) import.CurrentValue = null;
        }

        if (RaisesVersions)
        {
            foreach (var entry in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
            {
                var version = entry.Property(v => v.Version);
                version.CurrentValue = version.OriginalValue + 1;
            }
        }

        return AuditTrail.Capture(ChangeTracker);
    }
}

/// <summary>The store on SQLite, the embedded default.</summary>
public sealed class SqliteCxDbContext(DbContextOptions<SqliteCxDbContext> options) : CxDbContext(options)
{
    protected override bool RaisesVersions => true;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
            builder.Entity(type.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
    }
}

/// <summary>The store on PostgreSQL, for scale-out.</summary>
public sealed class PostgresCxDbContext(DbContextOptions<PostgresCxDbContext> options) : CxDbContext(options)
{
    protected override bool RaisesVersions => false;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // The server's own row version: xmin changes with every update, at no cost and with no column to keep.
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
            builder.Entity(type.ClrType).Property(nameof(IVersioned.Version)).IsRowVersion();
    }
}
