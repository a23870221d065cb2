using CxDashboard.Core.Kpis;
using CxDashboard.Data.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Data.Tests;

public sealed class SqliteStoreTests
{
    [Fact]
    public async Task A_fresh_file_is_migrated_and_filled_with_the_demo_organisation()
    {
        await using var store = new SqliteTestStore();

        var services = await store.StartAsync();

        Assert.True(File.Exists(store.FilePath));
        await StoreContents.AssertDemoOrganisationAsync(services);
    }

    [Fact]
    public async Task A_new_file_gets_16_KiB_pages_and_write_ahead_logging()
    {
        await using var store = new SqliteTestStore();

        await store.StartAsync();

        Assert.Equal(("16384", "wal"), (Pragma(store.FilePath, "page_size"), Pragma(store.FilePath, "journal_mode")));
    }

    [Fact]
    public async Task A_store_made_with_4_KiB_pages_keeps_them()
    {
        await using var store = new SqliteTestStore();
        using (var connection = new SqliteConnection($"Data Source={store.FilePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_size = 4096; CREATE TABLE \"Earlier\" (\"Id\" INTEGER);";
            command.ExecuteNonQuery();
        }

        var services = await store.StartAsync();

        Assert.Equal("4096", Pragma(store.FilePath, "page_size"));
        await StoreContents.AssertDemoOrganisationAsync(services);
    }

    private static string Pragma(string file, string name)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    [Fact]
    public async Task A_second_start_changes_nothing()
    {
        await using var store = new SqliteTestStore();
        var first = await store.StartAsync();
        await using var before = first.Context();
        var countsBefore = await StoreContents.RowCountsAsync(before);
        var rowsBefore = await StoreContents.MeasurementRowsAsync(before);

        var second = await store.StartAsync();

        await using var after = second.Context();
        Assert.Equal(countsBefore, await StoreContents.RowCountsAsync(after));
        Assert.Equal(rowsBefore, await StoreContents.MeasurementRowsAsync(after));
        await StoreContents.AssertDemoOrganisationAsync(second);
    }

    [Fact]
    public async Task Two_fresh_stores_hold_identical_measurements()
    {
        await using var one = new SqliteTestStore();
        await using var other = new SqliteTestStore();

        await using var a = (await one.StartAsync()).Context();
        await using var b = (await other.StartAsync()).Context();

        var rowsA = await StoreContents.MeasurementRowsAsync(a);
        var rowsB = await StoreContents.MeasurementRowsAsync(b);
        Assert.NotEmpty(rowsA);
        Assert.Equal(rowsA, rowsB);
        Assert.Equal(await StoreContents.RowCountsAsync(a), await StoreContents.RowCountsAsync(b));
    }

    [Fact]
    public async Task Without_demo_data_the_store_holds_the_KPI_catalog_and_settings_only()
    {
        await using var store = new SqliteTestStore();

        var services = await store.StartAsync(new Dictionary<string, string?> { ["Database:SeedDemoData"] = "false" });

        await using var db = services.Context();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(KpiCatalog.Standard.Select(k => k.Code), await db.Kpis.OrderBy(k => k.SortOrder).Select(k => k.Code).ToListAsync());
        Assert.Equal("Your organisation", (await db.Settings.SingleAsync()).OrganisationName);
        var counts = await StoreContents.RowCountsAsync(db);
        Assert.All(counts.Where(kv => kv.Key is not ("KpiDefinitions" or "Settings")), kv => Assert.Equal(0, kv.Value));
        Assert.Empty(await services.Measurements().MonthsWithDataAsync());
    }

    [Fact]
    public async Task A_store_started_without_demo_data_stays_without_it_when_the_setting_is_turned_on()
    {
        await using var store = new SqliteTestStore();
        await store.StartAsync(new Dictionary<string, string?> { ["Database:SeedDemoData"] = "false" });

        var services = await store.StartAsync(new Dictionary<string, string?> { ["Database:SeedDemoData"] = "true" });

        await using var db = services.Context();
        Assert.Equal(0, await db.Measurements.CountAsync());
        Assert.Equal(17, await db.Kpis.CountAsync());
        Assert.Equal(1, await db.Settings.CountAsync());
    }
}
