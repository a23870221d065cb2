using CxDashboard.Core.Kpis;
using CxDashboard.Core.Scenarios;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;
using CxDashboard.Data.Access;
using CxDashboard.Data.Model;
using CxDashboard.Data.Queries;
using CxDashboard.Web.Initiatives;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Web.Tests.Initiatives;

/// <summary>The shared mapper from a stored initiative to Core's plan, and the list's figures and gates that come from it.</summary>
public sealed class InitiativePlansTests : IAsyncLifetime
{
    private readonly InitiativeStore _store = new();
    private IServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        await _store.InitializeAsync();
        _services = _store.Services("marco@harbour.demo", CxRoles.Editor);
    }

    public Task DisposeAsync() => _store.DisposeAsync();

    [Fact]
    public async Task A_driver_without_a_volume_projects_with_its_kpis_last_measured_month_over_its_baselines_scope()
    {
        var planned = await PlanAsync(InitiativeStore.AgentAssist);

        // The AHT driver's baseline covers voice: its volume is the contacts behind voice handle time in October 2026,
        // the last month measured, added up here from the stored rows.
        await using var db = _store.Context();
        var voice = (await db.Channels.SingleAsync(c => c.Code == "VOICE")).Id;
        var contacts = (await db.Measurements.Where(m => m.Kpi!.Code == KpiCatalog.Aht && m.ChannelId == voice && m.Month == 202610).ToListAsync())
            .Sum(m => m.Weight!.Value);
        var handleTime = planned.Plan.Drivers.Single(d => d.Spec.KpiCode == KpiCatalog.Aht);
        Assert.Equal((decimal)Math.Round(contacts, 4), handleTime.ProjectedVolume);
        var source = planned.Volumes.Single(v => v.DriverName == "Handle-time savings, voice");
        Assert.Equal(new YearMonth(2026, 10), source.Measured);
        Assert.Equal("the volume of AHT's last measured month, 2026-10, over the driver's scope", source.Source);
        Assert.Equal(new DriverScope(voice, null, null), handleTime.Scope);
        Assert.Equal((446.0, 390.0), (Math.Round(handleTime.Baseline), handleTime.Target));
    }

    [Fact]
    public async Task Explicit_deltas_multipliers_a_projected_volume_and_the_ramp_up_reach_the_plan_as_stored()
    {
        await using (var db = _store.Context())
        {
            var driver = await db.ValueDrivers.SingleAsync(d => d.Name == "Handle-time savings, voice");
            (driver.ConservativeDelta, driver.OptimisticMultiplier, driver.ProjectedVolume, driver.RampUpMonths) = (-20, 2.0, 150_000m, 3);
            await db.SaveChangesAsync();
        }

        var planned = await PlanAsync(InitiativeStore.AgentAssist);

        var handleTime = planned.Plan.Drivers.Single(d => d.Spec.KpiCode == KpiCatalog.Aht);
        Assert.Equal(ScenarioDelta.Explicit(-20), handleTime.Conservative);
        Assert.Equal(ScenarioDelta.Times(2.0), handleTime.Optimistic);
        Assert.Equal((150_000m, 3), (handleTime.ProjectedVolume!.Value, handleTime.RampUpMonths));
        Assert.Equal("the projected volume entered on the driver", planned.Volumes.Single(v => v.DriverName == "Handle-time savings, voice").Source);
        // The other drivers keep the store's defaults: half and one and a half times the base change.
        var fcr = planned.Plan.Drivers.Single(d => d.Spec.KpiCode == KpiCatalog.Fcr);
        Assert.Equal((ScenarioDelta.Times(0.5), ScenarioDelta.Times(1.5)), (fcr.Conservative, fcr.Optimistic));
    }

    [Fact]
    public async Task The_plan_carries_the_initiatives_costs_horizon_and_discount_rate()
    {
        var planned = await PlanAsync(InitiativeStore.AgentAssist);

        Assert.Equal((new YearMonth(2025, 6), 36, 0.10m), (planned.Plan.Start, planned.Plan.HorizonMonths, planned.Plan.AnnualDiscountRate));
        Assert.Equal(4, planned.Plan.Costs.Count);
        var licences = planned.Plan.Costs.Single(c => c.Name == "Agent assist seat licences");
        Assert.Equal((22_000m, 0.05m, new YearMonth(2025, 6), (YearMonth?)null), (licences.Amount, licences.Risk, licences.Start, licences.End));
    }

    [Fact]
    public async Task A_due_gate_is_judged_on_realized_against_projected_value_with_both_in_its_lineage()
    {
        await using (var db = _store.Context())
        {
            db.GateDecisions.Remove(await db.GateDecisions.SingleAsync(g => g.Gate == Core.Gates.ReviewGateKind.SixMonths
                && db.Initiatives.Any(i => i.Id == g.InitiativeId && i.Name == InitiativeStore.AgentAssist)));
            await db.SaveChangesAsync();
        }

        var list = await _services.CreateScope().ServiceProvider.GetRequiredService<InitiativeListService>().ListAsync(false, new YearMonth(2026, 10));

        var gate = list.Rows.Single(r => r.Name == InitiativeStore.AgentAssist).NextGate;
        var attainment = gate.Attainment!;
        Assert.Equal("Gate attainment", attainment.Name);
        Assert.Equal(["Realized cumulative value", "Base-scenario projection"], attainment.Inputs.Select(i => i.Label));
        Assert.Equal("Agent assist for voice agents, value drivers against their measured KPIs, risk-adjusted, 2025-06 to 2025-11", attainment.Inputs[0].Source);
        Assert.Equal("Agent assist for voice agents, base scenario, risk-adjusted, 2025-06 to 2025-11", attainment.Inputs[1].Source);
        var percent = decimal.Parse(attainment.Value.TrimEnd('%'), System.Globalization.CultureInfo.GetCultureInfo("en-US"));
        Assert.InRange(percent, 0m, 74.9m);
        Assert.Equal(Core.Gates.GateStatus.OffTrack, gate.Status);
    }

    [Fact]
    public async Task Every_figure_of_the_list_opens_its_formula_with_the_numbers_put_in()
    {
        var list = await _services.CreateScope().ServiceProvider.GetRequiredService<InitiativeListService>().ListAsync(false, new YearMonth(2026, 10));

        var row = list.Rows.Single(r => r.Name == InitiativeStore.AgentAssist);
        Assert.Equal("Monetized experience gains ÷ CX investment × 100", row.Rox!.Formula);
        Assert.Contains(" ÷ ", row.Rox.Substitution, StringComparison.Ordinal);
        Assert.Contains("Agent assist for voice agents, base scenario, value drivers", row.Rox.Inputs[0].Source, StringComparison.Ordinal);
        Assert.StartsWith("NPV of 36 months of risk-adjusted net cash flow at 10.0% a year", row.Npv!.Substitution, StringComparison.Ordinal);
        Assert.Null(row.Payback!.NotApplicableReason);
    }

    private async Task<PlannedInitiative> PlanAsync(string name)
    {
        var queries = _services.GetRequiredService<InitiativeQueries>();
        var initiative = await queries.InitiativeAsync(await _store.IdOfAsync(name));
        return await _services.GetRequiredService<InitiativePlans>().PlanAsync(initiative!);
    }
}
