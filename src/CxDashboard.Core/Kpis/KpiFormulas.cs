using CxDashboard.Core.Money;

namespace CxDashboard.Core.Kpis;

/// <summary>
/// The KPI definitions of FORMULAS.md §5 computed from their raw counts, each as a figure that explains itself.
/// Invalid inputs (a negative count, a rate outside 0..1, NaN or ∞) give a not-applicable figure whose reason
/// names the input, never an exception and never 0.
/// </summary>
public static class KpiFormulas
{
    // Lifetime values beyond this are reported as not applicable: the decimal type tops out near 7.9e28.
    private const double MaxMoney = 1e27;

    /// <summary>
    /// NPS = (promoters − detractors) ÷ (promoters + passives + detractors) × 100, from −100 to 100.
    /// Not applicable with no responses (zero denominator) or a negative count.
    /// </summary>
    /// <param name="promoters">Answers of 9 or 10.</param>
    /// <param name="passives">Answers of 7 or 8.</param>
    /// <param name="detractors">Answers of 0 to 6.</param>
    /// <param name="source">Where the counts came from, for lineage.</param>
    public static ExplainedFigure Nps(long promoters, long passives, long detractors, string source = "survey responses")
    {
        var inputs = new[]
        {
            new FigureInput("Promoters (9–10)", promoters, FigureUnit.Count, source),
            new FigureInput("Passives (7–8)", passives, FigureUnit.Count, source),
            new FigureInput("Detractors (0–6)", detractors, FigureUnit.Count, source),
        };
        var responses = (decimal)promoters + passives + detractors;
        var reason = promoters < 0 ? "The promoter count is negative."
            : passives < 0 ? "The passive count is negative."
            : detractors < 0 ? "The detractor count is negative."
            : responses == 0 ? NoResponses
            : null;
        return new ExplainedFigure(
            "NPS", reason is null ? ((decimal)promoters - detractors) / responses * 100m : null, FigureUnit.Score,
            "(Promoters − detractors) ÷ responses × 100",
            "({0} − {2}) ÷ ({0} + {1} + {2}) × 100 = {result}",
            inputs,
            reason);
    }

    /// <summary>
    /// CSAT top-2-box = (answers of 4 + answers of 5) ÷ all answers on the 1–5 scale, as a fraction.
    /// Not applicable with no answers (zero denominator) or a negative count. Throws when the list does not
    /// hold exactly five counts, a programming error rather than data.
    /// </summary>
    /// <param name="answerCounts">Counts of answers 1, 2, 3, 4 and 5, in that order.</param>
    /// <param name="source">Where the counts came from, for lineage.</param>
    public static ExplainedFigure CsatTopTwoBox(IReadOnlyList<long> answerCounts, string source = "survey responses")
    {
        var inputs = ScaleInputs(answerCounts, 5, source, nameof(answerCounts));
        var reason = ScaleProblem(answerCounts);
        decimal? value = reason is null ? ((decimal)answerCounts[3] + answerCounts[4]) / Total(answerCounts) : null;
        return new ExplainedFigure(
            "CSAT", value, FigureUnit.Rate,
            "(Answers of 4 + answers of 5) ÷ all answers (top-2-box on a 1–5 scale)",
            "({3} + {4}) ÷ ({0} + {1} + {2} + {3} + {4}) = {result}",
            inputs,
            reason);
    }

    /// <summary>
    /// CES = Σ k × count(k) ÷ Σ count(k) over answers k = 1..7, the mean effort answer (lower is easier).
    /// Not applicable with no answers (zero denominator) or a negative count. Throws when the list does not
    /// hold exactly seven counts, a programming error rather than data.
    /// </summary>
    /// <param name="answerCounts">Counts of answers 1 to 7, in that order.</param>
    /// <param name="source">Where the counts came from, for lineage.</param>
    public static ExplainedFigure CesMean(IReadOnlyList<long> answerCounts, string source = "survey responses")
    {
        var inputs = ScaleInputs(answerCounts, 7, source, nameof(answerCounts));
        var reason = ScaleProblem(answerCounts);
        decimal? value = null;
        if (reason is null)
        {
            decimal weighted = 0;
            for (var k = 0; k < 7; k++) weighted += (k + 1) * (decimal)answerCounts[k];
            value = weighted / Total(answerCounts);
        }
        return new ExplainedFigure(
            "CES", value, FigureUnit.Score,
            "Mean of the 1–7 effort answers: Σ answer × count ÷ Σ count",
            "(1 × {0} + 2 × {1} + 3 × {2} + 4 × {3} + 5 × {4} + 6 × {5} + 7 × {6}) ÷ ({0} + {1} + {2} + {3} + {4} + {5} + {6}) = {result}",
            inputs,
            reason);
    }

    /// <summary>
    /// Churn = customers lost in the period ÷ customers at its start, as a fraction. Not applicable with no
    /// customers at the start (zero denominator), a negative count, or more lost than there were.
    /// </summary>
    /// <param name="customersAtStart">Customers at the start of the period.</param>
    /// <param name="customersLost">Of those, customers lost during it.</param>
    /// <param name="source">Where the counts came from, for lineage.</param>
    public static ExplainedFigure ChurnRate(long customersAtStart, long customersLost, string source = "customer counts")
    {
        var reason = CustomerProblem(customersAtStart, customersLost);
        return new ExplainedFigure(
            "Churn rate", reason is null ? (decimal)customersLost / customersAtStart : null, FigureUnit.Rate,
            "Customers lost ÷ customers at start",
            "{1} ÷ {0} = {result}",
            CustomerInputs(customersAtStart, customersLost, source),
            reason);
    }

    /// <summary>
    /// Retention = 1 − churn = (customers at start − customers lost) ÷ customers at start, as a fraction, for
    /// the same period. Not applicable in the same cases as <see cref="ChurnRate"/>.
    /// </summary>
    /// <param name="customersAtStart">Customers at the start of the period.</param>
    /// <param name="customersLost">Of those, customers lost during it.</param>
    /// <param name="source">Where the counts came from, for lineage.</param>
    public static ExplainedFigure RetentionRate(long customersAtStart, long customersLost, string source = "customer counts")
    {
        var reason = CustomerProblem(customersAtStart, customersLost);
        return new ExplainedFigure(
            "Retention rate", reason is null ? ((decimal)customersAtStart - customersLost) / customersAtStart : null, FigureUnit.Rate,
            "1 − customers lost ÷ customers at start",
            "1 − {1} ÷ {0} = {result}",
            CustomerInputs(customersAtStart, customersLost, source),
            reason);
    }

    /// <summary>
    /// Simple CLV = ARPU × gross margin ÷ monthly churn, in money (ARPU per month). Not applicable when churn
    /// is 0 (zero denominator: no customer ever leaves, the lifetime is unbounded), when churn is NaN, ∞ or
    /// outside 0..1, ARPU is negative, the margin is above 1, or the value is too large to hold.
    /// A negative margin is allowed: a loss-making customer has a negative lifetime value.
    /// </summary>
    /// <param name="arpu">Average revenue per customer per month.</param>
    /// <param name="grossMargin">Gross margin as a fraction of revenue.</param>
    /// <param name="monthlyChurn">Churn per month as a fraction.</param>
    /// <param name="source">Where the inputs came from, for lineage.</param>
    public static ExplainedFigure SimpleClv(decimal arpu, decimal grossMargin, double monthlyChurn, string source = "customer economics")
    {
        var inputs = new[]
        {
            new FigureInput("ARPU per month", arpu, FigureUnit.Money, source),
            new FigureInput("Gross margin", grossMargin, FigureUnit.Rate, source),
            new FigureInput("Monthly churn", ToDecimal(monthlyChurn), FigureUnit.Rate, source),
        };
        var reason = MoneyProblem(arpu, grossMargin) ?? FractionProblem(monthlyChurn, "monthly churn");
        var churn = reason is null ? (decimal)monthlyChurn : 0m;
        if (reason is null && churn == 0)
            reason = "Monthly churn is zero: no customer leaves, so the lifetime and its value are unbounded.";
        if (reason is null && Math.Abs((double)arpu * (double)grossMargin / (double)churn) > MaxMoney)
            reason = TooLarge;
        return new ExplainedFigure(
            "CLV", reason is null ? arpu * grossMargin / churn : null, FigureUnit.Money,
            "ARPU × gross margin ÷ monthly churn",
            "{0} × {1} ÷ {2} = {result}",
            inputs,
            reason);
    }

    /// <summary>
    /// Discounted CLV = ARPU × gross margin × (1 + d) ÷ (1 + d − r), with r the monthly retention and d the
    /// monthly discount rate (an annual rate a converts as (1 + a)^(1/12) − 1, FORMULAS.md §3). Not applicable
    /// when 1 + d − r = 0, i.e. retention is 100 % and nothing is discounted (unbounded value); when r or d is
    /// NaN, ∞ or outside 0..1; ARPU is negative, the margin is above 1, or the value is too large to hold.
    /// </summary>
    /// <param name="arpu">Average revenue per customer per month.</param>
    /// <param name="grossMargin">Gross margin as a fraction of revenue.</param>
    /// <param name="monthlyRetention">Retention per month as a fraction.</param>
    /// <param name="monthlyDiscountRate">Discount rate per month as a fraction.</param>
    /// <param name="source">Where the inputs came from, for lineage.</param>
    public static ExplainedFigure DiscountedClv(
        decimal arpu, decimal grossMargin, double monthlyRetention, double monthlyDiscountRate, string source = "customer economics")
    {
        var inputs = new[]
        {
            new FigureInput("ARPU per month", arpu, FigureUnit.Money, source),
            new FigureInput("Gross margin", grossMargin, FigureUnit.Rate, source),
            new FigureInput("Monthly retention", ToDecimal(monthlyRetention), FigureUnit.Rate, source),
            new FigureInput("Monthly discount rate", ToDecimal(monthlyDiscountRate), FigureUnit.Rate, source),
        };
        var reason = MoneyProblem(arpu, grossMargin)
            ?? FractionProblem(monthlyRetention, "monthly retention")
            ?? FractionProblem(monthlyDiscountRate, "monthly discount rate");
        decimal growth = 0m, denominator = 0m;
        if (reason is null)
        {
            growth = 1m + (decimal)monthlyDiscountRate;
            denominator = growth - (decimal)monthlyRetention;
            if (denominator == 0)
                reason = "Retention is 100 % and nothing is discounted: 1 + d − r is zero and the lifetime value is unbounded.";
            else if (Math.Abs((double)arpu * (double)grossMargin * (double)growth / (double)denominator) > MaxMoney)
                reason = TooLarge;
        }
        return new ExplainedFigure(
            "Discounted CLV", reason is null ? arpu * grossMargin * growth / denominator : null, FigureUnit.Money,
            "ARPU × gross margin × (1 + discount rate) ÷ (1 + discount rate − retention)",
            "{0} × {1} × (1 + {3}) ÷ (1 + {3} − {2}) = {result}",
            inputs,
            reason);
    }

    private const string NoResponses = "There are no responses: the score has nothing to divide by.";
    private const string TooLarge = "The lifetime value is too large to hold: churn is too close to zero.";

    private static FigureInput[] ScaleInputs(IReadOnlyList<long> counts, int points, string source, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(counts, parameterName);
        if (counts.Count != points)
            throw new ArgumentException("Give exactly one count per answer of the scale, lowest answer first.", parameterName);
        var inputs = new FigureInput[points];
        for (var k = 0; k < points; k++)
            inputs[k] = new FigureInput(AnswerLabels[k], counts[k], FigureUnit.Count, source);
        return inputs;
    }

    private static readonly string[] AnswerLabels =
        ["Answers of 1", "Answers of 2", "Answers of 3", "Answers of 4", "Answers of 5", "Answers of 6", "Answers of 7"];

    private static string? ScaleProblem(IReadOnlyList<long> counts)
    {
        for (var k = 0; k < counts.Count; k++)
            if (counts[k] < 0) return $"The count of answers of {AnswerNames[k]} is negative.";
        return Total(counts) == 0 ? NoResponses : null;
    }

    // Words, not digits, so that Core writes no number itself.
    private static readonly string[] AnswerNames = ["one", "two", "three", "four", "five", "six", "seven"];

    private static decimal Total(IReadOnlyList<long> counts)
    {
        decimal total = 0;
        foreach (var c in counts) total += c;
        return total;
    }

    private static string? CustomerProblem(long atStart, long lost) =>
        atStart < 0 ? "The count of customers at the start is negative."
        : lost < 0 ? "The count of customers lost is negative."
        : atStart == 0 ? "There were no customers at the start: the rate has nothing to divide by."
        : lost > atStart ? "More customers were lost than there were at the start."
        : null;

    private static FigureInput[] CustomerInputs(long atStart, long lost, string source) =>
    [
        new("Customers at start", atStart, FigureUnit.Count, source),
        new("Customers lost", lost, FigureUnit.Count, source),
    ];

    private static string? MoneyProblem(decimal arpu, decimal grossMargin) =>
        arpu < 0 ? "ARPU is negative."
        : grossMargin > 1 ? "The gross margin is above 100 % of revenue."
        : null;

    private static string? FractionProblem(double x, string what) =>
        !double.IsFinite(x) ? $"The {what} is not a finite number."
        : x < 0 || x > 1 ? $"The {what} must be a fraction between 0 and 1."
        : null;

    // A finite value a decimal can hold shows as itself; anything else shows as 0 beside its not-applicable reason.
    private static decimal ToDecimal(double x) => double.IsFinite(x) && Math.Abs(x) < 1e15 ? (decimal)x : 0m;
}
