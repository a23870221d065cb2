namespace CxDashboard.Core.Money;

/// <summary>The three headline ratios of FORMULAS.md §1, each with its formula.</summary>
/// <param name="Rox">ROX % = monetized experience gains ÷ CX investment × 100.</param>
/// <param name="Roi">ROI % = (benefits − cost) ÷ cost × 100.</param>
/// <param name="ValueMultiple">Value multiple = (revenue growth + operational savings) ÷ CX investment.</param>
/// <param name="NetValue">Net value = benefits − cost.</param>
public sealed record HeadlineRatios(ExplainedFigure Rox, ExplainedFigure Roi, ExplainedFigure ValueMultiple, ExplainedFigure NetValue);

/// <summary>Computes ROX, ROI and the value multiple from the same gains and investment.</summary>
public static class HeadlineRatioCalculator
{
    private const string NoInvestment = "No CX investment in the period: a return on nothing is not defined.";

    /// <summary>
    /// ROX % = gains ÷ investment × 100; ROI % = (gains − investment) ÷ investment × 100;
    /// value multiple = (revenue growth + operational savings) ÷ investment, where retained revenue counts as
    /// revenue growth so that ROX 250 % ≡ ROI 150 % ≡ 2.5×. With no investment (≤ 0) the three ratios are
    /// not applicable (null value with a reason), never an exception and never 0.
    /// </summary>
    /// <param name="costReduction">Operational savings in the period.</param>
    /// <param name="revenueGrowth">Revenue growth in the period.</param>
    /// <param name="retention">Retained revenue in the period.</param>
    /// <param name="investment">CX investment (all costs) in the period.</param>
    /// <param name="sourceOfGains">Where the gains came from, for lineage.</param>
    /// <param name="sourceOfInvestment">Where the investment came from, for lineage.</param>
    public static HeadlineRatios Compute(
        decimal costReduction,
        decimal revenueGrowth,
        decimal retention,
        decimal investment,
        string sourceOfGains = "value drivers",
        string sourceOfInvestment = "cost items")
    {
        var gains = costReduction + revenueGrowth + retention;
        var hasInvestment = investment > 0;
        var gainsInput = new FigureInput("Monetized experience gains", gains, FigureUnit.Money, sourceOfGains);
        var investmentInput = new FigureInput("CX investment", investment, FigureUnit.Money, sourceOfInvestment);

        var rox = new ExplainedFigure(
            "ROX", hasInvestment ? gains / investment * 100m : null, FigureUnit.Percent,
            "Monetized experience gains ÷ CX investment × 100",
            "{0} ÷ {1} × 100 = {result}",
            [gainsInput, investmentInput],
            hasInvestment ? null : NoInvestment);

        var roi = new ExplainedFigure(
            "ROI", hasInvestment ? (gains - investment) / investment * 100m : null, FigureUnit.Percent,
            "(Benefits − cost) ÷ cost × 100",
            "({0} − {1}) ÷ {1} × 100 = {result}",
            [gainsInput with { Label = "Benefits" }, investmentInput with { Label = "Cost" }],
            hasInvestment ? null : NoInvestment);

        var multiple = new ExplainedFigure(
            "Value multiple", hasInvestment ? (revenueGrowth + retention + costReduction) / investment : null, FigureUnit.Multiple,
            "(Revenue growth + retained revenue + operational savings) ÷ CX investment",
            "({0} + {1} + {2}) ÷ {3} = {result}",
            [
                new FigureInput("Revenue growth", revenueGrowth, FigureUnit.Money, sourceOfGains),
                new FigureInput("Retained revenue", retention, FigureUnit.Money, sourceOfGains),
                new FigureInput("Operational savings", costReduction, FigureUnit.Money, sourceOfGains),
                investmentInput,
            ],
            hasInvestment ? null : NoInvestment);

        var net = new ExplainedFigure(
            "Net value", gains - investment, FigureUnit.Money,
            "Benefits − cost",
            "{0} − {1} = {result}",
            [gainsInput with { Label = "Benefits" }, investmentInput with { Label = "Cost" }]);

        return new HeadlineRatios(rox, roi, multiple, net);
    }
}
