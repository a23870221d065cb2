using System.Globalization;
using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Scenarios;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;
using CxDashboard.Data.Model;
using CxDashboard.Data.Queries;
using CxDashboard.Core.Board;
using CxDashboard.Core.Kpis;
using CxDashboard.Web.Board;

namespace CxDashboard.Web.Initiatives;

/// <summary>The volume of a driver's KPI and scope in the last month that has one.</summary>
/// <param name="Month">That month.</param>
/// <param name="Volume">The KPI's volume in it: its denominator or weight summed over the scope.</param>
internal sealed record MeasuredVolume(YearMonth Month, double Volume);

/// <summary>
/// The returns tab's reading of a stored initiative as Core's inputs: the business case (<see cref="InitiativePlan"/>)
/// and the realized months as the board prices them (<see cref="InitiativeInputs"/>, the same mapping as
/// <see cref="RoxBoardService"/>'s). Kept in this one class so that it can give way to the initiatives page's shared
/// mapper (InitiativePlans) without touching anything else. A driver's projected volume is its own projected volume,
/// else its fixed volume, else the volume of the last measured month of its KPI and scope, and its lineage says which.
/// </summary>
internal static class StoredPlan
{
    /// <summary>
    /// The plan, each driver's basis in plan order, and what the reader should know about it. A driver that needs a
    /// volume and has none makes the whole projection not applicable, unless <paramref name="leaveOutUnpriced"/> (for a
    /// partner reader, who cannot see the measurements it would take one from): it is then left out, and a note says so.
    /// </summary>
    public static (InitiativePlan Plan, IReadOnlyList<DriverBasis> Basis, IReadOnlyList<string> Notes) Of(
        Initiative initiative, Dimensions dimensions, IReadOnlyDictionary<int, MeasuredVolume> lastMeasured, bool leaveOutUnpriced = false)
    {
        ArgumentNullException.ThrowIfNull(initiative);
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(lastMeasured);
        var drivers = new List<ScenarioDriver>();
        var basis = new List<DriverBasis>();
        var notes = new List<string>();
        foreach (var driver in initiative.ValueDrivers)
        {
            if (driver.Baseline is not { Kpi: not null } baseline) continue;
            var kpi = baseline.Kpi.ToDefinition();
            var scope = ScopeLabel(baseline, dimensions);
            var volumeLabel = DriverBasis.VolumeLabelOf(driver.Type);
            var (projected, volumeSource) = Volume(driver, kpi.DenominatorLabel ?? volumeLabel, kpi.Code, scope, lastMeasured);
            if (projected is null && driver.Volume is null && ScenarioCalculator.UsesVolume(driver.Type))
            {
                if (leaveOutUnpriced)
                {
                    notes.Add($"{driver.Name} is left out: it has no projected volume, and the measurements of {kpi.Code} over {scope} it would take one from are not shown to you.");
                    continue;
                }

                notes.Add($"{driver.Name} has no projected volume and {kpi.Code} has no measured {volumeLabel} over {scope} to take one from: set its projected volume in the business case.");
            }

            if (baseline.Target is null)
                notes.Add($"{driver.Name} has no target for {kpi.Code}, so its base scenario changes nothing: set a target in the business case.");

            drivers.Add(new ScenarioDriver(
                new ValueDriverSpec(driver.Name, driver.Type, kpi.Code, driver.Factor, driver.IsHard, driver.Risk, driver.Parameters),
                baseline.Value,
                baseline.Target ?? baseline.Value,
                driver.ConservativeDelta is { } conservative ? ScenarioDelta.Explicit(conservative) : ScenarioDelta.Times(driver.ConservativeMultiplier),
                driver.OptimisticDelta is { } optimistic ? ScenarioDelta.Explicit(optimistic) : ScenarioDelta.Times(driver.OptimisticMultiplier),
                projected,
                driver.RampUpMonths,
                new DriverScope(baseline.ChannelId, baseline.PartnerId, baseline.SegmentId)));
            basis.Add(new DriverBasis(kpi, scope, BaselineSource(initiative, baseline), volumeLabel, volumeSource));
        }

        var plan = new InitiativePlan(
            initiative.Name, YearMonth.FromKey(initiative.StartMonth), initiative.HorizonMonths, drivers, Costs(initiative), initiative.DiscountRate);
        return (plan, basis, notes);
    }

    /// <summary>
    /// The initiative as the board prices its realized months up to <paramref name="month"/>: each driver with its
    /// baseline and its KPI rolled up over the baseline's scope for every month from the start (none before it).
    /// </summary>
    public static async Task<InitiativeInputs> RealizedAsync(
        MeasurementQueries measurements, Initiative initiative, YearMonth month, Dimensions dimensions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        ArgumentNullException.ThrowIfNull(initiative);
        ArgumentNullException.ThrowIfNull(dimensions);
        var start = YearMonth.FromKey(initiative.StartMonth);
        var drivers = new List<DriverInputs>();
        foreach (var driver in initiative.ValueDrivers)
        {
            if (driver.Baseline is not { Kpi: not null } baseline) continue;
            var kpi = baseline.Kpi.ToDefinition();
            var scope = MeasurementScope.Of(baseline.ChannelId, baseline.PartnerId, baseline.SegmentId);
            var sums = start <= month
                ? await measurements.SumsByMonthAsync(baseline.KpiId, start, month, scope, cancellationToken)
                : new Dictionary<YearMonth, MeasurementSums>();
            drivers.Add(new DriverInputs(
                new ValueDriverSpec(driver.Name, driver.Type, kpi.Code, driver.Factor, driver.IsHard, driver.Risk, driver.Parameters),
                baseline.Value,
                sums.ToDictionary(kv => kv.Key, kv => KpiRollup.Combine(kpi.Aggregation, kv.Value)),
                ScopeLabel(baseline, dimensions),
                BaselineSource(initiative, baseline),
                kpi,
                new DriverScope(baseline.ChannelId, baseline.PartnerId, baseline.SegmentId)));
        }

        return new InitiativeInputs(initiative.Name, start, Costs(initiative), drivers);
    }

    /// <summary>A baseline's channel, partner and segment in words ("Voice · all partners · all segments").</summary>
    public static string ScopeLabel(Baseline baseline, Dimensions dimensions)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(dimensions);
        return string.Join(" · ",
            dimensions.Channels.FirstOrDefault(c => c.Id == baseline.ChannelId)?.Name ?? "all channels",
            dimensions.Partners.FirstOrDefault(p => p.Id == baseline.PartnerId)?.Name ?? (baseline.PartnerId is null ? "all partners" : "one partner"),
            dimensions.Segments.FirstOrDefault(s => s.Id == baseline.SegmentId)?.Name ?? "all segments");
    }

    private static string BaselineSource(Initiative initiative, Baseline baseline) =>
        $"baseline of {initiative.Name}, measured {YearMonth.FromKey(baseline.PeriodStart)} to {YearMonth.FromKey(baseline.PeriodEnd)}";

    private static List<CostItemSpec> Costs(Initiative initiative) => initiative.CostItems.Select(c => new CostItemSpec(
        c.Name, c.Category, c.Nature, c.Recurrence, c.Amount,
        YearMonth.FromKey(c.StartMonth), c.EndMonth is { } end ? YearMonth.FromKey(end) : null, c.Risk)).ToList();

    /// <summary>
    /// The volume a projection takes for <paramref name="driver"/>, or null to leave Core its fixed volume (or none),
    /// with where it came from.
    /// </summary>
    private static (decimal? Volume, string? Source) Volume(
        ValueDriver driver, string measuredWhat, string kpiCode, string scope, IReadOnlyDictionary<int, MeasuredVolume> lastMeasured)
    {
        if (!ScenarioCalculator.UsesVolume(driver.Type)) return (null, null);
        if (driver.ProjectedVolume is { } projected) return (projected, "projected volume set on the driver");
        if (driver.Volume is not null) return (null, "volume set on the driver, the same in every month");
        if (lastMeasured.TryGetValue(driver.Id, out var measured) && double.IsFinite(measured.Volume) && measured.Volume > 0)
            return ((decimal)measured.Volume, string.Create(CultureInfo.InvariantCulture,
                $"{measuredWhat.ToLowerInvariant()} measured in {measured.Month}, the last month with data for {kpiCode} over {scope}: the driver has no projected volume of its own"));
        return (null, null);
    }
}
