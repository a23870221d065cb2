using CxDashboard.Core.Board;
using CxDashboard.Core.Kpis;
using CxDashboard.Core.Money;
using CxDashboard.Core.Time;
using CxDashboard.Data.Access;
using CxDashboard.Data.Queries;
using CxDashboard.Web.Board;

namespace CxDashboard.Web.Exports;

/// <summary>What became of a request for the board's figures.</summary>
public abstract record BoardFiguresResult
{
    /// <summary>The figures.</summary>
    public sealed record Found(BoardFigures Figures) : BoardFiguresResult;

    /// <summary>The month has no data; <paramref name="Problem"/> says which months do.</summary>
    public sealed record NoData(string Problem) : BoardFiguresResult;
}

/// <summary>
/// The board's figures as numbers, for the board export and the API: computed by <see cref="RoxBoardService"/> exactly
/// as the page's are (this class only rounds money to cents and picks units), for the current actor, so a partner
/// user's or key's figures cover their partner only.
/// </summary>
public sealed class BoardExport(RoxBoardService board, OrganisationQueries organisation, TimeProvider time)
{
    /// <summary>The figures for <paramref name="month"/>, or for the latest month with data when it is null.</summary>
    public async Task<BoardFiguresResult> FiguresAsync(YearMonth? month, string generatedBy, CancellationToken cancellationToken = default)
    {
        var months = await board.MonthsAsync(cancellationToken);
        if (months.Count == 0)
            return new BoardFiguresResult.NoData("The store holds no KPI data yet: load a month of measurements first.");
        var wanted = month ?? months[^1];
        if (await board.ComputeAsync(wanted, RoxBoardService.TileKpis, cancellationToken) is not { } computed)
            return new BoardFiguresResult.NoData($"There is no data for {wanted}: the months with data run from {months[0]} to {months[^1]}.");

        var currency = computed.Format.CurrencyCode;
        return new BoardFiguresResult.Found(Write(computed, await PartnerScopeAsync(cancellationToken), currency, generatedBy));
    }

    private BoardFigures Write(ComputedBoard computed, string? partnerScope, string currency, string generatedBy)
    {
        var b = computed.Board;
        var started = b.Initiatives.Any(i => i.Started);
        var period = started
            ? $"{b.PeriodStart} to {b.Month}, risk-adjusted"
            : $"no initiative had started by {b.Month}";
        var headline = new List<HeadlineFigure>
        {
            Headline("rox", b.Headline.Rox, currency),
            Headline("roi", b.Headline.Roi, currency),
            Headline("multiple", b.Headline.ValueMultiple, currency),
            Headline("net", b.Headline.NetValue, currency),
        };
        if (b.Npv is { } npv) headline.Add(Headline("npv", npv, currency));
        if (b.Payback is { } payback)
            headline.Add(Headline("payback", payback, currency) with
            {
                NotApplicableReason = payback.Value is null ? payback.NotApplicableReason ?? $"Cumulative net cash flow had not covered the costs by {b.Month}." : null,
            });

        return new BoardFigures(
            computed.Settings.OrganisationName,
            b.Month.ToString(),
            b.PeriodStart.ToString(),
            period,
            currency,
            time.GetUtcNow().UtcDateTime,
            generatedBy,
            partnerScope,
            headline,
            Month(b.ThisMonth),
            b.Series.Select(Month).ToList(),
            b.Tiles.Select(t => Kpi(t, currency)).ToList(),
            b.Initiatives.Select(i => new InitiativeFigures(
                i.Name,
                i.Start.ToString(),
                i.Started,
                i.Started ? Cents(i.Gains) : null,
                i.Started ? Cents(i.Investment) : null,
                i.Started && i.Rox.Value is { } rox ? Cents(rox) : null)).ToList());
    }

    private static HeadlineFigure Headline(string key, ExplainedFigure figure, string currency) => new(
        key,
        figure.Name,
        figure.Value is { } v ? Cents(v) : null,
        UnitOf(figure.Unit, currency),
        figure.Value is null ? figure.NotApplicableReason : null);

    private static MonthValue Month(FactorMonth m) => new(
        m.Month.ToString(), Cents(m.CostReduction), Cents(m.RevenueGrowth), Cents(m.Retention), Cents(m.Gains), Cents(m.Investment), Cents(m.Net));

    private static KpiFigures Kpi(KpiTile t, string currency)
    {
        var k = t.Kpi;
        var statusText = Kpis.KpiWords.Status(t.Standing.Status, t.Actual is not null, narrowedScope: false);
        return new KpiFigures(
            k.Code,
            k.Name,
            k.Unit switch
            {
                KpiUnit.Money => currency,
                KpiUnit.Rate => "rate (0-1)",
                KpiUnit.Seconds => "seconds",
                KpiUnit.Score => "score",
                KpiUnit.Count => "count",
                KpiUnit.Weeks => "weeks",
                _ => k.Unit.ToString(),
            },
            k.HigherIsBetter,
            Finite(t.Actual),
            Finite(t.Baseline),
            Finite(t.Target),
            Finite(t.Standing.Delta),
            Finite(t.ChangeFromPrevious),
            t.Standing.Status.ToString(),
            statusText,
            t.MoneyThisMonth is { } money ? Cents(money) : null,
            !t.NotValueLinked);
    }

    private static string UnitOf(FigureUnit unit, string currency) => unit switch
    {
        FigureUnit.Money => currency,
        FigureUnit.Percent => "%",
        FigureUnit.Multiple => "×",
        FigureUnit.Rate => "rate (0-1)",
        FigureUnit.Months => "months",
        FigureUnit.Weeks => "weeks",
        FigureUnit.Seconds => "seconds",
        _ => unit.ToString().ToLowerInvariant(),
    };

    private async Task<string?> PartnerScopeAsync(CancellationToken cancellationToken) =>
        StoreActor.Current?.PartnerId is { } partner
            ? (await organisation.DimensionsAsync(cancellationToken)).Partners.FirstOrDefault(p => p.Id == partner)?.Name ?? "one partner"
            : null;

    // Money is carried to a millionth while it is computed; a spreadsheet wants cents (and ratios two decimals).
    private static decimal Cents(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    // A ratio over nothing is NaN in Core's doubles; JSON and spreadsheets want no number rather than NaN.
    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
