using System.Data.Common;
using System.Text.Json;
using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Time;
using CxDashboard.Data.Access;
using CxDashboard.Data.Auditing;
using CxDashboard.Data.Model;
using CxDashboard.Data.Tests.Infrastructure;
using CxDashboard.Testing;
using Microsoft.EntityFrameworkCore;
using static CxDashboard.Data.Tests.Infrastructure.EachStore;

namespace CxDashboard.Data.Tests;

/// <summary>
/// What the store guarantees whoever writes to it, on both providers: every change is in the audit trail with who,
/// what, old and new values, in the same transaction; the trail cannot be changed; two editors of one row never
/// silently overwrite each other; a partner-scoped actor sees only that partner's rows.
/// </summary>
public sealed class StoreGuaranteesTests
{
    private const string Dana = "dana@harbour.example";
    private const string Sam = "sam@harbour.example";

    [Fact]
    public Task Sqlite_audits_a_change_with_who_old_and_new_values() => OnSqlite(Audits_a_change_with_who_old_and_new_values);

    [PostgresFact]
    public Task Postgres_audits_a_change_with_who_old_and_new_values() => OnPostgres(Audits_a_change_with_who_old_and_new_values);

    private static async Task Audits_a_change_with_who_old_and_new_values(IServiceProvider services)
    {
        int id;
        using (StoreActor.Use(new StoreActor(Dana)))
        {
            await using var db = services.Context();
            var initiative = await db.Initiatives.OrderBy(i => i.Id).FirstAsync();
            id = initiative.Id;
            initiative.Owner = "Dana Reyes, CX Director";
            var cost = new CostItem
            {
                InitiativeId = id, Name = "Extra licences", Category = CostCategory.SoftwareLicensing, Nature = CostNature.Opex,
                Recurrence = CostRecurrence.Monthly, Amount = 1_250m, StartMonth = new YearMonth(2026, 1).Key, Risk = 0.05m,
            };
            db.CostItems.Add(cost);
            await db.SaveChangesAsync();
        }

        await using var check = services.Context();
        var entries = await check.AuditEntries.Where(a => a.UserName == Dana).OrderBy(a => a.Id).ToListAsync();
        var modified = Assert.Single(entries, e => e.Entity == nameof(Initiative));
        Assert.Equal(AuditAction.Modified, modified.Action);
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), modified.EntityKey);
        var field = Assert.Single(Fields(modified));
        Assert.Equal(("Owner", "Priya Raman, Head of Digital Care", "Dana Reyes, CX Director"), field);

        var added = Assert.Single(entries, e => e.Entity == nameof(CostItem));
        Assert.Equal(AuditAction.Added, added.Action);
        var newCost = await check.CostItems.SingleAsync(c => c.Name == "Extra licences");
        Assert.Equal(newCost.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), added.EntityKey);
        Assert.Contains(("Amount", null, "1250"), Fields(added));
        Assert.True((DateTime.UtcNow - modified.AtUtc).Duration() < TimeSpan.FromMinutes(5));
    }

    [Fact]
    public Task Sqlite_keeps_the_audit_trail_unchangeable() => OnSqlite(Keeps_the_audit_trail_unchangeable);

    [PostgresFact]
    public Task Postgres_keeps_the_audit_trail_unchangeable() => OnPostgres(Keeps_the_audit_trail_unchangeable);

    private static async Task Keeps_the_audit_trail_unchangeable(IServiceProvider services)
    {
        await using var db = services.Context();
        var entry = await db.AuditEntries.OrderBy(a => a.Id).FirstAsync();
        var before = await db.AuditEntries.CountAsync();

        entry.UserName = "someone else";
        var edit = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("cannot be changed or deleted", edit.Message, StringComparison.Ordinal);
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.OrderBy(a => a.Id).FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        // Not even by SQL behind the app's back: the database's own triggers refuse it.
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"UserName\" = 'x'"));
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
        Assert.Equal(before, await db.AuditEntries.CountAsync());
        Assert.Equal(StoreActor.SystemName, (await db.AuditEntries.OrderBy(a => a.Id).FirstAsync()).UserName);
    }

    [Fact]
    public Task Sqlite_refuses_the_second_of_two_editors_saving_the_same_initiative() => OnSqlite(Refuses_the_second_of_two_editors);

    [PostgresFact]
    public Task Postgres_refuses_the_second_of_two_editors_saving_the_same_initiative() => OnPostgres(Refuses_the_second_of_two_editors);

    private static async Task Refuses_the_second_of_two_editors(IServiceProvider services)
    {
        await using var first = services.Context();
        await using var second = services.Context();
        var mine = await first.Initiatives.OrderBy(i => i.Id).FirstAsync();
        var theirs = await second.Initiatives.OrderBy(i => i.Id).FirstAsync();
        var auditBefore = await first.AuditEntries.CountAsync();

        mine.HorizonMonths = 48;
        await first.SaveChangesAsync();
        theirs.HorizonMonths = 24;
        theirs.Description = "Sam's rewrite";
        var conflict = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        // The store offers both versions: what is stored now and what the second editor wanted.
        var entry = Assert.Single(conflict.Entries);
        var stored = await entry.GetDatabaseValuesAsync();
        Assert.Equal(48, stored![nameof(Initiative.HorizonMonths)]);
        Assert.Equal(24, entry.CurrentValues[nameof(Initiative.HorizonMonths)]);

        await using var check = services.Context();
        var saved = await check.Initiatives.SingleAsync(i => i.Id == mine.Id);
        Assert.Equal(48, saved.HorizonMonths);
        Assert.NotEqual("Sam's rewrite", saved.Description);
        // Only the first editor's change is in the trail: the refused one left nothing, not even half an entry.
        Assert.Equal(auditBefore + 1, await check.AuditEntries.CountAsync());

        // Choosing to keep their own version after seeing the other: the second editor saves over the stored version.
        entry.OriginalValues.SetValues(stored);
        await second.SaveChangesAsync();
        await using var after = services.Context();
        Assert.Equal(24, (await after.Initiatives.SingleAsync(i => i.Id == mine.Id)).HorizonMonths);
    }

    [Fact]
    public Task Sqlite_shows_a_partner_user_only_their_partners_rows() => OnSqlite(Shows_a_partner_user_only_their_partners_rows);

    [PostgresFact]
    public Task Postgres_shows_a_partner_user_only_their_partners_rows() => OnPostgres(Shows_a_partner_user_only_their_partners_rows);

    private static async Task Shows_a_partner_user_only_their_partners_rows(IServiceProvider services)
    {
        int partnerId;
        long othersRow;
        var october = new YearMonth(2026, 10);
        IReadOnlyDictionary<(int KpiId, YearMonth Month), Core.Kpis.MeasurementSums> everyone;
        await using (var system = services.Context())
        {
            partnerId = (await system.Partners.OrderBy(p => p.Id).ToListAsync())[^1].Id;
            othersRow = await system.Measurements.Where(m => m.PartnerId != null && m.PartnerId != partnerId).Select(m => m.Id).FirstAsync();
            everyone = await services.Measurements().SumsByKpiAsync([october], Queries.MeasurementScope.All);
        }

        using (StoreActor.Use(new StoreActor(Sam, PartnerId: partnerId)))
        {
            await using var db = services.Context();
            Assert.Equal(partnerId, Assert.Single(await db.Partners.ToListAsync()).Id);
            Assert.True(await db.Measurements.AnyAsync());
            Assert.Equal([partnerId], await db.Measurements.Select(m => m.PartnerId).Distinct().ToListAsync());
            // Asking for another partner's row by its id finds nothing.
            Assert.Null(await db.Measurements.FirstOrDefaultAsync(m => m.Id == othersRow));
            // Nor do the queries the pages use: the organisation-wide sums hold this partner's rows alone.
            var own = await services.Measurements().SumsByKpiAsync([october], Queries.MeasurementScope.All);
            var ownRows = await db.Measurements.CountAsync(m => m.Month == october.Key);
            Assert.Equal(ownRows, own.Values.Sum(s => s.Count));
            Assert.True(own.Values.Sum(s => s.Count) < everyone.Values.Sum(s => s.Count));
            // The board's reads too: its tiles' KPIs by name, and its drivers' months read together.
            var fcr = (await db.Kpis.SingleAsync(k => k.Code == Core.Kpis.KpiCatalog.Fcr)).Id;
            var ownFcr = await db.Measurements.CountAsync(m => m.KpiId == fcr && m.Month == october.Key);
            var tiles = await services.Measurements().SumsByKpiAsync([fcr], october, october, Queries.MeasurementScope.All);
            var drivers = await services.Measurements().SumsByMonthAsync([new Queries.KpiMonths(fcr, october, october, Queries.MeasurementScope.All)]);
            Assert.Equal(ownFcr, tiles[(fcr, october)].Count);
            Assert.Equal(ownFcr, drivers[0][october].Count);
            Assert.True(ownFcr < everyone[(fcr, october)].Count);
        }
    }

    [Fact]
    public async Task Seeding_records_each_kind_of_row_once_rather_than_row_by_row()
    {
        await using var store = new SqliteTestStore();
        var services = await store.StartAsync();
        await using var db = services.Context();

        var measurements = await db.AuditEntries.SingleAsync(a => a.Entity == nameof(Measurement));
        Assert.Equal(AuditAction.Added, measurements.Action);
        Assert.Equal(StoreActor.SystemName, measurements.UserName);
        Assert.Equal((await db.Measurements.CountAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture), Fields(measurements).Single().New);
    }

    private static List<(string Field, string? Old, string? New)> Fields(AuditEntry entry) =>
        JsonSerializer.Deserialize<List<JsonElement>>(entry.Changes)!
            .Select(e => (e.GetProperty("field").GetString()!, e.GetProperty("old").GetString(), e.GetProperty("new").GetString()))
            .ToList();

    [Fact]
    public Task Sqlite_lists_the_months_a_reader_has_data_for() => OnSqlite(Lists_the_months_a_reader_has_data_for);

    [PostgresFact]
    public Task Postgres_lists_the_months_a_reader_has_data_for() => OnPostgres(Lists_the_months_a_reader_has_data_for);

    private static async Task Lists_the_months_a_reader_has_data_for(IServiceProvider services)
    {
        int meridian;
        await using (var system = services.Context())
        {
            meridian = (await system.Partners.SingleAsync(p => p.Code == "MERIDIAN")).Id;
            var distinct = await system.Measurements.Select(m => m.Month).Distinct().OrderBy(m => m).ToListAsync();
            Assert.Equal(distinct, (await services.Measurements().MonthsWithDataAsync()).Select(m => m.Key));
            Assert.Equal(24, distinct.Count);
        }

        // Meridian CX took over chat in September 2025: its users see the months from then on only.
        using (StoreActor.Use(new StoreActor(Sam, PartnerId: meridian)))
        {
            await using var db = services.Context();
            var own = await db.Measurements.Select(m => m.Month).Distinct().OrderBy(m => m).ToListAsync();
            var months = await services.Measurements().MonthsWithDataAsync();
            Assert.Equal(own, months.Select(m => m.Key));
            Assert.Equal(new YearMonth(2025, 9), months[0]);
        }
    }
}
