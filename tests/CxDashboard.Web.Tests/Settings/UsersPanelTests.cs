using System.Diagnostics.CodeAnalysis;
using Bunit;
using CxDashboard.Data.Access;
using CxDashboard.Web.Access;
using CxDashboard.Web.Components.Pages.Settings;
using CxDashboard.Web.Tests.Board;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CxDashboard.Web.Tests.Settings;

/// <summary>The settings page's users: who can sign in, with which role and scope.</summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes the context through IAsyncLifetime.DisposeAsync.")]
public sealed class UsersPanelTests : IAsyncLifetime
{
    private readonly SeededStore _store = new();
    private readonly BunitContext _ctx = new();

    public async Task InitializeAsync()
    {
        await _store.InitializeAsync();
        _store.AddAppServices(_ctx.Services);
        _ctx.Services.AddCxAccess(_store.Configuration);
        _ctx.Services.AddScoped<AuthenticationStateProvider>(_ => new CxDashboard.Web.Tests.Access.SignedInUser("admin@harbour.demo", CxRoles.Admin));
        _ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        await _ctx.Services.SeedCxAccessAsync();
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public void The_panel_lists_the_demo_users_with_their_role_and_what_they_see()
    {
        var cut = _ctx.Render<UsersPanel>();

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=user-email]").Count));
        var rows = cut.FindAll("[data-testid=user-email]").Select(e => e.TextContent.Trim())
            .Zip(cut.FindAll("[data-testid=user-role]").Select(e => e.TextContent.Trim()),
                cut.FindAll("[data-testid=user-scope]").Select(e => e.TextContent.Trim()))
            .ToList();
        Assert.Equal(
            [
                ("admin@harbour.demo", CxRoles.Admin, "whole organisation"),
                ("editor@harbour.demo", CxRoles.Editor, "whole organisation"),
                ("partner@harbour.demo", CxRoles.Viewer, "Atlas Contact Solutions"),
                ("viewer@harbour.demo", CxRoles.Viewer, "whole organisation"),
            ],
            rows);
        Assert.Empty(cut.FindAll("[data-testid=user-unlock]"));
        Assert.Equal(4, cut.FindAll("[data-testid=user-set-password]").Count);
    }
}
