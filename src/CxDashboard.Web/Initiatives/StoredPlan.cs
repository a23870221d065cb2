using System.Globalization;
using CxDashboard.Core.Scenarios;
using CxDashboard.Core.Time;
using CxDashboard.Data.Model;
using CxDashboard.Data.Queries;

namespace CxDashboard.Web.Initiatives;

/// <summary>The volume of a driver's KPI and scope in the last month that has one.</summary>
/// <param name="Month">That month.</param>
/// <param name="Volume">The KPI's volume in it: its denominator or weight summed over the scope.</param>
internal sealed record MeasuredVolume(YearMonth Month, double Volume);

/// <summary>
/// The returns tab's reading of a stored initiative as Core's plan, with each driver's basis in words and the notes a
/// reader should see. Drivers are built by <see cref="InitiativePlans.Projected"/>, as on every page; what is the returns
/// tab's own is the choice of volume: a driver's projected volume, else its fixed volume, else the volume of the last
/// measured month of its KPI and scope, and its lineage says which.
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
            var scope = InitiativePlans.ScopeLabel(baseline, dimensions);
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

            drivers.Add(InitiativePlans.Projected(driver, projected));
            basis.Add(new DriverBasis(kpi, scope, InitiativePlans.BaselineSource(initiative, baseline), volumeLabel, volumeSource));
        }

        var plan = new InitiativePlan(
            initiative.Name, YearMonth.FromKey(initiative.StartMonth), initiative.HorizonMonths, drivers, InitiativePlans.Costs(initiative), initiative.DiscountRate);
        return (plan, basis, notes);
    }

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
