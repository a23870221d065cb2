using System.Globalization;
using System.Security.Claims;
using CxDashboard.Data.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Access;

/// <summary>The claims CxDashboard adds to a signed-in user: the display name, the partner scope and when they signed in.</summary>
public static class CxClaims
{
    /// <summary>The name shown in the app bar.</summary>
    public const string DisplayName = "cx:display_name";

    /// <summary>The partner id a partner-scoped user is limited to.</summary>
    public const string Partner = "cx:partner";

    /// <summary>When the user signed in (UTC ticks): the 12-hour limit counts from here, across cookie renewals.</summary>
    public const string SignedIn = "cx:signed_in";

    /// <summary>The partner a user is limited to, or null.</summary>
    public static int? PartnerOf(ClaimsPrincipal user) =>
        user.FindFirst(Partner)?.Value is { } value && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>When the user signed in, or null when the claim is missing.</summary>
    public static DateTime? SignedInOf(ClaimsPrincipal user) =>
        user.FindFirst(SignedIn)?.Value is { } value && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? new DateTime(ticks, DateTimeKind.Utc) : null;

    /// <summary>The actor the store sees for <paramref name="user"/>; null for an anonymous visitor.</summary>
    public static StoreActor? ActorOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? new StoreActor(user.Identity.Name ?? "unknown user", PartnerOf(user)) : null;
}

/// <summary>Adds the display name and partner scope to the principal built for a user.</summary>
public sealed class CxClaimsPrincipalFactory(UserManager<CxUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<CxUser, IdentityRole>(users, roles, options)
{
    /// <inheritdoc />
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CxUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CxClaims.DisplayName, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        if (user.PartnerId is { } partner)
            identity.AddClaim(new Claim(CxClaims.Partner, partner.ToString(CultureInfo.InvariantCulture)));
        return identity;
    }
}
