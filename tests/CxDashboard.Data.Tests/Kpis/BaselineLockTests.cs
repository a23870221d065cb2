using CxDashboard.Data.Access;
using CxDashboard.Data.Auditing;
using CxDashboard.Data.Model;
using CxDashboard.Data.Tests.Infrastructure;
using CxDashboard.Testing;
using Microsoft.EntityFrameworkCore;
using static CxDashboard.Data.Tests.Infrastructure.EachStore;

namespace CxDashboard.Data.Tests.Kpis;

/// <summary>
/// A baseline is locked once set, and the store itself keeps it so on both providers: its value or measurement period
/// changes only together with a revision saying why, in the same save; its target and note change freely (audited).
/// </summary>
public sealed class BaselineLockTests
{
    private const string Marco = "marco@harbour.example";

    [Fact]
    public Task Sqlite_refuses_a_new_baseline_value_without_its_revision() => OnSqlite(Refuses_a_new_value_without_its_revision);

    [PostgresFact]
    public Task Postgres_refuses_a_new_baseline_value_without_its_revision() => OnPostgres(Refuses_a_new_value_without_its_revision);

    [Fact]
    public Task Sqlite_refuses_a_new_measurement_period_without_its_revision() => OnSqlite(Refuses_a_new_period_without_its_revision);

    [PostgresFact]
    public Task Postgres_refuses_a_new_measurement_period_without_its_revision() => OnPostgres(Refuses_a_new_period_without_its_revision);

    [Fact]
    public Task Sqlite_stores_a_rebaselining_saved_with_its_revision() => OnSqlite(Stores_a_rebaselining_saved_with_its_revision);

    [PostgresFact]
    public Task Postgres_stores_a_rebaselining_saved_with_its_revision() => OnPostgres(Stores_a_rebaselining_saved_with_its_revision);

    [Fact]
    public Task Sqlite_refuses_a_revision_that_records_another_value_than_the_baseline_gets() => OnSqlite(Refuses_a_revision_that_records_another_value);

    [PostgresFact]
    public Task Postgres_refuses_a_revision_that_records_another_value_than_the_baseline_gets() => OnPostgres(Refuses_a_revision_that_records_another_value);

    [Fact]
    public Task Sqlite_lets_a_target_change_without_a_revision() => OnSqlite(Lets_a_target_change_without_a_revision);

    [PostgresFact]
    public Task Postgres_lets_a_target_change_without_a_revision() => OnPostgres(Lets_a_target_change_without_a_revision);

    private static async Task Refuses_a_new_value_without_its_revision(IServiceProvider services)
    {
        var (id, value, _) = await FirstBaselineAsync(services);

        using (StoreActor.Use(new StoreActor(Marco)))
        {
            await using var db = services.Context();
            var baseline = await db.Baselines.SingleAsync(b => b.Id == id);
            baseline.Value = value + 0.02;
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.StartsWith($"Baseline {id} is locked: its value or measurement period can only change as a re-baselining", refused.Message, StringComparison.Ordinal);
        }

        await AssertUnchangedAsync(services, id, value);
    }

    private static async Task Refuses_a_new_period_without_its_revision(IServiceProvider services)
    {
        var (id, value, end) = await FirstBaselineAsync(services);

        await using (var db = services.Context())
        {
            var baseline = await db.Baselines.SingleAsync(b => b.Id == id);
            baseline.PeriodEnd = end + 1;
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using var check = services.Context();
        Assert.Equal(end, (await check.Baselines.SingleAsync(b => b.Id == id)).PeriodEnd);
        await AssertUnchangedAsync(services, id, value);
    }

    private static async Task Stores_a_rebaselining_saved_with_its_revision(IServiceProvider services)
    {
        var (id, value, _) = await FirstBaselineAsync(services);

        using (StoreActor.Use(new StoreActor(Marco)))
        {
            await using var db = services.Context();
            var baseline = await db.Baselines.SingleAsync(b => b.Id == id);
            db.BaselineRevisions.Add(new BaselineRevision
            {
                Baseline = baseline, AtUtc = DateTime.UtcNow, UserName = Marco, EffectiveMonth = 202611,
                OldValue = baseline.Value, NewValue = value + 0.02,
                OldPeriodStart = baseline.PeriodStart, OldPeriodEnd = baseline.PeriodEnd,
                NewPeriodStart = baseline.PeriodStart, NewPeriodEnd = baseline.PeriodEnd,
                Reason = "Definition of a resolved contact widened to include callbacks within 24 hours",
            });
            baseline.Value = value + 0.02;
            await db.SaveChangesAsync();
        }

        await using var check = services.Context();
        Assert.Equal(value + 0.02, (await check.Baselines.SingleAsync(b => b.Id == id)).Value, 12);
        var revision = await check.BaselineRevisions.SingleAsync();
        Assert.Equal((id, value), (revision.BaselineId, revision.OldValue));
        var audited = await check.AuditEntries.Where(a => a.UserName == Marco).Select(a => a.Entity).OrderBy(e => e).ToListAsync();
        Assert.Equal([nameof(Baseline), nameof(BaselineRevision)], audited);
    }

    private static async Task Refuses_a_revision_that_records_another_value(IServiceProvider services)
    {
        var (id, value, _) = await FirstBaselineAsync(services);

        await using (var db = services.Context())
        {
            var baseline = await db.Baselines.SingleAsync(b => b.Id == id);
            db.BaselineRevisions.Add(new BaselineRevision
            {
                BaselineId = id, AtUtc = DateTime.UtcNow, UserName = Marco, EffectiveMonth = 202611,
                OldValue = value, NewValue = value + 0.01,
                OldPeriodStart = baseline.PeriodStart, OldPeriodEnd = baseline.PeriodEnd,
                NewPeriodStart = baseline.PeriodStart, NewPeriodEnd = baseline.PeriodEnd,
                Reason = "Says one value, sets another",
            });
            baseline.Value = value + 0.05;
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("records a different new value or period", refused.Message, StringComparison.Ordinal);
        }

        await AssertUnchangedAsync(services, id, value);
    }

    private static async Task Lets_a_target_change_without_a_revision(IServiceProvider services)
    {
        var (id, _, _) = await FirstBaselineAsync(services);

        using (StoreActor.Use(new StoreActor(Marco)))
        {
            await using var db = services.Context();
            var baseline = await db.Baselines.SingleAsync(b => b.Id == id);
            baseline.Target = 0.5;
            baseline.TargetMonth = 202712;
            baseline.Note = "Stretch target agreed with finance";
            await db.SaveChangesAsync();
        }

        await using var check = services.Context();
        Assert.Equal(0.5, (await check.Baselines.SingleAsync(b => b.Id == id)).Target);
        var entry = await check.AuditEntries.SingleAsync(a => a.UserName == Marco);
        Assert.Equal((nameof(Baseline), AuditAction.Modified), (entry.Entity, entry.Action));
        Assert.Empty(await check.BaselineRevisions.ToListAsync());
    }

    private static async Task<(int Id, double Value, int PeriodEnd)> FirstBaselineAsync(IServiceProvider services)
    {
        await using var db = services.Context();
        var baseline = await db.Baselines.AsNoTracking().OrderBy(b => b.Id).FirstAsync();
        return (baseline.Id, baseline.Value, baseline.PeriodEnd);
    }

    private static async Task AssertUnchangedAsync(IServiceProvider services, int id, double value)
    {
        await using var db = services.Context();
        Assert.Equal(value, (await db.Baselines.SingleAsync(b => b.Id == id)).Value);
        Assert.Empty(await db.BaselineRevisions.ToListAsync());
        Assert.Empty(await db.AuditEntries.Where(a => a.Entity == nameof(Baseline) && a.Action == AuditAction.Modified).ToListAsync());
    }
}
