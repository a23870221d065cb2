using System.Security.Claims;
using CxDashboard.Data.Access;
using CxDashboard.Web.Access;

namespace CxDashboard.Web.Tests.Access;

/// <summary>The rules behind sign-in and sessions, checked on their own.</summary>
public sealed class AccessRulesTests
{
    [Theory]
    [InlineData("password1")]
    [InlineData("iloveyou")]
    [InlineData("Qwertyuiop")]
    [InlineData("12345678")]
    public void The_most_common_passwords_are_refused_whatever_their_case(string password) =>
        Assert.True(CommonPasswordValidator.IsCommon(password));

    [Theory]
    [InlineData("harbour-viewer-2026")]
    [InlineData("correct horse battery staple on a boat")]
    public void An_uncommon_password_is_accepted(string password) =>
        Assert.False(CommonPasswordValidator.IsCommon(password));

    [Fact]
    public void A_session_ends_twelve_hours_after_signing_in_however_active()
    {
        var signedIn = new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);
        var user = SignedInUser.PrincipalOf("someone@harbour.demo", CxRoles.Viewer, partner: null, signedIn);
        var options = new AccessOptions();

        Assert.True(SessionRevalidation.WithinAbsoluteLimit(user, options, signedIn.AddHours(11).AddMinutes(59)));
        Assert.False(SessionRevalidation.WithinAbsoluteLimit(user, options, signedIn.AddHours(12)));
        // A principal without the sign-in time (forged or from an older version) is not trusted.
        Assert.False(SessionRevalidation.WithinAbsoluteLimit(new ClaimsPrincipal(new ClaimsIdentity("test")), options, signedIn));
    }

    [Fact]
    public async Task A_viewer_calling_an_editors_action_directly_is_refused()
    {
        var guard = new AccessGuard(new SignedInUser("someone@harbour.demo", CxRoles.Viewer));

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => guard.RequireAsync(CxRoles.Editor, "change data"));

        Assert.Contains("Only users with the Editor role may change data", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_editor_is_refused_what_covers_every_partner()
    {
        var guard = new AccessGuard(new SignedInUser("someone@harbour.demo", CxRoles.Editor, partner: 2));

        await guard.RequireAsync(CxRoles.Editor, "change data");
        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => guard.RequireOrganisationAsync(CxRoles.Editor, "read the audit trail"));

        Assert.Contains("Partner users may not read the audit trail", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_role_includes_the_ones_before_it() =>
        Assert.Equal([CxRoles.Viewer, CxRoles.Editor], CxRoles.Including(CxRoles.Editor));
}
