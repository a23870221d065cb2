using System.Diagnostics.CodeAnalysis;
using Bunit;
using CxDashboard.Data.ApiKeys;
using CxDashboard.Data.Access;
using CxDashboard.Data.Model;
using CxDashboard.Data.Queries;
using CxDashboard.Web.Access;
using CxDashboard.Web.Components.Pages.Settings;
using CxDashboard.Web.Settings;
using CxDashboard.Web.Tests.Access;
using CxDashboard.Web.Tests.Board;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CxDashboard.Web.Tests.Api;

/// <summary>
/// The settings page's API keys: an admin creates a key and sees its secret once, the list shows it without the secret,
/// revoking keeps it listed as revoked; only organisation admins may do any of it.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes the context through IAsyncLifetime.DisposeAsync.")]
public sealed class ApiKeysPanelTests : IAsyncLifetime
{
    private readonly SeededStore _store = new();
    private readonly BunitContext _ctx = new();

    public async Task InitializeAsync()
    {
        await _store.InitializeAsync();
        _store.AddAppServices(_ctx.Services);
        _ctx.Services.AddCxAccess(_store.Configuration);
        _ctx.Services.AddScoped<AuthenticationStateProvider>(_ => new SignedInUser("admin@harbour.demo", CxRoles.Admin));
        _ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task An_admin_creates_a_key_sees_its_secret_once_and_the_list_shows_it_without_the_secret()
    {
        var dialogs = _ctx.Render<MudDialogProvider>();
        var cut = _ctx.Render<ApiKeysPanel>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=no-api-keys]")));

        cut.Find("input[data-testid=new-api-key-name]").Change("Genesys nightly export");
        cut.Find("[data-testid=add-api-key-save]").Click();

        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=api-key-secret-warning]")));
        var secret = dialogs.Find("input[data-testid=api-key-secret]").GetAttribute("value")!;
        Assert.StartsWith("cxk_", secret, StringComparison.Ordinal);
        Assert.Contains("only time the key is shown", dialogs.Find("[data-testid=api-key-secret-warning]").TextContent, StringComparison.Ordinal);
        dialogs.Find("[data-testid=api-key-copy]").Click();
        Assert.Equal(secret, _ctx.JSInterop.VerifyInvoke("navigator.clipboard.writeText").Arguments.Single());
        dialogs.Find("[data-testid=api-key-secret-done]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=api-key-secret]")));
        Assert.Equal("Genesys nightly export", cut.Find("[data-testid=api-key-name]").TextContent.Trim());
        Assert.Equal(secret[..12] + "…", cut.Find("[data-testid=api-key-prefix]").TextContent.Trim());
        Assert.Equal("ReadWrite", cut.Find("[data-testid=api-key-access]").TextContent.Trim());
        Assert.Equal("whole organisation", cut.Find("[data-testid=api-key-scope]").TextContent.Trim());
        Assert.Contains("by admin@harbour.demo", cut.Find("[data-testid=api-key-created]").TextContent, StringComparison.Ordinal);
        Assert.Equal("never", cut.Find("[data-testid=api-key-last-used]").TextContent.Trim());
        Assert.DoesNotContain(secret, cut.Markup + dialogs.Markup, StringComparison.Ordinal);
        Assert.NotNull(await Keys.FindAsync(secret));
    }

    [Fact]
    public async Task Revoking_a_key_keeps_it_listed_as_revoked_by_the_admin_and_it_is_refused_from_then_on()
    {
        var created = await Keys.CreateAsync("Old feed", ApiKeyAccess.Read, null, "admin@harbour.demo");
        var dialogs = _ctx.Render<MudDialogProvider>();
        var cut = _ctx.Render<ApiKeysPanel>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=api-key-revoke]")));

        cut.Find("[data-testid=api-key-revoke]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=api-key-revoke-confirm]").Click());

        cut.WaitForAssertion(() => Assert.Contains("Revoked", cut.Find("[data-testid=api-key-state]").TextContent, StringComparison.Ordinal));
        Assert.Contains("by admin@harbour.demo", cut.Find("[data-testid=api-key-state]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=api-key-revoke]"));
        Assert.NotNull((await Keys.FindAsync(created.Secret))?.RevokedUtc);
    }

    [Fact]
    public async Task A_key_without_a_name_is_not_created_and_the_field_says_why()
    {
        var cut = _ctx.Render<ApiKeysPanel>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=no-api-keys]")));

        cut.Find("[data-testid=add-api-key-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Name the integration in 1 to 120 characters", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(await Keys.ListAsync());
    }

    [Theory]
    [InlineData(CxRoles.Editor, null)]
    [InlineData(CxRoles.Admin, 2)]
    public async Task Only_admins_of_the_whole_organisation_may_list_create_or_revoke_keys(string role, int? partner)
    {
        var someone = Administration("someone@harbour.demo", role, partner);

        await Assert.ThrowsAsync<AccessDeniedException>(() => someone.ListAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => someone.CreateAsync(new ApiKeyRequest("Sneaky", ApiKeyAccess.ReadWrite, null)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => someone.RevokeAsync(1));
        Assert.Empty(await Keys.ListAsync());
    }

    [Fact]
    public async Task A_second_working_key_with_the_same_name_is_refused_and_an_unknown_partner_too()
    {
        var admin = Administration("admin@harbour.demo", CxRoles.Admin, null);
        Assert.IsType<ApiKeyChangeResult.Created>(await admin.CreateAsync(new ApiKeyRequest("Genesys", ApiKeyAccess.Read, null)));

        var same = await admin.CreateAsync(new ApiKeyRequest(" genesys ", ApiKeyAccess.Read, null));
        var nowhere = await admin.CreateAsync(new ApiKeyRequest("Elsewhere", ApiKeyAccess.Read, 999));

        Assert.Contains(nameof(ApiKeyRequest.Name), Assert.IsType<ApiKeyChangeResult.Invalid>(same).Errors.Keys);
        Assert.Contains(nameof(ApiKeyRequest.PartnerId), Assert.IsType<ApiKeyChangeResult.Invalid>(nowhere).Errors.Keys);
        Assert.Single(await Keys.ListAsync());
    }

    private ApiKeyStore Keys => _ctx.Services.GetRequiredService<ApiKeyStore>();

    private ApiKeyAdministration Administration(string name, string role, int? partner) => new(
        Keys, _ctx.Services.GetRequiredService<OrganisationQueries>(), new AccessGuard(new SignedInUser(name, role, partner)));
}
