namespace CxDashboard.Core.CashFlows;

/// <summary>Discounting of monthly cash flows at an annual rate (FORMULAS.md §3).</summary>
public static class Discounting
{
    /// <summary>The monthly rate equal to annual rate r: (1 + r)^(1/12) − 1.</summary>
    public static double MonthlyRate(double annualRate) => Math.Pow(1 + annualRate, 1.0 / 12) - 1;

    /// <summary>
    /// NPV = Σ CFₜ ÷ (1 + rₘ)^t over monthly flows, t in months from 0 (CF₀ undiscounted), with rₘ the monthly
    /// rate equal to <paramref name="annualRate"/>. An empty series has NPV 0. The annual rate must be above −100 %.
    /// </summary>
    public static decimal Npv(IReadOnlyList<decimal> monthlyFlows, decimal annualRate)
    {
        ArgumentNullException.ThrowIfNull(monthlyFlows);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(annualRate, -1m);
        var factors = DiscountFactors(MonthlyRateOf(annualRate), monthlyFlows.Count);
        decimal npv = 0;
        for (var t = 0; t < monthlyFlows.Count; t++)
            npv += monthlyFlows[t] * factors[t];
        return npv;
    }

    /// <summary>
    /// TEI-style annual NPV: Initial + Σₖ Yearₖ ÷ (1 + r)^k for k = 1..N, where <paramref name="annualFlows"/> holds
    /// Initial (undiscounted) then Year 1..N. This is what a spreadsheet gives for =Initial + NPV(r, Year1..YearN).
    /// An empty series has NPV 0. The annual rate must be above −100 %.
    /// </summary>
    public static decimal AnnualNpv(IReadOnlyList<decimal> annualFlows, decimal annualRate)
    {
        ArgumentNullException.ThrowIfNull(annualFlows);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(annualRate, -1m);
        var factors = DiscountFactors(annualRate, annualFlows.Count);
        decimal npv = 0;
        for (var k = 0; k < annualFlows.Count; k++)
            npv += annualFlows[k] * factors[k];
        return npv;
    }

    /// <summary>
    /// The discount factors 1 ÷ (1 + r)^t for t = 0..<paramref name="count"/> − 1 at the rate per period r, the
    /// first being 1. Computed by repeated decimal multiplication so that long series keep their precision. The rate
    /// must be above −100 %; a factor too large for a decimal (a rate close to −100 % over many periods) throws
    /// <see cref="OverflowException"/>.
    /// </summary>
    public static IReadOnlyList<decimal> DiscountFactors(decimal ratePerPeriod, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ratePerPeriod, -1m);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var factors = new decimal[count];
        var perPeriod = 1m / (1m + ratePerPeriod);
        var factor = 1m;
        for (var t = 0; t < count; t++)
        {
            factors[t] = factor;
            if (t + 1 < count) factor *= perPeriod;
        }

        return factors;
    }

    /// <summary>The monthly rate equal to an annual rate, as a decimal for <see cref="DiscountFactors"/>.</summary>
    internal static decimal MonthlyRateOf(decimal annualRate) => annualRate == 0m ? 0m : (decimal)MonthlyRate((double)annualRate);
}
