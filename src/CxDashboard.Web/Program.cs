using CxDashboard.Data;
using CxDashboard.Web;

var builder = WebApplication.CreateBuilder(args);
// Serve the referenced projects' static files (MudBlazor, the chart script) in any environment when run
// from build output; a published app carries them in wwwroot and this does nothing.
builder.WebHost.UseStaticWebAssets();
try
{
    builder.Services.AddCxData(builder.Configuration, builder.Environment.ContentRootPath);
    builder.Services.AddCxCharts();
    builder.Services.AddCxWeb();
    builder.Services.AddRazorComponents().AddInteractiveServerComponents();

    var app = builder.Build();
    app.Environment.EnsureChartScriptPresent();
    await app.Services.InitializeCxStoreAsync();
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
