using System.Security.Claims;
using CxDashboard.Data.Access;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Access;

/// <summary>
/// Checks an open circuit's user every <see cref="AccessOptions.RevalidateMinutes"/>: still there, not locked out,
/// password and roles unchanged (the security stamp), and within the 12-hour limit since signing in. A user who
/// fails is signed out of the open page, which then sends them to sign in.
/// </summary>
public sealed class SessionRevalidation(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<AccessOptions> access,
    IOptions<IdentityOptions> identity,
    TimeProvider time)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    /// <inheritdoc />
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(access.Value.RevalidateMinutes);

    /// <inheritdoc />
    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        var principal = authenticationState.User;
        if (!WithinAbsoluteLimit(principal, access.Value, time.GetUtcNow().UtcDateTime)) return false;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CxUser>>();
        return await IsStillValidAsync(users, principal, identity.Value);
    }

    /// <summary>True while the user signed in less than <see cref="AccessOptions.AbsoluteHours"/> ago.</summary>
    public static bool WithinAbsoluteLimit(ClaimsPrincipal principal, AccessOptions options, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(options);
        return CxClaims.SignedInOf(principal) is { } signedIn && nowUtc - signedIn < TimeSpan.FromHours(options.AbsoluteHours);
    }

    private static async Task<bool> IsStillValidAsync(UserManager<CxUser> users, ClaimsPrincipal principal, IdentityOptions options)
    {
        if (await users.GetUserAsync(principal) is not { } user) return false;
        if (await users.IsLockedOutAsync(user)) return false;
        if (!users.SupportsUserSecurityStamp) return true;
        var stamp = principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
