using System.Diagnostics.CodeAnalysis;
using Bunit;
using CxDashboard.Data;
using CxDashboard.Data.Backups;
using CxDashboard.Web.Components.Pages.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CxDashboard.Web.Tests.Backups;

/// <summary>The settings page's backups: the list, "Back up now", and a restore only after the reader confirms it.</summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes the context through IAsyncLifetime.DisposeAsync.")]
public sealed class BackupsPanelTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private BackupStore _store = default!;

    public async Task InitializeAsync()
    {
        _store = await BackupStore.CreateAsync();
        _store.AddStoreServices(_ctx.Services);
        _ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _store.DisposeAsync();
    }

    private StoreBackups Backups => _ctx.Services.GetRequiredService<StoreBackups>();

    [Fact]
    public void The_settings_page_is_titled_Settings_and_shows_the_backups()
    {
        // The page's other sections (organisation settings, users, roles) have tests and services of their own.
        _ctx.ComponentFactories.AddStub(type => type.Namespace == typeof(SettingsPage).Namespace && type.Name.EndsWith("Panel", StringComparison.Ordinal) && type != typeof(BackupsPanel));

        var cut = _ctx.Render<SettingsPage>();

        Assert.Equal("Settings", cut.Find("h1").TextContent.Trim());
        cut.WaitForAssertion(() => Assert.Contains("There are no backups yet", cut.Find("[data-testid=no-backups]").TextContent, StringComparison.Ordinal));
        Assert.Equal(
            $"A backup is taken every day at 02:00 (server time); the newest 14 are kept in {_store.BackupFolder}.",
            cut.Find("[data-testid=backups-plan]").TextContent);
    }

    [Fact]
    public void Back_up_now_adds_a_backup_to_the_list_with_its_reason_and_size()
    {
        var cut = _ctx.Render<BackupsPanel>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=no-backups]"));

        cut.Find("[data-testid=backup-now]").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=backup-reason]")), TimeSpan.FromSeconds(10));
        Assert.Equal("manual", cut.Find("[data-testid=backup-reason]").TextContent.Trim());
        Assert.Matches(@"^\d+\.\d (kB|MB)$", cut.Find("[data-testid=backup-size]").TextContent.Trim());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$", cut.Find("[data-testid=backup-created]").TextContent.Trim());
        Assert.StartsWith("Backed up the store (", cut.Find("[data-testid=backups-outcome]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_store.BackupFolder, cut.Find("[data-testid=backup-restore]").GetAttribute("data-backup")!)));
    }

    [Fact]
    public async Task A_viewer_whose_circuit_sends_back_up_now_anyway_is_refused_and_nothing_is_taken()
    {
        await using var ctx = new BunitContext();
        _store.AddStoreServices(ctx.Services);
        ctx.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>(_ => new CxDashboard.Web.Tests.Access.SignedInUser("viewer@harbour.demo", CxDashboard.Data.Access.CxRoles.Viewer));
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        var cut = ctx.Render<BackupsPanel>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=no-backups]"));

        cut.Find("[data-testid=backup-now]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Only users with the Admin role may take or restore backups",
            cut.Find("[data-testid=backups-outcome]").TextContent, StringComparison.Ordinal));
        Assert.Empty(await ctx.Services.GetRequiredService<StoreBackups>().ListAsync());
    }

    [Fact]
    public async Task Restore_says_what_will_happen_and_replaces_the_store_once_confirmed()
    {
        var original = await OrganisationNameAsync();
        var backup = await Backups.CreateAsync("nightly");
        await RenameOrganisationAsync("Renamed after the backup");
        var dialogs = _ctx.Render<MudDialogProvider>();
        var cut = _ctx.Render<BackupsPanel>();
        cut.WaitForAssertion(() => cut.Find($"[data-backup='{backup.Name}']"));

        cut.Find($"[data-backup='{backup.Name}']").Click();

        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=restore-explanation]"));
        var explanation = Normalized(dialogs.Find("[data-testid=restore-explanation]").TextContent);
        Assert.Contains($"The store will be replaced by the backup of {Web.Backups.BackupText.Created(backup.Created)} (nightly)", explanation, StringComparison.Ordinal);
        Assert.Contains("A backup of the current store is taken first", explanation, StringComparison.Ordinal);
        Assert.Contains("Everyone's board reloads", explanation, StringComparison.Ordinal);
        Assert.Equal("Renamed after the backup", await OrganisationNameAsync());

        dialogs.Find("[data-testid=restore-confirm]").Click();

        cut.WaitForAssertion(
            () => Assert.StartsWith("The store now holds the backup of", cut.Find("[data-testid=backups-outcome]").TextContent.Trim(), StringComparison.Ordinal),
            TimeSpan.FromSeconds(10));
        Assert.Equal(original, await OrganisationNameAsync());
        var reasons = cut.FindAll("[data-testid=backup-reason]").Select(r => r.TextContent.Trim()).ToList();
        Assert.Equal(2, reasons.Count);
        Assert.StartsWith("before restore of the backup of", reasons[0], StringComparison.Ordinal);
        Assert.Equal("nightly", reasons[1]);
    }

    [Fact]
    public async Task Cancelling_the_restore_leaves_the_store_as_it_was()
    {
        var backup = await Backups.CreateAsync("manual");
        await RenameOrganisationAsync("Kept");
        var dialogs = _ctx.Render<MudDialogProvider>();
        var cut = _ctx.Render<BackupsPanel>();
        cut.WaitForAssertion(() => cut.Find($"[data-backup='{backup.Name}']"));

        cut.Find($"[data-backup='{backup.Name}']").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=restore-cancel]"));
        dialogs.Find("[data-testid=restore-cancel]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=restore-explanation]")));
        Assert.Equal("Kept", await OrganisationNameAsync());
        Assert.Single(await Backups.ListAsync());
        Assert.Empty(cut.FindAll("[data-testid=backups-outcome]"));
    }

    [Fact]
    public async Task A_refused_restore_shows_why_and_changes_nothing()
    {
        var backup = await Backups.CreateAsync("manual");
        await File.WriteAllBytesAsync(Path.Combine(_store.BackupFolder, backup.Name), new byte[8192]);
        var dialogs = _ctx.Render<MudDialogProvider>();
        var cut = _ctx.Render<BackupsPanel>();
        cut.WaitForAssertion(() => cut.Find($"[data-backup='{backup.Name}']"));

        cut.Find($"[data-backup='{backup.Name}']").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=restore-confirm]"));
        dialogs.Find("[data-testid=restore-confirm]").Click();

        cut.WaitForAssertion(
            () => Assert.StartsWith($"The backup {backup.Name} cannot be restored: ", cut.Find("[data-testid=backups-outcome]").TextContent.Trim(), StringComparison.Ordinal),
            TimeSpan.FromSeconds(10));
        Assert.Contains("The store was left as it was", cut.Find("[data-testid=backups-outcome]").TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid=backup-reason]"));
    }

    [Fact]
    public async Task On_PostgreSQL_the_panel_says_to_use_pg_dump_instead_of_listing_backups()
    {
        await using var ctx = new BunitContext();
        await using var postgres = await BackupStore.CreateAsync("PostgreSql", "Host=db.example.internal;Database=cxdashboard;Username=cx;Password=cx");
        postgres.AddStoreServices(ctx.Services);
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;

        var cut = ctx.Render<BackupsPanel>();

        Assert.StartsWith("On PostgreSQL, back up with pg_dump", cut.Find("[data-testid=backups-not-available]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=backups]"));
        Assert.Empty(cut.FindAll("[data-testid=backup-now]"));
    }

    [Theory]
    [InlineData(0L, "0 bytes")]
    [InlineData(1L, "1 byte")]
    [InlineData(999L, "999 bytes")]
    [InlineData(1_000L, "1.0 kB")]
    [InlineData(999_949L, "999.9 kB")]
    [InlineData(999_950L, "1.0 MB")]
    [InlineData(12_400_000L, "12.4 MB")]
    [InlineData(3_500_000_000L, "3.5 GB")]
    public void Sizes_are_written_in_bytes_kB_MB_and_GB(long bytes, string expected) =>
        Assert.Equal(expected, Web.Backups.BackupText.Size(bytes));

    private async Task RenameOrganisationAsync(string name)
    {
        await using var db = await _ctx.Services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContextAsync();
        await db.Settings.ExecuteUpdateAsync(s => s.SetProperty(x => x.OrganisationName, name));
    }

    private async Task<string> OrganisationNameAsync()
    {
        await using var db = await _ctx.Services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContextAsync();
        return (await db.Settings.AsNoTracking().SingleAsync()).OrganisationName;
    }

    private static string Normalized(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
