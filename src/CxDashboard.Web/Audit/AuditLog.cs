using System.Globalization;
using System.Text.Json;
using CxDashboard.Data.Access;
using CxDashboard.Data.Auditing;
using CxDashboard.Data.Queries;
using CxDashboard.Web.Access;

namespace CxDashboard.Web.Audit;

/// <summary>One changed field as the audit page shows it.</summary>
/// <param name="Field">The field's name.</param>
/// <param name="Old">Its value before, or null when it had none.</param>
/// <param name="New">Its value after, or null when it has none.</param>
public sealed record AuditFieldView(string Field, string? Old, string? New);

/// <summary>One audit entry as the audit page shows it.</summary>
public sealed record AuditEntryView(
    long Id, DateTime AtUtc, string UserName, string Entity, string EntityKey, AuditAction Action, IReadOnlyList<AuditFieldView> Fields, long? ImportId);

/// <summary>
/// The audit page's application service: reads the trail for editors and admins of the organisation. It only
/// reads; the trail is written by the store itself and nothing in the app changes it.
/// </summary>
public sealed class AuditLog(AuditQueries queries, AccessGuard guard)
{
    private const string ToReadIt = "read the audit trail";

    /// <summary>One page of entries matching the filter, newest first.</summary>
    public async Task<(IReadOnlyList<AuditEntryView> Entries, int Total)> SearchAsync(
        AuditFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        await guard.RequireOrganisationAsync(CxRoles.Editor, ToReadIt);
        var page = await queries.SearchAsync(filter, skip, take, cancellationToken);
        return (page.Entries.Select(View).ToList(), page.Total);
    }

    /// <summary>The users and kinds of row to filter by.</summary>
    public async Task<(IReadOnlyList<string> Users, IReadOnlyList<string> Entities)> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await guard.RequireOrganisationAsync(CxRoles.Editor, ToReadIt);
        return await queries.ChoicesAsync(cancellationToken);
    }

    private static AuditEntryView View(AuditEntry e) =>
        new(e.Id, e.AtUtc, e.UserName, e.Entity, e.EntityKey, e.Action, Fields(e.Changes), e.ImportId);

    /// <summary>The stored JSON as fields; an entry that cannot be read shows its raw text rather than nothing.</summary>
    private static List<AuditFieldView> Fields(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<JsonElement>>(json)?
                .Select(f => new AuditFieldView(Text(f, "field") ?? "", Text(f, "old"), Text(f, "new")))
                .ToList() ?? [];
        }
        catch (JsonException)
        {
            return [new AuditFieldView("(as stored)", null, json)];
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    /// <summary>A moment written for the reader in their culture, in UTC (the store keeps UTC).</summary>
    public static string When(DateTime utc, CultureInfo culture) =>
        utc.ToString("yyyy-MM-dd HH:mm:ss", culture) + " UTC";
}
