using CxDashboard.Data.Model;
using CxDashboard.Data.Tests.Infrastructure;
using CxDashboard.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CxDashboard.Data.Tests;

/// <summary>
/// Several app instances started at once on one PostgreSQL database, as an orchestrator starts a scaled-out
/// deployment: each migrates and seeds at start-up, and together they must leave one demo organisation, not
/// fail on each other's tables or rows and not fill the store twice.
/// </summary>
public sealed class ConcurrentStartupTests
{
    private const int Instances = 4;

    [PostgresFact]
    public async Task Instances_starting_at_once_on_an_empty_database_all_start_and_seed_it_once()
    {
        await using var store = await PostgresTestStore.CreateAsync();
        var instances = Enumerable.Range(0, Instances).Select(_ => store.Services()).ToList();

        await Task.WhenAll(instances.Select(i => Task.Run(() => i.InitializeCxStoreAsync())));

        await StoreContents.AssertDemoOrganisationAsync(instances[0]);
    }

    [PostgresFact]
    public async Task Instances_starting_at_once_on_a_database_that_does_not_exist_yet_create_it_once_and_seed_it_once()
    {
        await using var database = TemporaryPostgresDatabase.Reserve();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["Database:ConnectionString"] = database.ConnectionString,
        };

        await Task.WhenAll(Enumerable.Range(0, Instances).Select(_ => Task.Run(() => StoreServices.StartOnceAsync(settings, AppContext.BaseDirectory))));

        await using var services = StoreServices.Build(settings, AppContext.BaseDirectory);
        await StoreContents.AssertDemoOrganisationAsync(services);
    }

    [PostgresFact]
    public async Task A_start_that_runs_its_own_seeding_under_the_start_up_lock_runs_it_once_across_instances()
    {
        await using var store = await PostgresTestStore.CreateAsync();
        var instances = Enumerable.Range(0, Instances).Select(_ => store.Services()).ToList();
        var seeded = 0;

        // What the web app runs under the same lock: its users, added only when the store has none.
        async Task SeedUsersAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            await using var db = services.Context();
            if (await db.Users.AnyAsync(cancellationToken)) return;
            Interlocked.Increment(ref seeded);
            db.Users.Add(new Access.CxUser { UserName = "first@example.com", NormalizedUserName = "FIRST@EXAMPLE.COM", Email = "first@example.com", DisplayName = "First" });
            await db.SaveChangesAsync(cancellationToken);
        }

        await Task.WhenAll(instances.Select(i => Task.Run(() => i.InitializeCxStoreAsync(ct => SeedUsersAsync(i, ct)))));

        Assert.Equal(1, seeded);
        await using var after = instances[0].Context();
        Assert.Equal(1, await after.Users.CountAsync());
    }

    [PostgresFact]
    public async Task An_instance_starting_while_another_stores_an_import_leaves_that_import_running()
    {
        await using var store = await PostgresTestStore.CreateAsync();
        await store.StartAsync();
        await using (var db = store.Services().Context())
        {
            db.Imports.Add(new MeasurementImport
            {
                FileName = "nightly.csv", UserName = "api:Genesys nightly export", ContentHash = new string('0', 64),
                StartedUtc = new DateTime(2026, 11, 30, 2, 0, 0, DateTimeKind.Utc), Status = ImportStatus.Running, RowCount = 1_000_000,
            });
            await db.SaveChangesAsync();
        }

        // The instance storing it holds the importer's lock ("CxImport" in ASCII) while it writes.
        await using (var importing = store.OpenConnection())
        {
            await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(4861716532133065332)", importing))
                await take.ExecuteNonQueryAsync();

            await store.StartAsync();

            Assert.Equal(ImportStatus.Running, await StatusAsync(store));
        }

        // Once no instance is storing it, the next start knows it was interrupted.
        await store.StartAsync();
        Assert.Equal(ImportStatus.Failed, await StatusAsync(store));
    }

    private static async Task<ImportStatus> StatusAsync(PostgresTestStore store)
    {
        await using var db = store.Services().Context();
        return await db.Imports.Where(i => i.FileName == "nightly.csv").Select(i => i.Status).SingleAsync();
    }
}
