using System.Security.Claims;
using CxDashboard.Data.Access;
using Microsoft.AspNetCore.Components.Authorization;

namespace CxDashboard.Web.Access;

/// <summary>Thrown when a user asks for something their role or partner scope does not allow.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);

/// <summary>
/// The check every application service makes before it changes anything: the page hiding a button is not enough,
/// since a circuit's events or an endpoint can be called directly.
/// </summary>
public sealed class AccessGuard(AuthenticationStateProvider authentication)
{
    /// <summary>The current user.</summary>
    public async Task<ClaimsPrincipal> UserAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    /// <summary>Throws <see cref="AccessDeniedException"/> unless the current user holds <paramref name="role"/>.</summary>
    public async Task RequireAsync(string role, string toDoWhat)
    {
        var user = await UserAsync();
        if (user.Identity?.IsAuthenticated != true)
            throw new AccessDeniedException($"Sign in to {toDoWhat}.");
        if (!user.IsInRole(role))
            throw new AccessDeniedException($"Only users with the {role} role may {toDoWhat}: ask an administrator if you need to.");
    }

    /// <summary>Throws unless the current user holds <paramref name="role"/> and works for the whole organisation, not one partner.</summary>
    public async Task RequireOrganisationAsync(string role, string toDoWhat)
    {
        await RequireAsync(role, toDoWhat);
        if (CxClaims.PartnerOf(await UserAsync()) is not null)
            throw new AccessDeniedException($"Partner users may not {toDoWhat}: it covers every partner's data.");
    }
}

/// <summary>The authorization policies pages and endpoints name.</summary>
public static class CxPolicies
{
    /// <summary>Editors and admins of the organisation itself (not limited to one partner).</summary>
    public const string OrganisationEditor = "OrganisationEditor";

    /// <summary>Admins of the organisation itself.</summary>
    public const string OrganisationAdmin = "OrganisationAdmin";
}
