using CxDashboard.Data.Access;
using CxDashboard.Data.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Data.Configurations;

internal sealed class CxUserConfiguration : IEntityTypeConfiguration<CxUser>
{
    public void Configure(EntityTypeBuilder<CxUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(120);
        b.HasOne<Model.Partner>().WithMany().HasForeignKey(u => u.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.Entity).HasMaxLength(64);
        b.Property(a => a.EntityKey).HasMaxLength(200);
        // The audit page reads newest first, filtered by who, what kind of row and when.
        b.HasIndex(a => a.AtUtc);
        b.HasIndex(a => new { a.Entity, a.AtUtc });
        b.HasIndex(a => new { a.UserName, a.AtUtc });
    }
}
