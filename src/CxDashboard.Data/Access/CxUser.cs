using Microsoft.AspNetCore.Identity;

namespace CxDashboard.Data.Access;

/// <summary>A person who signs in: an executive, a CX manager, an admin, or someone at an outsourcing partner.</summary>
public class CxUser : IdentityUser
{
    /// <summary>The name shown in the app bar and the audit trail ("Dana Reyes").</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>
    /// The partner whose rows alone this user may see, everywhere (board, KPIs, exports, API); null for a user of
    /// the organisation itself, who sees every partner.
    /// </summary>
    public int? PartnerId { get; set; }

    /// <summary>When the account was created, UTC.</summary>
    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
}

/// <summary>The three roles, from least to most rights. Each role includes the rights of the ones before it.</summary>
public static class CxRoles
{
    /// <summary>Executives and steering members: read everything they are allowed to.</summary>
    public const string Viewer = "Viewer";

    /// <summary>CX managers: change data, initiatives and experiments.</summary>
    public const string Editor = "Editor";

    /// <summary>Settings, users, backups and API keys.</summary>
    public const string Admin = "Admin";

    /// <summary>Every role, least rights first.</summary>
    public static IReadOnlyList<string> All { get; } = [Viewer, Editor, Admin];

    /// <summary>The roles that may change data: "Editor,Admin", for authorization attributes.</summary>
    public const string Editors = Editor + "," + Admin;

    /// <summary>The roles a user of <paramref name="role"/> holds, as each role includes the ones before it.</summary>
    public static IReadOnlyList<string> Including(string role)
    {
        var index = All.ToList().FindIndex(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
        if (index < 0) throw new ArgumentException($"Unknown role \"{role}\": use one of {string.Join(", ", All)}.", nameof(role));
        return All.Take(index + 1).ToList();
    }
}
