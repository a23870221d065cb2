using System.Globalization;
using System.Security.Claims;
using CxDashboard.Data;
using CxDashboard.Data.Access;
using CxDashboard.Data.Queries;
using CxDashboard.Web.Access;
using CxDashboard.Web.Settings;
using CxDashboard.Web.Tests.Board;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using CxDashboard.Web.Tests.Access;

namespace CxDashboard.Web.Tests.Settings;

/// <summary>An admin adding users, changing their access, unlocking them, and the rules that keep the organisation administered.</summary>
public sealed class UserAdministrationTests : IAsyncLifetime
{
    private const string Atlas = "Atlas Contact Solutions";
    private readonly SeededStore _store = new();
    private ServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        await _store.InitializeAsync();
        var services = new ServiceCollection();
        _store.AddAppServices(services);
        services.AddCxAccess(_store.Configuration);
        services.AddScoped<AuthenticationStateProvider>(_ => new SignedInUser("admin@harbour.demo", CxRoles.Admin));
        _services = services.BuildServiceProvider();
        await _services.SeedCxAccessAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task An_admin_adds_a_partner_editor_who_is_then_listed_with_that_role_and_partner()
    {
        var admin = Administration("admin@harbour.demo", CxRoles.Admin);
        var atlas = (await admin.PartnersAsync()).Single(p => p.Name == Atlas);

        var result = await admin.CreateAsync(new NewUser(" dana.reyes@atlas.example ", "Dana Reyes, Team Lead", CxRoles.Editor, atlas.Id, "tide pool lantern harbour"));

        Assert.IsType<UserChangeResult.Done>(result);
        var dana = (await admin.ListAsync()).Single(u => u.Email == "dana.reyes@atlas.example");
        Assert.Equal(("Dana Reyes, Team Lead", CxRoles.Editor, atlas.Id, Atlas, (DateTimeOffset?)null), (dana.DisplayName, dana.Role, dana.PartnerId, dana.Scope, dana.LockedOutUntil));
        Assert.Equal([CxRoles.Editor, CxRoles.Viewer], (await RolesOfAsync("dana.reyes@atlas.example")).Order(StringComparer.Ordinal));
        Assert.Equal(UserAdministration.WholeOrganisation, (await admin.ListAsync()).Single(u => u.Email == "editor@harbour.demo").Scope);
    }

    [Theory]
    [InlineData("password1", "This password is one of the most common passwords and easy to guess")]
    [InlineData("short", "Passwords must be at least 8 characters.")]
    public async Task A_common_or_short_password_is_refused_with_Identitys_reason_and_no_user_is_created(string password, string reason)
    {
        var admin = Administration("admin@harbour.demo", CxRoles.Admin);

        var result = await admin.CreateAsync(new NewUser("sam@harbour.demo", "Sam Ortiz", CxRoles.Viewer, null, password));

        var invalid = Assert.IsType<UserChangeResult.Invalid>(result);
        Assert.Equal([nameof(NewUser.Password)], invalid.Errors.Keys);
        Assert.Contains(reason, invalid.Errors[nameof(NewUser.Password)], StringComparison.Ordinal);
        Assert.DoesNotContain(await admin.ListAsync(), u => u.Email == "sam@harbour.demo");
    }

    [Fact]
    public async Task A_duplicate_email_a_bad_email_and_an_unknown_role_are_refused_field_by_field()
    {
        var admin = Administration("admin@harbour.demo", CxRoles.Admin);
        var before = (await admin.ListAsync()).Count;

        var duplicate = Assert.IsType<UserChangeResult.Invalid>(
            await admin.CreateAsync(new NewUser("Editor@Harbour.demo", "Second Marco", CxRoles.Editor, null, "tide pool lantern harbour")));
        var bad = Assert.IsType<UserChangeResult.Invalid>(
            await admin.CreateAsync(new NewUser("not an address", "Someone", "Owner", null, "tide pool lantern harbour")));

        Assert.Equal("There is already a user with the email Editor@Harbour.demo.", duplicate.Errors[nameof(NewUser.Email)]);
        Assert.Equal([nameof(NewUser.Email), nameof(NewUser.Role)], bad.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("\"Owner\" is not a role: choose Viewer, Editor or Admin.", bad.Errors[nameof(NewUser.Role)]);
        Assert.Equal(before, (await admin.ListAsync()).Count);
    }

    [Fact]
    public async Task Changing_a_role_replaces_the_memberships_sets_the_scope_and_renews_the_security_stamp()
    {
        var admin = Administration("admin@harbour.demo", CxRoles.Admin);
        var atlas = (await admin.PartnersAsync()).Single(p => p.Name == Atlas);
        var editor = (await admin.ListAsync()).Single(u => u.Email == "editor@harbour.demo");
        var stampBefore = await StampOfAsync(editor.Id);

        var result = await admin.ChangeAccessAsync(editor.Id, CxRoles.Viewer, atlas.Id);

        var done = Assert.IsType<UserChangeResult.Done>(result);
        Assert.Equal((CxRoles.Viewer, Atlas), (done.User.Role, done.User.Scope));
        Assert.Equal([CxRoles.Viewer], await RolesOfAsync("editor@harbour.demo"));
        Assert.NotEqual(stampBefore, await StampOfAsync(editor.Id));

        Assert.IsType<UserChangeResult.Done>(await admin.ChangeAccessAsync(editor.Id, CxRoles.Admin, null));
        Assert.Equal([CxRoles.Admin, CxRoles.Editor, CxRoles.Viewer], (await RolesOfAsync("editor@harbour.demo")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Unlocking_ends_a_lockout_and_forgets_the_failed_attempts()
    {
        var admin = Administration("admin@harbour.demo", CxRoles.Admin);
        var viewer = (await admin.ListAsync()).Single(u => u.Email == "viewer@harbour.demo");
        await using (var scope = _services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CxUser>>();
            var user = (await users.FindByIdAsync(viewer.Id))!;
            await users.AccessFailedAsync(user);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        Assert.NotNull((await admin.ListAsync()).Single(u => u.Id == viewer.Id).LockedOutUntil);

        Assert.IsType<UserChangeResult.Done>(await admin.UnlockAsync(viewer.Id));

        Assert.Null((await admin.ListAsync()).Single(u => u.Id == viewer.Id).LockedOutUntil);
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(0, (await db.Users.AsNoTracking().SingleAsync(u => u.Id == viewer.Id)).AccessFailedCount);
    }

    [Fact]
    public async Task The_last_organisation_admin_can_be_neither_demoted_nor_limited_to_a_partner()
    {
        // Someone else with admin rights (say, from the API) tries, since the admin may not change their own role anyway.
        var other = Administration("ops@harbour.demo", CxRoles.Admin);
        var atlas = (await other.PartnersAsync()).Single(p => p.Name == Atlas);
        var admin = (await other.ListAsync()).Single(u => u.Email == "admin@harbour.demo");

        var demoted = Assert.IsType<UserChangeResult.Invalid>(await other.ChangeAccessAsync(admin.Id, CxRoles.Editor, null));
        var scoped = Assert.IsType<UserChangeResult.Invalid>(await other.ChangeAccessAsync(admin.Id, CxRoles.Admin, atlas.Id));
        var self = Assert.IsType<UserChangeResult.Invalid>(
            await Administration("admin@harbour.demo", CxRoles.Admin).ChangeAccessAsync(admin.Id, CxRoles.Viewer, null));

        Assert.Equal(
            "At least one administrator of the whole organisation must remain: make someone else an admin first.",
            demoted.Errors[nameof(NewUser.Role)]);
        Assert.Equal(UserAdministration.LastAdminRefusal, scoped.Errors[nameof(NewUser.PartnerId)]);
        Assert.StartsWith("You cannot change your own role", self.Errors[nameof(NewUser.Role)], StringComparison.Ordinal);
        Assert.Equal([CxRoles.Admin, CxRoles.Editor, CxRoles.Viewer], (await RolesOfAsync("admin@harbour.demo")).Order(StringComparer.Ordinal));

        // Once someone else administers the whole organisation, the first admin can step down.
        var editor = (await other.ListAsync()).Single(u => u.Email == "editor@harbour.demo");
        Assert.IsType<UserChangeResult.Done>(await other.ChangeAccessAsync(editor.Id, CxRoles.Admin, null));
        Assert.IsType<UserChangeResult.Done>(await other.ChangeAccessAsync(admin.Id, CxRoles.Editor, null));
    }

    [Fact]
    public async Task An_admin_sets_a_new_password_that_follows_the_same_rules()
    {
        var admin = Administration("admin@harbour.demo", CxRoles.Admin);
        var viewer = (await admin.ListAsync()).Single(u => u.Email == "viewer@harbour.demo");

        var refused = Assert.IsType<UserChangeResult.Invalid>(await admin.SetPasswordAsync(viewer.Id, "iloveyou"));
        Assert.IsType<UserChangeResult.Done>(await admin.SetPasswordAsync(viewer.Id, "quiet lighthouse at dawn"));

        Assert.Contains("most common passwords", refused.Errors[nameof(NewUser.Password)], StringComparison.Ordinal);
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CxUser>>();
        var user = (await users.FindByIdAsync(viewer.Id))!;
        Assert.True(await users.CheckPasswordAsync(user, "quiet lighthouse at dawn"));
        Assert.False(await users.CheckPasswordAsync(user, "harbour-viewer-2026"));
    }

    [Fact]
    public async Task A_viewer_calling_any_method_directly_is_refused()
    {
        var viewer = Administration("viewer@harbour.demo", CxRoles.Viewer);
        var anyone = (await Administration("admin@harbour.demo", CxRoles.Admin).ListAsync())[0].Id;

        Func<Task>[] calls =
        [
            () => viewer.ListAsync(),
            () => viewer.PartnersAsync(),
            () => viewer.CreateAsync(new NewUser("eve@harbour.demo", "Eve", CxRoles.Admin, null, "tide pool lantern harbour")),
            () => viewer.ChangeAccessAsync(anyone, CxRoles.Admin, null),
            () => viewer.UnlockAsync(anyone),
            () => viewer.SetPasswordAsync(anyone, "tide pool lantern harbour"),
        ];
        foreach (var call in calls)
        {
            var refused = await Assert.ThrowsAsync<AccessDeniedException>(call);
            Assert.Equal("Only users with the Admin role may manage users: ask an administrator if you need to.", refused.Message);
        }

        Assert.Equal(4, (await Administration("admin@harbour.demo", CxRoles.Admin).ListAsync()).Count);
    }

    private IDbContextFactory<CxDbContext> Contexts => _services.GetRequiredService<IDbContextFactory<CxDbContext>>();

    private UserAdministration Administration(string name, string role) => new(
        _services.GetRequiredService<IServiceScopeFactory>(),
        Contexts,
        _services.GetRequiredService<OrganisationQueries>(),
        new AccessGuard(new SignedInUser(name, role)),
        TimeProvider.System);

    private async Task<IList<string>> RolesOfAsync(string email)
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CxUser>>();
        return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
    }

    private async Task<string?> StampOfAsync(string id)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return (await db.Users.AsNoTracking().SingleAsync(u => u.Id == id)).SecurityStamp;
    }
}
