namespace CxDashboard.Core.Scenarios;

/// <summary>
/// Undiscounted payback of a monthly net series (FORMULAS.md §3). Kept small and internal here until the cash-flow
/// engine's own payback exists; the projection should then use that one.
/// </summary>
internal static class ScenarioPayback
{
    /// <summary>
    /// Months until cumulative net cash flow first reaches 0: with Cₜ the cumulative net after month t (t from 0),
    /// the first t with Cₜ ≥ 0 gives t − 1 + (−Cₜ₋₁ ÷ CFₜ), interpolated inside month t; 0 when C₀ ≥ 0. Null when
    /// the cumulative stays below 0 through the last month.
    /// </summary>
    public static decimal? Months(IReadOnlyList<decimal> netFlows)
    {
        decimal cumulative = 0;
        for (var t = 0; t < netFlows.Count; t++)
        {
            var before = cumulative;
            cumulative += netFlows[t];
            if (cumulative < 0) continue;
            // Cₜ₋₁ < 0 ≤ Cₜ makes CFₜ > 0, so the division is safe.
            return t == 0 ? 0m : t - 1 + (-before / netFlows[t]);
        }

        return null;
    }
}
