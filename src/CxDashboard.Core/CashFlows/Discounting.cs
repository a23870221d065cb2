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
        var monthly = MonthlyRate((double)annualRate);
        decimal npv = 0;
        for (var t = 0; t < monthlyFlows.Count; t++)
            npv += monthlyFlows[t] / (decimal)Math.Pow(1 + monthly, t);
        return npv;
    }
}
