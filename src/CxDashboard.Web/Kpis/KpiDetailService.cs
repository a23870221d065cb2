using System.Globalization;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Time;
using CxDashboard.Data.Access;
using CxDashboard.Data.Model;
using CxDashboard.Data.Queries;
using CxDashboard.Web.Access;
using CxDashboard.Web.Board;
using CxDashboard.Web.Formatting;

namespace CxDashboard.Web.Kpis;

/// <summary>
/// The KPI detail page's application service: one KPI for a month and scope, its last two years against baseline,
/// target and the year before, the month broken down by channel, partner and segment (exact roll-ups of the stored
/// sums, FORMULAS.md §5), the month's measurements, and its baselines with their history.
/// </summary>
public sealed class KpiDetailService(
    KpiQueries kpiQueries, MeasurementQueries measurements, OrganisationQueries organisation, RoxBoardService board, AccessGuard guard)
{
    /// <summary>How many months the chart shows, the selected one last.</summary>
    public const int ChartMonths = 24;

    /// <summary>The page for <paramref name="code"/>; null when no KPI has that code.</summary>
    public async Task<KpiDetailView?> GetAsync(string code, YearMonth month, KpiFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (await kpiQueries.KpiAsync(code, cancellationToken) is not { } kpi) return null;
        var definition = kpi.ToDefinition();
        var settings = await organisation.SettingsAsync(cancellationToken);
        var format = new FigureFormat(settings.Culture, settings.Currency);
        var values = new KpiValueFormat(format);
        var culture = format.Culture;
        var dimensions = await organisation.DimensionsAsync(cancellationToken);
        var readerPartner = StoreActor.Current?.PartnerId;
        var scope = ResolvedScope.Of(filter, dimensions, readerPartner);

        // Two years of months and the year before them, for the overlay: one query. Over the whole organisation they hold
        // the board's tile's two months, which the board's pricing then takes from them instead of reading them again.
        var chartFirst = month.AddMonths(1 - ChartMonths);
        var byMonth = await measurements.SumsByMonthAsync(kpi.Id, chartFirst.AddMonths(-12), month, scope.Scope, cancellationToken);
        IReadOnlyDictionary<(int KpiId, YearMonth Month), MeasurementSums> sums = byMonth.ToDictionary(kv => (kpi.Id, kv.Key), kv => kv.Value);
        double? ValueIn(YearMonth m) => byMonth.TryGetValue(m, out var s) ? KpiRollup.Combine(definition.Aggregation, s).Value : null;

        var baselines = await kpiQueries.BaselinesAsync(kpi.Id, cancellationToken);
        var scopeBaseline = scope.IsExact
            ? baselines.Where(b => b.Baseline.InitiativeId is null && b.Baseline.ChannelId == scope.ChannelId
                    && b.Baseline.PartnerId == scope.PartnerId && b.Baseline.SegmentId == scope.SegmentId)
                .OrderByDescending(b => b.Baseline.Id).FirstOrDefault()?.Baseline
            : null;
        var computed = await board.ComputeAsync(month, [kpi.Code], scope.IsNarrowed ? null : Task.FromResult(sums), cancellationToken);
        var tile = computed?.Board.Tiles is [var only] ? only : null;
        var summary = KpiRowWriter.Row(kpi, YearMonth.Range(month.AddMonths(1 - KpiTrackerService.SparklineMonths), month).ToList(),
            sums, scopeBaseline, tile, computed?.Board.Drivers ?? [], scope.IsNarrowed, values, format);

        var user = await guard.UserAsync();
        var canEdit = user.IsInRole(CxRoles.Editor);
        var canEditBaselines = canEdit && CxClaims.PartnerOf(user) is null;

        var notes = new List<string>();
        if (scope.UnknownCodes.Count > 0)
            notes.Add($"Not in this organisation, so left out of the filter: {string.Join(", ", scope.UnknownCodes)}.");
        if (scope.IsNarrowed && scopeBaseline is null)
            notes.Add("No organisation baseline is kept for exactly this scope, so the chart and status do not compare it with one.");
        if (scope.IsNarrowed && summary.Money is not null)
            notes.Add("Money is each value driver's own, over the scope of its initiative's baseline, not over this filter.");

        return new KpiDetailView(
            Info(definition, culture),
            month.ToString(),
            RoxBoardService.MonthLabel(month, culture),
            new ScopeView(scope.Label, scope.IsNarrowed, readerPartner is { } p ? dimensions.Partners.FirstOrDefault(x => x.Id == p)?.Name ?? "one partner" : null),
            summary,
            Chart(definition, chartFirst, month, ValueIn, scopeBaseline, baselines, values, settings, culture),
            Breakdown(definition, await kpiQueries.SumsByDimensionsAsync(kpi.Id, month, scope.Scope, cancellationToken), dimensions, values, culture),
            (await kpiQueries.MeasurementsAsync(kpi.Id, month, scope.Scope, cancellationToken)).Select(m => Measurement(definition, m, values, culture)).ToList(),
            baselines.Select(b => Baseline(definition, b, dimensions, values, culture)).ToList(),
            canEdit,
            canEditBaselines,
            canEditBaselines ? await ChoicesAsync(dimensions, cancellationToken) : new BaselineChoices([], [], [], [], []),
            FilterChoicesOf(dimensions),
            notes);
    }

    internal static KpiInfoView Info(KpiDefinition k, CultureInfo culture) => new(
        k.Code, k.Name, k.Definition, k.Unit, MeasurementRules.ShapeOf(k), KpiWords.Direction(k), KpiWords.Role(k.Role), KpiWords.Timing(k.Timing),
        KpiWords.Aggregation(k), k.NumeratorLabel, k.DenominatorLabel, culture);

    private static KpiChartView Chart(
        KpiDefinition kpi, YearMonth first, YearMonth last, Func<YearMonth, double?> valueIn, Baseline? baseline,
        IReadOnlyList<BaselineRecord> baselines, KpiValueFormat values, OrganisationSettings settings, CultureInfo culture)
    {
        var months = YearMonth.Range(first, last).ToList();
        // Months before the first data would only stretch the axis: the chart starts where the data does.
        var firstWithData = months.FindIndex(m => valueIn(m).HasValue || valueIn(m.AddMonths(-12)).HasValue);
        if (firstWithData > 0) months = months.Skip(firstWithData).ToList();
        var labels = months.Select(m => KpiWords.ShortMonth(m, culture)).ToList();
        var actual = months.Select(valueIn).ToList();

        var events = new List<ChartEvent>();
        foreach (var record in baselines)
            foreach (var revision in record.Revisions)
            {
                var at = YearMonth.FromKey(revision.EffectiveMonth);
                if (at < months.FirstOrDefault(last) || at > last) continue;
                var owner = record.InitiativeName is { } name ? $" ({name})" : "";
                events.Add(new ChartEvent(KpiWords.ShortMonth(at, culture), Shorten($"Re-baselined{owner}: {revision.Reason}", 60)));
            }

        var latest = actual.LastOrDefault(v => v.HasValue);
        var description = $"{kpi.Name} by month from {labels.FirstOrDefault()} to {labels.LastOrDefault()}"
            + (latest is null ? ": no data." : $", {values.Value(kpi, actual[^1])} in the last month")
            + (baseline is null ? "" : $"; baseline {values.Value(kpi, baseline.Value)}")
            + (baseline?.Target is { } t ? $"; target {values.Value(kpi, t)}" : "")
            + ". The dashed line is the same month a year earlier.";
        return new KpiChartView(
            labels,
            actual,
            months.Select(m => valueIn(m.AddMonths(-12))).ToList(),
            baseline is null ? null : new ChartLine(baseline.Value, $"Baseline {values.Value(kpi, baseline.Value)}"),
            baseline?.Target is { } target ? new ChartLine(target, $"Target {values.Value(kpi, target)}") : null,
            events,
            new ChartValueFormat(settings.Culture, kpi.Unit, settings.Currency),
            description);
    }

    private static List<BreakdownView> Breakdown(
        KpiDefinition kpi, IReadOnlyList<DimensionSums> rows, Dimensions dimensions, KpiValueFormat values, CultureInfo culture)
    {
        var volumeLabel = kpi.Aggregation == KpiAggregation.Sum ? kpi.NumeratorLabel : kpi.DenominatorLabel ?? "Weight";
        BreakdownView Along(string dimension, Func<DimensionSums, int?> key, Func<int, string?> name, string notAlong)
        {
            var groups = rows.GroupBy(key)
                .Select(g => (Key: g.Key, Aggregate: KpiRollup.Combine(kpi.Aggregation, g.Aggregate(MeasurementSums.Empty, (a, r) => a.Add(r.Sums)))))
                .ToList();
            var total = groups.Sum(g => g.Aggregate.Volume);
            return new BreakdownView(dimension, volumeLabel, groups
                .OrderByDescending(g => g.Aggregate.Volume)
                .Select(g =>
                {
                    var share = total > 0 ? g.Aggregate.Volume / total : 0;
                    return new BreakdownRow(
                        g.Key is { } id ? name(id) ?? "(not visible to you)" : notAlong,
                        values.Value(kpi, g.Aggregate.Value),
                        g.Aggregate.Volume.ToString("N0", culture),
                        share,
                        share.ToString("P1", culture));
                }).ToList());
        }

        return
        [
            Along("Channel", r => r.ChannelId, id => dimensions.Channels.FirstOrDefault(c => c.Id == id)?.Name, "Not by channel"),
            Along("Partner", r => r.PartnerId, id => dimensions.Partners.FirstOrDefault(c => c.Id == id)?.Name, "Not by partner"),
            Along("Segment", r => r.SegmentId, id => dimensions.Segments.FirstOrDefault(c => c.Id == id)?.Name, "Not by segment"),
        ];
    }

    private static MeasurementView Measurement(KpiDefinition kpi, StoredMeasurement m, KpiValueFormat values, CultureInfo culture)
    {
        static string Number(double? x, CultureInfo c) => x is { } v ? v.ToString("#,##0.####", c) : "";
        return new MeasurementView(
            m.Id, m.Version, m.Channel ?? "—", m.Partner ?? "—", m.Segment ?? "—",
            values.Value(kpi, m.Value), Number(m.Numerator, culture), Number(m.Denominator, culture), Number(m.Weight, culture), m.Note,
            m.ImportId is { } import
                ? m.ImportFileName is { } file ? string.Create(CultureInfo.InvariantCulture, $"Import #{import} ({file})") : string.Create(CultureInfo.InvariantCulture, $"Import #{import}")
                : "Entered by hand or seeded",
            new MeasurementFields(m.Value, m.Numerator, m.Denominator, m.Weight, m.Note));
    }

    internal static BaselineView Baseline(KpiDefinition kpi, BaselineRecord record, Dimensions dimensions, KpiValueFormat values, CultureInfo culture)
    {
        var b = record.Baseline;
        string Period(int start, int end) =>
            $"{KpiWords.ShortMonth(YearMonth.FromKey(start), culture)} – {KpiWords.ShortMonth(YearMonth.FromKey(end), culture)}";
        var scope = string.Join(" · ",
            b.Channel?.Name ?? "all channels",
            b.Partner?.Name ?? (b.PartnerId is null ? "all partners" : "one partner"),
            b.Segment?.Name ?? "all segments");
        return new BaselineView(
            b.Id, b.Version,
            record.InitiativeName ?? "Organisation",
            b.InitiativeId is null,
            char.ToUpperInvariant(scope[0]) + scope[1..],
            values.Value(kpi, b.Value),
            Period(b.PeriodStart, b.PeriodEnd),
            b.Target is { } target
                ? b.TargetMonth is { } by ? $"{values.Value(kpi, target)} by {KpiWords.ShortMonth(YearMonth.FromKey(by), culture)}" : values.Value(kpi, target)
                : "not set",
            b.Note,
            record.Revisions.Select(r => new RevisionView(
                r.AtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC",
                r.UserName,
                KpiWords.ShortMonth(YearMonth.FromKey(r.EffectiveMonth), culture),
                $"{values.Value(kpi, r.OldValue)} → {values.Value(kpi, r.NewValue)}"
                    + (r.OldPeriodStart == r.NewPeriodStart && r.OldPeriodEnd == r.NewPeriodEnd ? ""
                        : $"; measured {Period(r.OldPeriodStart, r.OldPeriodEnd)} → {Period(r.NewPeriodStart, r.NewPeriodEnd)}"),
                r.Reason)).ToList(),
            new BaselineNumbers(b.Value, b.PeriodStart, b.PeriodEnd, b.Target, b.TargetMonth));
    }

    private async Task<BaselineChoices> ChoicesAsync(Dimensions dimensions, CancellationToken cancellationToken) => new(
        await kpiQueries.InitiativeNamesAsync(cancellationToken),
        dimensions.Channels.Select(c => (c.Id, c.Name)).ToList(),
        dimensions.Partners.Select(c => (c.Id, c.Name)).ToList(),
        dimensions.Segments.Select(c => (c.Id, c.Name)).ToList(),
        (await measurements.MonthsWithDataAsync(cancellationToken)).Select(m => m.ToString()).ToList());

    /// <summary>The dimensions a reader may filter by, by code.</summary>
    internal static FilterChoices FilterChoicesOf(Dimensions dimensions) => new(
        dimensions.Channels.Select(c => new FilterChoice(c.Code, c.Name)).ToList(),
        dimensions.Partners.Select(c => new FilterChoice(c.Code, c.Name)).ToList(),
        dimensions.Segments.Select(c => new FilterChoice(c.Code, c.Name)).ToList());

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";
}
