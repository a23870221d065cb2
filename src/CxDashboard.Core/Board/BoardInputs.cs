using CxDashboard.Core.CashFlows;
using CxDashboard.Core.Experiments;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;

namespace CxDashboard.Core.Board;

/// <summary>One driver of an initiative with the baseline it is measured against and its monthly actuals.</summary>
/// <param name="Spec">The driver.</param>
/// <param name="Baseline">The KPI's baseline value for the driver's scope.</param>
/// <param name="Actuals">The KPI rolled up over the driver's scope, per month.</param>
/// <param name="ScopeLabel">The channels, partners and segments it covers, in words ("Voice · all partners").</param>
/// <param name="BaselineSource">Where the baseline came from, for the driver's explanation ("baseline measured 2025-03 to 2025-05").</param>
/// <param name="Kpi">The KPI's definition; when null, the standard catalog's entry for the driver's KPI code.</param>
/// <param name="Scope">The channel, partner and segment ids it covers, for the double-counting guard; null means all.</param>
public sealed record DriverInputs(
    ValueDriverSpec Spec,
    double Baseline,
    IReadOnlyDictionary<YearMonth, KpiAggregate> Actuals,
    string ScopeLabel,
    string BaselineSource = "the driver's baseline",
    KpiDefinition? Kpi = null,
    DriverScope? Scope = null);

/// <summary>An initiative as the board needs it: when it started, what it costs, what it drives.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Start">The month it started; value and cost count from here.</param>
/// <param name="Costs">Its cost lines.</param>
/// <param name="Drivers">Its value drivers.</param>
public sealed record InitiativeInputs(
    string Name,
    YearMonth Start,
    IReadOnlyList<CostItemSpec> Costs,
    IReadOnlyList<DriverInputs> Drivers);

/// <summary>One KPI tile's inputs: the organisation's figure this month and last, baseline and target.</summary>
/// <param name="Kpi">The KPI.</param>
/// <param name="Actual">This month, rolled up over the whole organisation.</param>
/// <param name="Previous">The month before.</param>
/// <param name="Baseline">The organisation's baseline; null when none is set.</param>
/// <param name="Target">The organisation's target; null when none is set.</param>
public sealed record KpiTileInputs(
    KpiDefinition Kpi,
    KpiAggregate Actual,
    KpiAggregate Previous,
    double? Baseline,
    double? Target);

/// <summary>Everything the ROX board for one month is computed from.</summary>
/// <param name="Month">The selected month.</param>
/// <param name="FirstMonth">The first month shown on the value chart.</param>
/// <param name="Initiatives">The initiatives.</param>
/// <param name="Tiles">The KPI tiles, in display order.</param>
/// <param name="AnnualDiscountRate">The annual rate the to-date NPV discounts at (the organisation's default, 10 % by TEI convention).</param>
/// <param name="Experiments">The holdout experiments whose measured money may count (see <see cref="HoldoutValue.Counts"/>); null for none.</param>
public sealed record BoardInputs(
    YearMonth Month,
    YearMonth FirstMonth,
    IReadOnlyList<InitiativeInputs> Initiatives,
    IReadOnlyList<KpiTileInputs> Tiles,
    decimal AnnualDiscountRate = 0.10m,
    IReadOnlyList<ExperimentInputs>? Experiments = null);

/// <summary>A holdout experiment as the board needs it: its analysis, when its result was known, and the editor's choice.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Initiative">The initiative whose value it measures, by name; null for one on its own.</param>
/// <param name="KpiCode">The KPI its outcome is a share of, which decides its value factor (<see cref="HoldoutValue.FactorOf"/>).</param>
/// <param name="Measured">The last month of its test window: its money counts once, in this month.</param>
/// <param name="Result">Its analysis (<see cref="HoldoutExperiment.Analyze"/>).</param>
/// <param name="IncludeInRox">An editor's deliberate choice to count it while it is not significant.</param>
public sealed record ExperimentInputs(
    string Name,
    string? Initiative,
    string KpiCode,
    YearMonth Measured,
    HoldoutResult Result,
    bool IncludeInRox);
