using CxDashboard.Core.Money;

namespace CxDashboard.Core.Experiments;

/// <summary>Every figure of a holdout analysis with its formula, the numbers that went in and where they came from.</summary>
/// <param name="Result">The analysis itself.</param>
/// <param name="Lift">Test rate − control rate.</param>
/// <param name="StandardError">The unpooled standard error of the lift.</param>
/// <param name="LiftLower">Lift − 1.96 × standard error.</param>
/// <param name="LiftUpper">Lift + 1.96 × standard error.</param>
/// <param name="PooledRate">Successes in both arms ÷ customers in both arms.</param>
/// <param name="ZScore">Lift ÷ the pooled standard error.</param>
/// <param name="PValue">The two-sided p-value of the pooled z-test.</param>
/// <param name="Money">Lift × eligible population × value per unit.</param>
/// <param name="MoneyLower">The lower end of the money's 95 % interval.</param>
/// <param name="MoneyUpper">The upper end of the money's 95 % interval.</param>
public sealed record HoldoutFigures(
    HoldoutResult Result,
    ExplainedFigure Lift,
    ExplainedFigure StandardError,
    ExplainedFigure LiftLower,
    ExplainedFigure LiftUpper,
    ExplainedFigure PooledRate,
    ExplainedFigure ZScore,
    ExplainedFigure PValue,
    ExplainedFigure Money,
    ExplainedFigure MoneyLower,
    ExplainedFigure MoneyUpper);

/// <summary>
/// Explains a holdout analysis (<see cref="HoldoutExperiment.Analyze"/>) figure by figure, so that a reader can follow the
/// lift to its interval, the z-test to its p-value, and the money to its interval with the numbers substituted.
/// </summary>
public static class HoldoutExplanation
{
    /// <summary>
    /// Analyses the test and explains each figure: SE = √(p_t(1−p_t)/n_t + p_c(1−p_c)/n_c); interval ends = lift ∓ 1.96 × SE;
    /// pooled rate p̄ = (x_t + x_c) ÷ (n_t + n_c); z = lift ÷ √(p̄(1−p̄)(1/n_t + 1/n_c)); p = 2 × (1 − Φ(|z|)); money
    /// interval ends = interval end × eligible population × value per unit, the lower money from the lower lift unless the
    /// value per unit is negative. A figure the analysis could not compute has no value and carries its reason.
    /// </summary>
    /// <param name="test">The arm that got the change.</param>
    /// <param name="control">The held-out arm.</param>
    /// <param name="eligiblePopulation">Customers the change would reach if rolled out.</param>
    /// <param name="valuePerUnit">Money per customer who moves.</param>
    /// <param name="sourceOfArms">Where the arm counts came from.</param>
    /// <param name="sourceOfValue">Where the population and value per unit came from.</param>
    public static HoldoutFigures Explain(
        HoldoutArm test,
        HoldoutArm control,
        long eligiblePopulation,
        decimal valuePerUnit,
        string sourceOfArms = "holdout test",
        string sourceOfValue = "value assumptions")
    {
        var result = HoldoutExperiment.Analyze(test, control, eligiblePopulation, valuePerUnit, sourceOfArms, sourceOfValue);
        var armsReason = result.Lift.NotApplicableReason;
        var testRate = new FigureInput("Test rate", test.Rate ?? 0m, FigureUnit.Rate, sourceOfArms);
        var controlRate = new FigureInput("Control rate", control.Rate ?? 0m, FigureUnit.Rate, sourceOfArms);
        var testCustomers = new FigureInput("Test customers", test.Customers, FigureUnit.Count, sourceOfArms);
        var controlCustomers = new FigureInput("Control customers", control.Customers, FigureUnit.Count, sourceOfArms);
        var lift = new FigureInput("Lift", result.Lift.Value ?? 0m, FigureUnit.Rate, "test rate − control rate");

        var se = new ExplainedFigure(
            "Standard error of the lift", Fraction(result.StandardError), FigureUnit.Rate,
            "√(test rate × (1 − test rate) ÷ test customers + control rate × (1 − control rate) ÷ control customers)",
            "√({0} × (1 − {0}) ÷ {1} + {2} × (1 − {2}) ÷ {3}) = {result}",
            [testRate, testCustomers, controlRate, controlCustomers],
            armsReason);
        var seInput = new FigureInput("Standard error", se.Value ?? 0m, FigureUnit.Rate, "unpooled, from both arms");
        var z95 = new FigureInput("z for a 95 % interval", (decimal)HoldoutExperiment.IntervalZ, FigureUnit.Statistic, "normal approximation");
        var lower = new ExplainedFigure(
            "Lift, lower end of the 95 % interval", Fraction(result.LiftInterval?.Lower), FigureUnit.Rate,
            "Lift − 1.96 × standard error", "{0} − {1} × {2} = {result}", [lift, z95, seInput], armsReason);
        var upper = new ExplainedFigure(
            "Lift, upper end of the 95 % interval", Fraction(result.LiftInterval?.Upper), FigureUnit.Rate,
            "Lift + 1.96 × standard error", "{0} + {1} × {2} = {result}", [lift, z95, seInput], armsReason);

        decimal? pooledValue = armsReason is null ? (decimal)(test.Successes + control.Successes) / (test.Customers + control.Customers) : null;
        var pooled = new ExplainedFigure(
            "Pooled rate", pooledValue, FigureUnit.Rate,
            "(test successes + control successes) ÷ (test customers + control customers)",
            "({0} + {1}) ÷ ({2} + {3}) = {result}",
            [
                new FigureInput("Test successes", test.Successes, FigureUnit.Count, sourceOfArms),
                new FigureInput("Control successes", control.Successes, FigureUnit.Count, sourceOfArms),
                testCustomers,
                controlCustomers,
            ],
            armsReason);
        var pValueReason = armsReason ?? result.PValueNotApplicableReason;
        var z = new ExplainedFigure(
            "z statistic", Fraction(result.ZScore), FigureUnit.Statistic,
            "Lift ÷ √(pooled rate × (1 − pooled rate) × (1 ÷ test customers + 1 ÷ control customers))",
            "{0} ÷ √({1} × (1 − {1}) × (1 ÷ {2} + 1 ÷ {3})) = {result}",
            [lift, new FigureInput("Pooled rate", pooledValue ?? 0m, FigureUnit.Rate, "both arms together"), testCustomers, controlCustomers],
            pValueReason);
        var p = new ExplainedFigure(
            "p-value (two-sided)", Fraction(result.PValue), FigureUnit.Probability,
            "2 × (1 − Φ(|z|)), the chance of a lift at least this large in either direction if the change did nothing",
            "2 × (1 − Φ(|{0}|)) = {result}",
            [new FigureInput("z statistic", z.Value ?? 0m, FigureUnit.Statistic, "pooled two-proportion z-test")],
            pValueReason);

        var (moneyLower, moneyUpper) = MoneyEnds(result, lower, upper, eligiblePopulation, valuePerUnit, sourceOfValue);
        return new HoldoutFigures(result, result.Lift, se, lower, upper, pooled, z, p, result.Money, moneyLower, moneyUpper);
    }

    private static (ExplainedFigure Lower, ExplainedFigure Upper) MoneyEnds(
        HoldoutResult result, ExplainedFigure liftLower, ExplainedFigure liftUpper, long population, decimal valuePerUnit, string sourceOfValue)
    {
        var reason = result.Money.NotApplicableReason;
        var interval = result.MoneyInterval;
        // A negative value per unit turns the interval round: the lower money then comes from the upper lift.
        var flipped = valuePerUnit < 0;
        ExplainedFigure End(string name, decimal? value, ExplainedFigure liftEnd) => new(
            name, reason is null ? value : null, FigureUnit.Money,
            "Lift at that end of its interval × eligible population × value per unit",
            "{0} × {1} × {2} = {result}",
            [
                new FigureInput(liftEnd.Name, liftEnd.Value ?? 0m, FigureUnit.Rate, "the lift's 95 % interval"),
                new FigureInput("Eligible population", population, FigureUnit.Count, sourceOfValue),
                new FigureInput("Value per unit", valuePerUnit, FigureUnit.Money, sourceOfValue),
            ],
            reason);
        return (
            End("Value, lower end of the 95 % interval", interval?.Lower, flipped ? liftUpper : liftLower),
            End("Value, upper end of the 95 % interval", interval?.Upper, flipped ? liftLower : liftUpper));
    }

    // Statistics are doubles; a figure holds a decimal. Anything a decimal cannot hold is not a figure to show.
    private static decimal? Fraction(double? x) => x is { } v && double.IsFinite(v) && Math.Abs(v) < 1e15 ? (decimal)v : null;
}
