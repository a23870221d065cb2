using System.Globalization;
using CxDashboard.Core.Time;

namespace CxDashboard.Web.Experiments;

/// <summary>
/// An experiment as the form holds it: what was typed, empty where nothing was, with the version it was loaded at. Shares
/// are percentages and effects percentage points, as people write them (50 for an even split, 1.2 for 1.2 pp).
/// </summary>
/// <param name="Id">The experiment; null for a new one.</param>
/// <param name="Name">Its name.</param>
/// <param name="Hypothesis">What it is meant to show.</param>
/// <param name="KpiId">The KPI its outcome is a share of.</param>
/// <param name="InitiativeId">The initiative it measures; null for none.</param>
/// <param name="PartnerId">The partner whose customers were tested; null for the organisation's.</param>
/// <param name="WindowStart">First month of the test.</param>
/// <param name="WindowEnd">Last month of the test.</param>
/// <param name="TestCustomers">Customers in the test group.</param>
/// <param name="TestSuccesses">Of them, how many reached the outcome.</param>
/// <param name="ControlCustomers">Customers in the control group.</param>
/// <param name="ControlSuccesses">Of them, how many reached the outcome.</param>
/// <param name="EligiblePopulation">Customers the result applies to once rolled out.</param>
/// <param name="ValuePerUnit">Money one more customer who reaches the outcome is worth.</param>
/// <param name="PlannedTestSharePercent">The share planned for the test group, in percent.</param>
/// <param name="PlannedMdePoints">The planned minimum detectable effect in percentage points; null when none was planned.</param>
/// <param name="Version">The version it was loaded at (0 for a new one).</param>
/// <param name="IncludeInRox">Counted in ROX while not significant, by an editor's choice; the form does not change it.</param>
public sealed record ExperimentDraft(
    int? Id,
    string? Name,
    string? Hypothesis,
    int? KpiId,
    int? InitiativeId,
    int? PartnerId,
    YearMonth? WindowStart,
    YearMonth? WindowEnd,
    long? TestCustomers,
    long? TestSuccesses,
    long? ControlCustomers,
    long? ControlSuccesses,
    long? EligiblePopulation,
    decimal? ValuePerUnit,
    double? PlannedTestSharePercent,
    double? PlannedMdePoints,
    uint Version,
    bool IncludeInRox = false)
{
    /// <summary>A new experiment: an even split, everything else to be entered.</summary>
    public static ExperimentDraft New { get; } = new(null, "", "", null, null, null, null, null, null, null, null, null, null, null, 50, null, 0);
}

/// <summary>What became of a change to an experiment.</summary>
public abstract record ExperimentSaveResult
{
    /// <summary>Stored; the draft carries the new version.</summary>
    public sealed record Saved(ExperimentDraft Current) : ExperimentSaveResult;

    /// <summary>Someone else changed it first: both versions and how they differ; nothing was stored.</summary>
    public sealed record Conflict(ExperimentDraft Mine, ExperimentDraft Theirs, IReadOnlyList<FieldDifference> Differences) : ExperimentSaveResult;

    /// <summary>Not stored: what is wrong with which field, and how to put it right.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : ExperimentSaveResult;

    /// <summary>The experiment is no longer stored; nothing was saved.</summary>
    public sealed record Gone(string Message) : ExperimentSaveResult;
}

/// <summary>A field whose two versions differ, written for the reader.</summary>
public sealed record FieldDifference(string Label, string Mine, string Theirs);

/// <summary>The checks of an experiment's fields that need nothing but the fields themselves.</summary>
public static class ExperimentRules
{
    /// <summary>The longest name the store keeps.</summary>
    public const int MaxNameLength = 160;

    /// <summary>The longest hypothesis the store keeps.</summary>
    public const int MaxHypothesisLength = 2000;

    /// <summary>More customers than this in a group is a typing slip, not a test.</summary>
    public const long MaxCustomers = 10_000_000_000;

    /// <summary>The largest value per unit the store keeps comfortably (18 digits, 4 decimals).</summary>
    public const decimal MaxValuePerUnit = 1_000_000_000m;

    /// <summary>Each invalid field, by the draft's property name, with what is wrong and how to fix it; numbers in <paramref name="culture"/>.</summary>
    public static Dictionary<string, string> Check(ExperimentDraft draft, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Trim().Length > MaxNameLength)
            errors[nameof(draft.Name)] = $"Give the experiment a name of 1 to {MaxNameLength} characters.";
        if (string.IsNullOrWhiteSpace(draft.Hypothesis) || draft.Hypothesis.Trim().Length > MaxHypothesisLength)
            errors[nameof(draft.Hypothesis)] = $"Say what the test is meant to show (who gets what change, and which outcome should move), in up to {MaxHypothesisLength.ToString("N0", culture)} characters.";
        if (draft.KpiId is null)
            errors[nameof(draft.KpiId)] = "Pick the KPI whose outcome the test counts: retention, churn or another share of customers such as conversion.";

        if (draft.WindowStart is null)
            errors[nameof(draft.WindowStart)] = "Enter the first month of the test as YYYY-MM.";
        if (draft.WindowEnd is null)
            errors[nameof(draft.WindowEnd)] = "Enter the last month of the test as YYYY-MM.";
        else if (draft.WindowStart is { } start && draft.WindowEnd < start)
            errors[nameof(draft.WindowEnd)] = $"The test cannot end ({draft.WindowEnd}) before it starts ({start}): enter {start} or a later month.";

        Group(errors, culture, "test", nameof(draft.TestCustomers), draft.TestCustomers, nameof(draft.TestSuccesses), draft.TestSuccesses);
        Group(errors, culture, "control", nameof(draft.ControlCustomers), draft.ControlCustomers, nameof(draft.ControlSuccesses), draft.ControlSuccesses);

        if (draft.EligiblePopulation is not { } population)
            errors[nameof(draft.EligiblePopulation)] = "Enter how many customers the result applies to once the change is rolled out.";
        else if (population < 1 || population > MaxCustomers)
            errors[nameof(draft.EligiblePopulation)] = "The eligible population is the number of customers the change would reach once rolled out: enter at least 1.";

        if (draft.ValuePerUnit is not { } value)
            errors[nameof(draft.ValuePerUnit)] = "Enter what one more customer who reaches the outcome is worth (a retained customer's margin, an order's margin).";
        else if (value < 0)
            errors[nameof(draft.ValuePerUnit)] = "A value per unit below zero would count a gain as a loss: enter 0 or more, the margin one more retained or converted customer brings.";
        else if (value > MaxValuePerUnit)
            errors[nameof(draft.ValuePerUnit)] = $"That is more than {MaxValuePerUnit.ToString("N0", culture)} per customer: check the amount (it is money per customer, not in total).";

        if (draft.PlannedTestSharePercent is not { } share)
            errors[nameof(draft.PlannedTestSharePercent)] = "Enter the share of customers planned for the test group, in percent (50 for an even split).";
        else if (!double.IsFinite(share) || share <= 0 || share >= 100)
            errors[nameof(draft.PlannedTestSharePercent)] = "The planned test share is a percentage above 0 and below 100 (50 for an even split): at 0 % or 100 % one group is empty.";

        if (draft.PlannedMdePoints is { } mde && (!double.IsFinite(mde) || mde <= 0 || mde >= 100))
            errors[nameof(draft.PlannedMdePoints)] = "Give the planned minimum detectable effect in percentage points, above 0 and below 100 (1.2 for 1.2 pp), or leave it empty.";
        return errors;
    }

    private static void Group(Dictionary<string, string> errors, CultureInfo culture, string which, string customersField, long? customers, string successesField, long? successes)
    {
        if (customers is not { } n)
            errors[customersField] = $"Enter how many customers were in the {which} group.";
        else if (n < 0)
            errors[customersField] = $"A group cannot have fewer than 0 customers: enter how many customers were in the {which} group.";
        else if (n == 0)
            errors[customersField] = $"The {which} group has no customers: a holdout test needs at least one customer in each group.";
        else if (n > MaxCustomers)
            errors[customersField] = $"More than {MaxCustomers.ToString("N0", culture)} customers is not a test group: check the number.";

        if (successes is not { } x)
            errors[successesField] = $"Enter how many customers in the {which} group reached the outcome (renewed, converted); 0 if none did.";
        else if (x < 0)
            errors[successesField] = "An outcome cannot be counted fewer than 0 times: enter 0 or more.";
        else if (customers is { } members and > 0 && x > members)
            errors[successesField] = string.Create(culture,
                $"More customers reached the outcome ({x:N0}) than the {which} group has ({members:N0}): each member counts at most once, so enter at most {members:N0}.");
    }
}
