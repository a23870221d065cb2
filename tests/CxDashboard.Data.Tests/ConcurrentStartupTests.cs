using CxDashboard.Data.Tests.Infrastructure;
using CxDashboard.Testing;
using Microsoft.EntityFrameworkCore;

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
}
