using CxDashboard.Data.Auditing;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Data.Queries;

/// <summary>What to look for in the audit trail; every part is optional.</summary>
/// <param name="UserName">Changes by this user (exact name).</param>
/// <param name="Entity">Changes to this kind of row ("Initiative", "User").</param>
/// <param name="Action">Only additions, changes or deletions.</param>
/// <param name="FromUtc">At or after this moment.</param>
/// <param name="ToUtc">Before this moment.</param>
/// <param name="Text">Text found in the row's key or its changed fields (a name, an old or new value).</param>
public sealed record AuditFilter(
    string? UserName = null, string? Entity = null, AuditAction? Action = null, DateTime? FromUtc = null, DateTime? ToUtc = null, string? Text = null);

/// <summary>One page of the audit trail, newest first, with how many entries match in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total);

/// <summary>Reads the audit trail. Nothing here (or anywhere in the app) changes or deletes an entry.</summary>
public sealed class AuditQueries(IDbContextFactory<CxDbContext> contexts)
{
    /// <summary>The entries matching <paramref name="filter"/>, newest first, <paramref name="take"/> from <paramref name="skip"/>.</summary>
    public async Task<AuditPage> SearchAsync(AuditFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.UserName)) query = query.Where(a => a.UserName == filter.UserName);
        if (!string.IsNullOrWhiteSpace(filter.Entity)) query = query.Where(a => a.Entity == filter.Entity);
        if (filter.Action is { } action) query = query.Where(a => a.Action == action);
        if (filter.FromUtc is { } from) query = query.Where(a => a.AtUtc >= from);
        if (filter.ToUtc is { } to) query = query.Where(a => a.AtUtc < to);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(a => a.EntityKey.Contains(text) || a.Changes.Contains(text));
        }

        var total = await query.CountAsync(cancellationToken);
        var entries = await query.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancellationToken);
        return new AuditPage(entries, total);
    }

    /// <summary>The users and kinds of row the trail names, for the filters' lists.</summary>
    public async Task<(IReadOnlyList<string> Users, IReadOnlyList<string> Entities)> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = await db.AuditEntries.Select(a => a.UserName).Distinct().OrderBy(u => u).ToListAsync(cancellationToken);
        var entities = await db.AuditEntries.Select(a => a.Entity).Distinct().OrderBy(e => e).ToListAsync(cancellationToken);
        return (users, entities);
    }
}
