using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Data.Access;
using CxDashboard.Data.Demo;
using CxDashboard.Data.Queries;
using CxDashboard.Data.Tests.Infrastructure;
using CxDashboard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CxDashboard.Data.Tests.Infrastructure.EachStore;

namespace CxDashboard.Data.Tests;

/// <summary>The business case's queries on both providers: the last measured month of a KPI over a scope, and initiatives with what they hold.</summary>
public sealed class InitiativeQueriesTests
{
    [Fact]
    public Task Sqlite_the_last_measured_month_over_a_scope_comes_with_its_sums() => OnSqlite(The_last_measured_month_over_a_scope_comes_with_its_sums);

    [PostgresFact]
    public Task Postgres_the_last_measured_month_over_a_scope_comes_with_its_sums() => OnPostgres(The_last_measured_month_over_a_scope_comes_with_its_sums);

    [Fact]
    public Task Sqlite_archived_initiatives_are_listed_only_when_asked_and_a_partner_reader_gets_no_costs() => OnSqlite(Archived_only_when_asked_and_no_costs_for_partners);

    [PostgresFact]
    public Task Postgres_archived_initiatives_are_listed_only_when_asked_and_a_partner_reader_gets_no_costs() => OnPostgres(Archived_only_when_asked_and_no_costs_for_partners);

    private static async Task The_last_measured_month_over_a_scope_comes_with_its_sums(IServiceProvider services)
    {
        var queries = services.GetRequiredService<InitiativeQueries>();
        int aht, containment, voice;
        await using (var db = await services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContextAsync())
        {
            aht = (await db.Kpis.SingleAsync(k => k.Code == KpiCatalog.Aht)).Id;
            containment = (await db.Kpis.SingleAsync(k => k.Code == KpiCatalog.Containment)).Id;
            voice = (await db.Channels.SingleAsync(c => c.Code == "VOICE")).Id;
        }

        var last = await queries.LastMeasuredAsync(aht, voice, null, null);

        Assert.Equal(DemoOrganisation.LastMonth, last!.Month);
        var month = (await services.GetRequiredService<MeasurementQueries>()
            .SumsByMonthAsync(aht, DemoOrganisation.LastMonth, DemoOrganisation.LastMonth, MeasurementScope.Of(voice, null, null)))[DemoOrganisation.LastMonth];
        Assert.Equal((month.Count, month.SumWeight), (last.Sums.Count, last.Sums.SumWeight));
        Assert.Equal(month.SumWeightedValue, last.Sums.SumWeightedValue, 4);
        // Containment is measured on self-service alone: over voice it never was.
        Assert.Null(await queries.LastMeasuredAsync(containment, voice, null, null));
    }

    private static async Task Archived_only_when_asked_and_no_costs_for_partners(IServiceProvider services)
    {
        var queries = services.GetRequiredService<InitiativeQueries>();
        var factory = services.GetRequiredService<IDbContextFactory<CxDbContext>>();
        int assist, atlas;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var initiative = await db.Initiatives.SingleAsync(i => i.Name == "Agent assist for voice agents");
            initiative.ArchivedUtc = new DateTime(2026, 11, 12, 9, 0, 0, DateTimeKind.Utc);
            await db.SaveChangesAsync();
            (assist, atlas) = (initiative.Id, (await db.Partners.SingleAsync(p => p.Code == "ATLAS")).Id);
        }

        Assert.Equal(2, (await queries.ListAsync(includeArchived: false)).Count);
        var all = await queries.ListAsync(includeArchived: true);
        Assert.Equal(3, all.Count);
        Assert.Equal(1, await queries.ArchivedCountAsync());
        var loaded = await queries.InitiativeAsync(assist);
        Assert.Equal((4, 4, 4, 2), (loaded!.CostItems.Count, loaded.Baselines.Count, loaded.ValueDrivers.Count, loaded.GateDecisions.Count));
        Assert.All(loaded.ValueDrivers, d => Assert.NotNull(d.Baseline!.Kpi));
        Assert.True(await queries.NameTakenAsync("Agent assist for voice agents", 0));
        Assert.False(await queries.NameTakenAsync("Agent assist for voice agents", assist));

        using (StoreActor.Use(new StoreActor("lena@atlas.example", atlas)))
        {
            var seen = await queries.InitiativeAsync(assist);
            Assert.Empty(seen!.CostItems);
            Assert.NotEmpty(seen.ValueDrivers);
        }
    }
}
