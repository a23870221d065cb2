using System.Globalization;
using CxDashboard.Core.Kpis;

namespace CxDashboard.Web.Kpis;

/// <summary>One KPI's page for a month and scope: its standing, its months, its breakdown, its measurements and baselines.</summary>
/// <param name="Kpi">What the KPI is.</param>
/// <param name="Month">"2026-10".</param>
/// <param name="MonthLabel">"October 2026".</param>
/// <param name="Scope">The channels, partners and segments the figures cover.</param>
/// <param name="Summary">The month's standing, as the tracker's row shows it.</param>
/// <param name="Chart">The time series with baseline, target, last year and re-baselining events.</param>
/// <param name="Breakdown">The month by channel, partner and segment.</param>
/// <param name="Measurements">The month's stored measurements.</param>
/// <param name="Baselines">The KPI's baselines (the organisation's, then each initiative's) with targets and history.</param>
/// <param name="CanEditMeasurements">True for editors: the page shows edit controls.</param>
/// <param name="CanEditBaselines">True for the organisation's editors: the page shows the baseline forms.</param>
/// <param name="Choices">Owners and scopes a new baseline can take.</param>
/// <param name="Filters">The channels, partners and segments the reader may filter by.</param>
/// <param name="Notes">What the reader should know about the figures.</param>
public sealed record KpiDetailView(
    KpiInfoView Kpi,
    string Month,
    string MonthLabel,
    ScopeView Scope,
    KpiTrackerRow Summary,
    KpiChartView Chart,
    IReadOnlyList<BreakdownView> Breakdown,
    IReadOnlyList<MeasurementView> Measurements,
    IReadOnlyList<BaselineView> Baselines,
    bool CanEditMeasurements,
    bool CanEditBaselines,
    BaselineChoices Choices,
    FilterChoices Filters,
    IReadOnlyList<string> Notes);

/// <summary>What a KPI is, in words.</summary>
/// <param name="Code">"FCR".</param>
/// <param name="Name">"First contact resolution".</param>
/// <param name="Definition">The definition.</param>
/// <param name="Unit">Its unit, for the forms (values of a rate are entered as percentages).</param>
/// <param name="Shape">Which fields its measurements are kept with.</param>
/// <param name="Direction">"Higher is better".</param>
/// <param name="Role">"Magnitude".</param>
/// <param name="Timing">"Leading".</param>
/// <param name="Aggregation">How it rolls up across channels, partners and segments.</param>
/// <param name="NumeratorLabel">What the numerator counts (or what the value is).</param>
/// <param name="DenominatorLabel">What the denominator or weight counts; null for sums.</param>
/// <param name="Culture">The organisation's culture, in which the forms read and write numbers.</param>
public sealed record KpiInfoView(
    string Code, string Name, string Definition, KpiUnit Unit, MeasurementShape Shape, string Direction, string Role, string Timing,
    string Aggregation, string NumeratorLabel, string? DenominatorLabel, CultureInfo Culture);

/// <summary>The KPI's months as the chart draws them.</summary>
/// <param name="Categories">Month labels along the x axis ("Nov 2025").</param>
/// <param name="Actual">The KPI each month; null for a month without data.</param>
/// <param name="PreviousYear">The same month a year earlier; null where there was no data.</param>
/// <param name="Baseline">The baseline line; null when none applies to the scope.</param>
/// <param name="Target">The target line; null when none is set.</param>
/// <param name="Events">Re-baselinings within the months shown.</param>
/// <param name="Format">How the chart writes values.</param>
/// <param name="Description">The chart in words, for screen readers.</param>
public sealed record KpiChartView(
    IReadOnlyList<string> Categories,
    IReadOnlyList<double?> Actual,
    IReadOnlyList<double?> PreviousYear,
    ChartLine? Baseline,
    ChartLine? Target,
    IReadOnlyList<ChartEvent> Events,
    ChartValueFormat Format,
    string Description);

/// <summary>A horizontal reference line.</summary>
public sealed record ChartLine(double Value, string Label);

/// <summary>An event marker at a month, labelled.</summary>
/// <param name="Category">The month label it stands at, as in the categories.</param>
/// <param name="Label">The short label drawn on the chart.</param>
public sealed record ChartEvent(string Category, string Label);

/// <summary>How chart values are written in the browser: the organisation's locale, the KPI's unit and currency.</summary>
/// <param name="Locale">BCP 47 locale ("en-US").</param>
/// <param name="Unit">The KPI's unit.</param>
/// <param name="Currency">ISO currency code, for money.</param>
public sealed record ChartValueFormat(string Locale, KpiUnit Unit, string Currency);

/// <summary>The month's KPI along one dimension.</summary>
/// <param name="Dimension">"Channel", "Partner" or "Segment".</param>
/// <param name="VolumeLabel">What the volume counts ("Contacts").</param>
/// <param name="Rows">One row per channel (partner, segment), largest volume first.</param>
public sealed record BreakdownView(string Dimension, string VolumeLabel, IReadOnlyList<BreakdownRow> Rows);

/// <summary>One channel's (partner's, segment's) figure.</summary>
/// <param name="Name">"Voice", or "Not by channel" for measurements not taken along it.</param>
/// <param name="Value">The KPI rolled up over its measurements, written.</param>
/// <param name="Volume">Its volume, written.</param>
/// <param name="Share">Its share of the month's volume, 0..1, for the bar.</param>
/// <param name="ShareText">"62.1%".</param>
public sealed record BreakdownRow(string Name, string Value, string Volume, double Share, string ShareText);

/// <summary>One stored measurement, written, with the raw numbers the edit form starts from.</summary>
/// <param name="Id">The row's id.</param>
/// <param name="Version">The version it was read at.</param>
/// <param name="Channel">Channel name, or "—".</param>
/// <param name="Partner">Partner name, or "—".</param>
/// <param name="Segment">Segment name, or "—".</param>
/// <param name="Value">The value in the KPI's unit.</param>
/// <param name="Numerator">The numerator, or empty.</param>
/// <param name="Denominator">The denominator, or empty.</param>
/// <param name="Weight">The weight, or empty.</param>
/// <param name="Note">What its supplier said about it.</param>
/// <param name="Source">"Import #12 (october.csv)" or "Entered by hand or seeded".</param>
/// <param name="Fields">The stored numbers and note.</param>
public sealed record MeasurementView(
    long Id, uint Version, string Channel, string Partner, string Segment, string Value, string Numerator, string Denominator,
    string Weight, string? Note, string Source, MeasurementFields Fields)
{
    /// <summary>The row's dimensions in words ("Voice · In-house · Consumer").</summary>
    public string Where => string.Join(" · ", new[] { Channel, Partner, Segment }.Where(d => d != "—"));
}

/// <summary>A baseline with its target and history, written.</summary>
/// <param name="Id">The baseline.</param>
/// <param name="Version">The version it was read at.</param>
/// <param name="Owner">"Organisation" or the initiative's name.</param>
/// <param name="IsOrganisation">True for the organisation's own baseline.</param>
/// <param name="Scope">"Voice · all partners · all segments".</param>
/// <param name="Value">The value, written.</param>
/// <param name="Period">"Nov 2024 – Feb 2025".</param>
/// <param name="Target">The target and month, written ("76.0% by Dec 2026"), or "not set".</param>
/// <param name="Note">Its note.</param>
/// <param name="Revisions">Its re-baselinings, oldest first.</param>
/// <param name="Raw">The stored numbers the forms start from.</param>
public sealed record BaselineView(
    int Id, uint Version, string Owner, bool IsOrganisation, string Scope, string Value, string Period, string Target, string Note,
    IReadOnlyList<RevisionView> Revisions, BaselineNumbers Raw);

/// <summary>A baseline's stored numbers.</summary>
public sealed record BaselineNumbers(double Value, int PeriodStart, int PeriodEnd, double? Target, int? TargetMonth);

/// <summary>One re-baselining, written.</summary>
/// <param name="At">When it was saved ("2026-11-23 14:02 UTC").</param>
/// <param name="UserName">Who saved it.</param>
/// <param name="EffectiveMonth">From which month it applies.</param>
/// <param name="Change">"71.2% → 72.0%; measured Nov 2024 – Feb 2025 → Mar 2025 – May 2025".</param>
/// <param name="Reason">Why.</param>
public sealed record RevisionView(string At, string UserName, string EffectiveMonth, string Change, string Reason);

/// <summary>Who a new baseline can belong to and which scope it can cover.</summary>
public sealed record BaselineChoices(
    IReadOnlyList<(int Id, string Name)> Initiatives,
    IReadOnlyList<(int Id, string Name)> Channels,
    IReadOnlyList<(int Id, string Name)> Partners,
    IReadOnlyList<(int Id, string Name)> Segments,
    IReadOnlyList<string> MonthsWithData);
