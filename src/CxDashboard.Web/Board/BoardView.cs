using CxDashboard.Core.Kpis;
using CxDashboard.Core.Money;
using CxDashboard.Web.Formatting;

namespace CxDashboard.Web.Board;

/// <summary>Everything the board page shows for one month, already written for the reader.</summary>
/// <param name="OrganisationName">The organisation.</param>
/// <param name="Month">The month as "YYYY-MM".</param>
/// <param name="MonthLabel">The month as a reader says it ("October 2026").</param>
/// <param name="HasData">False when the store holds no measurement for the month.</param>
/// <param name="PeriodLabel">What the to-date figures cover ("March 2025 – October 2026, risk-adjusted").</param>
/// <param name="Headline">ROX, ROI, value multiple and net value to date.</param>
/// <param name="ThisMonth">Value this month, investment this month.</param>
/// <param name="Chart">Value by factor per month.</param>
/// <param name="Tiles">The KPI tiles.</param>
/// <param name="Initiatives">Each initiative's figures to date.</param>
/// <param name="NotStartedNote">When no initiative had started by the month, why there is no return to show; null otherwise.</param>
/// <param name="Evidence">How the gains to date are known, written; null when there are none.</param>
/// <param name="Overlaps">Drivers that claim the same KPI change and what the totals counted once, written.</param>
/// <param name="PartnerScope">The partner a partner-scoped reader is limited to, by name; null for the organisation's own users.</param>
/// <param name="Experiments">The holdout experiments' money in the figures and which are counted only by choice; null when there are none.</param>
public sealed record BoardView(
    string OrganisationName,
    string Month,
    string MonthLabel,
    bool HasData,
    string PeriodLabel,
    IReadOnlyList<FigureView> Headline,
    IReadOnlyList<FigureView> ThisMonth,
    FactorChartView Chart,
    IReadOnlyList<KpiTileView> Tiles,
    IReadOnlyList<InitiativeRowView> Initiatives,
    string? NotStartedNote = null,
    EvidenceView? Evidence = null,
    IReadOnlyList<string>? Overlaps = null,
    string? PartnerScope = null,
    Experiments.BoardExperimentsView? Experiments = null)
{
    /// <summary>A board for a month the store has nothing for.</summary>
    public static BoardView NoData(string organisationName, string month, string monthLabel) =>
        new(organisationName, month, monthLabel, false, "", [], [], FactorChartView.Empty, [], []);
}

/// <summary>How a figure reads: good, bad or neither.</summary>
public enum FigureTone
{
    Neutral,
    Positive,
    Negative,
}

/// <summary>A headline figure with its explanation.</summary>
/// <param name="Key">A stable key for tests and automation ("rox").</param>
/// <param name="Name">Its name ("ROX").</param>
/// <param name="Value">Its value as written ("221.4%"), or "n/a".</param>
/// <param name="Caption">What it is, in a line ("Return on experience").</param>
/// <param name="Formula">The formula in words.</param>
/// <param name="Substitution">The formula with the actual numbers.</param>
/// <param name="Inputs">Where each input came from.</param>
/// <param name="NotApplicableReason">Why there is no value, if there is none.</param>
/// <param name="Tone">Good, bad or neither.</param>
public sealed record FigureView(
    string Key,
    string Name,
    string Value,
    string Caption,
    string Formula,
    string Substitution,
    IReadOnlyList<FigureInputView> Inputs,
    string? NotApplicableReason,
    FigureTone Tone)
{
    /// <summary><paramref name="figure"/> with its value, substituted formula and inputs written in <paramref name="format"/>.</summary>
    public static FigureView Of(FigureFormat format, string key, ExplainedFigure figure, string caption, FigureTone tone)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(figure);
        return new FigureView(
            key,
            figure.Name,
            figure.Value is { } v ? format.Format(v, figure.Unit) : "n/a",
            caption,
            figure.Formula,
            format.Substitute(figure),
            figure.Inputs.Select(i => new FigureInputView(i.Label, format.Format(i.Value, i.Unit), i.Source)).ToList(),
            figure.NotApplicableReason,
            tone);
    }
}

/// <summary>One input of a figure, written.</summary>
public sealed record FigureInputView(string Label, string Value, string Source);

/// <summary>Value by factor per month, as the chart draws it.</summary>
/// <param name="Categories">Month labels ("Nov 2024").</param>
/// <param name="CostReduction">Per month, in money.</param>
/// <param name="RevenueGrowth">Per month, in money.</param>
/// <param name="Retention">Per month, in money.</param>
/// <param name="Investment">Per month, in money.</param>
/// <param name="Locale">The culture to write axis labels in.</param>
/// <param name="Currency">The ISO currency code.</param>
public sealed record FactorChartView(
    IReadOnlyList<string> Categories,
    IReadOnlyList<double> CostReduction,
    IReadOnlyList<double> RevenueGrowth,
    IReadOnlyList<double> Retention,
    IReadOnlyList<double> Investment,
    string Locale,
    string Currency)
{
    /// <summary>No months.</summary>
    public static FactorChartView Empty { get; } = new([], [], [], [], [], "en-US", "USD");
}

/// <summary>One KPI tile, written.</summary>
/// <param name="Code">The KPI code.</param>
/// <param name="Name">The KPI name.</param>
/// <param name="Actual">This month's value, or "no data".</param>
/// <param name="Baseline">The baseline, or "not set".</param>
/// <param name="Target">The target, or "not set".</param>
/// <param name="DeltaVsBaseline">actual − baseline in the KPI's unit ("−28 s", "+4.1 pp"), or empty.</param>
/// <param name="DeltaVsPrevious">actual − last month, or empty.</param>
/// <param name="Status">Green, amber, red or not applicable.</param>
/// <param name="StatusText">The status in words.</param>
/// <param name="Money">The money its drivers produced this month ("$59,120 this month"), or null when not value-linked.</param>
/// <param name="Drivers">The drivers that price it.</param>
/// <param name="DriverFigures">How each driver that prices it made this month's money, for its tooltip.</param>
/// <param name="NotValueLinked">A directional KPI no driver prices: marked, never a headline.</param>
/// <param name="MoneyNote">Why some or all of its money could not be computed this month; null when nothing is missing.</param>
/// <param name="Role">Directional, magnitude or forensic.</param>
/// <param name="Timing">Leading or lagging.</param>
/// <param name="Direction">"Lower is better" or "Higher is better".</param>
public sealed record KpiTileView(
    string Code,
    string Name,
    string Actual,
    string Baseline,
    string Target,
    string DeltaVsBaseline,
    string DeltaVsPrevious,
    KpiStatus Status,
    string StatusText,
    string? Money,
    IReadOnlyList<string> Drivers,
    IReadOnlyList<FigureView> DriverFigures,
    bool NotValueLinked,
    string? MoneyNote,
    KpiRole Role,
    KpiTiming Timing,
    string Direction);

/// <summary>One initiative's figures to date, written; Start reads "since March 2025" or "starts September 2025".</summary>
public sealed record InitiativeRowView(string Name, string Start, string Gains, string Investment, string Rox, FigureTone Tone);

/// <summary>The gains to date by evidence and by hard or soft, written.</summary>
/// <param name="Measured">From actual KPI data.</param>
/// <param name="Modelled">From scenario projections.</param>
/// <param name="Assumed">Agreed manual figures.</param>
/// <param name="Hard">Cash benefits.</param>
/// <param name="Soft">Assumption-led benefits.</param>
public sealed record EvidenceView(string Measured, string Modelled, string Assumed, string Hard, string Soft);
