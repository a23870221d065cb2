using CxDashboard.Core.Kpis;
using CxDashboard.Data.Model;
using CxDashboard.Data.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Data.Tests;

public sealed class NaturalKeyTests
{
    [Fact]
    public async Task A_second_measurement_with_the_same_KPI_month_and_dimensions_is_rejected()
    {
        await using var store = new SqliteTestStore();
        var services = await store.StartAsync();
        var fcr = await KpiIdAsync(services, KpiCatalog.Fcr);
        var existing = await ExistingAsync(services, m => m.KpiId == fcr && m.ChannelId != null && m.PartnerId != null && m.SegmentId != null);

        await using var db = services.Context();
        db.Measurements.Add(CopyOf(existing));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_second_measurement_with_the_same_missing_dimensions_is_rejected()
    {
        await using var store = new SqliteTestStore();
        var services = await store.StartAsync();
        var churn = await KpiIdAsync(services, KpiCatalog.Churn);
        var existing = await ExistingAsync(services, m => m.KpiId == churn);
        Assert.Null(existing.ChannelId);
        Assert.Null(existing.PartnerId);
        Assert.NotNull(existing.SegmentId);

        await using var db = services.Context();
        db.Measurements.Add(CopyOf(existing));

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        // SQLite's own unique index treats NULLs as distinct: only the migration's expression index catches this.
        var sqlite = Assert.IsType<SqliteException>(error.InnerException);
        Assert.Contains("UX_Measurements_NaturalKey_Nulls", sqlite.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_measurement_with_all_dimensions_missing_collides_with_another()
    {
        await using var store = new SqliteTestStore();
        var services = await store.StartAsync();
        var churn = await KpiIdAsync(services, KpiCatalog.Churn);

        await using (var db = services.Context())
        {
            db.Measurements.Add(new Measurement { KpiId = churn, Month = 202611, Value = 0.015, Numerator = 15, Denominator = 1000 });
            await db.SaveChangesAsync();
        }

        await using var again = services.Context();
        again.Measurements.Add(new Measurement { KpiId = churn, Month = 202611, Value = 0.016, Numerator = 16, Denominator = 1000 });
        await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());
    }

    [Fact]
    public async Task The_same_KPI_and_month_in_another_scope_is_a_different_measurement()
    {
        await using var store = new SqliteTestStore();
        var services = await store.StartAsync();
        var churn = await KpiIdAsync(services, KpiCatalog.Churn);
        var existing = await ExistingAsync(services, m => m.KpiId == churn);

        await using var db = services.Context();
        // The organisation-wide figure next to the per-segment ones: a missing segment is not segment 1.
        var organisationWide = CopyOf(existing);
        organisationWide.SegmentId = null;
        db.Measurements.Add(organisationWide);
        db.Measurements.Add(new Measurement { KpiId = churn, Month = 202611, SegmentId = existing.SegmentId, Value = 0.01, Numerator = 1, Denominator = 100 });
        await db.SaveChangesAsync();

        Assert.Equal(2, await db.Measurements.CountAsync(m => m.KpiId == churn && (m.SegmentId == null || m.Month == 202611)));
    }

    private static async Task<int> KpiIdAsync(IServiceProvider services, string code)
    {
        await using var db = services.Context();
        return await StoreContents.KpiIdAsync(db, code);
    }

    private static async Task<Measurement> ExistingAsync(IServiceProvider services, System.Linq.Expressions.Expression<Func<Measurement, bool>> where)
    {
        await using var db = services.Context();
        return await db.Measurements.AsNoTracking().Where(where).OrderBy(m => m.Id).FirstAsync();
    }

    private static Measurement CopyOf(Measurement m) => new()
    {
        KpiId = m.KpiId,
        Month = m.Month,
        ChannelId = m.ChannelId,
        PartnerId = m.PartnerId,
        SegmentId = m.SegmentId,
        Value = m.Value + 1,
        Numerator = m.Numerator,
        Denominator = m.Denominator,
        Weight = m.Weight,
    };
}
