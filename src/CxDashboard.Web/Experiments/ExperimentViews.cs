using CxDashboard.Web.Board;

namespace CxDashboard.Web.Experiments;

/// <summary>Everything the experiments page shows, already written for the reader.</summary>
/// <param name="Experiments">Each experiment the reader may see, the latest window first.</param>
/// <param name="CanEdit">True for the organisation's editors: they create and edit experiments and choose what counts in ROX.</param>
/// <param name="Choices">What the form offers.</param>
/// <param name="PartnerScope">The partner a partner-scoped reader is limited to, by name; null for the organisation's own users.</param>
/// <param name="Culture">The organisation's culture, which numbers are typed and written in.</param>
public sealed record ExperimentsView(
    IReadOnlyList<ExperimentView> Experiments,
    bool CanEdit,
    ExperimentChoices Choices,
    string? PartnerScope,
    System.Globalization.CultureInfo Culture);

/// <summary>Whether an experiment's lift can be told from chance.</summary>
public enum Significance
{
    /// <summary>Two-sided p below 0.05.</summary>
    Significant,
    /// <summary>p of 0.05 or more: the lift may still be chance.</summary>
    NotYetSignificant,
    /// <summary>No p-value (an empty arm, no variation).</summary>
    NotApplicable,
}

/// <summary>Whether an experiment's money is in ROX.</summary>
public enum RoxInclusion
{
    /// <summary>Significant: counted as measured value.</summary>
    Counted,
    /// <summary>Not significant, counted because an editor chose to.</summary>
    IncludedByChoice,
    /// <summary>Not significant: kept out until it is.</summary>
    KeptOut,
    /// <summary>Its money cannot be computed.</summary>
    NotApplicable,
}

/// <summary>One experiment: what was tested, what it measured, how sure that is, and whether its money is in ROX.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Hypothesis">What it was meant to show.</param>
/// <param name="Kpi">The KPI, "Retention rate (RETENTION)".</param>
/// <param name="Window">"January 2026 – June 2026".</param>
/// <param name="Initiative">The initiative it measures, or null.</param>
/// <param name="Partner">The partner whose customers were tested, or null for the organisation's.</param>
/// <param name="Significance">Significant, not yet, or not applicable.</param>
/// <param name="SignificanceText">The same in words.</param>
/// <param name="Lift">"+1.90 pp", or "n/a".</param>
/// <param name="LiftInterval">"+0.93 pp to +2.88 pp", or "n/a".</param>
/// <param name="PValue">"0.0001", or "n/a".</param>
/// <param name="Money">The value of the lift, or "n/a".</param>
/// <param name="MoneyInterval">Its 95 % interval, or "n/a".</param>
/// <param name="LiftLineage">The lift and its interval, each with its formula and numbers.</param>
/// <param name="PValueLineage">The pooled rate, the z statistic and the p-value.</param>
/// <param name="MoneyLineage">The money and its interval.</param>
/// <param name="Arms">The test and control arms.</param>
/// <param name="EligiblePopulation">Customers the result applies to once rolled out.</param>
/// <param name="ValuePerUnit">Money per customer who moves.</param>
/// <param name="Rox">Whether its money is in ROX.</param>
/// <param name="RoxText">The same in words, with the factor and the month it counts in.</param>
/// <param name="Validity">Sample-ratio mismatch and achieved power.</param>
/// <param name="Draft">Its stored fields, for the edit form.</param>
public sealed record ExperimentView(
    int Id,
    string Name,
    string Hypothesis,
    string Kpi,
    string Window,
    string? Initiative,
    string? Partner,
    Significance Significance,
    string SignificanceText,
    string Lift,
    string LiftInterval,
    string PValue,
    string Money,
    string MoneyInterval,
    IReadOnlyList<FigureView> LiftLineage,
    IReadOnlyList<FigureView> PValueLineage,
    IReadOnlyList<FigureView> MoneyLineage,
    IReadOnlyList<ArmView> Arms,
    string EligiblePopulation,
    string ValuePerUnit,
    RoxInclusion Rox,
    string RoxText,
    ValidityView Validity,
    ExperimentDraft Draft);

/// <summary>One arm of a test, written.</summary>
public sealed record ArmView(string Name, string Customers, string Successes, string Rate);

/// <summary>How a validity check came out.</summary>
public enum CheckOutcome
{
    /// <summary>Nothing wrong found.</summary>
    Passed,
    /// <summary>A problem the reader must weigh before trusting the result.</summary>
    Failed,
    /// <summary>The check could not be made; the summary says why.</summary>
    NotApplicable,
}

/// <summary>Whether the result can be trusted: the split as planned, and enough power for the planned effect.</summary>
/// <param name="SampleRatio">The sample-ratio-mismatch check.</param>
/// <param name="Power">Achieved power against the planned MDE.</param>
public sealed record ValidityView(CheckView SampleRatio, CheckView Power);

/// <summary>One validity check, written.</summary>
/// <param name="Outcome">Passed, failed or not applicable.</param>
/// <param name="Headline">The outcome in a few words ("No sample-ratio mismatch").</param>
/// <param name="Explanation">What it means, with the numbers.</param>
/// <param name="Facts">Label and value pairs behind it.</param>
/// <param name="Lineage">Figures with their formulas, where the check has them.</param>
public sealed record CheckView(
    CheckOutcome Outcome,
    string Headline,
    string Explanation,
    IReadOnlyList<(string Label, string Value)> Facts,
    IReadOnlyList<FigureView> Lineage);

/// <summary>What the form offers: the KPIs a holdout can count, the initiatives and the partners.</summary>
/// <param name="Kpis">Retention, churn and other customer shares (id, "Retention rate (RETENTION)").</param>
/// <param name="Initiatives">Initiatives in use (id, name).</param>
/// <param name="Partners">Partners (id, name).</param>
public sealed record ExperimentChoices(
    IReadOnlyList<(int Id, string Name)> Kpis,
    IReadOnlyList<(int Id, string Name)> Initiatives,
    IReadOnlyList<(int Id, string Name)> Partners);
