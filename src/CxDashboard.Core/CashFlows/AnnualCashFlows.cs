using CxDashboard.Core.Money;

namespace CxDashboard.Core.CashFlows;

/// <summary>One row of the TEI annual view: a line's Initial, Year 1..N, Total and present value.</summary>
/// <param name="Name">The line ("Total costs", "Net cash flow", or a cost item or benefit line).</param>
/// <param name="Kind">CAPEX, OPEX or benefit for a single line; null for a total row.</param>
/// <param name="Initial">Month 0, undiscounted.</param>
/// <param name="Years">Year k = months 12(k − 1) + 1 … 12k; the last year holds what is left when the horizon is not whole years.</param>
/// <param name="Total">Initial + Σ years, undiscounted.</param>
/// <param name="PresentValue">Initial + Σₖ Yearₖ ÷ (1 + r)^k.</param>
public sealed record AnnualLine(
    string Name,
    CashFlowLineKind? Kind,
    decimal Initial,
    IReadOnlyList<decimal> Years,
    decimal Total,
    decimal PresentValue)
{
    /// <summary>Initial, then Year 1..N: the flows a spreadsheet's =Initial + NPV(r, Year1..YearN) takes.</summary>
    public IReadOnlyList<decimal> Flows => [Initial, .. Years];
}

/// <summary>
/// The TEI-style annual view of a monthly series: Initial (month 0), Year 1 (months 1–12), Year 2 (months 13–24)…,
/// Total and PV. Convention: Initial is undiscounted and Year k is discounted by (1 + r)^k at the annual rate r, as if
/// each year's flows fell at its end, so PV = Initial + NPV(r, Year1..YearN) in a spreadsheet. It differs slightly from
/// the monthly NPV, which discounts each month by its own month.
/// </summary>
/// <param name="AnnualRate">The annual discount rate as a fraction.</param>
/// <param name="DiscountFactors">1 for Initial, then 1 ÷ (1 + r)^k for Year k.</param>
/// <param name="Lines">Each cost and benefit line, as the series counts it (risk-adjusted or not).</param>
/// <param name="Capex">Σ CAPEX lines.</param>
/// <param name="Opex">Σ OPEX lines.</param>
/// <param name="Costs">CAPEX + OPEX.</param>
/// <param name="Benefits">Σ benefit lines.</param>
/// <param name="Net">Benefits − costs; its present value is the annual NPV.</param>
/// <param name="Source">Where the flows come from, for lineage.</param>
public sealed record AnnualCashFlows(
    decimal AnnualRate,
    IReadOnlyList<decimal> DiscountFactors,
    IReadOnlyList<AnnualLine> Lines,
    AnnualLine Capex,
    AnnualLine Opex,
    AnnualLine Costs,
    AnnualLine Benefits,
    AnnualLine Net,
    string Source)
{
    /// <summary>The number of years after Initial (a part year at the end counts as one).</summary>
    public int YearCount => Net.Years.Count;

    /// <summary>
    /// Annual NPV = Initial + Σₖ Net Yearₖ ÷ (1 + r)^k, split into the present values of benefits and costs; the
    /// spreadsheet's =Initial + NPV(r, Year1..YearN) on the net row.
    /// </summary>
    public NpvResult Npv() =>
        new(Net.PresentValue, CashFlowPeriod.Year, (double)AnnualRate, (double)AnnualRate, YearCount,
            Benefits.PresentValue, Costs.PresentValue);

    /// <summary>The annual IRR of Initial, Year 1..N (a spreadsheet's =IRR on the net row); see <see cref="CashFlowAppraisal.Irr"/>.</summary>
    public IrrResult Irr() => CashFlowAppraisal.Irr(Net.Flows, CashFlowPeriod.Year);

    /// <summary>Payback in years on the annual net row, interpolated inside the year; see <see cref="CashFlowAppraisal.Payback"/>.</summary>
    public PaybackResult Payback() => CashFlowAppraisal.PaybackOf(Net.Flows, CashFlowPeriod.Year, discounted: false);

    /// <summary>The annual NPV as a figure that explains itself.</summary>
    public ExplainedFigure NpvFigure() => Npv().ToFigure(Source);

    /// <summary>The annual view of <paramref name="series"/>: its months summed into Initial and years, discounted at its annual rate.</summary>
    public static AnnualCashFlows From(CashFlowSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var years = (series.HorizonMonths + 11) / 12;
        var factors = Discounting.DiscountFactors(series.AnnualRate, years + 1);

        AnnualLine Row(string name, CashFlowLineKind? kind, Func<int, decimal> monthly)
        {
            var initial = monthly(0);
            var byYear = new decimal[years];
            for (var t = 1; t <= series.HorizonMonths; t++) byYear[(t - 1) / 12] += monthly(t);
            var present = initial;
            for (var k = 0; k < years; k++) present += byYear[k] * factors[k + 1];
            return new AnnualLine(name, kind, initial, byYear, initial + byYear.Sum(), present);
        }

        var lines = series.Lines
            .Select(l => Row(l.Name, l.Kind, t => series.IsRiskAdjusted ? l.RiskAdjustedAmounts[t] : l.Amounts[t]))
            .ToList();
        var months = series.Months;
        return new AnnualCashFlows(
            series.AnnualRate,
            factors,
            lines,
            Row("CAPEX", null, t => months[t].Capex),
            Row("OPEX", null, t => months[t].Opex),
            Row("Total costs", null, t => months[t].Costs),
            Row("Total benefits", null, t => months[t].Benefits),
            Row("Net cash flow", null, t => months[t].Net),
            series.Source + ", by year");
    }
}
