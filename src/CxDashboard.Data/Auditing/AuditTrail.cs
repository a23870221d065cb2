using System.Globalization;
using System.Text.Json;
using CxDashboard.Data.Access;
using CxDashboard.Data.Model;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CxDashboard.Data.Auditing;

/// <summary>
/// Turns the changes a context is about to save into audit entries. Every entity type is audited unless it is
/// listed here as not a business change (the audit trail itself, data-protection keys), so a type added later
/// is audited with no extra code.
/// </summary>
internal static class AuditTrail
{
    /// <summary>One row's change, captured before the save; the key is read after it (a new row's id comes from the database).</summary>
    internal sealed record Change(EntityEntry Entry, AuditAction Action, IReadOnlyList<FieldChange> Fields);

    /// <summary>One field: its value before and after (null when there was none), or only "changed" for a secret.</summary>
    internal sealed record FieldChange(string Field, string? Old, string? New);

    private const string Secret = "(changed, not shown)";

    private static readonly HashSet<Type> NotAudited = [typeof(AuditEntry), typeof(DataProtectionKey)];

    /// <summary>Fields whose values are secrets: their change is recorded, their values never.</summary>
    private static readonly HashSet<string> SecretFields =
        [nameof(IdentityUser.PasswordHash), nameof(IdentityUser.SecurityStamp), nameof(IdentityUserToken<string>.Value)];

    /// <summary>Fields that change with every save and say nothing to a reader.</summary>
    private static readonly HashSet<string> NoiseFields =
        [nameof(IVersioned.Version), nameof(IdentityUser.ConcurrencyStamp), nameof(IdentityUser.NormalizedEmail), nameof(IdentityUser.NormalizedUserName), nameof(IdentityRole.NormalizedName)];

    private static readonly Dictionary<Type, string> Names = new()
    {
        [typeof(CxUser)] = "User",
        [typeof(IdentityRole)] = "Role",
        [typeof(IdentityUserRole<string>)] = "User role",
        [typeof(IdentityUserClaim<string>)] = "User claim",
        [typeof(IdentityUserLogin<string>)] = "User login",
        [typeof(IdentityUserToken<string>)] = "User token",
        [typeof(IdentityRoleClaim<string>)] = "Role claim",
        [typeof(OrganisationSettings)] = "Settings",
        [typeof(Kpi)] = "KPI",
    };

    /// <summary>
    /// The changes about to be saved. Throws when the audit trail itself would be changed or deleted: entries are
    /// only ever added.
    /// </summary>
    public static List<Change> Capture(ChangeTracker tracker)
    {
        var changes = new List<Change>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is AuditEntry && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("Audit entries cannot be changed or deleted: the audit trail only ever grows.");
            if (NotAudited.Contains(entry.Metadata.ClrType)) continue;
            var change = entry.State switch
            {
                EntityState.Added => new Change(entry, AuditAction.Added, Fields(entry, e => null, e => e.CurrentValue)),
                EntityState.Deleted => new Change(entry, AuditAction.Deleted, Fields(entry, e => e.OriginalValue, e => null)),
                EntityState.Modified => new Change(entry, AuditAction.Modified, Modified(entry)),
                _ => null,
            };
            if (change is not null && (change.Action != AuditAction.Modified || change.Fields.Count > 0)) changes.Add(change);
        }

        return changes;
    }

    /// <summary>The audit entries for changes that have just been saved.</summary>
    public static IEnumerable<AuditEntry> Entries(IReadOnlyList<Change> changes, StoreActor? actor, bool inBulk = false)
    {
        var now = DateTime.UtcNow;
        if (inBulk)
        {
            return changes.GroupBy(c => (Type: c.Entry.Metadata.ClrType, c.Action)).Select(g => new AuditEntry
            {
                AtUtc = now,
                UserName = actor?.UserName ?? StoreActor.SystemName,
                Entity = NameOf(g.Key.Type),
                EntityKey = "",
                Action = g.Key.Action,
                Changes = JsonSerializer.Serialize(new[] { new { field = "rows", old = (string?)null, @new = g.Count().ToString(CultureInfo.InvariantCulture) } }),
                ImportId = actor?.ImportId,
            }).ToList();
        }

        return changes.Select(c => new AuditEntry
        {
            AtUtc = now,
            UserName = actor?.UserName ?? StoreActor.SystemName,
            Entity = NameOf(c.Entry.Metadata.ClrType),
            EntityKey = KeyOf(c.Entry),
            Action = c.Action,
            Changes = JsonSerializer.Serialize(c.Fields.Select(f => new { field = f.Field, old = f.Old, @new = f.New })),
            ImportId = actor?.ImportId,
        }).ToList();
    }

    private static List<FieldChange> Fields(EntityEntry entry, Func<PropertyEntry, object?> old, Func<PropertyEntry, object?> now) =>
        entry.Properties
            .Where(p => !NoiseFields.Contains(p.Metadata.Name) && !p.Metadata.IsShadowProperty())
            .Select(p => Field(p.Metadata.Name, old(p), now(p)))
            .Where(f => f.Old is not null || f.New is not null)
            .ToList();

    private static List<FieldChange> Modified(EntityEntry entry) =>
        entry.Properties
            .Where(p => p.IsModified && !NoiseFields.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue))
            .Select(p => Field(p.Metadata.Name, p.OriginalValue, p.CurrentValue))
            .ToList();

    private static FieldChange Field(string name, object? old, object? now) =>
        SecretFields.Contains(name)
            ? new FieldChange(name, old is null ? null : Secret, now is null ? null : Secret)
            : new FieldChange(name, Text(old), Text(now));

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? "" : string.Join(",", key.Properties.Select(p => Text(entry.Property(p.Name).CurrentValue)));
    }

    private static string NameOf(Type type) =>
        Names.TryGetValue(type, out var name) ? name : type.Name;
}
