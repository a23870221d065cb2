using CxDashboard.Data;
using CxDashboard.Data.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Access;

/// <summary>
/// Makes sure someone can sign in on the first start: the roles, then either the administrator from configuration
/// or, in demo mode, one demo user per role (and one partner user) whose passwords are printed at start-up.
/// </summary>
public sealed partial class AccessSeeder(
    IServiceScopeFactory scopes,
    IOptions<AccessOptions> access,
    IOptions<DatabaseOptions> database,
    ILogger<AccessSeeder> logger)
{
    /// <summary>A demo account: who it is for, its role and, for a partner's user, the partner's code.</summary>
    public sealed record DemoUser(string Email, string Password, string DisplayName, string Role, string? PartnerCode = null);

    /// <summary>The demo organisation's users. Demo only: never use these passwords for real data.</summary>
    public static IReadOnlyList<DemoUser> DemoUsers { get; } =
    [
        new("viewer@harbour.demo", "harbour-viewer-2026", "Elena Marsh, CFO", CxRoles.Viewer),
        new("editor@harbour.demo", "harbour-editor-2026", "Marco Diaz, CX Manager", CxRoles.Editor),
        new("admin@harbour.demo", "harbour-admin-2026", "Sasha Okafor, CX Operations Admin", CxRoles.Admin),
        new("partner@harbour.demo", "harbour-partner-2026", "Lena Novak, Atlas Contact Solutions", CxRoles.Viewer, "ATLAS"),
    ];

    /// <summary>Adds the roles and the first users when they are missing.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CxUser>>();
        foreach (var role in CxRoles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), $"the role {role}");

        var demo = database.Value.SeedDemoData;
        if (!await users.Users.AnyAsync(cancellationToken))
        {
            var admin = access.Value.Admin;
            if (!string.IsNullOrWhiteSpace(admin.Email))
                await CreateAsync(users, admin.Email, admin.Password, admin.DisplayName, CxRoles.Admin, null, "Access:Admin");
            else if (demo)
                await CreateDemoUsersAsync(scope.ServiceProvider, users, cancellationToken);
            else
                throw new StartupException(
                    "No one could sign in: set Access:Admin:Email and Access:Admin:Password (for example with the environment variables Access__Admin__Email and Access__Admin__Password) to create the first administrator.");
        }

        if (demo && await users.FindByEmailAsync(DemoUsers[0].Email) is not null)
            foreach (var user in DemoUsers)
                LogDemoUser(logger, user.Email, user.Password, user.PartnerCode is null ? user.Role : $"{user.Role}, {user.PartnerCode} only");
    }

    private static async Task CreateDemoUsersAsync(IServiceProvider services, UserManager<CxUser> users, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<CxDbContext>();
        foreach (var user in DemoUsers)
        {
            int? partner = user.PartnerCode is null ? null
                : await db.Partners.Where(p => p.Code == user.PartnerCode).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
            await CreateAsync(users, user.Email, user.Password, user.DisplayName, user.Role, partner, "the demo users");
        }
    }

    private static async Task CreateAsync(
        UserManager<CxUser> users, string email, string? password, string displayName, string role, int? partner, string setting)
    {
        if (string.IsNullOrEmpty(password))
            throw new StartupException($"{setting}:Password is empty: give the first administrator a password of at least 8 characters.");
        var user = new CxUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, PartnerId = partner };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            throw new StartupException(
                $"The account {email} from {setting} cannot be created: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        Check(await users.AddToRolesAsync(user, CxRoles.Including(role)), $"the roles of {email}");
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new StartupException($"Could not set up {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo user {Email}, password {Password} ({Role}). Demo only: turn Database:SeedDemoData off and use Access:Admin for real data.")]
    private static partial void LogDemoUser(ILogger logger, string email, string password, string role);
}
