using System.Globalization;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;

namespace CxDashboard.Web.Kpis;

/// <summary>The words the KPI pages use for a KPI's kind and standing, the same on the tracker and the detail page.</summary>
public static class KpiWords
{
    /// <summary>What a status means, in words, on the board, the KPI pages and the exports alike: the colour is never the only sign.</summary>
    public static string Status(KpiStatus status, bool hasActual, bool narrowedScope) => status switch
    {
        KpiStatus.TargetMet => "Target met",
        KpiStatus.Improving => "Better than baseline, short of target",
        KpiStatus.NotImproved => "No better than baseline",
        _ when !hasActual => "No data this month",
        _ when narrowedScope => "No baseline for this scope",
        _ => "No baseline set",
    };

    /// <summary>"Directional", "Magnitude" or "Forensic".</summary>
    public static string Role(KpiRole role) => role.ToString();

    /// <summary>"Leading" or "Lagging".</summary>
    public static string Timing(KpiTiming timing) => timing.ToString();

    /// <summary>"Higher is better" or "Lower is better".</summary>
    public static string Direction(KpiDefinition kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return kpi.HigherIsBetter ? "Higher is better" : "Lower is better";
    }

    /// <summary>How the KPI rolls up across channels, partners and segments (FORMULAS.md §5), in its own labels.</summary>
    public static string Aggregation(KpiDefinition kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        var weight = kpi.DenominatorLabel?.ToLowerInvariant() ?? "weight";
        return kpi.Aggregation switch
        {
            KpiAggregation.Ratio => $"Σ {kpi.NumeratorLabel.ToLowerInvariant()} ÷ Σ {weight}, never an average of rates",
            KpiAggregation.NetScore => $"100 × Σ ({kpi.NumeratorLabel.ToLowerInvariant()}) ÷ Σ {weight}, from pooled responses",
            KpiAggregation.WeightedMean => $"mean weighted by {weight}",
            _ => "sum",
        };
    }

    /// <summary>"Oct 2026": a short month for chart axes and sparklines.</summary>
    public static string ShortMonth(YearMonth month, CultureInfo culture) =>
        new DateOnly(month.Year, month.Month, 1).ToString("MMM yyyy", culture);
}
