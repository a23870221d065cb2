using CxDashboard.Core.Board;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;

namespace CxDashboard.Core.Scenarios;

/// <summary>How the value of a business case over its horizon is known: measured so far, modelled for the rest, or assumed.</summary>
public static class HorizonEvidence
{
    /// <summary>
    /// The horizon's value split by evidence. Months up to <paramref name="measuredThrough"/> count what was realized
    /// (<paramref name="realized"/>: the board's driver values to that month, double counting removed), each driver as
    /// its evidence says (measured from KPI data, or assumed for an agreed amount). The months after it count the
    /// projection (<paramref name="projection"/>'s counted money): modelled, except an agreed amount, which stays
    /// assumed. Hard and soft split the same total by each driver's kind. With no measured month
    /// (<paramref name="measuredThrough"/> null) the whole horizon is projected.
    /// </summary>
    /// <param name="plan">The plan that was projected; its drivers are in the projection's order.</param>
    /// <param name="projection">Its projection in one scenario.</param>
    /// <param name="realized">The realized value of its drivers through <paramref name="measuredThrough"/>.</param>
    /// <param name="measuredThrough">The last month realized value is counted for; null when none is.</param>
    public static EvidenceSplit Split(
        InitiativePlan plan, ScenarioProjection projection, IReadOnlyList<DriverValue> realized, YearMonth? measuredThrough)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(realized);

        decimal measured = 0, modelled = 0, assumed = 0, hard = 0, soft = 0;
        foreach (var driver in realized)
        {
            if (driver.Evidence == EvidenceKind.Assumed) assumed += driver.ToDate;
            else if (driver.Evidence == EvidenceKind.Modelled) modelled += driver.ToDate;
            else measured += driver.ToDate;
            if (driver.IsHard) hard += driver.ToDate;
            else soft += driver.ToDate;
        }

        for (var i = 0; i < projection.Drivers.Count && i < plan.Drivers.Count; i++)
        {
            var spec = plan.Drivers[i].Spec;
            var counted = projection.Drivers[i].Counted;
            decimal later = 0;
            for (var t = 0; t < counted.Count && t < projection.Months.Count; t++)
                if (measuredThrough is not { } last || projection.Months[t].Month > last) later += counted[t];

            if (spec.Type == ValueDriverType.ManualAmount) assumed += later;
            else modelled += later;
            if (spec.IsHard) hard += later;
            else soft += later;
        }

        return new EvidenceSplit(measured, modelled, assumed, hard, soft);
    }
}
