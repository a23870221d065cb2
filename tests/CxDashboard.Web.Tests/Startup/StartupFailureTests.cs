using System.Security.Cryptography;
using CxDashboard.Data;
using CxDashboard.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;

namespace CxDashboard.Web.Tests.Startup;

/// <summary>
/// Start-up with a setting a person got wrong stops with one sentence naming the setting and the fix,
/// exit code 1, no stack trace, and leaves the store as it was. The app runs as a real child process.
/// </summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cxdashboard-startup-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task An_unknown_provider_names_the_setting_and_the_values_it_takes()
    {
        var (exit, output) = await RunAppAsync(("Database__Provider", "Oracle"));

        Assert.Equal(1, exit);
        Assert.Equal(
            "CxDashboard cannot start: Database:Provider is \"Oracle\", which is not a store CxDashboard knows: set it to \"Sqlite\" (the embedded default) or \"PostgreSql\".",
            output.Trim());
    }

    [Fact]
    public async Task A_malformed_connection_string_names_the_setting_and_its_form()
    {
        var (exit, output) = await RunAppAsync(("Database__ConnectionString", "Data Sauce=cx.db"));

        Assert.Equal(1, exit);
        Assert.StartsWith("CxDashboard cannot start: Database:ConnectionString is not a valid SQLite connection string", output.Trim(), StringComparison.Ordinal);
        Assert.Contains("write it as \"Data Source=path/to/cxdashboard.db\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_stops_start_up_and_is_left_untouched()
    {
        var file = Path.Combine(_folder, "not-a-store.db");
        await File.WriteAllBytesAsync(file, RandomNumberGenerator.GetBytes(8192));
        var before = await File.ReadAllBytesAsync(file);

        var (exit, output) = await RunAppAsync(("Database__ConnectionString", $"Data Source={file}"));

        Assert.Equal(1, exit);
        Assert.Contains("cannot be opened (SQLite Error 26: 'file is not a database')", output, StringComparison.Ordinal);
        Assert.Contains("check Database:ConnectionString", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(file));
    }

    [Fact]
    public async Task An_unreachable_postgresql_server_names_the_setting()
    {
        var (exit, output) = await RunAppAsync(
            ("Database__Provider", "PostgreSql"),
            ("Database__ConnectionString", "Host=127.0.0.1;Port=1;Database=cx;Username=cx;Password=cx;Timeout=3"));

        Assert.Equal(1, exit);
        Assert.Contains("PostgreSQL database cx on 127.0.0.1:1 cannot be", output, StringComparison.Ordinal);
        Assert.Contains("check Database:ConnectionString", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_chart_script_stops_start_up_with_the_fix()
    {
        var environment = new StubEnvironment();

        var e = Assert.Throws<StartupException>(environment.EnsureChartScriptPresent);

        Assert.Equal(
            "The chart script _content/CxDashboard.Charts/lib/apexcharts/apexcharts.esm.js is missing from the app: install Node.js and npm, then rebuild (dotnet build restores apexcharts 4.7.0 from wwwroot-assets).",
            e.Message);
    }

    [Fact]
    public async Task A_store_without_demo_data_and_without_a_first_administrator_says_how_to_create_one()
    {
        var (exit, output) = await RunAppAsync(("Database__DataFolder", _folder), ("Database__SeedDemoData", "false"));

        Assert.Equal(1, exit);
        Assert.StartsWith("CxDashboard cannot start: No one could sign in: set Access:Admin:Email and Access:Admin:Password", output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_first_administrator_with_a_common_password_is_refused_with_the_reason()
    {
        var (exit, output) = await RunAppAsync(
            ("Database__DataFolder", _folder), ("Database__SeedDemoData", "false"),
            ("Access__Admin__Email", "it@example.com"), ("Access__Admin__Password", "password123"));

        Assert.Equal(1, exit);
        Assert.Contains("The account it@example.com from Access:Admin cannot be created", output, StringComparison.Ordinal);
        Assert.Contains("one of the most common passwords", output, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output)> RunAppAsync(params (string Name, string Value)[] settings)
    {
        using var app = AppProcess.Launch(_folder, settings.ToDictionary(s => s.Name, s => s.Value));
        var exit = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));
        // The sentence a person acts on comes first: standard error, then what was logged.
        return (exit, app.Errors + app.StandardOutput);
    }

    private sealed class StubEnvironment : IWebHostEnvironment
    {
        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
        public string WebRootPath { get; set; } = "";
        public string ApplicationName { get; set; } = "CxDashboard.Web";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
        public string ContentRootPath { get; set; } = "";
        public string EnvironmentName { get; set; } = "Production";
    }
}
