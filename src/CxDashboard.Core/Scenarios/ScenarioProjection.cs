using CxDashboard.Core.Board;
using CxDashboard.Core.Money;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;

namespace CxDashboard.Core.Scenarios;

/// <summary>One driver's projected money in a scenario.</summary>
/// <param name="Name">The driver.</param>
/// <param name="Factor">Its factor.</param>
/// <param name="Delta">Its full KPI change in the scenario, in the KPI's unit.</param>
/// <param name="Monthly">Risk-adjusted money per month of the projection, before double counting is removed.</param>
/// <param name="Counted">Per month, what still counts after double counting is removed (0 in a month it is left out).</param>
public sealed record ProjectedDriver(
    string Name,
    ValueFactor Factor,
    double Delta,
    IReadOnlyList<decimal> Monthly,
    IReadOnlyList<decimal> Counted)
{
    /// <summary>Σ of its risk-adjusted money over the horizon, before double counting is removed.</summary>
    public decimal Total => Monthly.Sum();

    /// <summary>Σ of what it counts over the horizon, after double counting is removed.</summary>
    public decimal CountedTotal => Counted.Sum();
}

/// <summary>An initiative projected over its horizon in one scenario, risk-adjusted.</summary>
/// <param name="Scenario">Which scenario.</param>
/// <param name="Months">Per month from the first cost or the start (whichever is earlier) to the horizon's end: value by factor (double counting removed) and investment.</param>
/// <param name="Drivers">Each driver's money.</param>
/// <param name="Overlaps">Drivers that claim the same KPI change, counted once in <paramref name="Months"/>.</param>
/// <param name="Npv">NPV of the monthly net flows; not applicable with a reason when the projection is.</param>
/// <param name="Ratios">ROX, ROI, value multiple and net value over the projected months, undiscounted.</param>
/// <param name="Payback">Months from the first projected month (month 0) until cumulative net cash flow reaches 0, interpolated; not applicable when not within the horizon or without investment.</param>
/// <param name="DiscountedPayback">The same on the discounted net flows.</param>
/// <param name="NotApplicableReason">Why nothing could be projected (a driver lacks an input); null when projected.</param>
public sealed record ScenarioProjection(
    ScenarioKind Scenario,
    IReadOnlyList<FactorMonth> Months,
    IReadOnlyList<ProjectedDriver> Drivers,
    IReadOnlyList<DriverOverlap> Overlaps,
    ExplainedFigure Npv,
    HeadlineRatios Ratios,
    ExplainedFigure Payback,
    ExplainedFigure DiscountedPayback,
    string? NotApplicableReason = null)
{
    /// <summary>ROI % over the horizon.</summary>
    public ExplainedFigure Roi => Ratios.Roi;

    /// <summary>ROX % over the horizon.</summary>
    public ExplainedFigure Rox => Ratios.Rox;

    /// <summary>The value multiple over the horizon.</summary>
    public ExplainedFigure ValueMultiple => Ratios.ValueMultiple;

    /// <summary>The first month of the cash-flow series (its month 0); null when nothing was projected.</summary>
    public YearMonth? FirstMonth => Months.Count == 0 ? null : Months[0].Month;
}

/// <summary>The scenario table: the three scenarios side by side (ROI, ROX, NPV, payback in each).</summary>
/// <param name="Conservative">The conservative projection.</param>
/// <param name="Base">The base projection.</param>
/// <param name="Optimistic">The optimistic projection.</param>
public sealed record ScenarioTable(ScenarioProjection Conservative, ScenarioProjection Base, ScenarioProjection Optimistic)
{
    /// <summary>The three projections in display order: conservative, base, optimistic.</summary>
    public IReadOnlyList<ScenarioProjection> Rows => [Conservative, Base, Optimistic];
}
