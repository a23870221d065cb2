using System.Globalization;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Money;
using CxDashboard.Web.Formatting;

namespace CxDashboard.Web.Board;

/// <summary>Writes KPI values and their changes in the KPI's unit for one organisation's culture.</summary>
public sealed class KpiValueFormat(FigureFormat format)
{
    /// <summary>The value in its unit: "$5.84", "71.3%", "412 s", "21.4", "1,204".</summary>
    public string Value(KpiDefinition kpi, double? value)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        if (value is not { } v) return "no data";
        if (!double.IsFinite(v)) return "n/a";
        var c = format.Culture;
        return kpi.Unit switch
        {
            KpiUnit.Money => ((decimal)v).ToString(Math.Abs(v) >= 100 ? "C0" : "C2", c),
            KpiUnit.Rate => v.ToString(Math.Abs(v) < 0.05 ? "P2" : "P1", c),
            KpiUnit.Seconds => v.ToString("N0", c) + " s",
            KpiUnit.Score => v.ToString("N1", c),
            KpiUnit.Count => v.ToString("N0", c),
            KpiUnit.Weeks => v.ToString("N1", c) + " wk",
            _ => v.ToString("N2", c),
        };
    }

    /// <summary>
    /// A change in the KPI's unit with its sign: "−28 s", "+4.1 pp", "−$0.85"; empty when unknown. Rate changes
    /// take the precision of the value they change (<paramref name="reference"/>): churn of 1.49 % moves by
    /// "−0.13 pp", FCR of 71.9 % by "+2.0 pp".
    /// </summary>
    public string Delta(KpiDefinition kpi, double? delta, double? reference = null)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        if (delta is not { } d || !double.IsFinite(d)) return "";
        var a = Math.Abs(d);
        var (scale, decimals, suffix) = kpi.Unit switch
        {
            KpiUnit.Money => (1.0, a >= 100 ? 0 : 2, ""),
            KpiUnit.Rate => (100.0, (reference is { } r ? Math.Abs(r) < 0.05 : a < 0.01) ? 2 : 1, " pp"),
            KpiUnit.Seconds => (1.0, 0, " s"),
            KpiUnit.Score => (1.0, 1, ""),
            KpiUnit.Count => (1.0, 0, ""),
            KpiUnit.Weeks => (1.0, 1, " wk"),
            _ => (1.0, 2, ""),
        };
        // A real change too small for the usual precision gets more digits rather than reading "±0.0"
        // next to a status that says it moved; only a change that is zero to 4 decimals reads as zero.
        while (decimals < 4 && Math.Round(a * scale, decimals) == 0 && Math.Round(a * scale, 4) != 0) decimals++;
        var c = format.Culture;
        var number = kpi.Unit == KpiUnit.Money
            ? ((decimal)a).ToString("C" + decimals.ToString(CultureInfo.InvariantCulture), c)
            : (a * scale).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), c) + suffix;
        var sign = Math.Round(a * scale, decimals) == 0 ? "±" : d > 0 ? "+" : "−";
        return sign + number;
    }
}
