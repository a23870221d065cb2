using CxDashboard.Core.Money;

namespace CxDashboard.Core.Experiments;

/// <summary>Whether a holdout test, as it was run, was large enough for the effect it was planned to detect.</summary>
public enum PowerVerdict
{
    /// <summary>There is nothing to judge (no planned effect, an empty arm…); the check says why.</summary>
    NotApplicable,
    /// <summary>The test had at least <see cref="ExperimentPower.TargetPower"/> power for its planned effect.</summary>
    Adequate,
    /// <summary>The test had less power than planned: a real effect of the planned size would often have been missed.</summary>
    Underpowered,
}

/// <summary>A run test's achieved power against its planned minimum detectable effect, and the effect it could in fact detect.</summary>
/// <param name="Power">The chance the test had of a significant result if the true lift were the planned effect.</param>
/// <param name="DetectableEffect">The smallest lift the test as run could detect at α = 0.05 and 80 % power.</param>
/// <param name="Verdict">Adequate, underpowered, or not applicable.</param>
/// <param name="NotApplicableReason">Why there is no verdict; null when there is one.</param>
public sealed record PowerCheck(ExplainedFigure Power, ExplainedFigure DetectableEffect, PowerVerdict Verdict, string? NotApplicableReason);

/// <summary>
/// Achieved power of a holdout test of two proportions, with the normal approximation the planner sizes tests with
/// (FORMULAS.md §6), so that a test sized by <see cref="ExperimentPlanner"/> has 80 % power at its MDE.
/// </summary>
public static class ExperimentPower
{
    /// <summary>The power a test is planned for: 0.8, the planner's z₀.₈.</summary>
    public const double TargetPower = 0.8;

    /// <summary>
    /// Power = Φ(|δ| ÷ SE₀ − z₀.₉₇₅) with SE₀ = √(p(1−p)(1/n_t + 1/n_c)): the chance that a two-sided 5 % test
    /// with n_t and n_c customers per arm and control rate p gives a significant result when the true lift is δ.
    /// The far tail, Φ(−|δ| ÷ SE₀ − z₀.₉₇₅) (a significant result in the wrong direction), is left out, as in the
    /// planner's formula, so that at δ = MDE and equal arms the power is exactly 0.8. Worked example (seed 001):
    /// 12,500 per arm at p = 0.8 and δ = 1.2 pp: SE₀ = √(0.16 × 2 ÷ 12,500) = 0.0050596, |δ| ÷ SE₀ = 2.37171,
    /// power = Φ(0.41175) = 0.6597. Not applicable, with the reason, when an arm has no customers (the standard
    /// error divides by its size), p is not finite or not strictly between 0 and 1 (no variance), or δ is not
    /// finite, is 0 (no test detects no change) or is 1 or more in size (no rate can move that far).
    /// </summary>
    /// <param name="baselineRate">The control arm's rate p.</param>
    /// <param name="testCustomers">Customers in the test arm, n_t.</param>
    /// <param name="controlCustomers">Customers in the control arm, n_c.</param>
    /// <param name="effect">The lift the test was planned to detect, δ, as a fraction (0.012 is 1.2 points).</param>
    /// <param name="source">Where the arms and the planned effect came from, for lineage.</param>
    public static ExplainedFigure Achieved(double baselineRate, long testCustomers, long controlCustomers, double effect, string source = "holdout test")
    {
        var reason = ArmsProblem(baselineRate, testCustomers, controlCustomers) ?? EffectProblem(effect);
        decimal? value = reason is null
            ? (decimal)StandardNormal.Cdf(Math.Abs(effect) / NullStandardError(baselineRate, testCustomers, controlCustomers) - ExperimentPlanner.ZAlpha)
            : null;
        return new ExplainedFigure(
            "Achieved power", value, FigureUnit.Rate,
            "Φ(|planned effect| ÷ √(control rate × (1 − control rate) × (1 ÷ test customers + 1 ÷ control customers)) − z₀.₉₇₅)",
            "Φ(|{0}| ÷ √({1} × (1 − {1}) × (1 ÷ {2} + 1 ÷ {3})) − {4}) = {result}",
            [
                new FigureInput("Planned effect", ToDecimal(Math.Abs(effect)), FigureUnit.Rate, source),
                new FigureInput("Control rate", ToDecimal(baselineRate), FigureUnit.Rate, source),
                new FigureInput("Test customers", testCustomers, FigureUnit.Count, source),
                new FigureInput("Control customers", controlCustomers, FigureUnit.Count, source),
                new FigureInput("z for a two-sided 5 % test (z₀.₉₇₅)", (decimal)ExperimentPlanner.ZAlpha, FigureUnit.Statistic, "standard normal distribution"),
            ],
            reason);
    }

    /// <summary>
    /// The smallest lift the test as run could detect at α = 0.05 and 80 % power: (z₀.₉₇₅ + z₀.₈) × √(p(1−p)(1/n_t + 1/n_c)),
    /// the planner's MDE with the arms' real sizes (with equal arms of n it is the planner's (z₀.₉₇₅ + z₀.₈) × √(2p(1−p)/n)).
    /// Not applicable, with the reason, when an arm has no customers or p is not finite or not strictly between 0 and 1.
    /// </summary>
    /// <param name="baselineRate">The control arm's rate p.</param>
    /// <param name="testCustomers">Customers in the test arm, n_t.</param>
    /// <param name="controlCustomers">Customers in the control arm, n_c.</param>
    /// <param name="source">Where the arms came from, for lineage.</param>
    public static ExplainedFigure DetectableEffect(double baselineRate, long testCustomers, long controlCustomers, string source = "holdout test")
    {
        var reason = ArmsProblem(baselineRate, testCustomers, controlCustomers);
        decimal? value = reason is null
            ? (decimal)((ExperimentPlanner.ZAlpha + ExperimentPlanner.ZPower) * NullStandardError(baselineRate, testCustomers, controlCustomers))
            : null;
        return new ExplainedFigure(
            "Detectable effect of the test as run", value, FigureUnit.Rate,
            "(z₀.₉₇₅ + z₀.₈) × √(control rate × (1 − control rate) × (1 ÷ test customers + 1 ÷ control customers))",
            "({0} + {1}) × √({2} × (1 − {2}) × (1 ÷ {3} + 1 ÷ {4})) = {result}",
            [
                new FigureInput("z for a two-sided 5 % test (z₀.₉₇₅)", (decimal)ExperimentPlanner.ZAlpha, FigureUnit.Statistic, "standard normal distribution"),
                new FigureInput("z for 80 % power (z₀.₈)", (decimal)ExperimentPlanner.ZPower, FigureUnit.Statistic, "standard normal distribution"),
                new FigureInput("Control rate", ToDecimal(baselineRate), FigureUnit.Rate, source),
                new FigureInput("Test customers", testCustomers, FigureUnit.Count, source),
                new FigureInput("Control customers", controlCustomers, FigureUnit.Count, source),
            ],
            reason);
    }

    /// <summary>
    /// The achieved power for the planned effect and the detectable effect of the test as run: adequate when the power
    /// is at least <see cref="TargetPower"/> (equivalently, the detectable effect is no larger than the planned one),
    /// underpowered otherwise. Not applicable when no effect was planned, or when either figure is not applicable, with
    /// that figure's reason.
    /// </summary>
    /// <param name="baselineRate">The control arm's rate p.</param>
    /// <param name="testCustomers">Customers in the test arm.</param>
    /// <param name="controlCustomers">Customers in the control arm.</param>
    /// <param name="plannedEffect">The planned minimum detectable effect as a fraction; null when none was planned.</param>
    /// <param name="source">Where the arms and the plan came from, for lineage.</param>
    public static PowerCheck Check(double baselineRate, long testCustomers, long controlCustomers, double? plannedEffect, string source = "holdout test")
    {
        var detectable = DetectableEffect(baselineRate, testCustomers, controlCustomers, source);
        if (plannedEffect is not { } effect)
        {
            const string none = "No minimum detectable effect was planned for this test, so its power has nothing to be measured against.";
            var power = Achieved(baselineRate, testCustomers, controlCustomers, 0, source) with { Value = null, NotApplicableReason = none };
            return new PowerCheck(power, detectable, PowerVerdict.NotApplicable, none);
        }

        var achieved = Achieved(baselineRate, testCustomers, controlCustomers, effect, source);
        var reason = achieved.NotApplicableReason ?? detectable.NotApplicableReason;
        var verdict = reason is not null ? PowerVerdict.NotApplicable
            : achieved.Value >= (decimal)TargetPower ? PowerVerdict.Adequate
            : PowerVerdict.Underpowered;
        return new PowerCheck(achieved, detectable, verdict, reason);
    }

    private static double NullStandardError(double p, long testCustomers, long controlCustomers) =>
        Math.Sqrt(p * (1 - p) * (1.0 / testCustomers + 1.0 / controlCustomers));

    private static string? ArmsProblem(double p, long testCustomers, long controlCustomers)
    {
        if (testCustomers <= 0) return "The test arm has no customers: the standard error has nothing to divide by.";
        if (controlCustomers <= 0) return "The control arm has no customers: the standard error has nothing to divide by.";
        if (!double.IsFinite(p)) return "The control rate is not a finite number.";
        if (p <= 0 || p >= 1) return "A control rate of 0 % or 100 % (or outside 0..1) has no variance: the normal approximation cannot judge the test's power.";
        return null;
    }

    private static string? EffectProblem(double effect)
    {
        if (!double.IsFinite(effect)) return "The planned effect is not a finite number.";
        if (effect == 0) return "A planned effect of zero cannot be detected by a test of any size.";
        if (Math.Abs(effect) >= 1) return "A planned effect of 100 points or more is not a change a rate can make.";
        return null;
    }

    // A finite value a decimal can hold shows as itself; anything else shows as 0 beside its not-applicable reason.
    private static decimal ToDecimal(double x) => double.IsFinite(x) && Math.Abs(x) < 1e15 ? (decimal)x : 0m;
}
