using CxDashboard.Data;
using CxDashboard.Data.Backups;
using CxDashboard.Web;
using CxDashboard.Web.Backups;
using CxDashboard.Web.Access;
using CxDashboard.Web.BoardPack;

var builder = WebApplication.CreateBuilder(args);
if (BackupCommand.IsRequested(args)) return await BackupCommand.RunAsync(args, builder.Configuration, builder.Environment.ContentRootPath);
// Serve the referenced projects' static files (MudBlazor, the chart script) in any environment when run
// from build output; a published app carries them in wwwroot and this does nothing.
builder.WebHost.UseStaticWebAssets();
try
{
    builder.Services.AddCxData(builder.Configuration, builder.Environment.ContentRootPath);
    builder.Services.AddCxBackups(builder.Configuration, builder.Environment.ContentRootPath);
    builder.Services.AddCxScheduledBackups();
    builder.Services.AddCxCharts();
    builder.Services.AddCxWeb();
    builder.Services.AddCxAccess(builder.Configuration);
    builder.Services.AddRazorComponents().AddInteractiveServerComponents();

    var app = builder.Build();
    app.Environment.EnsureChartScriptPresent();
    app.Services.EnsureBoardPackSettingsValid();
    // The first users are seeded under the store's start-up lock too: instances started at once seed them once.
    await app.Services.InitializeCxStoreAsync(app.Services.SeedCxAccessAsync);
    app.UseCxWeb();
    await app.RunAsync();
    return 0;
}
catch (StartupException e)
{
    // One sentence a person can act on, instead of a stack trace.
    await Console.Error.WriteLineAsync($"CxDashboard cannot start: {e.Message}");
    return 1;
}
