using System.Globalization;
using CxDashboard.Core.Experiments;
using CxDashboard.Core.Money;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;
using CxDashboard.Data.Model;
using CxDashboard.Web.Board;
using CxDashboard.Web.Formatting;

namespace CxDashboard.Web.Experiments;

/// <summary>Writes a stored experiment, analysed through Core, as the view the experiments page shows.</summary>
internal sealed class ExperimentWriter(FigureFormat format, IReadOnlyDictionary<int, string> initiatives, IReadOnlyDictionary<int, string> partners)
{
    private CultureInfo Culture => format.Culture;

    public ExperimentView Write(Experiment e)
    {
        var figures = ExperimentAnalysis.Explain(e);
        var result = figures.Result;
        var significance = result.PValue is null ? Significance.NotApplicable
            : result.IsSignificant ? Significance.Significant
            : Significance.NotYetSignificant;
        var kpi = e.Kpi is { } k ? $"{k.Name} ({k.Code})" : "unknown KPI";
        var outcome = OutcomeWord(e.Kpi?.Code);
        return new ExperimentView(
            e.Id,
            e.Name,
            e.Hypothesis,
            kpi,
            $"{Month(e.WindowStart)} – {Month(e.WindowEnd)}",
            e.InitiativeId is { } i ? initiatives.GetValueOrDefault(i, "an initiative no longer stored") : null,
            e.PartnerId is { } p ? partners.GetValueOrDefault(p, "one partner") : null,
            significance,
            SignificanceText(significance, result),
            Points(figures.Lift.Value),
            figures.LiftLower.Value is { } lo && figures.LiftUpper.Value is { } hi ? $"{Points(lo)} to {Points(hi)}" : "n/a",
            figures.PValue.Value is { } pv ? format.Format(pv, FigureUnit.Probability) : "n/a",
            Money(figures.Money.Value),
            figures.MoneyLower.Value is { } ml && figures.MoneyUpper.Value is { } mu ? $"{Money(ml)} to {Money(mu)}" : "n/a",
            [Figure("lift", figures.Lift), Figure("se", figures.StandardError), Figure("lift-lower", figures.LiftLower), Figure("lift-upper", figures.LiftUpper)],
            [Figure("pooled", figures.PooledRate), Figure("z", figures.ZScore), Figure("p-value", figures.PValue)],
            [Figure("money", figures.Money), Figure("money-lower", figures.MoneyLower), Figure("money-upper", figures.MoneyUpper)],
            [Arm("Test (got the change)", e.TestCustomers, e.TestSuccesses), Arm("Control (held out)", e.ControlCustomers, e.ControlSuccesses)],
            Count(e.EligiblePopulation),
            Money(e.ValuePerUnit) + $" per {outcome} customer",
            Inclusion(result, e.IncludeInRox),
            RoxText(e, result, figures.Money.Value),
            new ValidityView(SampleRatio(e), Power(e)),
            Draft(e));
    }

    /// <summary>The stored fields as the form holds them.</summary>
    public static ExperimentDraft Draft(Experiment e) => new(
        e.Id, e.Name, e.Hypothesis, e.KpiId, e.InitiativeId, e.PartnerId,
        YearMonth.FromKey(e.WindowStart), YearMonth.FromKey(e.WindowEnd),
        e.TestCustomers, e.TestSuccesses, e.ControlCustomers, e.ControlSuccesses,
        e.EligiblePopulation, e.ValuePerUnit, e.PlannedTestShare * 100, e.PlannedMde * 100, e.Version, e.IncludeInRox);

    /// <summary>A Core figure written with its formula, numbers and sources.</summary>
    public FigureView Figure(string key, ExplainedFigure f, string caption = "") => new(
        key, f.Name, f.Value is { } v ? format.Format(v, f.Unit) : "n/a", caption, f.Formula, format.Substitute(f),
        f.Inputs.Select(i => new FigureInputView(i.Label, format.Format(i.Value, i.Unit), i.Source)).ToList(),
        f.NotApplicableReason, FigureTone.Neutral);

    /// <summary>A lift as signed percentage points ("+1.90 pp").</summary>
    public string Points(decimal? fraction) =>
        fraction is { } f ? (f * 100).ToString("+0.00;−0.00;0.00", Culture) + " pp" : "n/a";

    /// <summary>An effect's size in percentage points, unsigned ("1.42 pp").</summary>
    public string Size(decimal? fraction) =>
        fraction is { } f ? Math.Abs(f * 100).ToString("0.00", Culture) + " pp" : "n/a";

    public static RoxInclusion Inclusion(HoldoutResult result, bool includeInRox) =>
        result.Money.Value is null ? RoxInclusion.NotApplicable
        : result.IsSignificant ? RoxInclusion.Counted
        : includeInRox ? RoxInclusion.IncludedByChoice
        : RoxInclusion.KeptOut;

    private string SignificanceText(Significance significance, HoldoutResult result) => significance switch
    {
        Significance.Significant => $"Significant at 5 % (p = {format.Format((decimal)result.PValue!.Value, FigureUnit.Probability)})",
        Significance.NotYetSignificant => $"Not yet significant (p = {format.Format((decimal)result.PValue!.Value, FigureUnit.Probability)}, needs below 0.05)",
        _ => "No significance test: " + (result.PValueNotApplicableReason ?? result.Lift.NotApplicableReason ?? "the counts do not allow one."),
    };

    private string RoxText(Experiment e, HoldoutResult result, decimal? money)
    {
        var factor = HoldoutValue.FactorOf(e.Kpi?.Code ?? "") == ValueFactor.Retention ? "retention" : "revenue growth";
        var when = Month(e.WindowEnd);
        return Inclusion(result, e.IncludeInRox) switch
        {
            RoxInclusion.Counted => $"Counted in ROX: significant, so its {Money(money)} is in the board's figures as measured {factor} value from {when}.",
            RoxInclusion.IncludedByChoice => $"Included in ROX by an editor's choice although not yet significant: its {Money(money)} is in the board's figures as {factor} value from {when}, and the board names it.",
            RoxInclusion.KeptOut => $"Kept out of ROX until it is significant: its {Money(money)} may still be chance. An editor may include it deliberately; the board then says so.",
            _ => "Not counted in ROX: its value cannot be computed. " + result.Money.NotApplicableReason,
        };
    }

    private CheckView SampleRatio(Experiment e)
    {
        var check = SampleRatioCheck.Evaluate(e.TestCustomers, e.ControlCustomers, e.PlannedTestShare);
        var planned = $"{Share(e.PlannedTestShare)} test / {Share(1 - e.PlannedTestShare)} control";
        if (check.NotApplicableReason is { } reason)
            return new CheckView(CheckOutcome.NotApplicable, "Split not checked", reason, [("Planned split", planned)], []);
        var facts = new List<(string, string)>
        {
            ("Planned split", planned),
            ("Expected", $"{Count(check.ExpectedTestCustomers!.Value)} test / {Count(check.ExpectedControlCustomers!.Value)} control"),
            ("Observed", $"{Count(e.TestCustomers)} test / {Count(e.ControlCustomers)} control"),
            ("χ² (1 degree of freedom)", format.Format((decimal)check.ChiSquare!.Value, FigureUnit.Statistic)),
            ("p-value", format.Format((decimal)check.PValue!.Value, FigureUnit.Probability)),
        };
        return check.IsMismatch
            ? new CheckView(CheckOutcome.Failed, "Sample-ratio mismatch",
                "The groups differ from the planned split by more than chance explains (p below 0.001): assignment or logging is likely broken, so the lift cannot be trusted whatever its p-value. Check how customers were assigned before acting on it.",
                facts, [])
            : new CheckView(CheckOutcome.Passed, "No sample-ratio mismatch",
                "The groups' sizes are as close to the planned split as chance allows (the check flags p below 0.001).", facts, []);
    }

    private CheckView Power(Experiment e)
    {
        var check = ExperimentPower.Check(ExperimentAnalysis.ControlRate(e), e.TestCustomers, e.ControlCustomers, e.PlannedMde, ExperimentAnalysis.ArmsSource(e));
        var detectable = Size(check.DetectableEffect.Value);
        var facts = new List<(string, string)>
        {
            ("Planned minimum detectable effect", e.PlannedMde is { } mde ? Size((decimal)mde) : "none planned"),
            ("Achieved power for it", check.Power.Value is { } p ? format.Format(p, FigureUnit.Rate) : "n/a"),
            ("Detectable effect as run (80 % power)", detectable),
        };
        IReadOnlyList<FigureView> lineage = check.Power.Value is null
            ? [Figure("detectable", check.DetectableEffect)]
            : [Figure("power", check.Power), Figure("detectable", check.DetectableEffect)];
        return check.Verdict switch
        {
            PowerVerdict.Adequate => new CheckView(CheckOutcome.Passed, "Powered as planned",
                $"With {Format(check.Power.Value)} power for the planned {Size((decimal)e.PlannedMde!.Value)}, a real effect of that size would rarely be missed (the plan asks for 80 %).", facts, lineage),
            PowerVerdict.Underpowered => new CheckView(CheckOutcome.Failed, "Underpowered for its plan",
                $"The test had {Format(check.Power.Value)} power for the planned {Size((decimal)e.PlannedMde!.Value)}, short of the 80 % planned: a real effect of that size would be missed about {Missed(check.Power.Value)}. As run it could only detect {detectable}; a result that is not significant says little.",
                facts, lineage),
            _ => new CheckView(CheckOutcome.NotApplicable, "Power not judged", check.NotApplicableReason ?? "", facts, lineage),
        };
    }

    private string Format(decimal? rate) => rate is { } r ? format.Format(r, FigureUnit.Rate) : "n/a";

    // "one time in three" reads better than "34 % of the time" for a chance of missing.
    private static string Missed(decimal? power) => power is not { } p ? "often"
        : (1 - p) switch
        {
            >= 0.6m => "more often than not",
            >= 0.45m => "one time in two",
            >= 0.3m => "one time in three",
            >= 0.22m => "one time in four",
            _ => "one time in five",
        };

    private ArmView Arm(string name, long customers, long successes) =>
        new(name, Count(customers), Count(successes), customers > 0 && successes >= 0 && successes <= customers
            ? format.Format((decimal)successes / customers, FigureUnit.Rate) : "n/a");

    private static string OutcomeWord(string? kpiCode) => HoldoutValue.FactorOf(kpiCode ?? "") == ValueFactor.Retention ? "retained" : "converted";

    private string Money(decimal? value) => value is { } v ? format.Format(v, FigureUnit.Money) : "n/a";

    private string Count(double value) => value.ToString("N0", Culture);

    private string Share(double share) => (share * 100).ToString("0.##", Culture) + " %";

    private string Month(int key) => Board.RoxBoardService.MonthLabel(YearMonth.FromKey(key), Culture);
}
