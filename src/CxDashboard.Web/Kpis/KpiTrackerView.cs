using CxDashboard.Core.Kpis;

namespace CxDashboard.Web.Kpis;

/// <summary>The KPI tracker for one month and scope, every figure written for the organisation's culture.</summary>
/// <param name="Month">"2026-10".</param>
/// <param name="MonthLabel">"October 2026".</param>
/// <param name="HasData">False when the month holds no measurement in the scope.</param>
/// <param name="Scope">The channels, partners and segments the figures cover.</param>
/// <param name="Rows">One row per KPI, in the catalog's order.</param>
/// <param name="Choices">The channels, partners and segments the reader may filter by.</param>
/// <param name="Exports">Downloads of the measurements behind what is shown.</param>
/// <param name="SparklineMonths">The first and last month of the sparklines ("Nov 2025", "Oct 2026").</param>
/// <param name="Notes">What the reader should know about the figures (a scope without baselines, unknown codes).</param>
/// <param name="DetailQuery">The month and filter as an address's query ("month=2026-10&amp;channel=VOICE"), for links to a KPI's page.</param>
public sealed record KpiTrackerView(
    string Month,
    string MonthLabel,
    bool HasData,
    ScopeView Scope,
    IReadOnlyList<KpiTrackerRow> Rows,
    FilterChoices Choices,
    IReadOnlyList<ExportLink> Exports,
    (string First, string Last) SparklineMonths,
    IReadOnlyList<string> Notes,
    string DetailQuery);

/// <summary>What the figures cover.</summary>
/// <param name="Label">"Voice · all partners · all segments".</param>
/// <param name="IsNarrowed">True when less than the reader's whole organisation.</param>
/// <param name="PartnerReader">The partner a partner-scoped reader is limited to, by name; null otherwise.</param>
public sealed record ScopeView(string Label, bool IsNarrowed, string? PartnerReader);

/// <summary>One KPI in the tracker.</summary>
/// <param name="Code">"FCR".</param>
/// <param name="Name">"First contact resolution".</param>
/// <param name="Definition">The definition in words.</param>
/// <param name="Actual">This month's value as written ("71.9%"), or "no data".</param>
/// <param name="ActualValue">The same as a number, for sorting.</param>
/// <param name="Baseline">The baseline as written, "not set", or "no baseline for this scope".</param>
/// <param name="BaselineValue">The baseline as a number.</param>
/// <param name="Target">The target as written, or "not set".</param>
/// <param name="TargetValue">The target as a number.</param>
/// <param name="DeltaVsBaseline">actual − baseline with sign and unit ("+2.0 pp"); empty when unknown.</param>
/// <param name="ImprovementVsBaseline">That change signed by direction (positive is better), for sorting and colour.</param>
/// <param name="DeltaVsPrevious">actual − last month with sign and unit; empty when unknown.</param>
/// <param name="ImprovementVsPrevious">That change signed by direction.</param>
/// <param name="Status">Green, amber, red or not applicable (FORMULAS.md §5).</param>
/// <param name="StatusText">The status in words, never by colour alone.</param>
/// <param name="Sparkline">The last 12 months' values, oldest first; null for a month without data.</param>
/// <param name="SparklineText">The sparkline in words, for screen readers and the tooltip.</param>
/// <param name="Role">"Directional", "Magnitude" or "Forensic".</param>
/// <param name="Timing">"Leading" or "Lagging".</param>
/// <param name="HigherIsBetter">Which way is better.</param>
/// <param name="Money">Risk-adjusted money its drivers produced this month, written; null when none.</param>
/// <param name="MoneyValue">The same as a number, for sorting.</param>
/// <param name="Drivers">The value drivers that price it, each with its own money this month.</param>
/// <param name="DriverNote">Why there is no money, or what the reader should know about it.</param>
/// <param name="NotValueLinked">A directional KPI no driver prices: the vanity-metric guard.</param>
public sealed record KpiTrackerRow(
    string Code,
    string Name,
    string Definition,
    string Actual,
    double? ActualValue,
    string Baseline,
    double? BaselineValue,
    string Target,
    double? TargetValue,
    string DeltaVsBaseline,
    double? ImprovementVsBaseline,
    string DeltaVsPrevious,
    double? ImprovementVsPrevious,
    KpiStatus Status,
    string StatusText,
    IReadOnlyList<double?> Sparkline,
    string SparklineText,
    string Role,
    string Timing,
    bool HigherIsBetter,
    string? Money,
    decimal? MoneyValue,
    IReadOnlyList<DriverView> Drivers,
    string? DriverNote,
    bool NotValueLinked)
{
    /// <summary>Everything a reader may search the grid for, in one string.</summary>
    public string SearchText => string.Join(" ", Code, Name, Role, Timing, StatusText,
        string.Join(" ", Drivers.Select(d => d.Name + " " + d.Initiative)), NotValueLinked ? "not value-linked" : "");
}

/// <summary>A value driver that prices a KPI, with its own money this month.</summary>
/// <param name="Name">"Repeat-contact avoidance, voice".</param>
/// <param name="Initiative">The initiative it belongs to.</param>
/// <param name="Scope">The channels, partners and segments its baseline covers.</param>
/// <param name="Money">Its risk-adjusted money this month, written; why there is none otherwise.</param>
public sealed record DriverView(string Name, string Initiative, string Scope, string Money);

/// <summary>A channel, partner or segment the reader can filter by.</summary>
public sealed record FilterChoice(string Code, string Name);

/// <summary>The dimensions the reader can filter by.</summary>
public sealed record FilterChoices(IReadOnlyList<FilterChoice> Channels, IReadOnlyList<FilterChoice> Partners, IReadOnlyList<FilterChoice> Segments)
{
    /// <summary>Nothing to choose from.</summary>
    public static FilterChoices None { get; } = new([], [], []);
}

/// <summary>A download link.</summary>
/// <param name="Label">"This month as CSV".</param>
/// <param name="Href">The address, relative to the app ("export/measurements.csv?from=2026-10&amp;to=2026-10").</param>
public sealed record ExportLink(string Label, string Href);
