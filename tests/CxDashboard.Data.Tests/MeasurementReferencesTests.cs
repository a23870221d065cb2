using CxDashboard.Core.Kpis;
using CxDashboard.Data.Model;
using CxDashboard.Data.Tests.Infrastructure;
using CxDashboard.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static CxDashboard.Data.Tests.Infrastructure.EachStore;

namespace CxDashboard.Data.Tests;

/// <summary>
/// A measurement's KPI, channel, partner and segment must exist, and one that measurements use cannot be deleted:
/// foreign keys on SQLite, statement-level checks on PostgreSQL (see the migration
/// <c>MeasurementReferencesPerStatement</c>), with the same outcome on both.
/// </summary>
public sealed class MeasurementReferencesTests
{
    private const int Missing = 987_654;

    [Fact]
    public Task Sqlite_refuses_a_save_naming_a_partner_that_does_not_exist_and_writes_none_of_it() =>
        OnSqlite(Refuses_a_save_naming_a_partner_that_does_not_exist_and_writes_none_of_it);

    [PostgresFact]
    public Task Postgres_refuses_a_save_naming_a_partner_that_does_not_exist_and_writes_none_of_it() =>
        OnPostgres(Refuses_a_save_naming_a_partner_that_does_not_exist_and_writes_none_of_it);

    private static async Task Refuses_a_save_naming_a_partner_that_does_not_exist_and_writes_none_of_it(IServiceProvider services)
    {
        var (fcr, before) = await FcrAndCountAsync(services);

        await using (var db = services.Context())
        {
            db.Measurements.Add(new Measurement { KpiId = fcr, Month = 203001, Value = 0.7, Numerator = 70, Denominator = 100 });
            db.Measurements.Add(new Measurement { KpiId = fcr, Month = 203001, PartnerId = Missing, Value = 0.7, Numerator = 70, Denominator = 100 });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(before, (await FcrAndCountAsync(services)).Count);
    }

    [Fact]
    public Task Sqlite_refuses_a_KPI_channel_or_segment_that_does_not_exist() =>
        OnSqlite(Refuses_a_KPI_channel_or_segment_that_does_not_exist);

    [PostgresFact]
    public Task Postgres_refuses_a_KPI_channel_or_segment_that_does_not_exist() =>
        OnPostgres(Refuses_a_KPI_channel_or_segment_that_does_not_exist);

    private static async Task Refuses_a_KPI_channel_or_segment_that_does_not_exist(IServiceProvider services)
    {
        var (fcr, _) = await FcrAndCountAsync(services);
        Measurement[] wrong =
        [
            new() { KpiId = Missing, Month = 203001, Value = 1 },
            new() { KpiId = fcr, Month = 203001, ChannelId = Missing, Value = 0.7, Numerator = 70, Denominator = 100 },
            new() { KpiId = fcr, Month = 203001, SegmentId = Missing, Value = 0.7, Numerator = 70, Denominator = 100 },
        ];
        foreach (var measurement in wrong)
        {
            await using var db = services.Context();
            db.Measurements.Add(measurement);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Fact]
    public Task Sqlite_keeps_a_partner_that_measurements_use_and_deletes_one_they_do_not() =>
        OnSqlite(Keeps_a_partner_that_measurements_use_and_deletes_one_they_do_not);

    [PostgresFact]
    public Task Postgres_keeps_a_partner_that_measurements_use_and_deletes_one_they_do_not() =>
        OnPostgres(Keeps_a_partner_that_measurements_use_and_deletes_one_they_do_not);

    private static async Task Keeps_a_partner_that_measurements_use_and_deletes_one_they_do_not(IServiceProvider services)
    {
        await using (var db = services.Context())
        {
            var used = await db.Partners.SingleAsync(p => p.Code == "MERIDIAN");
            Assert.True(await db.Measurements.AnyAsync(m => m.PartnerId == used.Id));
            db.Partners.Remove(used);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using (var db = services.Context())
        {
            Assert.True(await db.Partners.AnyAsync(p => p.Code == "MERIDIAN"));
            db.Partners.Add(new Partner { Code = "NEWCO", Name = "NewCo Contact Centres", Kind = PartnerKind.Outsourced, SortOrder = 99 });
            await db.SaveChangesAsync();
        }

        await using (var db = services.Context())
        {
            db.Partners.Remove(await db.Partners.SingleAsync(p => p.Code == "NEWCO"));
            await db.SaveChangesAsync();
        }

        await using var check = services.Context();
        Assert.False(await check.Partners.AnyAsync(p => p.Code == "NEWCO"));
    }

    [PostgresFact]
    public async Task On_PostgreSQL_a_set_based_write_with_one_unknown_key_is_refused_as_a_foreign_key_would_refuse_it()
    {
        await using var store = await PostgresTestStore.CreateAsync();
        var services = await store.StartAsync();
        var (fcr, before) = await FcrAndCountAsync(services);

        await using var connection = store.OpenConnection();
        await using var command = new NpgsqlCommand($"""
            INSERT INTO "Measurements" ("KpiId", "Month", "SegmentId", "Value")
            SELECT {fcr}, 203000 + m, CASE WHEN m = 7 THEN {Missing} ELSE NULL END, 0.7 FROM generate_series(1, 12) AS m
            """, connection);
        var e = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, e.SqlState);
        Assert.Equal("FK_Measurements_Segments_SegmentId", e.ConstraintName);
        Assert.Equal("Measurements", e.TableName);
        Assert.Equal("insert or update on table \"Measurements\" violates foreign key constraint \"FK_Measurements_Segments_SegmentId\"", e.MessageText);
        Assert.Equal(before, (await FcrAndCountAsync(services)).Count);
    }

    [PostgresFact]
    public async Task On_PostgreSQL_moving_a_measurement_to_an_unknown_channel_is_refused()
    {
        await using var store = await PostgresTestStore.CreateAsync();
        var services = await store.StartAsync();

        await using var connection = store.OpenConnection();
        await using var command = new NpgsqlCommand(
            $"""UPDATE "Measurements" SET "ChannelId" = {Missing} WHERE "Id" = (SELECT min("Id") FROM "Measurements" WHERE "ChannelId" IS NOT NULL)""",
            connection);
        var e = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, e.SqlState);
        Assert.Equal("FK_Measurements_Channels_ChannelId", e.ConstraintName);
    }

    [PostgresFact]
    public async Task On_PostgreSQL_deleting_a_used_partner_names_the_reference_that_keeps_it()
    {
        await using var store = await PostgresTestStore.CreateAsync();
        var services = await store.StartAsync();
        int meridian;
        await using (var db = services.Context())
            meridian = (await db.Partners.SingleAsync(p => p.Code == "MERIDIAN")).Id;

        await using var connection = store.OpenConnection();
        await using var command = new NpgsqlCommand($"""DELETE FROM "Partners" WHERE "Id" = {meridian}""", connection);
        var e = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, e.SqlState);
        Assert.Equal("FK_Measurements_Partners_PartnerId", e.ConstraintName);
        Assert.Equal("Partners", e.TableName);
        Assert.Equal("update or delete on table \"Partners\" violates foreign key constraint \"FK_Measurements_Partners_PartnerId\" on table \"Measurements\"", e.MessageText);
    }

    private static async Task<(int Fcr, int Count)> FcrAndCountAsync(IServiceProvider services)
    {
        await using var db = services.Context();
        var fcr = (await db.Kpis.SingleAsync(k => k.Code == KpiCatalog.Fcr)).Id;
        return (fcr, await db.Measurements.CountAsync());
    }
}
