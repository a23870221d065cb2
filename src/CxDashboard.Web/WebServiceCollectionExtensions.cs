using CxDashboard.Charts;
using CxDashboard.Data;
using CxDashboard.Web.Access;
using CxDashboard.Web.Api;
using CxDashboard.Web.Board;
using CxDashboard.Web.Components.Layout;
using CxDashboard.Web.Exports;
using CxDashboard.Web.Hosting;
using CxDashboard.Web.Measurements;
using MudBlazor.Services;

namespace CxDashboard.Web;

/// <summary>The Web project's registrations and start-up checks.</summary>
public static class WebServiceCollectionExtensions
{
    /// <summary>MudBlazor, the application services pages call, and per-circuit state.</summary>
    public static IServiceCollection AddCxWeb(this IServiceCollection services)
    {
        services.AddMudServices();
        services.AddSingleton<RoxBoardService>();
        services.AddScoped<MonthSelection>();
        services.AddScoped<Audit.AuditLog>();
        services.AddScoped<Settings.OrganisationSettingsEditor>();
        services.AddScoped<Settings.UserAdministration>();
        services.AddScoped<Measurements.MeasurementUpload>();
        services.AddSingleton<Measurements.ExportChoices>();
        services.AddScoped<Settings.ApiKeyAdministration>();
        services.AddSingleton<BoardExport>();
        services.AddCxApi();
        services.AddSingleton<Kpis.KpiTrackerService>();
        services.AddScoped<Kpis.KpiDetailService>();
        services.AddScoped<Kpis.MeasurementEditor>();
        services.AddScoped<Kpis.BaselineEditor>();
        services.AddSingleton<Initiatives.InitiativePlans>();
        services.AddScoped<Initiatives.InitiativeListService>();
        services.AddScoped<Initiatives.InitiativeEditor>();
        services.AddScoped<Initiatives.BusinessCaseService>();
        services.AddScoped<Initiatives.CostItemEditor>();
        services.AddScoped<Initiatives.ValueDriverEditor>();
        services.AddSingleton<Partners.PartnerComparisonService>();
        services.AddScoped<Initiatives.InitiativeReturnsService>();
        services.AddScoped<Initiatives.WhatIfService>();
        services.AddScoped<Experiments.ExperimentService>();
        services.AddSingleton<Gates.GatePlans>();
        services.AddSingleton<Gates.InitiativeTracking>();
        services.AddScoped<Gates.ReviewGateService>();
        services.AddScoped<BoardPack.BoardPackService>();
        services.AddOptions<BoardPack.BoardPackOptions>().BindConfiguration(BoardPack.BoardPackOptions.SectionName);
        services.AddSingleton<BoardPack.ServerChromium>();
        services.AddSingleton<BoardPack.BoardPrintTokens>();
        services.AddSingleton<BoardPack.BoardPackPdf>();
        services.AddCxHardening();
        return services;
    }

    /// <summary>The request pipeline: error pages, static files, antiforgery and the interactive Blazor app.</summary>
    public static WebApplication UseCxWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseCxHardening();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseCxAccess();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapCxAccount();
        app.MapCxHealth();
        app.MapCxImportTemplates();
        app.MapCxExports();
        app.MapCxApi();
        BoardPack.BoardPackEndpoints.MapCxBoardPack(app);
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>Stops start-up with one clear sentence when the chart script was never built into the app.</summary>
    public static void EnsureChartScriptPresent(this IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!ChartAssets.IsApexChartsScriptPresent(environment.WebRootFileProvider))
            throw new StartupException(
                $"The chart script {ChartAssets.ApexChartsScriptPath} is missing from the app: install Node.js and npm, then rebuild (dotnet build restores apexcharts 4.7.0 from wwwroot-assets).");
    }
}
