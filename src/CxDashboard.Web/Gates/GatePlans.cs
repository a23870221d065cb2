using System.Globalization;
using CxDashboard.Core.Board;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Scenarios;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;
using CxDashboard.Data.Model;
using CxDashboard.Data.Queries;
using CxDashboard.Web.Formatting;
using CxDashboard.Web.Initiatives;

namespace CxDashboard.Web.Gates;

/// <summary>A stored initiative as Core's plan, with how each driver's projection was set up, in words.</summary>
/// <param name="Plan">The plan the base scenario is projected from.</param>
/// <param name="Lineage">One line per driver: baseline → target, and the volume its projection takes and where from.</param>
internal sealed record GatePlan(InitiativePlan Plan, IReadOnlyList<string> Lineage);

/// <summary>
/// Turns a stored initiative into Core's <see cref="InitiativePlan"/> for the gates. The projected volume of a driver is
/// its own <see cref="ValueDriver.ProjectedVolume"/>, else its agreed <see cref="ValueDriver.Volume"/>, else the volume
/// of the last month measured for its KPI and scope up to the as-of month. A partner user's figures cover their own
/// partner's rows only, so their projection takes their partner's measured volume rather than the organisation-wide one
/// entered on the driver.
/// </summary>
public sealed class GatePlans(MeasurementQueries measurements)
{
    /// <summary>
    /// The plans of <paramref name="initiatives"/>, in their order. A driver that takes its volume from the last month
    /// measured for its KPI and scope finds it in <paramref name="realized"/> (the same initiatives priced as the board
    /// prices them, its KPI's months over its scope from the initiative's start) when that month is since the start;
    /// those whose last measured month is earlier, or who have none, are read together, on one connection.
    /// </summary>
    internal async Task<IReadOnlyList<GatePlan>> PlanAsync(
        IReadOnlyList<Initiative> initiatives, IReadOnlyList<InitiativeInputs> realized, YearMonth asOf, bool partnerScoped,
        FigureFormat format, CancellationToken cancellationToken)
    {
        var lastMeasured = new Dictionary<ValueDriver, (YearMonth Month, double Volume)?>(ReferenceEqualityComparer.Instance);
        var unread = new List<ValueDriver>();
        for (var n = 0; n < initiatives.Count; n++)
        {
            // Neither a projected volume (which a partner reader does not take) nor an agreed one is entered.
            foreach (var driver in initiatives[n].ValueDrivers.Where(d => (d.ProjectedVolume is null || partnerScoped) && d.Volume is null))
            {
                var baseline = driver.Baseline!;
                var scope = new DriverScope(baseline.ChannelId, baseline.PartnerId, baseline.SegmentId);
                var priced = realized[n].Drivers.FirstOrDefault(d => d.Scope == scope && d.Spec.KpiCode == baseline.Kpi!.Code);
                if (priced is not null && LastMeasured(priced.Actuals) is { } last) lastMeasured[driver] = last;
                else unread.Add(driver);
            }
        }

        if (unread.Count > 0 && await measurements.FirstMonthAsync(cancellationToken) is { } first && first <= asOf)
        {
            var sums = await measurements.SumsByMonthAsync(
                unread.Select(d => new KpiMonths(d.Baseline!.KpiId, first, asOf, MeasurementScope.Of(d.Baseline.ChannelId, d.Baseline.PartnerId, d.Baseline.SegmentId))).ToList(),
                cancellationToken);
            for (var n = 0; n < unread.Count; n++)
            {
                var aggregation = unread[n].Baseline!.Kpi!.Aggregation;
                lastMeasured[unread[n]] = LastMeasured(sums[n].ToDictionary(kv => kv.Key, kv => KpiRollup.Combine(aggregation, kv.Value)));
            }
        }

        return initiatives.Select(i => Plan(i, partnerScoped, format, lastMeasured)).ToList();
    }

    private static GatePlan Plan(
        Initiative initiative, bool partnerScoped, FigureFormat format, Dictionary<ValueDriver, (YearMonth Month, double Volume)?> lastMeasured)
    {
        var culture = format.Culture;
        var values = new Board.KpiValueFormat(format);
        var drivers = new List<ScenarioDriver>();
        var lineage = new List<string>();
        foreach (var driver in initiative.ValueDrivers)
        {
            var baseline = driver.Baseline!;
            var kpi = baseline.Kpi!.ToDefinition();
            var target = baseline.Target ?? baseline.Value;
            var change = baseline.Target is null
                ? $"{kpi.Code} has no target, so the base scenario projects no change from its baseline {values.Value(kpi, baseline.Value)}"
                : $"{kpi.Code} from its baseline {values.Value(kpi, baseline.Value)} to its target {values.Value(kpi, target)}";

            decimal? projectedVolume = null;
            string volume;
            if (driver.ProjectedVolume is { } entered && !partnerScoped)
            {
                projectedVolume = entered;
                volume = $"projected volume {entered.ToString("N0", culture)} as entered on the driver";
            }
            else if (driver.Volume is { } agreed)
            {
                volume = $"agreed volume {agreed.ToString("N0", culture)} as entered on the driver";
            }
            else if (lastMeasured.GetValueOrDefault(driver) is { } last)
            {
                projectedVolume = (decimal)last.Volume;
                volume = $"volume {last.Volume.ToString("N0", culture)} from {RoxBoardMonth(last.Month, culture)}, the last month measured for its KPI and scope";
            }
            else
            {
                volume = "no projected volume: none is entered and its KPI has no measured month to take one from";
            }

            drivers.Add(InitiativePlans.Projected(driver, projectedVolume));
            var ramp = driver.RampUpMonths > 0 ? $"; ramps up over {driver.RampUpMonths.ToString(culture)} months" : "";
            lineage.Add($"{driver.Name}: {change}; {volume}{ramp}; risk {format.Format(driver.Risk, Core.Money.FigureUnit.Rate)}.");
        }

        var plan = new InitiativePlan(initiative.Name, YearMonth.FromKey(initiative.StartMonth), Math.Max(1, initiative.HorizonMonths),
            drivers, InitiativePlans.Costs(initiative), initiative.DiscountRate);
        return new GatePlan(plan, lineage);
    }

    /// <summary>The latest month in which the KPI has a value, with its volume; null when none has.</summary>
    private static (YearMonth Month, double Volume)? LastMeasured(IReadOnlyDictionary<YearMonth, KpiAggregate> months)
    {
        foreach (var (month, aggregate) in months.OrderByDescending(kv => kv.Key))
            if (aggregate.HasValue) return (month, aggregate.Volume);
        return null;
    }

    private static string RoxBoardMonth(YearMonth month, CultureInfo culture) => Board.RoxBoardService.MonthLabel(month, culture);
}
