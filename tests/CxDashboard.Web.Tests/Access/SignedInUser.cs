using System.Globalization;
using System.Security.Claims;
using CxDashboard.Data.Access;
using CxDashboard.Web.Access;
using Microsoft.AspNetCore.Components.Authorization;

namespace CxDashboard.Web.Tests.Access;

/// <summary>
/// A user signed in as the app would have them: their name, the roles up to <paramref name="role"/>, the partner they
/// are limited to (if any) and when they signed in. For application services and components tested on their own.
/// </summary>
public sealed class SignedInUser(string name, string role, int? partner = null, DateTime? signedInUtc = null) : AuthenticationStateProvider
{
    /// <summary>The principal of this user.</summary>
    public ClaimsPrincipal Principal { get; } = PrincipalOf(name, role, partner, signedInUtc ?? DateTime.UtcNow);

    /// <inheritdoc />
    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(Principal));

    /// <summary>The claims the app gives such a user.</summary>
    public static ClaimsPrincipal PrincipalOf(string name, string role, int? partner, DateTime signedInUtc)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, name),
            new(CxClaims.SignedIn, signedInUtc.Ticks.ToString(CultureInfo.InvariantCulture)),
        };
        if (partner is { } id) claims.Add(new Claim(CxClaims.Partner, id.ToString(CultureInfo.InvariantCulture)));
        claims.AddRange(CxRoles.Including(role).Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }
}
