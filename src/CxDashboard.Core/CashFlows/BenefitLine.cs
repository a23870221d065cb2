using CxDashboard.Core.Value;

namespace CxDashboard.Core.CashFlows;

/// <summary>
/// One benefit line of an initiative's cash flows, as the board or a scenario prices it: money per month, indexed
/// from the initiative's start month (index 0 is the start month, the series' month 0).
/// </summary>
/// <param name="Name">What it is ("Handle-time savings, voice").</param>
/// <param name="Factor">Cost reduction, revenue growth or retention, for the ROX split.</param>
/// <param name="MonthlyAmounts">Money in month 0, 1, 2… of the initiative before risk adjustment; months past the list count 0, amounts past the horizon are left out.</param>
/// <param name="Risk">TEI risk adjustment as a fraction: a gain counts × (1 − risk), a loss × (1 + risk).</param>
public sealed record BenefitLine(string Name, ValueFactor Factor, IReadOnlyList<decimal> MonthlyAmounts, decimal Risk)
{
    /// <summary>The amount in month <paramref name="month"/> of the initiative (0 = start month) before risk; 0 outside the list.</summary>
    public decimal AmountIn(int month) => month >= 0 && month < MonthlyAmounts.Count ? MonthlyAmounts[month] : 0m;

    /// <summary>The risk-adjusted amount in month <paramref name="month"/>: gain × (1 − risk), loss × (1 + risk).</summary>
    public decimal RiskAdjustedIn(int month) => TeiRisk.AdjustBenefit(AmountIn(month), Risk);

    /// <summary>
    /// A line paying <paramref name="amount"/> every month from month <paramref name="firstMonth"/> through month
    /// <paramref name="lastMonth"/> of the initiative (0 = start month), nothing before.
    /// </summary>
    public static BenefitLine Monthly(string name, ValueFactor factor, decimal amount, int firstMonth, int lastMonth, decimal risk)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstMonth);
        var amounts = new decimal[Math.Max(lastMonth + 1, 0)];
        for (var t = firstMonth; t <= lastMonth; t++) amounts[t] = amount;
        return new BenefitLine(name, factor, amounts, risk);
    }
}
