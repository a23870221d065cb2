using CxDashboard.Testing;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Data.Model;
using CxDashboard.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CxDashboard.Data.Tests;

/// <summary>
/// The same store on a real PostgreSQL server (<c>CXDASHBOARD_TEST_POSTGRES</c>): each test creates a
/// database of its own and drops it afterwards.
/// </summary>
public sealed class PostgresStoreTests
{
    private static readonly YearMonth October = new(2026, 10);

    [PostgresFact]
    public async Task An_empty_database_is_migrated_and_filled_with_the_demo_organisation()
    {
        await using var store = await PostgresTestStore.CreateAsync();

        var services = await store.StartAsync();

        await using var db = services.Context();
        Assert.IsType<PostgresCxDbContext>(db);
        await StoreContents.AssertDemoOrganisationAsync(services);
    }

    [PostgresFact]
    public async Task A_database_that_does_not_exist_yet_is_created_on_first_start()
    {
        await using var database = TemporaryPostgresDatabase.Reserve();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:ConnectionString"] = database.ConnectionString,
        };

        await StoreServices.StartOnceAsync(settings, AppContext.BaseDirectory);

        await using var services = StoreServices.Build(settings, AppContext.BaseDirectory);
        await StoreContents.AssertDemoOrganisationAsync(services);
    }

    [PostgresFact]
    public async Task A_server_that_does_not_answer_stops_start_up_with_the_setting_to_check()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:ConnectionString"] = "Host=127.0.0.1;Port=1;Database=cx;Username=cx;Password=cx;Timeout=3",
        };

        var e = await Assert.ThrowsAsync<StartupException>(() => StoreServices.StartOnceAsync(settings, AppContext.BaseDirectory));

        Assert.StartsWith("The PostgreSQL database cx on 127.0.0.1:1 cannot be reached (", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("check Database:ConnectionString (host, port, database, user and password) and that the server is running.", e.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_second_start_changes_nothing()
    {
        await using var store = await PostgresTestStore.CreateAsync();
        await using var before = (await store.StartAsync()).Context();
        var counts = await StoreContents.RowCountsAsync(before);

        await using var after = (await store.StartAsync()).Context();

        Assert.Equal(counts, await StoreContents.RowCountsAsync(after));
    }

    [PostgresFact]
    public async Task It_holds_the_same_rows_as_SQLite()
    {
        await using var sqlite = new SqliteTestStore();
        await using var postgres = await PostgresTestStore.CreateAsync();

        await using var s = (await sqlite.StartAsync()).Context();
        await using var p = (await postgres.StartAsync()).Context();

        Assert.Equal(await StoreContents.RowCountsAsync(s), await StoreContents.RowCountsAsync(p));
        Assert.Equal(await StoreContents.MeasurementRowsAsync(s), await StoreContents.MeasurementRowsAsync(p));
    }

    [PostgresFact]
    public async Task A_second_measurement_with_the_same_missing_dimensions_is_rejected()
    {
        await using var store = await PostgresTestStore.CreateAsync();
        var services = await store.StartAsync();
        Measurement existing;
        await using (var read = services.Context())
        {
            var churn = await StoreContents.KpiIdAsync(read, KpiCatalog.Churn);
            existing = await read.Measurements.AsNoTracking().Where(m => m.KpiId == churn).OrderBy(m => m.Id).FirstAsync();
        }

        Assert.Null(existing.ChannelId);
        Assert.Null(existing.PartnerId);
        await using var db = services.Context();
        db.Measurements.Add(new Measurement
        {
            KpiId = existing.KpiId, Month = existing.Month, SegmentId = existing.SegmentId,
            Value = existing.Value, Numerator = existing.Numerator, Denominator = existing.Denominator,
        });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        var postgres = Assert.IsType<PostgresException>(error.InnerException);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, postgres.SqlState);
        Assert.Equal("IX_Measurements_NaturalKey", postgres.ConstraintName);
    }

    [PostgresFact]
    public async Task A_second_measurement_with_the_same_KPI_month_and_dimensions_is_rejected()
    {
        await using var store = await PostgresTestStore.CreateAsync();
        var services = await store.StartAsync();
        Measurement existing;
        await using (var read = services.Context())
            existing = await read.Measurements.AsNoTracking().Where(m => m.ChannelId != null && m.PartnerId != null && m.SegmentId != null).OrderBy(m => m.Id).FirstAsync();

        await using var db = services.Context();
        db.Measurements.Add(new Measurement
        {
            KpiId = existing.KpiId, Month = existing.Month,
            ChannelId = existing.ChannelId, PartnerId = existing.PartnerId, SegmentId = existing.SegmentId, Value = 1,
        });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(error.InnerException).SqlState);
    }

    [PostgresFact]
    public async Task The_board_reads_the_same_inputs_as_on_SQLite()
    {
        await using var sqlite = new SqliteTestStore();
        await using var postgres = await PostgresTestStore.CreateAsync();

        var fromSqlite = await BoardInputsSnapshot.ReadAsync(await sqlite.StartAsync(), October);
        var fromPostgres = await BoardInputsSnapshot.ReadAsync(await postgres.StartAsync(), October);

        Assert.Equal(17 * 2, fromSqlite.TileSums.Count);
        Assert.Equal(3, fromSqlite.Initiatives.Count);
        Assert.Equal(6, fromSqlite.Initiatives.Sum(i => i.Drivers.Count));
        Assert.All(fromSqlite.Initiatives.SelectMany(i => i.Drivers), d => Assert.NotEmpty(d.Sums));
        BoardInputsSnapshot.AssertSame(fromSqlite, fromPostgres, relativeTolerance: 1e-9);
    }

    [PostgresFact]
    public async Task Dimensions_added_after_seeding_get_new_ids()
    {
        await using var store = await PostgresTestStore.CreateAsync();
        // Another store seeded first by the same process, as in a test run or with a second host.
        await using var sqlite = new SqliteTestStore();
        await sqlite.StartAsync();
        var services = await store.StartAsync();

        await using var db = services.Context();
        db.Channels.Add(new Channel { Code = "SOCIAL", Name = "Social media", SortOrder = 4 });
        db.Partners.Add(new Partner { Code = "NORTHWIND", Name = "Northwind BPO", Kind = PartnerKind.Outsourced, SortOrder = 3 });
        db.Segments.Add(new Segment { Code = "PUBLIC", Name = "Public sector", SortOrder = 2 });
        await db.SaveChangesAsync();

        Assert.Equal(5, await db.Channels.CountAsync());
        Assert.Equal(4, await db.Partners.CountAsync());
        Assert.Equal(3, await db.Segments.CountAsync());
    }

    [PostgresFact]
    public async Task A_database_written_by_a_newer_version_stops_the_start_and_is_left_unchanged()
    {
        await using var store = await PostgresTestStore.CreateAsync();
        IReadOnlyDictionary<string, int> counts;
        await using (var db = (await store.StartAsync()).Context())
            counts = await StoreContents.RowCountsAsync(db);
        await using (var connection = store.OpenConnection())
        await using (var command = new NpgsqlCommand(
            "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29990101000000_FromTheFuture', '99.0.0')", connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<StartupException>(async () => await store.StartAsync());

        Assert.Contains("newer version", error.Message, StringComparison.Ordinal);
        Assert.Contains("Database:ConnectionString", error.Message, StringComparison.Ordinal);
        await using var after = store.Services().Context();
        Assert.Equal(counts, await StoreContents.RowCountsAsync(after));
        Assert.Equal(
            [.. after.Database.GetMigrations(), "29990101000000_FromTheFuture"],
            await after.Database.GetAppliedMigrationsAsync());
    }
}
