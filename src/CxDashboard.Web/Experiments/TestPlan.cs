using CxDashboard.Core.Experiments;
using CxDashboard.Web.Board;
using CxDashboard.Web.Formatting;

namespace CxDashboard.Web.Experiments;

/// <summary>A planned test as the planner's form holds it: percentages and percentage points, as people write them.</summary>
/// <param name="BaselinePercent">The control group's expected rate in percent (80 for 80 % retention).</param>
/// <param name="EligibleCustomers">Customers available for the test, both groups together, split evenly.</param>
/// <param name="TargetPoints">The lift the test is meant to show, in percentage points (1.2).</param>
public sealed record PlanDraft(double? BaselinePercent, long? EligibleCustomers, double? TargetPoints)
{
    /// <summary>Seed 001's renewal test: 25,000 customers at 80 % retention, a 1.2-point target.</summary>
    public static PlanDraft Seed { get; } = new(80, 25_000, 1.2);
}

/// <summary>What the planner says about a planned test.</summary>
/// <param name="Errors">Each invalid field with what is wrong; empty when the plan could be made.</param>
/// <param name="Verdict">Large enough, needs a larger test, or not applicable.</param>
/// <param name="Sentence">The plan in words, with the numbers.</param>
/// <param name="PerArm">Customers per group with the even split.</param>
/// <param name="Mde">The smallest lift those groups can detect ("1.42 pp").</param>
/// <param name="RequiredPerArm">Customers per group the target needs.</param>
/// <param name="RequiredInAll">Customers in both groups together the target needs.</param>
/// <param name="Lineage">The MDE and the required size with their formulas and numbers.</param>
public sealed record PlanView(
    IReadOnlyDictionary<string, string> Errors,
    PlanVerdict Verdict,
    string Sentence,
    string PerArm,
    string Mde,
    string RequiredPerArm,
    string RequiredInAll,
    IReadOnlyList<FigureView> Lineage);

/// <summary>Plans a holdout test through Core's planner and writes the plan for the reader.</summary>
internal static class TestPlan
{
    public static PlanView Write(PlanDraft draft, FigureFormat format)
    {
        var culture = format.Culture;
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (draft.BaselinePercent is not { } baseline || !double.IsFinite(baseline) || baseline <= 0 || baseline >= 100)
            errors[nameof(draft.BaselinePercent)] = "Enter the control group's expected rate as a percentage above 0 and below 100 (80 for 80 % retention).";
        if (draft.EligibleCustomers is not { } customers || customers < 2)
            errors[nameof(draft.EligibleCustomers)] = "Enter how many customers the test can use, both groups together: at least 2, one for each group.";
        if (draft.TargetPoints is not { } target || !double.IsFinite(target) || target == 0)
            errors[nameof(draft.TargetPoints)] = "Enter the lift the test is meant to show, in percentage points (1.2 for 1.2 pp); it cannot be 0.";
        else if (draft.BaselinePercent is { } b && (b + target <= 0 || b + target >= 100))
            errors[nameof(draft.TargetPoints)] = string.Create(culture,
                $"The baseline plus the target ({b:0.##} % {(target < 0 ? "−" : "+")} {Math.Abs(target):0.##} pp) must stay above 0 % and below 100 %: enter a smaller target.");
        if (errors.Count > 0)
            return new PlanView(errors, PlanVerdict.NotApplicable, "Correct the fields marked to see the plan.", "", "", "", "", []);

        var plan = ExperimentPlanner.Plan(draft.BaselinePercent!.Value / 100, draft.EligibleCustomers!.Value, draft.TargetPoints!.Value / 100, "the planner's inputs");
        string Count(decimal? n) => n is { } v ? v.ToString("N0", culture) : "n/a";
        string Points(decimal? f) => f is { } v ? Math.Abs(v * 100).ToString("0.00", culture) + " pp" : "n/a";
        var perArm = Count(plan.CustomersPerArm);
        var all = Count(draft.EligibleCustomers.Value);
        var mde = Points(plan.MinimumDetectableEffect.Value);
        var targetText = Math.Abs(draft.TargetPoints.Value).ToString("0.00", culture) + " pp";
        var required = Count(plan.RequiredCustomersPerArm.Value);
        var requiredAll = Count(plan.RequiredCustomersInAll);
        var sentence = plan.Verdict switch
        {
            PlanVerdict.NeedsLargerTest =>
                $"{all} customers split evenly ({perArm} per group) can detect a lift of {mde} at 95 % confidence and 80 % power. " +
                $"The {targetText} target is smaller than that, so it needs a larger test: {required} customers per group, {requiredAll} in all " +
                $"({Count(plan.RequiredCustomersInAll - draft.EligibleCustomers.Value)} more than you have).",
            PlanVerdict.LargeEnough =>
                $"{all} customers split evenly ({perArm} per group) can detect a lift of {mde} at 95 % confidence and 80 % power, " +
                $"so they are enough for the {targetText} target, which needs {required} per group ({requiredAll} in all).",
            _ => plan.NotApplicableReason ?? "The planner cannot size this test.",
        };
        var writer = new ExperimentWriter(format, new Dictionary<int, string>(), new Dictionary<int, string>());
        return new PlanView(errors, plan.Verdict, sentence, perArm, mde, required, requiredAll,
            [writer.Figure("mde", plan.MinimumDetectableEffect), writer.Figure("required", plan.RequiredCustomersPerArm)]);
    }
}
