namespace CxDashboard.Core.CashFlows;

/// <summary>
/// The TEI risk adjustment of FORMULAS.md §4: the conservative reading of a line, which never makes it worth more.
/// Risk is a fraction (0.2 = 20 %), meant to lie in 0..1.
/// </summary>
public static class TeiRisk
{
    /// <summary>A benefit: a gain counts × (1 − risk), a loss (negative benefit) × (1 + risk), so a loss grows.</summary>
    public static decimal AdjustBenefit(decimal amount, decimal risk) =>
        amount >= 0m ? amount * (1m - risk) : amount * (1m + risk);

    /// <summary>
    /// A cost: × (1 + risk). A negative cost (a credit or refund) is a gain and counts × (1 − risk), so that the
    /// adjustment never raises net value.
    /// </summary>
    public static decimal AdjustCost(decimal amount, decimal risk) =>
        amount >= 0m ? amount * (1m + risk) : amount * (1m - risk);
}
