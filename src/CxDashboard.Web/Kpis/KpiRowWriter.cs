using System.Globalization;
using CxDashboard.Core.Board;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Money;
using CxDashboard.Core.Time;
using CxDashboard.Data.Model;
using CxDashboard.Web.Board;
using CxDashboard.Web.Formatting;

namespace CxDashboard.Web.Kpis;

/// <summary>
/// Writes one KPI's standing for a month from its monthly sums, baseline and board tile: the tracker's row, and the
/// summary at the top of the KPI's own page, so that both read the same.
/// </summary>
internal static class KpiRowWriter
{
    /// <summary>
    /// The KPI's row: <paramref name="months"/> are the sparkline's, the selected month last; the standing is Core's
    /// (FORMULAS.md §5) against <paramref name="baseline"/>; the money is the board tile's, the drivers the board's.
    /// </summary>
    public static KpiTrackerRow Row(
        Kpi kpi, IReadOnlyList<YearMonth> months, IReadOnlyDictionary<(int KpiId, YearMonth Month), MeasurementSums> sums,
        Baseline? baseline, KpiTile? tile, IEnumerable<DriverValue> drivers, bool narrowedScope, KpiValueFormat values, FigureFormat format)
    {
        var definition = kpi.ToDefinition();
        double? ValueIn(YearMonth m) =>
            sums.TryGetValue((kpi.Id, m), out var s) ? KpiRollup.Combine(definition.Aggregation, s).Value : null;
        var series = months.Select(ValueIn).ToList();
        var actual = series[^1];
        var previous = series.Count > 1 ? series[^2] : null;
        var standing = KpiStandingCalculator.Evaluate(definition.Direction, baseline?.Value, baseline?.Target, actual);
        var sign = definition.HigherIsBetter ? 1.0 : -1.0;
        var change = actual - previous;
        var linked = drivers.Where(d => string.Equals(d.KpiCode, kpi.Code, StringComparison.OrdinalIgnoreCase))
            .Select(d => new DriverView(d.Name, d.Initiative, d.ScopeLabel,
                d.ThisMonth is { } own ? format.Format(own, FigureUnit.Money) : d.Missing is { } missing ? $"none: {missing}" : "none this month"))
            .ToList();
        var money = tile?.MoneyThisMonth;

        return new KpiTrackerRow(
            kpi.Code,
            kpi.Name,
            kpi.Definition,
            values.Value(definition, actual),
            actual,
            baseline is null ? (narrowedScope ? "no baseline for this scope" : "not set") : values.Value(definition, baseline.Value),
            baseline?.Value,
            baseline?.Target is { } target ? values.Value(definition, target) : "not set",
            baseline?.Target,
            values.Delta(definition, standing.Delta, actual),
            standing.Improvement,
            values.Delta(definition, change, actual),
            change * sign,
            standing.Status,
            KpiWords.Status(standing.Status, actual.HasValue, narrowedScope),
            series,
            SparklineText(definition, months, series, values, format.Culture),
            KpiWords.Role(definition.Role),
            KpiWords.Timing(definition.Timing),
            definition.HigherIsBetter,
            money is { } m ? format.Format(m, FigureUnit.Money) : null,
            money,
            linked,
            DriverNote(tile),
            linked.Count == 0 && definition.Role == KpiRole.Directional);
    }

    private static string? DriverNote(KpiTile? tile) =>
        tile is null ? null
        : tile.AwaitingStart ? "No value yet: the initiative that prices it has not started"
        : tile.MissingThisMonth is not null ? $"Not computed this month: missing {tile.MissingThisMonth}"
        : tile.SharesChangeWith is { Count: > 0 } shared ? $"Claims the same change as {string.Join(" and ", shared)}: counted once in the totals"
        : null;

    internal static string SparklineText(
        KpiDefinition kpi, IReadOnlyList<YearMonth> months, IReadOnlyList<double?> series, KpiValueFormat values, CultureInfo culture)
    {
        var known = months.Zip(series).Where(p => p.Second.HasValue).ToList();
        if (known.Count == 0) return "No data in the last 12 months";
        var (firstMonth, firstValue) = known[0];
        var (lastMonth, lastValue) = known[^1];
        return known.Count == 1
            ? $"{values.Value(kpi, lastValue)} in {KpiWords.ShortMonth(lastMonth, culture)}, the only month with data of the last 12"
            : $"From {values.Value(kpi, firstValue)} in {KpiWords.ShortMonth(firstMonth, culture)} to {values.Value(kpi, lastValue)} in {KpiWords.ShortMonth(lastMonth, culture)}";
    }
}
