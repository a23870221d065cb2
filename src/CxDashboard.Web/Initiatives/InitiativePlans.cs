using System.Globalization;
using CxDashboard.Core.Board;
using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Scenarios;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;
using CxDashboard.Data.Model;
using CxDashboard.Data.Queries;

namespace CxDashboard.Web.Initiatives;

/// <summary>Where the volume a driver's projected months take came from.</summary>
/// <param name="DriverId">The stored driver.</param>
/// <param name="DriverName">Its name.</param>
/// <param name="Volume">The volume projected months take; null when the driver needs one and none is known, or needs none.</param>
/// <param name="Source">Where it came from, in words, for the figures' lineage.</param>
/// <param name="Measured">The last measured month it was taken from, when it was.</param>
public sealed record DriverVolume(int DriverId, string DriverName, decimal? Volume, string Source, YearMonth? Measured = null);

/// <summary>A stored initiative as Core plans it, with where each driver's projected volume came from.</summary>
/// <param name="Plan">The plan Core projects.</param>
/// <param name="Volumes">One per driver, in the plan's order.</param>
public sealed record PlannedInitiative(InitiativePlan Plan, IReadOnlyList<DriverVolume> Volumes);

/// <summary>
/// Turns stored initiatives into Core's inputs, in one place for every page: the business case
/// (<see cref="InitiativePlan"/>, projected in scenarios) and the realized months (<see cref="InitiativeInputs"/>, priced
/// against the measured KPIs as the board does). A driver's scenario deltas are its explicit deltas, or else multiples
/// of its base delta (target − baseline); a driver that needs a volume and has neither a projected volume nor a volume
/// of its own takes the volume of its KPI's last measured month over its baseline's scope, and says so.
/// </summary>
public sealed class InitiativePlans(InitiativeQueries initiatives, MeasurementQueries measurements)
{
    /// <summary>
    /// The plan of <paramref name="initiative"/>, loaded with its drivers' baselines and KPIs. Volumes are looked up
    /// only for drivers that need one and were given none.
    /// </summary>
    public async Task<PlannedInitiative> PlanAsync(Initiative initiative, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(initiative);
        var volumes = new List<DriverVolume>();
        foreach (var driver in initiative.ValueDrivers)
            volumes.Add(await VolumeAsync(driver, cancellationToken));
        return new PlannedInitiative(Plan(initiative, volumes), volumes);
    }

    /// <summary>Where <paramref name="driver"/>'s projected volume comes from, looking up its KPI's last measured month when it must.</summary>
    public async Task<DriverVolume> VolumeAsync(ValueDriver driver, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(driver);
        if (!ScenarioCalculator.UsesVolume(driver.Type))
            return new DriverVolume(driver.Id, driver.Name, null, "no volume: the formula multiplies none");
        if (driver.ProjectedVolume is { } projected)
            return new DriverVolume(driver.Id, driver.Name, projected, "the projected volume entered on the driver");
        if (driver.Volume is { } own)
            return new DriverVolume(driver.Id, driver.Name, own, "the volume entered on the driver");
        var baseline = driver.Baseline ?? throw new InvalidOperationException($"The driver {driver.Name} was loaded without its baseline.");
        var kpi = baseline.Kpi ?? throw new InvalidOperationException($"The baseline of {driver.Name} was loaded without its KPI.");
        var last = await initiatives.LastMeasuredAsync(baseline.KpiId, baseline.ChannelId, baseline.PartnerId, baseline.SegmentId, cancellationToken);
        if (last is null)
            return new DriverVolume(driver.Id, driver.Name, null,
                $"none: {kpi.Code} has no measurements over the driver's scope, so enter a projected volume");
        var volume = KpiRollup.Combine(kpi.Aggregation, last.Sums).Volume;
        return new DriverVolume(driver.Id, driver.Name, (decimal)Math.Round(volume, 4),
            string.Create(CultureInfo.InvariantCulture, $"the volume of {kpi.Code}'s last measured month, {last.Month}, over the driver's scope"),
            last.Month);
    }

    /// <summary>
    /// The plan of <paramref name="initiative"/> with <paramref name="volumes"/> (one per driver, in order) as the
    /// projected volumes of drivers that were given none. A baseline without a target plans no change.
    /// </summary>
    public static InitiativePlan Plan(Initiative initiative, IReadOnlyList<DriverVolume> volumes)
    {
        ArgumentNullException.ThrowIfNull(initiative);
        ArgumentNullException.ThrowIfNull(volumes);
        var drivers = initiative.ValueDrivers.Select((d, i) => Driver(d, i < volumes.Count ? volumes[i].Volume : null)).ToList();
        return new InitiativePlan(
            initiative.Name,
            YearMonth.FromKey(initiative.StartMonth),
            initiative.HorizonMonths,
            drivers,
            Costs(initiative),
            initiative.DiscountRate);
    }

    /// <summary>One stored driver as Core projects it; <paramref name="fallbackVolume"/> serves when it has no volume of its own.</summary>
    public static ScenarioDriver Driver(ValueDriver driver, decimal? fallbackVolume)
    {
        ArgumentNullException.ThrowIfNull(driver);
        return Projected(driver, driver.ProjectedVolume ?? (driver.Volume is null ? fallbackVolume : null));
    }

    /// <summary>
    /// One stored driver as Core projects it, its projected months taking <paramref name="projectedVolume"/> (null: its
    /// fixed volume, or none). Its scenario deltas are its explicit deltas, or else multiples of its base delta; a
    /// baseline without a target plans no change. Every page that projects a stored driver builds it here.
    /// </summary>
    public static ScenarioDriver Projected(ValueDriver driver, decimal? projectedVolume)
    {
        ArgumentNullException.ThrowIfNull(driver);
        var baseline = driver.Baseline ?? throw new InvalidOperationException($"The driver {driver.Name} was loaded without its baseline.");
        return new ScenarioDriver(
            Spec(driver),
            baseline.Value,
            baseline.Target ?? baseline.Value,
            driver.ConservativeDelta is { } conservative ? ScenarioDelta.Explicit(conservative) : ScenarioDelta.Times(driver.ConservativeMultiplier),
            driver.OptimisticDelta is { } optimistic ? ScenarioDelta.Explicit(optimistic) : ScenarioDelta.Times(driver.OptimisticMultiplier),
            projectedVolume,
            driver.RampUpMonths,
            new DriverScope(baseline.ChannelId, baseline.PartnerId, baseline.SegmentId));
    }

    /// <summary>The driver as Core prices it.</summary>
    public static ValueDriverSpec Spec(ValueDriver driver)
    {
        ArgumentNullException.ThrowIfNull(driver);
        var kpi = driver.Baseline?.Kpi ?? throw new InvalidOperationException($"The driver {driver.Name} was loaded without its KPI.");
        return new ValueDriverSpec(driver.Name, driver.Type, kpi.Code, driver.Factor, driver.IsHard, driver.Risk, driver.Parameters);
    }

    /// <summary>The initiative's cost lines as Core counts them (none for a partner reader, who may not see them).</summary>
    public static IReadOnlyList<CostItemSpec> Costs(Initiative initiative)
    {
        ArgumentNullException.ThrowIfNull(initiative);
        return initiative.CostItems.Select(c => new CostItemSpec(
            c.Name, c.Category, c.Nature, c.Recurrence, c.Amount,
            YearMonth.FromKey(c.StartMonth), c.EndMonth is { } end ? YearMonth.FromKey(end) : null, c.Risk)).ToList();
    }

    /// <summary>
    /// The initiative as the board prices its realized months up to <paramref name="month"/>: each driver with its
    /// baseline and its KPI rolled up over the baseline's scope for every month from the start (none before it).
    /// </summary>
    public Task<InitiativeInputs> RealizedAsync(
        Initiative initiative, YearMonth month, Dimensions dimensions, CancellationToken cancellationToken = default) =>
        RealizedAsync(measurements, initiative, month, dimensions, cancellationToken);

    /// <summary>
    /// <see cref="RealizedAsync(Initiative, YearMonth, Dimensions, CancellationToken)"/> reading the measurements through
    /// <paramref name="measurements"/>: for the board, which holds no business-case queries.
    /// </summary>
    public static async Task<InitiativeInputs> RealizedAsync(
        MeasurementQueries measurements, Initiative initiative, YearMonth month, Dimensions dimensions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(initiative);
        return (await RealizedAsync(measurements, [initiative], month, dimensions, cancellationToken))[0];
    }

    /// <summary>
    /// Every one of <paramref name="initiatives"/> as the board prices its realized months up to <paramref name="month"/>,
    /// in their order, as <see cref="RealizedAsync(Initiative, YearMonth, Dimensions, CancellationToken)"/> does one: all
    /// their drivers' months are read together, in one round of queries on one connection.
    /// </summary>
    public static async Task<IReadOnlyList<InitiativeInputs>> RealizedAsync(
        MeasurementQueries measurements, IReadOnlyList<Initiative> initiatives, YearMonth month, Dimensions dimensions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        ArgumentNullException.ThrowIfNull(initiatives);
        ArgumentNullException.ThrowIfNull(dimensions);
        // A driver's months run from its initiative's start; an initiative that starts later has none yet.
        var ranges = initiatives
            .SelectMany(i => Priced(i).Select(d => new KpiMonths(
                d.Baseline!.KpiId, YearMonth.FromKey(i.StartMonth), month,
                MeasurementScope.Of(d.Baseline.ChannelId, d.Baseline.PartnerId, d.Baseline.SegmentId))))
            .ToList();
        var sums = await measurements.SumsByMonthAsync(ranges, cancellationToken);
        var next = 0;
        var result = new List<InitiativeInputs>(initiatives.Count);
        foreach (var initiative in initiatives)
        {
            var drivers = new List<DriverInputs>();
            foreach (var driver in Priced(initiative))
            {
                var baseline = driver.Baseline!;
                var kpi = baseline.Kpi!.ToDefinition();
                drivers.Add(new DriverInputs(
                    Spec(driver),
                    baseline.Value,
                    sums[next++].ToDictionary(kv => kv.Key, kv => KpiRollup.Combine(kpi.Aggregation, kv.Value)),
                    ScopeLabel(baseline, dimensions),
                    BaselineSource(initiative, baseline),
                    kpi,
                    new DriverScope(baseline.ChannelId, baseline.PartnerId, baseline.SegmentId)));
            }

            result.Add(new InitiativeInputs(initiative.Name, YearMonth.FromKey(initiative.StartMonth), Costs(initiative), drivers));
        }

        return result;
    }

    /// <summary>The drivers a reader prices: one whose baseline they may not see (another partner's) is not theirs.</summary>
    private static IEnumerable<ValueDriver> Priced(Initiative initiative) =>
        initiative.ValueDrivers.Where(d => d.Baseline is { Kpi: not null });

    /// <summary>Where a driver's baseline came from, for the figures' lineage.</summary>
    public static string BaselineSource(Initiative initiative, Baseline baseline)
    {
        ArgumentNullException.ThrowIfNull(initiative);
        ArgumentNullException.ThrowIfNull(baseline);
        return $"baseline of {initiative.Name}, measured {YearMonth.FromKey(baseline.PeriodStart)} to {YearMonth.FromKey(baseline.PeriodEnd)}";
    }

    /// <summary>A baseline's channel, partner and segment in words ("Voice · all partners · all segments").</summary>
    public static string ScopeLabel(Baseline baseline, Dimensions dimensions)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(dimensions);
        var parts = new List<string>
        {
            dimensions.Channels.FirstOrDefault(c => c.Id == baseline.ChannelId)?.Name ?? "all channels",
            dimensions.Partners.FirstOrDefault(p => p.Id == baseline.PartnerId)?.Name ?? (baseline.PartnerId is null ? "all partners" : "one partner"),
            dimensions.Segments.FirstOrDefault(s => s.Id == baseline.SegmentId)?.Name ?? "all segments",
        };
        return string.Join(" · ", parts);
    }
}
