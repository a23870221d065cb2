using CxDashboard.Core.Money;

namespace CxDashboard.Core.Experiments;

/// <summary>One arm of a holdout test: how many customers it had and how many of them did what is measured (renewed, converted).</summary>
/// <param name="Customers">Customers in the arm.</param>
/// <param name="Successes">Customers in the arm who renewed, converted or otherwise counted, 0..<paramref name="Customers"/>.</param>
public readonly record struct HoldoutArm(long Customers, long Successes)
{
    /// <summary>Successes ÷ customers; null when the arm has no customers or its counts are not valid.</summary>
    public decimal? Rate => Customers > 0 && Successes >= 0 && Successes <= Customers ? (decimal)Successes / Customers : null;
}

/// <summary>A 95 % interval for a lift, as fractions (0.006 is 0.6 percentage points).</summary>
/// <param name="Lower">Lower end.</param>
/// <param name="Upper">Upper end.</param>
public readonly record struct LiftInterval(double Lower, double Upper);

/// <summary>A 95 % interval for a sum of money.</summary>
/// <param name="Lower">Lower end.</param>
/// <param name="Upper">Upper end.</param>
public readonly record struct MoneyInterval(decimal Lower, decimal Upper);

/// <summary>What a holdout test measured (FORMULAS.md §6).</summary>
/// <param name="Lift">p_t − p_c as a fraction; null value with a reason when an arm is empty or its counts are not valid.</param>
/// <param name="StandardError">√(p_t(1−p_t)/n_t + p_c(1−p_c)/n_c), the unpooled standard error of the lift; null when the lift is.</param>
/// <param name="LiftInterval">Lift ± 1.96 × standard error; null when the lift is.</param>
/// <param name="ZScore">Lift ÷ pooled standard error; null when the z-test is not applicable.</param>
/// <param name="PValue">Two-sided p-value of the pooled two-proportion z-test; null when not applicable.</param>
/// <param name="IsSignificant">True when the p-value is below 0.05; false when it is not or there is none.</param>
/// <param name="Money">Lift × eligible population × value per unit; null value with a reason when not applicable.</param>
/// <param name="MoneyInterval">The lift interval carried through the same product, lower end first; null when the money is.</param>
/// <param name="PValueNotApplicableReason">Why there is no p-value; null when there is one.</param>
public sealed record HoldoutResult(
    ExplainedFigure Lift,
    double? StandardError,
    LiftInterval? LiftInterval,
    double? ZScore,
    double? PValue,
    bool IsSignificant,
    ExplainedFigure Money,
    MoneyInterval? MoneyInterval,
    string? PValueNotApplicableReason);

/// <summary>Reads a holdout test of test vs control proportions (retention, conversion): FORMULAS.md §6, seed 001.</summary>
public static class HoldoutExperiment
{
    /// <summary>The significance level: a lift is significant at 5 % when its two-sided p-value is below this.</summary>
    public const double SignificanceLevel = 0.05;

    /// <summary>The multiplier of the standard error in the 95 % interval, as FORMULAS.md §6 writes it.</summary>
    public const double IntervalZ = 1.96;

    // The decimal type tops out near 7.9e28; a lift is at most 1 in size, so this bounds every product below.
    private const double MaxMoney = 1e27;

    /// <summary>
    /// Rates p = successes ÷ customers per arm; lift = p_t − p_c; SE = √(p_t(1−p_t)/n_t + p_c(1−p_c)/n_c);
    /// 95 % interval = lift ± 1.96·SE (the Wald interval, which shrinks to a point when each arm sits at 0 % or
    /// 100 %); z = lift ÷ √(p̄(1−p̄)(1/n_t + 1/n_c)) with the pooled rate p̄ = (x_t + x_c) ÷ (n_t + n_c);
    /// p-value = 2·(1 − Φ(|z|)); significant when p &lt; 0.05. Money = lift × eligible population × value per
    /// unit, and the interval's ends go through the same product (ordered, so a negative value per unit still
    /// gives lower ≤ upper). The flag follows the z-test, so near the boundary it can disagree with whether
    /// the Wald interval excludes zero.
    /// Not applicable, never an exception: an arm with no customers (its rate has a zero denominator), a
    /// negative count or more successes than customers (the lift and money say which arm); a pooled rate of
    /// 0 or 1, i.e. every customer in both arms had the same outcome (zero pooled standard error: no p-value,
    /// not significant); a negative eligible population, or one whose product with the value per unit is too
    /// large to hold as money (money only).
    /// </summary>
    /// <param name="test">The arm that got the change.</param>
    /// <param name="control">The held-out arm.</param>
    /// <param name="eligiblePopulation">Customers the change would reach if rolled out.</param>
    /// <param name="valuePerUnit">Money per customer who moves (margin per retained customer, per conversion).</param>
    /// <param name="sourceOfArms">Where the arm counts came from, for lineage.</param>
    /// <param name="sourceOfValue">Where the population and value per unit came from, for lineage.</param>
    public static HoldoutResult Analyze(
        HoldoutArm test,
        HoldoutArm control,
        long eligiblePopulation,
        decimal valuePerUnit,
        string sourceOfArms = "holdout test",
        string sourceOfValue = "value assumptions")
    {
        var testRate = test.Rate;
        var controlRate = control.Rate;
        var testInput = new FigureInput("Test rate", testRate ?? 0m, FigureUnit.Rate, sourceOfArms);
        var controlInput = new FigureInput("Control rate", controlRate ?? 0m, FigureUnit.Rate, sourceOfArms);
        var populationInput = new FigureInput("Eligible population", eligiblePopulation, FigureUnit.Count, sourceOfValue);
        var valueInput = new FigureInput("Value per unit", valuePerUnit, FigureUnit.Money, sourceOfValue);

        var armProblem = ArmProblem(test, "test") ?? ArmProblem(control, "control");
        var liftInputs = new[] { testInput, controlInput };
        if (armProblem is not null || testRate is not { } pt || controlRate is not { } pc)
        {
            var reason = armProblem ?? "An arm's rate could not be computed.";
            return new HoldoutResult(
                LiftFigure(null, liftInputs, reason), null, null, null, null, false,
                MoneyFigure(null, [LiftInput(0m, sourceOfArms), populationInput, valueInput], reason), null,
                reason);
        }

        var lift = pt - pc;
        double nt = test.Customers, nc = control.Customers;
        double xt = test.Successes, xc = control.Successes;
        double dt = xt / nt, dc = xc / nc;
        var se = Math.Sqrt(dt * (1 - dt) / nt + dc * (1 - dc) / nc);
        var liftDouble = dt - dc;
        var interval = new LiftInterval(liftDouble - IntervalZ * se, liftDouble + IntervalZ * se);

        var pooled = (xt + xc) / (nt + nc);
        var pooledSe = Math.Sqrt(pooled * (1 - pooled) * (1 / nt + 1 / nc));
        double? z = null, pValue = null;
        string? pValueReason = null;
        if (pooledSe > 0)
        {
            z = liftDouble / pooledSe;
            pValue = StandardNormal.TwoSidedPValue(z.Value);
        }
        else
        {
            pValueReason = "Every customer in both arms had the same outcome: with no variation the pooled standard error is zero and the z-test has nothing to compare.";
        }

        var liftFigure = LiftFigure(lift, liftInputs, null);
        var moneyInputs = new[] { LiftInput(lift, sourceOfArms), populationInput, valueInput };
        ExplainedFigure money;
        MoneyInterval? moneyInterval = null;
        if (eligiblePopulation < 0)
        {
            money = MoneyFigure(null, moneyInputs, "The eligible population is negative.");
        }
        else if ((double)eligiblePopulation * Math.Abs((double)valuePerUnit) > MaxMoney)
        {
            money = MoneyFigure(null, moneyInputs, "Eligible population × value per unit is too large to hold as money.");
        }
        else
        {
            money = MoneyFigure(lift * eligiblePopulation * valuePerUnit, moneyInputs, null);
            var a = (decimal)interval.Lower * eligiblePopulation * valuePerUnit;
            var b = (decimal)interval.Upper * eligiblePopulation * valuePerUnit;
            moneyInterval = new MoneyInterval(Math.Min(a, b), Math.Max(a, b));
        }

        return new HoldoutResult(
            liftFigure, se, interval, z, pValue, pValue < SignificanceLevel, money, moneyInterval, pValueReason);
    }

    private static string? ArmProblem(HoldoutArm arm, string which)
    {
        if (arm.Customers < 0) return $"The {which} arm's customer count is negative.";
        if (arm.Successes < 0) return $"The {which} arm's success count is negative.";
        if (arm.Successes > arm.Customers) return $"The {which} arm has more successes than customers.";
        if (arm.Customers == 0) return $"The {which} arm has no customers: its rate has nothing to divide by.";
        return null;
    }

    private static FigureInput LiftInput(decimal lift, string source) => new("Lift", lift, FigureUnit.Rate, source);

    private static ExplainedFigure LiftFigure(decimal? lift, IReadOnlyList<FigureInput> inputs, string? reason) => new(
        "Lift", lift, FigureUnit.Rate,
        "Test rate − control rate",
        "{0} − {1} = {result}",
        inputs,
        reason);

    private static ExplainedFigure MoneyFigure(decimal? money, IReadOnlyList<FigureInput> inputs, string? reason) => new(
        "Value of the lift", money, FigureUnit.Money,
        "Lift × eligible population × value per unit",
        "{0} × {1} × {2} = {result}",
        inputs,
        reason);
}
