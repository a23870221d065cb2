using CxDashboard.Core.Kpis;
using CxDashboard.Core.Value;

namespace CxDashboard.Core.Experiments;

/// <summary>How a holdout experiment's money enters ROX: which value factor it is, and whether it counts at all.</summary>
public static class HoldoutValue
{
    /// <summary>
    /// The value factor of an experiment on <paramref name="kpiCode"/>: retention for a retention or churn test (customers
    /// kept), revenue growth for any other share of customers (conversion, an upgrade or offer accepted). KPI codes
    /// compare without regard to case.
    /// </summary>
    public static ValueFactor FactorOf(string kpiCode) =>
        string.Equals(kpiCode, KpiCatalog.Retention, StringComparison.OrdinalIgnoreCase)
        || string.Equals(kpiCode, KpiCatalog.Churn, StringComparison.OrdinalIgnoreCase)
            ? ValueFactor.Retention
            : ValueFactor.RevenueGrowth;

    /// <summary>
    /// True when an experiment's money belongs in ROX: its lift is significant at 5 % (two-sided p &lt; 0.05), or an
    /// editor included it deliberately while it is not; and its money could be computed at all.
    /// </summary>
    /// <param name="result">The experiment's analysis.</param>
    /// <param name="includeInRox">The editor's deliberate choice to count it while not significant.</param>
    public static bool Counts(HoldoutResult result, bool includeInRox)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Money.Value is not null && (result.IsSignificant || includeInRox);
    }
}
