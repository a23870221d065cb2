using CxDashboard.Core.Money;

namespace CxDashboard.Core.Experiments;

/// <summary>Whether a planned holdout test is large enough for the effect it is meant to show.</summary>
public enum PlanVerdict
{
    /// <summary>The inputs do not allow a plan; the plan says why.</summary>
    NotApplicable,
    /// <summary>The customers per arm can detect the target effect.</summary>
    LargeEnough,
    /// <summary>The target effect is smaller than the test can detect: it needs more customers per arm.</summary>
    NeedsLargerTest,
}

/// <summary>A holdout test sized against the effect it is meant to show (FORMULAS.md §6).</summary>
/// <param name="CustomersPerArm">Eligible customers ÷ 2, rounded down: the even split.</param>
/// <param name="MinimumDetectableEffect">The smallest lift the test can detect, as a fraction.</param>
/// <param name="RequiredCustomersPerArm">Customers per arm needed to detect the target effect.</param>
/// <param name="Verdict">Large enough, needs a larger test, or not applicable.</param>
/// <param name="NotApplicableReason">Why there is no verdict; null when there is one.</param>
public sealed record ExperimentPlan(
    long CustomersPerArm,
    ExplainedFigure MinimumDetectableEffect,
    ExplainedFigure RequiredCustomersPerArm,
    PlanVerdict Verdict,
    string? NotApplicableReason)
{
    /// <summary>Customers needed in both arms together (2 × required per arm); null when the required figure is not applicable.</summary>
    public decimal? RequiredCustomersInAll => RequiredCustomersPerArm.Value * 2;
}

/// <summary>
/// Sizes holdout tests of a proportion at α = 0.05 (two-sided) and power 0.8 with the normal approximation:
/// MDE = (z₀.₉₇₅ + z₀.₈) × √(2p(1−p)/n) for n customers per arm and baseline rate p.
/// </summary>
public static class ExperimentPlanner
{
    /// <summary>Customers per arm above which a plan is reported as not applicable rather than as a number nobody can recruit.</summary>
    public const long MaxCustomersPerArm = 1_000_000_000_000;

    /// <summary>z₀.₉₇₅ ≈ 1.959964: the two-sided 5 % critical value.</summary>
    public static double ZAlpha { get; } = StandardNormal.Quantile(0.975);

    /// <summary>z₀.₈ ≈ 0.841621: the quantile that gives 80 % power.</summary>
    public static double ZPower { get; } = StandardNormal.Quantile(0.8);

    /// <summary>
    /// MDE = (z₀.₉₇₅ + z₀.₈) × √(2p(1−p)/n), as a fraction (0.0142 is 1.42 percentage points). Not applicable,
    /// with the reason, when n ≤ 0 (nothing to divide by), p is not finite, p is outside 0..1, or p is 0 or 1
    /// (no variance: the formula would give a meaningless 0).
    /// </summary>
    /// <param name="baselineRate">The control arm's expected rate p (0.80 retention).</param>
    /// <param name="customersPerArm">Customers in each arm, n.</param>
    /// <param name="source">Where the baseline and sizes came from, for lineage.</param>
    public static ExplainedFigure MinimumDetectableEffect(double baselineRate, long customersPerArm, string source = "experiment plan")
    {
        var reason = BaselineProblem(baselineRate)
            ?? (customersPerArm <= 0 ? "There are no customers per arm: the standard error has nothing to divide by." : null);
        var inputs = new[]
        {
            ZInput("z for a two-sided 5 % test (z₀.₉₇₅)", ZAlpha),
            ZInput("z for 80 % power (z₀.₈)", ZPower),
            new FigureInput("Baseline rate", ToDecimal(baselineRate), FigureUnit.Rate, source),
            new FigureInput("Customers per arm", customersPerArm, FigureUnit.Count, source),
        };
        decimal? value = reason is null
            ? (decimal)((ZAlpha + ZPower) * Math.Sqrt(2 * baselineRate * (1 - baselineRate) / customersPerArm))
            : null;
        return new ExplainedFigure(
            "Minimum detectable effect", value, FigureUnit.Rate,
            "(z₀.₉₇₅ + z₀.₈) × √(2 × baseline × (1 − baseline) ÷ customers per arm)",
            "({0} + {1}) × √(2 × {2} × (1 − {2}) ÷ {3}) = {result}",
            inputs,
            reason);
    }

    /// <summary>
    /// n = ⌈2p(1−p) × (z₀.₉₇₅ + z₀.₈)² ÷ δ²⌉ customers per arm, the MDE formula solved for n and rounded up
    /// so that the test detects δ. The sign of δ does not matter (a fall in churn is sized like a rise in
    /// retention). Not applicable, with the reason, when δ is 0 (the denominator: no test detects no change),
    /// p or δ is not finite, p is outside 0..1 or is 0 or 1, p + δ leaves 0..1, or n would exceed
    /// <see cref="MaxCustomersPerArm"/>.
    /// </summary>
    /// <param name="baselineRate">The control arm's expected rate p.</param>
    /// <param name="targetEffect">The lift to detect, δ, as a fraction (0.012 is 1.2 points).</param>
    /// <param name="source">Where the baseline and target came from, for lineage.</param>
    public static ExplainedFigure RequiredCustomersPerArm(double baselineRate, double targetEffect, string source = "experiment plan")
    {
        var reason = BaselineProblem(baselineRate) ?? EffectProblem(baselineRate, targetEffect);
        decimal? value = null;
        if (reason is null)
        {
            var sum = ZAlpha + ZPower;
            var n = Math.Ceiling(2 * baselineRate * (1 - baselineRate) * sum * sum / (targetEffect * targetEffect));
            if (n > MaxCustomersPerArm) reason = "The target effect is too small to test: it would need more than a trillion customers per arm.";
            else value = (decimal)n;
        }

        var inputs = new[]
        {
            ZInput("z for a two-sided 5 % test (z₀.₉₇₅)", ZAlpha),
            ZInput("z for 80 % power (z₀.₈)", ZPower),
            new FigureInput("Baseline rate", ToDecimal(baselineRate), FigureUnit.Rate, source),
            new FigureInput("Target effect", ToDecimal(Math.Abs(targetEffect)), FigureUnit.Rate, source),
        };
        return new ExplainedFigure(
            "Customers needed per arm", value, FigureUnit.Count,
            "2 × baseline × (1 − baseline) × (z₀.₉₇₅ + z₀.₈)² ÷ target effect², rounded up",
            "2 × {2} × (1 − {2}) × ({0} + {1})² ÷ {3}² = {result}",
            inputs,
            reason);
    }

    /// <summary>
    /// Splits the eligible customers evenly (⌊N/2⌋ per arm), gives the MDE for that split and the customers per
    /// arm the target needs, and says whether the test is large enough: it is when the customers per arm reach
    /// the required number (equivalently, MDE ≤ |δ|). Seed 001: 25,000 renewal-eligible customers at 80 %
    /// retention give an MDE of about 1.42 points, so a 1.2-point target needs a larger test (17,442 per arm).
    /// Not applicable when either figure is, with that figure's reason.
    /// </summary>
    /// <param name="baselineRate">The control arm's expected rate p.</param>
    /// <param name="eligibleCustomers">Customers available for the test, both arms together.</param>
    /// <param name="targetEffect">The lift the test is meant to show, as a fraction.</param>
    /// <param name="source">Where the inputs came from, for lineage.</param>
    public static ExperimentPlan Plan(double baselineRate, long eligibleCustomers, double targetEffect, string source = "experiment plan")
    {
        var perArm = eligibleCustomers > 0 ? eligibleCustomers / 2 : 0;
        var mde = MinimumDetectableEffect(baselineRate, perArm, source);
        var required = RequiredCustomersPerArm(baselineRate, targetEffect, source);
        var reason = mde.NotApplicableReason ?? required.NotApplicableReason;
        var verdict = reason is not null ? PlanVerdict.NotApplicable
            : perArm >= required.Value ? PlanVerdict.LargeEnough
            : PlanVerdict.NeedsLargerTest;
        return new ExperimentPlan(perArm, mde, required, verdict, reason);
    }

    private static string? BaselineProblem(double p)
    {
        if (!double.IsFinite(p)) return "The baseline rate is not a finite number.";
        if (p < 0 || p > 1) return "The baseline rate must be a fraction between 0 and 1.";
        if (p == 0 || p == 1) return "A baseline rate of 0 % or 100 % has no variance: the normal approximation cannot size a test.";
        return null;
    }

    private static string? EffectProblem(double p, double effect)
    {
        if (!double.IsFinite(effect)) return "The target effect is not a finite number.";
        if (effect == 0) return "A target effect of zero cannot be detected by a test of any size.";
        var target = p + effect;
        if (target < 0 || target > 1) return "The baseline rate plus the target effect falls outside 0..1.";
        return null;
    }

    private static FigureInput ZInput(string label, double z) => new(label, (decimal)z, FigureUnit.Statistic, "standard normal distribution");

    // A finite value a decimal can hold shows as itself; anything else shows as 0 beside its not-applicable reason.
    private static decimal ToDecimal(double x) => double.IsFinite(x) && Math.Abs(x) < 1e15 ? (decimal)x : 0m;
}
