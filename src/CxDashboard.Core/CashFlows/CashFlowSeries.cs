using CxDashboard.Core.Money;
using CxDashboard.Core.Time;
using CxDashboard.Core.Value;

namespace CxDashboard.Core.CashFlows;

/// <summary>What a cash-flow line is: capital or operating cost, or benefit.</summary>
public enum CashFlowLineKind
{
    /// <summary>Capital expenditure.</summary>
    Capex,
    /// <summary>Operating expenditure.</summary>
    Opex,
    /// <summary>A benefit (money the initiative brings in or saves).</summary>
    Benefit,
}

/// <summary>One line of an initiative's cash flows over months 0..horizon, before and after TEI risk adjustment.</summary>
/// <param name="Name">The cost item or benefit line it comes from.</param>
/// <param name="Kind">CAPEX, OPEX or benefit.</param>
/// <param name="Factor">The value factor of a benefit line; null for a cost.</param>
/// <param name="Risk">Its TEI risk as a fraction.</param>
/// <param name="Amounts">Money per month before risk adjustment, month 0 first; costs are positive.</param>
/// <param name="RiskAdjustedAmounts">Money per month after risk adjustment (cost × (1 + risk); gain × (1 − risk), loss × (1 + risk)).</param>
public sealed record CashFlowLine(
    string Name,
    CashFlowLineKind Kind,
    ValueFactor? Factor,
    decimal Risk,
    IReadOnlyList<decimal> Amounts,
    IReadOnlyList<decimal> RiskAdjustedAmounts)
{
    /// <summary>Σ amounts before risk adjustment.</summary>
    public decimal Total => Amounts.Sum();

    /// <summary>Σ amounts after risk adjustment.</summary>
    public decimal RiskAdjustedTotal => RiskAdjustedAmounts.Sum();
}

/// <summary>One month of an initiative's cash flows.</summary>
/// <param name="Index">Months since the start: 0 is the start month.</param>
/// <param name="Month">The calendar month.</param>
/// <param name="Capex">Capital expenditure paid in the month (positive).</param>
/// <param name="Opex">Operating expenditure paid in the month (positive).</param>
/// <param name="Benefits">Benefits in the month.</param>
/// <param name="Net">Benefits − CAPEX − OPEX.</param>
/// <param name="CumulativeNet">Σ net from month 0 through this month.</param>
/// <param name="DiscountFactor">1 ÷ (1 + monthly rate)^Index.</param>
/// <param name="DiscountedNet">Net × discount factor.</param>
/// <param name="CumulativeDiscountedNet">Σ discounted net from month 0 through this month; in the last month it is the NPV.</param>
public sealed record CashFlowMonth(
    int Index,
    YearMonth Month,
    decimal Capex,
    decimal Opex,
    decimal Benefits,
    decimal Net,
    decimal CumulativeNet,
    decimal DiscountFactor,
    decimal DiscountedNet,
    decimal CumulativeDiscountedNet)
{
    /// <summary>CAPEX + OPEX.</summary>
    public decimal Costs => Capex + Opex;
}

/// <summary>
/// An initiative's monthly cash flows over its horizon (FORMULAS.md §3, §4): month 0 is the start month, months
/// 1..horizon follow. CAPEX and OPEX are kept apart and summed for ROI; every line is TEI risk-adjusted unless asked
/// otherwise. Build one with <see cref="Build"/>.
/// </summary>
public sealed class CashFlowSeries
{
    private CashFlowSeries(
        string name, YearMonth start, int horizonMonths, decimal annualRate, bool isRiskAdjusted,
        IReadOnlyList<CashFlowLine> lines, IReadOnlyList<CashFlowMonth> months)
    {
        Name = name;
        Start = start;
        HorizonMonths = horizonMonths;
        AnnualRate = annualRate;
        IsRiskAdjusted = isRiskAdjusted;
        Lines = lines;
        Months = months;
    }

    /// <summary>The initiative's name.</summary>
    public string Name { get; }

    /// <summary>The start month: month 0.</summary>
    public YearMonth Start { get; }

    /// <summary>The last month counted: month <see cref="HorizonMonths"/>.</summary>
    public YearMonth End => Start.AddMonths(HorizonMonths);

    /// <summary>The number of months after the start month; the series holds months 0..HorizonMonths.</summary>
    public int HorizonMonths { get; }

    /// <summary>The annual discount rate as a fraction.</summary>
    public decimal AnnualRate { get; }

    /// <summary>The monthly rate each month is discounted at: (1 + annual rate)^(1/12) − 1.</summary>
    public double MonthlyRate => Discounting.MonthlyRate((double)AnnualRate);

    /// <summary>True when the months carry the risk-adjusted amounts (the board's figures), false for the amounts as entered.</summary>
    public bool IsRiskAdjusted { get; }

    /// <summary>The cost lines (in the order given) and then the benefit lines.</summary>
    public IReadOnlyList<CashFlowLine> Lines { get; }

    /// <summary>Months 0..horizon.</summary>
    public IReadOnlyList<CashFlowMonth> Months { get; }

    /// <summary>Net cash flow per month, month 0 first.</summary>
    public IReadOnlyList<decimal> NetFlows => Months.Select(m => m.Net).ToList();

    /// <summary>Discounted net cash flow per month, month 0 first.</summary>
    public IReadOnlyList<decimal> DiscountedNetFlows => Months.Select(m => m.DiscountedNet).ToList();

    /// <summary>Σ CAPEX over the horizon.</summary>
    public decimal TotalCapex => Months.Sum(m => m.Capex);

    /// <summary>Σ OPEX over the horizon.</summary>
    public decimal TotalOpex => Months.Sum(m => m.Opex);

    /// <summary>Σ CAPEX + OPEX over the horizon: the cost ROI is taken on.</summary>
    public decimal TotalCosts => TotalCapex + TotalOpex;

    /// <summary>Σ benefits over the horizon.</summary>
    public decimal TotalBenefits => Months.Sum(m => m.Benefits);

    /// <summary>Benefits − costs over the horizon, undiscounted.</summary>
    public decimal NetValue => TotalBenefits - TotalCosts;

    /// <summary>Where the figures come from, for lineage: "name, risk-adjusted, 2025-01 to 2028-01".</summary>
    public string Source =>
        Name + ", " + (IsRiskAdjusted ? "risk-adjusted" : "before risk adjustment") + ", " + Start + " to " + End;

    /// <summary>
    /// Builds the series for months 0..<paramref name="horizonMonths"/> from <paramref name="start"/>. A one-time cost
    /// is paid in its month; one dated before the start goes into month 0, as do the payments a monthly cost made
    /// before the start (so pre-launch spending still counts, as on the board). A monthly cost runs from its start
    /// through its end (or the horizon); benefit line amounts are indexed from month 0. Anything after the horizon is
    /// left out. With <paramref name="applyRisk"/> each cost counts × (1 + risk) and each benefit × (1 − risk) for a
    /// gain, × (1 + risk) for a loss (FORMULAS.md §4). Month t is discounted by (1 + rₘ)^t with rₘ = (1 + annual
    /// rate)^(1/12) − 1. Throws only on a programming error: null lists, a negative horizon, an annual rate of −100 %
    /// or less.
    /// </summary>
    /// <param name="name">The initiative's name.</param>
    /// <param name="start">Its start month (month 0).</param>
    /// <param name="horizonMonths">Months after the start month; 36 gives the TEI Initial + Years 1–3.</param>
    /// <param name="costs">Its cost items.</param>
    /// <param name="benefits">Its benefit lines.</param>
    /// <param name="annualRate">Annual discount rate as a fraction (10 % by TEI convention).</param>
    /// <param name="applyRisk">False for the amounts as entered, before risk adjustment.</param>
    public static CashFlowSeries Build(
        string name,
        YearMonth start,
        int horizonMonths,
        IReadOnlyList<CostItemSpec> costs,
        IReadOnlyList<BenefitLine> benefits,
        decimal annualRate,
        bool applyRisk = true)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(costs);
        ArgumentNullException.ThrowIfNull(benefits);
        ArgumentOutOfRangeException.ThrowIfNegative(horizonMonths);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(annualRate, -1m);

        var count = horizonMonths + 1;
        var lines = new List<CashFlowLine>(costs.Count + benefits.Count);
        foreach (var cost in costs)
        {
            var amounts = CostAmounts(cost, start, count);
            lines.Add(new CashFlowLine(
                cost.Name,
                cost.Nature == CostNature.Capex ? CashFlowLineKind.Capex : CashFlowLineKind.Opex,
                null,
                cost.Risk,
                amounts,
                amounts.Select(a => TeiRisk.AdjustCost(a, cost.Risk)).ToList()));
        }

        foreach (var benefit in benefits)
        {
            var amounts = Enumerable.Range(0, count).Select(benefit.AmountIn).ToList();
            lines.Add(new CashFlowLine(
                benefit.Name, CashFlowLineKind.Benefit, benefit.Factor, benefit.Risk,
                amounts,
                amounts.Select(a => TeiRisk.AdjustBenefit(a, benefit.Risk)).ToList()));
        }

        var factors = Discounting.DiscountFactors(Discounting.MonthlyRateOf(annualRate), count);
        var months = new List<CashFlowMonth>(count);
        decimal cumulative = 0, cumulativeDiscounted = 0;
        for (var t = 0; t < count; t++)
        {
            decimal capex = 0, opex = 0, gains = 0;
            foreach (var line in lines)
            {
                var amount = applyRisk ? line.RiskAdjustedAmounts[t] : line.Amounts[t];
                switch (line.Kind)
                {
                    case CashFlowLineKind.Capex: capex += amount; break;
                    case CashFlowLineKind.Opex: opex += amount; break;
                    default: gains += amount; break;
                }
            }

            var net = gains - capex - opex;
            var discounted = net * factors[t];
            cumulative += net;
            cumulativeDiscounted += discounted;
            months.Add(new CashFlowMonth(
                t, start.AddMonths(t), capex, opex, gains, net, cumulative, factors[t], discounted, cumulativeDiscounted));
        }

        return new CashFlowSeries(name, start, horizonMonths, annualRate, applyRisk, lines, months);
    }

    /// <summary>Σ benefits of one value factor over the horizon (as the months count them: risk-adjusted or not).</summary>
    public decimal BenefitsOf(ValueFactor factor) =>
        Lines.Where(l => l.Kind == CashFlowLineKind.Benefit && l.Factor == factor)
            .Sum(l => IsRiskAdjusted ? l.RiskAdjustedTotal : l.Total);

    /// <summary>
    /// ROX, ROI, value multiple and net value over the whole horizon, undiscounted, with CAPEX + OPEX as the
    /// investment (FORMULAS.md §1); not applicable when there is no cost.
    /// </summary>
    public HeadlineRatios Ratios() =>
        HeadlineRatioCalculator.Compute(
            BenefitsOf(ValueFactor.CostReduction),
            BenefitsOf(ValueFactor.RevenueGrowth),
            BenefitsOf(ValueFactor.Retention),
            TotalCosts,
            "benefit lines of " + Source,
            "CAPEX + OPEX of " + Source);

    /// <summary>
    /// Monthly NPV = Σ netₜ ÷ (1 + rₘ)^t over months 0..horizon (FORMULAS.md §3), equal to the last month's cumulative
    /// discounted net and to <see cref="Discounting.Npv"/> on <see cref="NetFlows"/>; split into the present values of
    /// benefits and of costs.
    /// </summary>
    public NpvResult Npv()
    {
        decimal benefits = 0, costs = 0;
        foreach (var m in Months)
        {
            benefits += m.Benefits * m.DiscountFactor;
            costs += m.Costs * m.DiscountFactor;
        }

        return new NpvResult(
            Months[^1].CumulativeDiscountedNet, CashFlowPeriod.Month, (double)AnnualRate, MonthlyRate, HorizonMonths,
            benefits, costs);
    }

    /// <summary>The monthly IRR of the net flows and its annual equivalent (1 + r)^12 − 1; see <see cref="CashFlowAppraisal.Irr"/>.</summary>
    public IrrResult Irr() => CashFlowAppraisal.Irr(NetFlows, CashFlowPeriod.Month);

    /// <summary>Payback in months on the undiscounted net flows; see <see cref="CashFlowAppraisal.Payback"/>.</summary>
    public PaybackResult Payback() => CashFlowAppraisal.PaybackOf(NetFlows, CashFlowPeriod.Month, discounted: false);

    /// <summary>Discounted payback in months on the discounted net flows; see <see cref="CashFlowAppraisal.DiscountedPayback"/>.</summary>
    public PaybackResult DiscountedPayback() => CashFlowAppraisal.PaybackOf(DiscountedNetFlows, CashFlowPeriod.Month, discounted: true);

    /// <summary>The TEI annual view: Initial (month 0), Year 1 (months 1–12), Year 2 (13–24)…, Total and present value.</summary>
    public AnnualCashFlows Annual() => AnnualCashFlows.From(this);

    /// <summary>NPV, IRR, payback and discounted payback as figures that explain themselves, with this series as their source.</summary>
    public IReadOnlyList<ExplainedFigure> Figures() =>
    [
        Npv().ToFigure(Source),
        Irr().ToFigure(Source),
        Payback().ToFigure(Source),
        DiscountedPayback().ToFigure(Source),
    ];

    private static decimal[] CostAmounts(CostItemSpec cost, YearMonth start, int count)
    {
        var amounts = new decimal[count];
        for (var t = 0; t < count; t++) amounts[t] = cost.AmountIn(start.AddMonths(t));
        if (cost.Start < start)
        {
            var lastBefore = start.AddMonths(-1);
            if (cost.Recurrence == CostRecurrence.OneTime)
                amounts[0] += cost.Amount;
            else
            {
                var last = cost.End is { } end && end < lastBefore ? end : lastBefore;
                if (last >= cost.Start) amounts[0] += cost.Amount * (cost.Start.MonthsUntil(last) + 1);
            }
        }

        return amounts;
    }
}
