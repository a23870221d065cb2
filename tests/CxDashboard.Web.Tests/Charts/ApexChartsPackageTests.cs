using System.Text.Json;
using CxDashboard.Charts;
using Microsoft.Extensions.FileProviders;

namespace CxDashboard.Web.Tests.Charts;

public sealed class ApexChartsPackageTests
{
    // apexcharts 5.x ships a dual licence (free only under a revenue threshold); 4.7.0 is the last plain MIT release.
    private const string PinnedVersion = "4.7.0";

    [Fact]
    public void Installed_apexcharts_is_4_7_0_under_MIT()
    {
        var assets = RepositoryRoot.Combine("wwwroot-assets");

        using var manifest = ReadJson(Path.Combine(assets, "package.json"));
        Assert.Equal(PinnedVersion, manifest.RootElement.GetProperty("dependencies").GetProperty("apexcharts").GetString());

        using var lockFile = ReadJson(Path.Combine(assets, "package-lock.json"));
        var packages = lockFile.RootElement.GetProperty("packages");
        Assert.Equal(PinnedVersion, packages.GetProperty("").GetProperty("dependencies").GetProperty("apexcharts").GetString());
        Assert.Equal(PinnedVersion, packages.GetProperty("node_modules/apexcharts").GetProperty("version").GetString());

        var installed = Path.Combine(assets, "node_modules", "apexcharts");
        using var package = ReadJson(Path.Combine(installed, "package.json"));
        Assert.Equal(PinnedVersion, package.RootElement.GetProperty("version").GetString());
        Assert.Equal("MIT", package.RootElement.GetProperty("license").GetString());

        // The package.json of 5.0.0 still said MIT while its LICENSE did not: the LICENSE text decides.
        var license = File.ReadAllText(Path.Combine(installed, "LICENSE"));
        Assert.Contains("MIT License", license, StringComparison.Ordinal);
        Assert.Contains("Permission is hereby granted, free of charge", license, StringComparison.Ordinal);
        Assert.DoesNotContain("revenue", license, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("OEM", license, StringComparison.Ordinal);

        var served = RepositoryRoot.Combine("src", "CxDashboard.Charts", "wwwroot", "lib", "apexcharts");
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(installed, "dist", "apexcharts.esm.js")),
            File.ReadAllBytes(Path.Combine(served, "apexcharts.esm.js")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(installed, "LICENSE")), File.ReadAllBytes(Path.Combine(served, "LICENSE")));
    }

    [Fact]
    public void Chart_module_exports_the_four_calls_without_globals_or_eval()
    {
        var module = File.ReadAllText(RepositoryRoot.Combine("src", "CxDashboard.Charts", "ApexChart.razor.js"));

        Assert.Contains("from './lib/apexcharts/apexcharts.esm.js'", module, StringComparison.Ordinal);
        Assert.Contains("export async function create(element, optionsJson)", module, StringComparison.Ordinal);
        Assert.Contains("export async function updateOptions(chart, optionsJson)", module, StringComparison.Ordinal);
        Assert.Contains("export async function updateSeries(chart, seriesJson)", module, StringComparison.Ordinal);
        Assert.Contains("export function destroy(chart)", module, StringComparison.Ordinal);
        Assert.DoesNotContain("eval(", module, StringComparison.Ordinal);
        Assert.DoesNotContain("new Function", module, StringComparison.Ordinal);
        Assert.DoesNotContain("window.", module, StringComparison.Ordinal);
        Assert.DoesNotContain("globalThis", module, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_up_check_finds_the_script_only_where_the_web_root_serves_it()
    {
        var webRoot = Directory.CreateTempSubdirectory("cx-charts-webroot-");
        try
        {
            using var provider = new PhysicalFileProvider(webRoot.FullName);
            Assert.False(ChartAssets.IsApexChartsScriptPresent(provider));

            var script = Path.Combine(webRoot.FullName, ChartAssets.ApexChartsScriptPath);
            Directory.CreateDirectory(Path.GetDirectoryName(script)!);
            File.WriteAllText(script, "export default class ApexCharts {}");

            Assert.True(ChartAssets.IsApexChartsScriptPresent(provider));
            Assert.False(ChartAssets.IsApexChartsScriptPresent(new NullFileProvider()));
        }
        finally
        {
            webRoot.Delete(recursive: true);
        }
    }

    private static JsonDocument ReadJson(string path) => JsonDocument.Parse(File.ReadAllText(path));
}
