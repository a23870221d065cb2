using CxDashboard.Data.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Data.Tests;

/// <summary>
/// Two writers at once on the embedded store: SQLite takes one writer at a time, so the second waits for the
/// first instead of failing, and SQLITE_BUSY never reaches the person saving.
/// </summary>
public sealed class ConcurrentWritersTests
{
    [Fact]
    public async Task Many_editors_saving_at_once_all_succeed_one_after_another()
    {
        await using var store = new SqliteTestStore();
        var services = await store.StartAsync();
        int[] ids;
        await using (var db = services.Context())
            ids = await db.CostItems.OrderBy(c => c.Id).Select(c => c.Id).Take(4).ToArrayAsync();

        // Four editors, each saving their own cost line twenty times, all at the same moment.
        await Task.WhenAll(ids.Select(id => Task.Run(async () =>
        {
            for (var round = 1; round <= 20; round++)
            {
                await using var db = services.Context();
                var cost = await db.CostItems.SingleAsync(c => c.Id == id);
                cost.Amount += 1m;
                await db.SaveChangesAsync();
            }
        })));

        await using var check = services.Context();
        // Every save went through, each with its audit entry.
        Assert.Equal(80, await check.AuditEntries.CountAsync(a => a.Entity == "CostItem" && a.Action == Auditing.AuditAction.Modified));
    }

    [Fact]
    public async Task A_save_waits_for_a_long_write_by_someone_else_and_then_succeeds()
    {
        await using var store = new SqliteTestStore();
        var services = await store.StartAsync();

        // Another process holds the write lock for two seconds (an import, a backup restore).
        await using var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store.FilePath, Pooling = false }.ToString());
        await other.OpenAsync();
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE; UPDATE \"Settings\" SET \"FiscalYearStartMonth\" = 4;";
            await begin.ExecuteNonQueryAsync();
        }

        var release = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            await using var commit = other.CreateCommand();
            commit.CommandText = "COMMIT";
            await commit.ExecuteNonQueryAsync();
        });

        await using (var db = services.Context())
        {
            var initiative = await db.Initiatives.OrderBy(i => i.Id).FirstAsync();
            initiative.Description = "Saved while someone else was writing";
            await db.SaveChangesAsync();
        }

        await release;
        await using var check = services.Context();
        Assert.Equal("Saved while someone else was writing", (await check.Initiatives.OrderBy(i => i.Id).FirstAsync()).Description);
        Assert.Equal(4, (await check.Settings.SingleAsync()).FiscalYearStartMonth);
    }
}
