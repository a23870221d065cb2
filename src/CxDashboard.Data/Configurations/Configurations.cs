using CxDashboard.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Data.Configurations;

internal sealed class KpiConfiguration : IEntityTypeConfiguration<Kpi>
{
    public void Configure(EntityTypeBuilder<Kpi> b)
    {
        b.ToTable("KpiDefinitions");
        b.HasIndex(k => k.Code).IsUnique();
        b.Property(k => k.Code).HasMaxLength(32);
        b.Property(k => k.Name).HasMaxLength(120);
        b.Property(k => k.Definition).HasMaxLength(500);
        b.Property(k => k.NumeratorLabel).HasMaxLength(120);
        b.Property(k => k.DenominatorLabel).HasMaxLength(120);
    }
}

internal sealed class MeasurementConfiguration : IEntityTypeConfiguration<Measurement>
{
    public void Configure(EntityTypeBuilder<Measurement> b)
    {
        // The natural key: a re-import of the same KPI, month and dimensions updates instead of duplicating.
        // A null dimension ("not measured along it") must collide with another null, hence nulls not distinct
        // on PostgreSQL and a companion expression index on SQLite (see the SQLite initial migration).
        b.HasIndex(m => new { m.Month, m.KpiId, m.ChannelId, m.PartnerId, m.SegmentId })
            .IsUnique()
            .AreNullsDistinct(false)
            .HasDatabaseName("IX_Measurements_NaturalKey");
        // "One KPI, all months" (KPI detail, drivers); the natural key serves "one month, all KPIs".
        b.HasIndex(m => new { m.KpiId, m.Month }).HasDatabaseName("IX_Measurements_Kpi_Month");
        b.Property(m => m.Note).HasMaxLength(500);
        b.HasOne(m => m.Kpi).WithMany().HasForeignKey(m => m.KpiId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(m => m.Channel).WithMany().HasForeignKey(m => m.ChannelId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(m => m.Partner).WithMany().HasForeignKey(m => m.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(m => m.Segment).WithMany().HasForeignKey(m => m.SegmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> b)
    {
        b.HasIndex(c => c.Code).IsUnique();
        b.Property(c => c.Code).HasMaxLength(32);
        b.Property(c => c.Name).HasMaxLength(120);
    }
}

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> b)
    {
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.Code).HasMaxLength(32);
        b.Property(p => p.Name).HasMaxLength(120);
    }
}

internal sealed class SegmentConfiguration : IEntityTypeConfiguration<Segment>
{
    public void Configure(EntityTypeBuilder<Segment> b)
    {
        b.HasIndex(s => s.Code).IsUnique();
        b.Property(s => s.Code).HasMaxLength(32);
        b.Property(s => s.Name).HasMaxLength(120);
    }
}

internal sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> b)
    {
        b.HasIndex(i => i.Name).IsUnique();
        b.Property(i => i.Name).HasMaxLength(160);
        b.Property(i => i.Owner).HasMaxLength(120);
        b.Property(i => i.Description).HasMaxLength(2000);
        b.HasMany(i => i.CostItems).WithOne().HasForeignKey(c => c.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Baselines).WithOne().HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.ValueDrivers).WithOne().HasForeignKey(d => d.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.GateDecisions).WithOne().HasForeignKey(g => g.InitiativeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GateDecisionConfiguration : IEntityTypeConfiguration<GateDecision>
{
    public void Configure(EntityTypeBuilder<GateDecision> b)
    {
        b.Property(g => g.Note).HasMaxLength(2000);
        b.Property(g => g.DecidedBy).HasMaxLength(256);
        b.HasIndex(g => new { g.InitiativeId, g.Gate, g.DecidedUtc });
    }
}

internal sealed class ExperimentConfiguration : IEntityTypeConfiguration<Experiment>
{
    public void Configure(EntityTypeBuilder<Experiment> b)
    {
        b.HasIndex(e => e.Name).IsUnique();
        b.Property(e => e.Name).HasMaxLength(160);
        b.Property(e => e.Hypothesis).HasMaxLength(2000);
        b.HasOne(e => e.Kpi).WithMany().HasForeignKey(e => e.KpiId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Initiative>().WithMany().HasForeignKey(e => e.InitiativeId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Partner>().WithMany().HasForeignKey(e => e.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CostItemConfiguration : IEntityTypeConfiguration<CostItem>
{
    public void Configure(EntityTypeBuilder<CostItem> b) => b.Property(c => c.Name).HasMaxLength(160);
}

internal sealed class BaselineConfiguration : IEntityTypeConfiguration<Baseline>
{
    public void Configure(EntityTypeBuilder<Baseline> b)
    {
        b.Property(x => x.Note).HasMaxLength(1000);
        b.HasIndex(x => new { x.KpiId, x.InitiativeId });
        b.HasOne(x => x.Kpi).WithMany().HasForeignKey(x => x.KpiId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Channel).WithMany().HasForeignKey(x => x.ChannelId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Partner).WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Segment).WithMany().HasForeignKey(x => x.SegmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ValueDriverConfiguration : IEntityTypeConfiguration<ValueDriver>
{
    public void Configure(EntityTypeBuilder<ValueDriver> b)
    {
        b.Property(d => d.Name).HasMaxLength(160);
        b.Ignore(d => d.Parameters);
        b.HasOne(d => d.Baseline).WithMany().HasForeignKey(d => d.BaselineId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrganisationSettingsConfiguration : IEntityTypeConfiguration<OrganisationSettings>
{
    public void Configure(EntityTypeBuilder<OrganisationSettings> b)
    {
        b.ToTable("Settings");
        b.Property(s => s.OrganisationName).HasMaxLength(160);
        b.Property(s => s.Currency).HasMaxLength(3);
        b.Property(s => s.Culture).HasMaxLength(16);
    }
}

internal sealed class MeasurementImportConfiguration : IEntityTypeConfiguration<MeasurementImport>
{
    public void Configure(EntityTypeBuilder<MeasurementImport> b)
    {
        b.ToTable("Imports");
        b.Property(i => i.FileName).HasMaxLength(260);
        b.Property(i => i.ApiKeyName).HasMaxLength(120);
        b.Property(i => i.UserName).HasMaxLength(256);
        b.Property(i => i.ContentHash).HasMaxLength(64);
        b.Property(i => i.Message).HasMaxLength(2000);
        b.Property(i => i.BackupName).HasMaxLength(260);
        b.Property(i => i.UndoneBy).HasMaxLength(256);
        b.HasIndex(i => i.StartedUtc);
        b.HasIndex(i => i.Status);
        b.HasOne<Partner>().WithMany().HasForeignKey(i => i.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ImportReplacedValueConfiguration : IEntityTypeConfiguration<ImportReplacedValue>
{
    public void Configure(EntityTypeBuilder<ImportReplacedValue> b)
    {
        b.ToTable("ImportReplacedValues");
        b.HasKey(r => new { r.ImportId, r.MeasurementId });
        b.Property(r => r.Note).HasMaxLength(500);
        b.HasOne<MeasurementImport>().WithMany().HasForeignKey(r => r.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BaselineRevisionConfiguration : IEntityTypeConfiguration<BaselineRevision>
{
    public void Configure(EntityTypeBuilder<BaselineRevision> b)
    {
        b.Property(r => r.UserName).HasMaxLength(256);
        b.Property(r => r.Reason).HasMaxLength(1000);
        b.HasIndex(r => new { r.BaselineId, r.AtUtc });
        b.HasOne(r => r.Baseline).WithMany().HasForeignKey(r => r.BaselineId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.Property(k => k.Name).HasMaxLength(120);
        b.Property(k => k.Prefix).HasMaxLength(16);
        b.Property(k => k.SecretHash).HasMaxLength(64);
        b.Property(k => k.CreatedBy).HasMaxLength(256);
        b.Property(k => k.RevokedBy).HasMaxLength(256);
        b.HasIndex(k => k.Prefix).IsUnique();
        b.HasIndex(k => k.SecretHash).IsUnique();
        b.HasOne<Partner>().WithMany().HasForeignKey(k => k.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}
