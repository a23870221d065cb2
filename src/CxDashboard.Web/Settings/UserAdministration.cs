using System.Net.Mail;
using System.Security.Claims;
using CxDashboard.Data;
using CxDashboard.Data.Access;
using CxDashboard.Data.Queries;
using CxDashboard.Web.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Settings;

/// <summary>A user as the users list shows them.</summary>
/// <param name="Id">Identity's id of the user.</param>
/// <param name="Email">The email they sign in with.</param>
/// <param name="DisplayName">The name shown in the app bar and the audit trail.</param>
/// <param name="Role">The highest role they hold; null when they hold none.</param>
/// <param name="PartnerId">The partner they are limited to; null for the whole organisation.</param>
/// <param name="Scope">The partner's name, or "whole organisation".</param>
/// <param name="LockedOutUntil">When their lockout ends; null when they are not locked out now.</param>
/// <param name="CreatedUtc">When the account was created, UTC.</param>
public sealed record UserSummary(
    string Id, string Email, string DisplayName, string? Role, int? PartnerId, string Scope, DateTimeOffset? LockedOutUntil, DateTime CreatedUtc);

/// <summary>What the "Add user" form sends; <paramref name="PartnerId"/> is null for a user of the whole organisation.</summary>
public sealed record NewUser(string Email, string DisplayName, string Role, int? PartnerId, string Password);

/// <summary>A partner a user can be limited to.</summary>
public sealed record PartnerChoice(int Id, string Name);

/// <summary>What became of a change to a user.</summary>
public abstract record UserChangeResult
{
    /// <summary>Stored; the user as they are now.</summary>
    public sealed record Done(UserSummary User) : UserChangeResult;

    /// <summary>Not stored: what is wrong with which field (or with the whole change, under <see cref="UserAdministration.General"/>).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : UserChangeResult;
}

/// <summary>
/// The users panel's application service: lists the users and lets organisation admins add users, change their
/// role and partner scope, unlock them and set a new password, without ever leaving the organisation without an
/// administrator who sees every partner.
/// </summary>
public sealed class UserAdministration(
    IServiceScopeFactory scopes,
    IDbContextFactory<CxDbContext> contexts,
    OrganisationQueries organisation,
    AccessGuard guard,
    TimeProvider time)
{
    /// <summary>The key of an error about the whole change rather than one field.</summary>
    public const string General = "";

    /// <summary>The scope shown for a user who is not limited to one partner.</summary>
    public const string WholeOrganisation = "whole organisation";

    /// <summary>Why the last administrator of the whole organisation cannot lose that role.</summary>
    public const string LastAdminRefusal =
        "At least one administrator of the whole organisation must remain: make someone else an admin first.";

    private const string ToManageUsers = "manage users";

    /// <summary>Every user, by email, with their highest role, scope and lockout.</summary>
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await guard.RequireOrganisationAsync(CxRoles.Admin, ToManageUsers);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
        var memberships = await (from m in db.UserRoles
                                 join r in db.Roles on m.RoleId equals r.Id
                                 select new { m.UserId, r.Name }).AsNoTracking().ToListAsync(cancellationToken);
        var roles = memberships.ToLookup(m => m.UserId, m => m.Name ?? "");
        var partners = await PartnerNamesAsync(cancellationToken);
        return users
            .Select(u => Summary(u, roles[u.Id], partners))
            .OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>The partners a user can be limited to, in display order.</summary>
    public async Task<IReadOnlyList<PartnerChoice>> PartnersAsync(CancellationToken cancellationToken = default)
    {
        await guard.RequireOrganisationAsync(CxRoles.Admin, ToManageUsers);
        var dimensions = await organisation.DimensionsAsync(cancellationToken);
        return dimensions.Partners.Select(p => new PartnerChoice(p.Id, p.Name)).ToList();
    }

    /// <summary>Adds a user with the roles up to <see cref="NewUser.Role"/>, or says field by field what is wrong.</summary>
    public async Task<UserChangeResult> CreateAsync(NewUser request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await guard.RequireOrganisationAsync(CxRoles.Admin, ToManageUsers);
        var partners = await PartnerNamesAsync(cancellationToken);
        var email = request.Email?.Trim() ?? "";
        var displayName = request.DisplayName?.Trim() ?? "";
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!IsEmail(email))
            errors[nameof(NewUser.Email)] = $"\"{email}\" is not an email address: write it as name@example.com.";
        if (displayName.Length is 0 or > 120)
            errors[nameof(NewUser.DisplayName)] = "Give a display name of 1 to 120 characters, such as \"Dana Reyes, CX Manager\".";
        var role = KnownRole(request.Role);
        if (role is null)
            errors[nameof(NewUser.Role)] = RoleError(request.Role);
        if (request.PartnerId is { } partner && !partners.ContainsKey(partner))
            errors[nameof(NewUser.PartnerId)] = PartnerError;

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CxUser>>();
        var user = new CxUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, PartnerId = request.PartnerId };
        if (!errors.ContainsKey(nameof(NewUser.Email)) && await users.FindByEmailAsync(email) is not null)
            errors[nameof(NewUser.Email)] = $"There is already a user with the email {email}.";
        if (await PasswordErrorAsync(users, user, request.Password) is { } passwordError)
            errors[nameof(NewUser.Password)] = passwordError;
        if (errors.Count > 0) return new UserChangeResult.Invalid(errors);

        var db = scope.ServiceProvider.GetRequiredService<CxDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded) return Invalid(created);
        var joined = await users.AddToRolesAsync(user, CxRoles.Including(role!));
        if (!joined.Succeeded) return Invalid(joined);
        await transaction.CommitAsync(cancellationToken);
        return new UserChangeResult.Done(Summary(user, CxRoles.Including(role!), partners));
    }

    /// <summary>
    /// Gives the user the roles up to <paramref name="role"/> and the partner scope <paramref name="partnerId"/>,
    /// and makes their open pages check their access again. Refused for one's own account and for the last
    /// administrator of the whole organisation.
    /// </summary>
    public async Task<UserChangeResult> ChangeAccessAsync(string userId, string role, int? partnerId, CancellationToken cancellationToken = default)
    {
        await guard.RequireOrganisationAsync(CxRoles.Admin, ToManageUsers);
        var partners = await PartnerNamesAsync(cancellationToken);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var wanted = KnownRole(role);
        if (wanted is null)
            errors[nameof(NewUser.Role)] = RoleError(role);
        if (partnerId is { } partner && !partners.ContainsKey(partner))
            errors[nameof(NewUser.PartnerId)] = PartnerError;
        if (errors.Count > 0) return new UserChangeResult.Invalid(errors);

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CxUser>>();
        if (await users.FindByIdAsync(userId) is not { } user) return Gone;
        var held = await users.GetRolesAsync(user);
        var current = Highest(held);
        var roleChanges = !string.Equals(current, wanted, StringComparison.Ordinal);
        var scopeChanges = user.PartnerId != partnerId;
        if (!roleChanges && !scopeChanges) return new UserChangeResult.Done(Summary(user, held, partners));

        var field = roleChanges ? nameof(NewUser.Role) : nameof(NewUser.PartnerId);
        if (IsSelf(await guard.UserAsync(), user))
            return Refused(field, "You cannot change your own role or partner scope: ask another administrator to do it.");
        var isOrganisationAdmin = held.Contains(CxRoles.Admin) && user.PartnerId is null;
        if (isOrganisationAdmin && (wanted != CxRoles.Admin || partnerId is not null))
        {
            var otherAdmins = (await users.GetUsersInRoleAsync(CxRoles.Admin)).Count(u => u.PartnerId is null && u.Id != user.Id);
            if (otherAdmins == 0) return Refused(field, LastAdminRefusal);
        }

        var including = CxRoles.Including(wanted!);
        var db = scope.ServiceProvider.GetRequiredService<CxDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (held.Except(including).ToList() is { Count: > 0 } leaving && await users.RemoveFromRolesAsync(user, leaving) is { Succeeded: false } removed)
            return Invalid(removed);
        if (including.Except(held).ToList() is { Count: > 0 } joining && await users.AddToRolesAsync(user, joining) is { Succeeded: false } added)
            return Invalid(added);
        user.PartnerId = partnerId;
        // A new security stamp makes the user's open pages and cookies check their role and scope again.
        var stamped = await users.UpdateSecurityStampAsync(user);
        if (!stamped.Succeeded) return Invalid(stamped);
        await transaction.CommitAsync(cancellationToken);
        return new UserChangeResult.Done(Summary(user, including, partners));
    }

    /// <summary>Ends a user's lockout now and forgets their failed attempts.</summary>
    public async Task<UserChangeResult> UnlockAsync(string userId, CancellationToken cancellationToken = default)
    {
        await guard.RequireOrganisationAsync(CxRoles.Admin, ToManageUsers);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CxUser>>();
        if (await users.FindByIdAsync(userId) is not { } user) return Gone;
        if (await users.SetLockoutEndDateAsync(user, null) is { Succeeded: false } unlocked) return Invalid(unlocked);
        if (await users.ResetAccessFailedCountAsync(user) is { Succeeded: false } reset) return Invalid(reset);
        return new UserChangeResult.Done(Summary(user, await users.GetRolesAsync(user), await PartnerNamesAsync(cancellationToken)));
    }

    /// <summary>Gives a user a new password chosen by the admin; their other sessions end.</summary>
    public async Task<UserChangeResult> SetPasswordAsync(string userId, string password, CancellationToken cancellationToken = default)
    {
        await guard.RequireOrganisationAsync(CxRoles.Admin, ToManageUsers);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CxUser>>();
        if (await users.FindByIdAsync(userId) is not { } user) return Gone;
        if (await PasswordErrorAsync(users, user, password) is { } passwordError)
            return Refused(nameof(NewUser.Password), passwordError);
        // A reset token sets the password and the security stamp in one save: the user is never left without one.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded) return Invalid(reset);
        return new UserChangeResult.Done(Summary(user, await users.GetRolesAsync(user), await PartnerNamesAsync(cancellationToken)));
    }

    private static UserChangeResult Gone => Refused(General, "This user no longer exists: someone else removed them. Reload the list.");

    private const string PartnerError = "That partner does not exist (any more): choose another one or the whole organisation.";

    private async Task<IReadOnlyDictionary<int, string>> PartnerNamesAsync(CancellationToken cancellationToken) =>
        (await organisation.DimensionsAsync(cancellationToken)).Partners.ToDictionary(p => p.Id, p => p.Name);

    private UserSummary Summary(CxUser user, IEnumerable<string> roles, IReadOnlyDictionary<int, string> partners)
    {
        var scope = user.PartnerId is { } id ? partners.GetValueOrDefault(id, $"partner {id}") : WholeOrganisation;
        var lockedUntil = user.LockoutEnd is { } end && end > time.GetUtcNow() ? end : (DateTimeOffset?)null;
        return new UserSummary(user.Id, user.Email ?? user.UserName ?? "", user.DisplayName, Highest(roles), user.PartnerId, scope, lockedUntil, user.CreatedUtc);
    }

    private static string? Highest(IEnumerable<string> roles)
    {
        var held = roles.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return CxRoles.All.LastOrDefault(held.Contains);
    }

    private static string? KnownRole(string? role) =>
        CxRoles.All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string RoleError(string? role) =>
        $"\"{role}\" is not a role: choose {string.Join(", ", CxRoles.All.SkipLast(1))} or {CxRoles.All[^1]}.";

    private static bool IsEmail(string email) =>
        email.Length is > 0 and <= 256 && MailAddress.TryCreate(email, out var address) && address.Address == email && address.Host.Contains('.', StringComparison.Ordinal);

    private static bool IsSelf(ClaimsPrincipal me, CxUser user) =>
        me.FindFirst(ClaimTypes.NameIdentifier)?.Value == user.Id
        || string.Equals(me.Identity?.Name, user.UserName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Identity's own reasons (length, common passwords) in the words it gives them, or null when the password is fine.</summary>
    private static async Task<string?> PasswordErrorAsync(UserManager<CxUser> users, CxUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return "Give the user a password of at least 8 characters.";
        var reasons = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            reasons.AddRange(result.Errors.Select(e => e.Description));
        }

        return reasons.Count > 0 ? string.Join(" ", reasons) : null;
    }

    private static UserChangeResult.Invalid Refused(string field, string why) =>
        new(new Dictionary<string, string>(StringComparer.Ordinal) { [field] = why });

    /// <summary>Sorts what Identity refused onto the form's fields by its error codes.</summary>
    private static UserChangeResult.Invalid Invalid(IdentityResult result)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var error in result.Errors)
        {
            var field = error.Code switch
            {
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) || error.Code == "CommonPassword" => nameof(NewUser.Password),
                "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" => nameof(NewUser.Email),
                _ => General,
            };
            errors[field] = errors.TryGetValue(field, out var before) ? $"{before} {error.Description}" : error.Description;
        }

        return new UserChangeResult.Invalid(errors);
    }
}
