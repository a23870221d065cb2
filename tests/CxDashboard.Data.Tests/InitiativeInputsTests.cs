using System.Diagnostics.CodeAnalysis;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Data.Demo;
using CxDashboard.Data.Model;
using CxDashboard.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Data.Tests;

/// <summary>What the board's application service reads about initiatives, as Core needs it.</summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit disposes the store through IAsyncLifetime.DisposeAsync.")]
public sealed class InitiativeInputsTests : IAsyncLifetime
{
    private readonly SqliteTestStore _store = new();
    private IServiceProvider _services = null!;

    public async Task InitializeAsync() => _services = await _store.StartAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Every_driver_comes_with_its_baseline_and_the_baselines_KPI()
    {
        var initiatives = await _services.Organisation().InitiativesAsync();

        Assert.Equal(
            ["AI agent for tier-1 contacts", "Agent assist for voice agents", "Outsource chat to Meridian CX"],
            initiatives.Select(i => i.Name));
        Assert.Equal([1, 4, 1], initiatives.Select(i => i.ValueDrivers.Count));
        Assert.Equal([3, 4, 2], initiatives.Select(i => i.CostItems.Count));
        Assert.All(initiatives.SelectMany(i => i.ValueDrivers, (i, d) => (Initiative: i, Driver: d)), x =>
        {
            var baseline = Assert.IsType<Baseline>(x.Driver.Baseline);
            Assert.Equal(x.Driver.BaselineId, baseline.Id);
            Assert.Equal(x.Initiative.Id, baseline.InitiativeId);
            var kpi = Assert.IsType<Kpi>(baseline.Kpi);
            Assert.Equal(baseline.KpiId, kpi.Id);
            Assert.NotNull(KpiCatalog.Find(kpi.ToDefinition().Code));
        });
    }

    [Fact]
    public async Task Drivers_measure_the_KPIs_their_initiatives_are_meant_to_move()
    {
        var initiatives = await _services.Organisation().InitiativesAsync();

        var drivers = initiatives.SelectMany(i => i.ValueDrivers).ToDictionary(d => d.Name, d => d.Baseline!.Kpi!.Code);
        Assert.Equal(KpiCatalog.Containment, drivers["Deflection to self-service"]);
        Assert.Equal(KpiCatalog.Aht, drivers["Handle-time savings, voice"]);
        Assert.Equal(KpiCatalog.Fcr, drivers["Repeat-contact avoidance, voice"]);
        Assert.Equal(KpiCatalog.RevenuePerCustomer, drivers["Cross-sell on assisted business calls"]);
        Assert.Equal(KpiCatalog.Churn, drivers["Consumer churn reduction (flat)"]);
        Assert.Equal(KpiCatalog.Cpc, drivers["Lower cost per chat contact"]);
    }

    [Fact]
    public async Task Each_drivers_baseline_is_measured_over_the_three_months_before_its_initiative_started()
    {
        var initiatives = await _services.Organisation().InitiativesAsync();
        await using var db = _services.Context();
        var rows = await db.Measurements.AsNoTracking().ToListAsync();

        foreach (var initiative in initiatives)
        {
            var start = YearMonth.FromKey(initiative.StartMonth);
            foreach (var driver in initiative.ValueDrivers)
            {
                var baseline = driver.Baseline!;
                Assert.Equal(start.AddMonths(-3).Key, baseline.PeriodStart);
                Assert.Equal(start.AddMonths(-1).Key, baseline.PeriodEnd);
                var inScope = rows.Where(m => m.KpiId == baseline.KpiId
                    && m.Month >= baseline.PeriodStart && m.Month <= baseline.PeriodEnd
                    && (baseline.ChannelId is null || m.ChannelId == baseline.ChannelId)
                    && (baseline.PartnerId is null || m.PartnerId == baseline.PartnerId)
                    && (baseline.SegmentId is null || m.SegmentId == baseline.SegmentId)).ToList();
                Assert.Equal(3, inScope.Select(m => m.Month).Distinct().Count());
                var sums = inScope.Aggregate(MeasurementSums.Empty, (s, m) => s.Add(KpiRollup.Of(m.Value, m.Numerator, m.Denominator, m.Weight)));
                var measured = KpiRollup.Combine(baseline.Kpi!.Aggregation, sums).Value!.Value;
                Assert.Equal(measured, baseline.Value, 10);
            }
        }
    }

    [Fact]
    public async Task The_voice_FCR_baseline_of_agent_assist_is_resolved_over_contacts_from_March_to_May_2025()
    {
        var assist = (await _services.Organisation().InitiativesAsync()).Single(i => i.Name == "Agent assist for voice agents");
        var baseline = assist.ValueDrivers.Single(d => d.Name == "Repeat-contact avoidance, voice").Baseline!;
        await using var db = _services.Context();
        var fcr = await StoreContents.KpiIdAsync(db, KpiCatalog.Fcr);
        var voice = await StoreContents.ChannelIdAsync(db, "VOICE");

        var rows = await db.Measurements.AsNoTracking()
            .Where(m => m.KpiId == fcr && m.ChannelId == voice && m.Month >= 202503 && m.Month <= 202505)
            .ToListAsync();

        Assert.Equal(DemoOrganisation.AgentAssistStart.Key, assist.StartMonth);
        Assert.Equal((202503, 202505), (baseline.PeriodStart, baseline.PeriodEnd));
        Assert.Equal(voice, baseline.ChannelId);
        Assert.Null(baseline.PartnerId);
        Assert.Null(baseline.SegmentId);
        // 3 months × 2 voice desks (in-house, Atlas) × 2 segments.
        Assert.Equal(12, rows.Count);
        var resolved = rows.Sum(m => m.Numerator!.Value);
        var contacts = rows.Sum(m => m.Denominator!.Value);
        Assert.Equal(resolved / contacts, baseline.Value, 10);
        Assert.InRange(baseline.Value, 0.65, 0.75);
        Assert.Equal(0.76, baseline.Target);
        Assert.Equal(202606, baseline.TargetMonth);
    }

    [Fact]
    public async Task The_organisation_baselines_are_measured_from_the_first_month_to_the_month_before_the_first_initiative()
    {
        var baselines = await _services.Organisation().OrganisationBaselinesAsync();
        await using var db = _services.Context();
        var cpc = await StoreContents.KpiIdAsync(db, KpiCatalog.Cpc);
        var rows = await db.Measurements.AsNoTracking().Where(m => m.KpiId == cpc && m.Month >= 202411 && m.Month <= 202502).ToListAsync();

        var baseline = baselines[cpc];
        Assert.Equal((202411, 202502), (baseline.PeriodStart, baseline.PeriodEnd));
        var measured = rows.Sum(m => m.Numerator!.Value) / rows.Sum(m => m.Denominator!.Value);
        Assert.Equal(measured, baseline.Value, 10);
        Assert.Equal(Math.Round(measured * 0.85, 4), baseline.Target!.Value, 10);
    }
}
