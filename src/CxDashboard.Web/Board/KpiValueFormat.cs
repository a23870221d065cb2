using CxDashboard.Core.Kpis;
using CxDashboard.Core.Money;

namespace CxDashboard.Web.Board;

/// <summary>Writes KPI values and their changes in the KPI's unit for one organisation's culture.</summary>
public sealed class KpiValueFormat(FigureFormat format)
{
    /// <summary>The value in its unit: "$5.84", "71.3%", "412 s", "21.4", "1,204".</summary>
    public string Value(KpiDefinition kpi, double? value)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        if (value is not { } v) return "no data";
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
        if (delta is not { } d) return "";
        var c = format.Culture;
        var a = Math.Abs(d);
        var text = kpi.Unit switch
        {
            KpiUnit.Money => ((decimal)a).ToString(a >= 100 ? "C0" : "C2", c),
            KpiUnit.Rate => (a * 100).ToString((reference is { } r ? Math.Abs(r) < 0.05 : a < 0.01) ? "N2" : "N1", c) + " pp",
            KpiUnit.Seconds => a.ToString("N0", c) + " s",
            KpiUnit.Score => a.ToString("N1", c),
            KpiUnit.Count => a.ToString("N0", c),
            KpiUnit.Weeks => a.ToString("N1", c) + " wk",
            _ => a.ToString("N2", c),
        };
        // The sign follows what is written: a change that rounds to zero is "±0.0", never "−0.0".
        var roundsToZero = text.All(ch => !char.IsDigit(ch) || ch == '0');
        var sign = roundsToZero ? "±" : d > 0 ? "+" : "−";
        return sign + text;
    }
}
