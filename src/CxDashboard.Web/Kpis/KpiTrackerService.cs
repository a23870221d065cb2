using System.Globalization;
using CxDashboard.Core.Board;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Money;
using CxDashboard.Core.Time;
using CxDashboard.Data.Access;
using CxDashboard.Data.Model;
using CxDashboard.Data.Queries;
using CxDashboard.Web.Board;
using CxDashboard.Web.Formatting;

namespace CxDashboard.Web.Kpis;

/// <summary>
/// The KPI tracker's application service: every KPI for a month and scope against its baseline and target, with
/// the last 12 months and the money its drivers make. Sums come from the store in one query over the 12 months;
/// Core rolls them up (FORMULAS.md §5) and judges the standing; the board's computation prices the drivers, so a
/// KPI's money here is the board's to the cent.
/// </summary>
public sealed class KpiTrackerService(KpiQueries kpiQueries, OrganisationQueries organisation, RoxBoardService board)
{
    /// <summary>How many months the sparklines show, the selected one last.</summary>
    public const int SparklineMonths = 12;

    /// <summary>The tracker for <paramref name="month"/> over <paramref name="filter"/>.</summary>
    public async Task<KpiTrackerView> GetAsync(YearMonth month, KpiFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var settings = await organisation.SettingsAsync(cancellationToken);
        var format = new FigureFormat(settings.Culture, settings.Currency);
        var values = new KpiValueFormat(format);
        var dimensions = await organisation.DimensionsAsync(cancellationToken);
        var readerPartner = StoreActor.Current?.PartnerId;
        var scope = ResolvedScope.Of(filter, dimensions, readerPartner);
        var kpis = await organisation.KpisAsync(cancellationToken);

        var first = month.AddMonths(1 - SparklineMonths);
        // The two large reads, the 12 months of sums and the board's pricing of every KPI's drivers (which the tracker
        // takes each KPI's money from), read the store on a connection each and run side by side: on a store of a
        // million measurements each takes tens of milliseconds, and SQLite answers on the calling thread. Over the whole
        // organisation the 12 months hold the board's tiles' two months, so the board takes them from this read.
        var kpiIds = kpis.Select(k => k.Id).ToList();
        var sumsRead = Task.Run(() => kpiQueries.SumsByKpiAndMonthAsync(first, month, scope.Scope, kpiIds, cancellationToken), cancellationToken);
        var boardRead = Task.Run(() => board.ComputeAsync(
            month, kpis.Select(k => k.Code).ToList(), scope.IsNarrowed ? null : sumsRead, cancellationToken), cancellationToken);
        var baselines = !scope.IsExact ? new Dictionary<int, Baseline>()
            : scope.IsNarrowed ? await kpiQueries.OrganisationBaselinesAsync(scope.ChannelId, scope.PartnerId, scope.SegmentId, cancellationToken)
            : await organisation.OrganisationBaselinesAsync(cancellationToken);
        await Task.WhenAll(sumsRead, boardRead);
        var sums = await sumsRead;
        var computed = await boardRead;
        var tiles = computed?.Board.Tiles.ToDictionary(t => t.Kpi.Code, StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, KpiTile>(StringComparer.OrdinalIgnoreCase);
        var drivers = computed?.Board.Drivers ?? [];

        var months = YearMonth.Range(first, month).ToList();
        var rows = kpis.Select(kpi => KpiRowWriter.Row(kpi, months, sums, baselines.GetValueOrDefault(kpi.Id), tiles.GetValueOrDefault(kpi.Code), drivers, scope.IsNarrowed, values, format)).ToList();
        var hasData = sums.Keys.Any(k => k.Month == month);

        var notes = new List<string>();
        if (scope.UnknownCodes.Count > 0)
            notes.Add($"Not in this organisation, so left out of the filter: {string.Join(", ", scope.UnknownCodes)}. Pick channels, partners and segments from the lists.");
        if (scope.IsNarrowed && baselines.Count == 0)
            notes.Add(scope.IsExact
                ? "No organisation baseline is kept for exactly this scope, so the figures are not compared with a baseline: comparing them with the whole organisation's would compare unlike things."
                : "Several channels, partners or segments are selected together; baselines are kept for one of each at most, so the figures are not compared with a baseline.");
        if (scope.IsNarrowed && rows.Any(r => r.Money is not null))
            notes.Add("Money is each value driver's own, over the channels, partners and segments its initiative's baseline covers, not over this filter.");

        return new KpiTrackerView(
            month.ToString(),
            RoxBoardService.MonthLabel(month, format.Culture),
            hasData,
            new ScopeView(scope.Label, scope.IsNarrowed, readerPartner is { } p ? dimensions.Partners.FirstOrDefault(x => x.Id == p)?.Name ?? "one partner" : null),
            rows,
            KpiDetailService.FilterChoicesOf(dimensions),
            ExportLinks(month, filter, scope),
            (KpiWords.ShortMonth(first, format.Culture), KpiWords.ShortMonth(month, format.Culture)),
            notes,
            Query(month, month, filter, scope));
    }

    /// <summary>
    /// The measurements export for what the tracker shows: the month, or the sparklines' 12 months, over the filter's
    /// codes. The export applies the reader's partner scope itself.
    /// </summary>
    private static List<ExportLink> ExportLinks(YearMonth month, KpiFilter filter, ResolvedScope scope)
    {
        var twelve = month.AddMonths(1 - SparklineMonths);
        return
        [
            new ExportLink("This month as CSV", "export/measurements.csv?" + Query(month, month, filter, scope, range: true)),
            new ExportLink("This month as Excel (.xlsx)", "export/measurements.xlsx?" + Query(month, month, filter, scope, range: true)),
            new ExportLink("Last 12 months as CSV", "export/measurements.csv?" + Query(twelve, month, filter, scope, range: true)),
            new ExportLink("Last 12 months as Excel (.xlsx)", "export/measurements.xlsx?" + Query(twelve, month, filter, scope, range: true)),
        ];
    }

    /// <summary>
    /// An address's query for the months and the filter's codes, comma-separated when several: "from=…&amp;to=…" for
    /// the export, "month=…" for a KPI's page. Codes the organisation does not have are left out.
    /// </summary>
    private static string Query(YearMonth from, YearMonth to, KpiFilter filter, ResolvedScope scope, bool range = false)
    {
        var unknown = new HashSet<string>(scope.UnknownCodes, StringComparer.OrdinalIgnoreCase);
        var parts = range ? new List<string> { $"from={from}", $"to={to}" } : [$"month={to}"];
        void Add(string name, IReadOnlyList<string> codes)
        {
            var kept = codes.Where(c => !unknown.Contains(c)).Select(Uri.EscapeDataString).ToList();
            if (kept.Count > 0) parts.Add(name + "=" + string.Join(",", kept));
        }

        Add("channel", filter.Channels);
        Add("partner", filter.Partners);
        Add("segment", filter.Segments);
        return string.Join("&", parts);
    }
}
