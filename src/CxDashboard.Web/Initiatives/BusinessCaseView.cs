using System.Globalization;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Web.Kpis;

namespace CxDashboard.Web.Initiatives;

/// <summary>One field that differs between what a person tried to save and what is stored now, both written.</summary>
public sealed record FieldDifference(string Field, string Mine, string Theirs);

/// <summary>An initiative's business case as its tab shows it: cost items, baselines and targets, value drivers.</summary>
/// <param name="InitiativeId">The initiative.</param>
/// <param name="InitiativeName">Its name.</param>
/// <param name="Start">Its first month.</param>
/// <param name="HorizonMonths">How many months the business case covers.</param>
/// <param name="CanEdit">True when the reader may change it: an organisation editor, and the initiative not archived.</param>
/// <param name="ReadOnlyReason">Why the reader cannot change it, in words; null when they can.</param>
/// <param name="CostsHidden">Why no cost is shown, for a partner reader; null when costs are shown.</param>
/// <param name="Costs">Its cost items.</param>
/// <param name="Baselines">Its baselines and targets, one per KPI and scope.</param>
/// <param name="Drivers">Its value drivers.</param>
/// <param name="Choices">KPIs, channels, partners and segments a new baseline can take.</param>
/// <param name="Culture">The organisation's culture, in which the forms read and write numbers.</param>
/// <param name="CurrencySymbol">"$", for money fields.</param>
/// <param name="DefaultHourlyRate">The organisation's loaded hourly rate, the default of a new handle-time driver.</param>
/// <param name="LatestMonth">The latest month with data, the default month a re-baselining applies from.</param>
public sealed record BusinessCaseView(
    int InitiativeId,
    string InitiativeName,
    YearMonth Start,
    int HorizonMonths,
    bool CanEdit,
    string? ReadOnlyReason,
    string? CostsHidden,
    IReadOnlyList<CostItemView> Costs,
    IReadOnlyList<InitiativeBaselineView> Baselines,
    IReadOnlyList<ValueDriverView> Drivers,
    InitiativeBaselineChoices Choices,
    CultureInfo Culture,
    string CurrencySymbol,
    decimal DefaultHourlyRate,
    YearMonth LatestMonth);

/// <summary>One cost item, written, with the draft its edit form starts from.</summary>
public sealed record CostItemView(
    int Id, string Name, string Category, string Nature, string Recurrence, string Amount, string Start, string End, string Risk, CostItemDraft Draft);

/// <summary>One of the initiative's baselines: the KPI, the baseline as the KPI pages write it, and what is known of its data.</summary>
/// <param name="Kpi">The KPI, as the baseline forms need it.</param>
/// <param name="Baseline">The baseline with its target and history.</param>
/// <param name="Label">"AHT · Voice · all partners · all segments: 412 s → 390 s", for choosing it on a driver.</param>
/// <param name="Value">The baseline value, as stored.</param>
/// <param name="Target">The target, as stored; null when none is set.</param>
/// <param name="Unit">The KPI's unit.</param>
/// <param name="Aggregation">How the KPI rolls up.</param>
/// <param name="DriverTypes">The driver types that price this KPI by the catalog (empty: none names it).</param>
/// <param name="LastMeasured">The last month the KPI was measured in over the scope; null when never.</param>
/// <param name="LastVolume">That month's volume (contacts, customers…), written; null when never measured.</param>
/// <param name="NoData">What to do about a KPI that has no data over the scope; null when it has data.</param>
/// <param name="BaseChange">The base scenario's change in words ("−22 s, from 412 s to 390 s").</param>
public sealed record InitiativeBaselineView(
    KpiInfoView Kpi,
    BaselineView Baseline,
    string Label,
    double Value,
    double? Target,
    KpiUnit Unit,
    KpiAggregation Aggregation,
    IReadOnlyList<Core.Value.ValueDriverType> DriverTypes,
    YearMonth? LastMeasured,
    string? LastVolume,
    string? NoData,
    string BaseChange)
{
    /// <summary>The baseline's id.</summary>
    public int Id => Baseline.Id;

    /// <summary>target − baseline, the base scenario's change; 0 without a target.</summary>
    public double BaseDelta => (Target ?? Value) - Value;
}

/// <summary>What a new baseline of the initiative can be set on.</summary>
public sealed record InitiativeBaselineChoices(
    IReadOnlyList<KpiChoice> Kpis,
    IReadOnlyList<(int Id, string Name)> Channels,
    IReadOnlyList<(int Id, string Name)> Partners,
    IReadOnlyList<(int Id, string Name)> Segments);

/// <summary>A KPI to choose, with what its forms need.</summary>
public sealed record KpiChoice(string Code, string Name, KpiInfoView Info);

/// <summary>One value driver, written, with the draft its form starts from.</summary>
/// <param name="Id">The driver.</param>
/// <param name="Name">Its name.</param>
/// <param name="Type">Its type's name ("Handle-time savings").</param>
/// <param name="Formula">Its formula in words.</param>
/// <param name="Kpi">The KPI and scope it prices ("AHT · Voice · all partners · all segments").</param>
/// <param name="Factor">"Cost reduction", "Revenue growth" or "Retention".</param>
/// <param name="Evidence">"Hard (cash)" or "Soft (assumption-led)".</param>
/// <param name="Risk">"10 %".</param>
/// <param name="Inputs">Its inputs, written.</param>
/// <param name="Scenarios">Its KPI change in each scenario.</param>
/// <param name="ProjectedVolume">The volume projected months take and where it comes from.</param>
/// <param name="RampUp">"3 months of ramp-up" or "full effect from the start".</param>
/// <param name="Warnings">What the reader should know before trusting it (no data, no target…).</param>
/// <param name="Draft">What its form starts from.</param>
public sealed record ValueDriverView(
    int Id, string Name, string Type, string Formula, string Kpi, string Factor, string Evidence, string Risk,
    IReadOnlyList<(string Label, string Value)> Inputs,
    IReadOnlyList<ScenarioView> Scenarios,
    string ProjectedVolume,
    string RampUp,
    IReadOnlyList<string> Warnings,
    ValueDriverDraft Draft);

/// <summary>A driver's KPI change in one scenario, written.</summary>
/// <param name="Scenario">"Conservative", "Base", "Optimistic".</param>
/// <param name="How">"× 0.5 of the base change" or "explicit change".</param>
/// <param name="Change">"−15 s".</param>
/// <param name="Projected">The KPI it projects ("405 s").</param>
public sealed record ScenarioView(string Scenario, string How, string Change, string Projected);
