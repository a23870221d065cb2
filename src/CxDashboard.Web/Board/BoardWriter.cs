using CxDashboard.Core.Board;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Money;
using CxDashboard.Web.Formatting;

namespace CxDashboard.Web.Board;

/// <summary>Writes a computed <see cref="RoxBoard"/> as the <see cref="BoardView"/> the page shows.</summary>
internal sealed class BoardWriter(FigureFormat format)
{
    private readonly KpiValueFormat _kpiFormat = new(format);

    public BoardView Write(string organisationName, RoxBoard board, string monthLabel)
    {
        var culture = format.Culture;
        var period = board.Initiatives.Any(i => i.Started)
            ? $"{RoxBoardService.MonthLabel(board.PeriodStart, culture)} – {monthLabel}, risk-adjusted"
            : $"no initiative had started by {monthLabel}";
        var h = board.Headline;
        var headline = new List<FigureView>
        {
            Figure("rox", h.Rox, "Return on experience", ToneOf(h.Rox.Value, 100m)),
            Figure("roi", h.Roi, "Return on investment, classic", ToneOf(h.Roi.Value, 0m)),
            Figure("multiple", h.ValueMultiple, "Value returned per unit invested", ToneOf(h.ValueMultiple.Value, 1m)),
            Figure("net", h.NetValue, "Benefits less costs to date", ToneOf(h.NetValue.Value, 0m)),
        };
        if (board.Npv is { } npv)
            headline.Add(Figure("npv", npv, $"Net cash flows to date discounted to {RoxBoardService.MonthLabel(board.PeriodStart, culture)}", ToneOf(npv.Value, 0m)));
        if (board.Payback is { } payback)
            headline.Add(payback.Value is null
                ? Figure("payback", payback with { NotApplicableReason = $"Cumulative net cash flow had not covered the costs by {monthLabel}." }, "Not yet paid back", FigureTone.Negative) with { Value = "not yet" }
                : Figure("payback", payback, $"From {RoxBoardService.MonthLabel(board.PeriodStart, culture)} until benefits covered costs", FigureTone.Positive));

        var m = board.MonthHeadline;
        var thisMonth = new List<FigureView>
        {
            Figure("month-net", m.NetValue with { Name = "Net value" }, "Benefits less costs in the month", ToneOf(m.NetValue.Value, 0m)),
            Figure("month-rox", m.Rox, "Return on experience in the month", ToneOf(m.Rox.Value, 100m)),
        };

        var chart = new FactorChartView(
            board.Series.Select(s => new DateOnly(s.Month.Year, s.Month.Month, 1).ToString("MMM yyyy", culture)).ToList(),
            board.Series.Select(s => (double)Math.Round(s.CostReduction)).ToList(),
            board.Series.Select(s => (double)Math.Round(s.RevenueGrowth)).ToList(),
            board.Series.Select(s => (double)Math.Round(s.Retention)).ToList(),
            board.Series.Select(s => (double)Math.Round(s.Investment)).ToList(),
            culture.Name,
            format.CurrencyCode);

        var tiles = board.Tiles.Select(Tile).ToList();
        var initiatives = board.Initiatives.Select(i => i.Started
            ? new InitiativeRowView(
                i.Name,
                $"since {RoxBoardService.MonthLabel(i.Start, culture)}",
                format.Format(i.Gains, FigureUnit.Money),
                format.Format(i.Investment, FigureUnit.Money),
                i.Rox.Value is { } r ? format.Format(r, FigureUnit.Percent) : "n/a",
                ToneOf(i.Rox.Value, 100m))
            : new InitiativeRowView(i.Name, $"starts {RoxBoardService.MonthLabel(i.Start, culture)}", "—", "—", "—", FigureTone.Neutral)).ToList();

        var first = board.Initiatives.OrderBy(i => i.Start).FirstOrDefault();
        var notStarted = board.Initiatives.Any(i => i.Started) ? null
            : first is null ? $"There are no CX initiatives yet, so there is no return to show for {monthLabel}. The KPIs below show where the organisation stands."
            : $"No CX initiative had started by {monthLabel}, so there is no return to show yet: the first, {first.Name}, starts in {RoxBoardService.MonthLabel(first.Start, culture)}. The KPIs below show where the organisation stood before it.";
        var evidence = board.Evidence is { } e
            ? new EvidenceView(Money(e.Measured), Money(e.Modelled), Money(e.Assumed), Money(e.Hard), Money(e.Soft))
            : null;
        var overlaps = (board.Overlaps ?? [])
            .Where(o => o.ClaimedTwice != 0)
            .Select(o => $"{o.First} and {o.Second}: {o.Reason}. {Money(o.ClaimedTwice)} claimed by both to date is counted once.")
            .ToList();
        return new BoardView(organisationName, board.Month.ToString(), monthLabel, true, period, headline, thisMonth, chart, tiles, initiatives, notStarted, evidence, overlaps)
        {
            Experiments = Experiments.BoardExperimentsView.Write(board.Experiments, format),
        };
    }

    private string Money(decimal value) => format.Format(value, FigureUnit.Money);

    private FigureView Figure(string key, ExplainedFigure f, string caption, FigureTone tone) => FigureView.Of(format, key, f, caption, tone);

    private KpiTileView Tile(KpiTile t)
    {
        var k = t.Kpi;
        var statusText = Kpis.KpiWords.Status(t.Standing.Status, t.Actual is not null, narrowedScope: false);
        return new KpiTileView(
            k.Code,
            k.Name,
            _kpiFormat.Value(k, t.Actual),
            t.Baseline is null ? "not set" : _kpiFormat.Value(k, t.Baseline),
            t.Target is null ? "not set" : _kpiFormat.Value(k, t.Target),
            _kpiFormat.Delta(k, t.Standing.Delta, t.Actual),
            _kpiFormat.Delta(k, t.ChangeFromPrevious, t.Actual),
            t.Standing.Status,
            statusText,
            t.MoneyThisMonth is { } money ? format.Format(money, FigureUnit.Money) : null,
            t.Drivers,
            (t.DriverExplanations ?? []).Select(e => Figure("driver", e, "", ToneOf(e.Value, 0m))).ToList(),
            t.NotValueLinked,
            t.AwaitingStart ? "No value yet: the initiative that prices it has not started"
                : t.MissingThisMonth is not null ? $"Not computed this month: missing {t.MissingThisMonth}"
                : t.SharesChangeWith is { Count: > 0 } shared ? $"Claims the same change as {string.Join(" and ", shared)}: counted once in the totals"
                : null,
            k.Role,
            k.Timing,
            k.HigherIsBetter ? "Higher is better" : "Lower is better");
    }

    private static FigureTone ToneOf(decimal? value, decimal breakEven) =>
        value is not { } v ? FigureTone.Neutral : v > breakEven ? FigureTone.Positive : v < breakEven ? FigureTone.Negative : FigureTone.Neutral;
}
