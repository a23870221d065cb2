using System.Globalization;
using System.Security.Claims;
using CxDashboard.Data;
using CxDashboard.Data.Access;
using CxDashboard.Web.Access;
using CxDashboard.Web.Settings;
using CxDashboard.Web.Tests.Access;
using CxDashboard.Web.Tests.Board;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Web.Tests.Settings;

/// <summary>Two admins editing the organisation's settings at once, bad input, and a viewer who tries anyway.</summary>
public sealed class OrganisationSettingsEditorTests : IAsyncLifetime
{
    private readonly SeededStore _store = new();
    private ServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        await _store.InitializeAsync();
        var services = new ServiceCollection();
        _store.AddAppServices(services);
        services.AddScoped<AccessGuard>();
        services.AddScoped<AuthenticationStateProvider>(_ => new SignedInUser("admin@harbour.demo", CxRoles.Admin));
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task The_second_of_two_admins_sees_both_versions_and_nothing_is_overwritten_until_they_choose()
    {
        var (first, firstActor) = Editor("ana@harbour.demo");
        var (second, secondActor) = Editor("ben@harbour.demo");
        var draftA = await first.LoadAsync();
        var draftB = await second.LoadAsync();

        SettingsSaveResult savedA;
        using (StoreActor.Use(firstActor))
            savedA = await first.SaveAsync(draftA with { OrganisationName = "Harbour Telecom Group" });
        SettingsSaveResult conflict;
        using (StoreActor.Use(secondActor))
            conflict = await second.SaveAsync(draftB with { DefaultLoadedHourlyRate = 41.5m });

        Assert.IsType<SettingsSaveResult.Saved>(savedA);
        var both = Assert.IsType<SettingsSaveResult.Conflict>(conflict);
        Assert.Equal("Harbour Telecom Group", both.Theirs.OrganisationName);
        Assert.Equal("Harbour Telecom", both.Mine.OrganisationName);
        Assert.Equal(41.5m, both.Mine.DefaultLoadedHourlyRate);
        Assert.Equal(38m, (await first.LoadAsync()).DefaultLoadedHourlyRate);

        // Ben keeps his version over Ana's after seeing it.
        using (StoreActor.Use(secondActor))
            Assert.IsType<SettingsSaveResult.Saved>(await second.SaveAsync(both.Mine with { Version = both.Theirs.Version }));
        var stored = await first.LoadAsync();
        Assert.Equal("Harbour Telecom", stored.OrganisationName);
        Assert.Equal(41.5m, stored.DefaultLoadedHourlyRate);

        await using var db = await _services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContextAsync();
        var trail = await db.AuditEntries.Where(a => a.Entity == "Settings" && a.Action == Data.Auditing.AuditAction.Modified)
            .OrderBy(a => a.Id).Select(a => a.UserName).ToListAsync();
        Assert.Equal(["ana@harbour.demo", "ben@harbour.demo"], trail);
    }

    [Fact]
    public async Task Bad_settings_are_refused_field_by_field_and_nothing_is_stored()
    {
        var (editor, _) = Editor("ana@harbour.demo");
        var draft = await editor.LoadAsync();

        var result = await editor.SaveAsync(draft with
        {
            OrganisationName = " ", Currency = "DOLLARS", Culture = "xx-NOWHERE", FiscalYearStartMonth = 13,
            DefaultDiscountRatePercent = 250m, DefaultLoadedHourlyRate = -5m,
        });

        var invalid = Assert.IsType<SettingsSaveResult.Invalid>(result);
        Assert.Equal(6, invalid.Errors.Count);
        Assert.Contains("ISO 4217", invalid.Errors["Currency"], StringComparison.Ordinal);
        Assert.Contains("en-GB", invalid.Errors["Culture"], StringComparison.Ordinal);
        Assert.Equal(draft, await editor.LoadAsync());
    }

    [Fact]
    public async Task A_viewer_calling_the_save_directly_is_refused()
    {
        var viewer = new OrganisationSettingsEditor(
            _services.GetRequiredService<IDbContextFactory<CxDbContext>>(), new AccessGuard(new SignedInUser("eve@harbour.demo", CxRoles.Viewer)));

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => viewer.LoadAsync());
        Assert.Contains("Admin", refused.Message, StringComparison.Ordinal);
    }

    private (OrganisationSettingsEditor Editor, StoreActor Actor) Editor(string name) =>
        (new OrganisationSettingsEditor(
            _services.GetRequiredService<IDbContextFactory<CxDbContext>>(),
            new AccessGuard(new SignedInUser(name, CxRoles.Admin))),
         new StoreActor(name));
}
