using CxDashboard.Core.CashFlows;

namespace CxDashboard.Core.Scenarios;

/// <summary>A scenario projection as a cash-flow series, for the TEI annual view and the IRR of a business case.</summary>
public static class ProjectedCashFlows
{
    /// <summary>
    /// The monthly series of <paramref name="projection"/>: month 0 is its first month (the start, or an earlier cost's
    /// month), months 1..n − 1 follow to the end of the horizon. Each cost line is the plan's, risk-adjusted by the series
    /// as the projection adjusts it (amount × (1 + risk)); each benefit line is one driver's money as the projection
    /// counts it, already risk-adjusted and with double counting removed, so it carries no risk of its own. The series'
    /// nets are therefore the projection's nets month by month, and its monthly NPV the projection's NPV. Null when the
    /// projection is not applicable (it has no months).
    /// </summary>
    public static CashFlowSeries? Series(InitiativePlan plan, ScenarioProjection projection)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(projection);
        if (projection.FirstMonth is not { } first) return null;

        // The projection stops at the horizon's last month: a cost running past it is left out, as the series does.
        var benefits = projection.Drivers
            .Select(d => new BenefitLine(d.Name, d.Factor, d.Counted, 0m))
            .ToList();
        return CashFlowSeries.Build(
            $"{plan.Name}, {ScenarioCalculator.Describe(projection.Scenario)} scenario",
            first,
            projection.Months.Count - 1,
            plan.Costs,
            benefits,
            plan.AnnualDiscountRate);
    }
}
