using System.Globalization;
using CxDashboard.Core.Gates;
using CxDashboard.Core.Money;
using CxDashboard.Core.Time;
using CxDashboard.Data;
using CxDashboard.Data.Access;
using CxDashboard.Data.Model;
using CxDashboard.Data.Queries;
using CxDashboard.Web.Board;
using CxDashboard.Web.Formatting;
using CxDashboard.Web.Gates;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.BoardPack;

/// <summary>
/// The board pack's application service: for a month, the portfolio's realized value against the base scenarios'
/// projections (in total, by month and by initiative), every active initiative's review gates with its next gate, the
/// latest gate decisions, and the footer of the printed pack. Realized value is the board's own (the same initiatives,
/// drivers and double counting), so the pack and the board never disagree.
/// </summary>
public sealed class BoardPackService(
    RoxBoardService board,
    OrganisationQueries organisation,
    IDbContextFactory<CxDbContext> contexts,
    InitiativeTracking tracking,
    TimeProvider time)
{
    /// <summary>How many decisions the board lists.</summary>
    public const int RecentDecisionCount = 5;

    /// <summary>The pack for <paramref name="month"/>.</summary>
    public Task<BoardPackView> GetAsync(YearMonth month, CancellationToken cancellationToken = default) =>
        GetAsync(month, computedBoard: null, cancellationToken);

    /// <summary>
    /// The pack for <paramref name="month"/>, on <paramref name="computedBoard"/> when the board page has just computed the
    /// month's board for the same reader (null: computed here).
    /// </summary>
    public async Task<BoardPackView> GetAsync(YearMonth month, ComputedBoard? computedBoard, CancellationToken cancellationToken = default)
    {
        // The board's initiatives, priced as the board priced them: a proposed one has neither spent nor delivered anything
        // yet, and an archived one is off the board, so its projection is not set against value the board no longer counts.
        var computed = computedBoard ?? await board.ComputeAsync(month, [], cancellationToken);
        var settings = computed?.Settings ?? await organisation.SettingsAsync(cancellationToken);
        var format = computed?.Format ?? new FigureFormat(settings.Culture, settings.Currency);
        var writer = new GateWriter(format, month);
        var initiatives = computed?.Reads.Initiatives ?? (await organisation.InitiativesAsync(cancellationToken))
            .Where(i => i.Status != InitiativeStatus.Proposed && i.ArchivedUtc is null).ToList();
        var tracked = await tracking.TrackAsync(initiatives, month, format, computed?.Reads.Realized, cancellationToken);
        var (decisions, decisionsTaken) = await DecisionsKnownAsync(month, writer, cancellationToken);

        var trackingView = computed is not null && computed.Board.Initiatives.Any(i => i.Started)
            ? Tracking(computed, tracked, month, format, writer)
            : null;
        var gates = tracked
            .Where(t => t.Initiative.Status == InitiativeStatus.Active)
            .Select(t => Row(t, decisions, writer, format))
            .ToList();
        var names = initiatives.ToDictionary(i => i.Id, i => i.Name);
        var recent = decisions
            .Where(d => names.ContainsKey(d.InitiativeId))
            .Take(RecentDecisionCount)
            .Select(d => new RecentDecisionView(names[d.InitiativeId], GateWords.Title(d.Gate), d.Outcome, GateWords.Outcome(d.Outcome), d.Note, d.DecidedBy, writer.When(d.DecidedUtc)))
            .ToList();
        var dimensions = computed?.Reads.Organisation.Dimensions;
        return new BoardPackView(month.ToString(), trackingView, gates, recent, decisionsTaken, await FooterAsync(settings, dimensions, month, writer, cancellationToken));
    }

    private static TrackingView Tracking(ComputedBoard computed, IReadOnlyList<TrackedInitiative> tracked, YearMonth month, FigureFormat format, GateWriter writer)
    {
        var culture = format.Culture;
        var periodStart = computed.Board.PeriodStart;
        var months = YearMonth.Range(periodStart, month).ToList();
        var realized = computed.Board.Series.Where(s => s.Month >= periodStart).ToDictionary(s => s.Month, s => s.Gains);
        // An initiative projects nothing outside its own months; the portfolio's projection is the sum of the initiatives'.
        var projected = months.ToDictionary(m => m, m => tracked.Sum(t => t.Projected.GetValueOrDefault(m)));
        var count = tracked.Count.ToString(CultureInfo.InvariantCulture);
        var comparison = ValueTracking.Compare(periodStart, month, realized, projected,
            $"the board's value of {count} initiatives, double counting removed",
            $"the base scenarios of {count} initiatives, summed");
        if (tracked.FirstOrDefault(t => t.ProjectionNotApplicable is not null && t.Start <= month) is { } unprojected)
        {
            var reason = $"{unprojected.Initiative.Name} cannot be projected: {unprojected.ProjectionNotApplicable}";
            comparison = comparison with
            {
                Status = GateStatus.NotApplicable,
                Projected = comparison.Projected with { Value = null, NotApplicableReason = reason },
                Attainment = comparison.Attainment with { Value = null, NotApplicableReason = reason },
            };
        }

        var rows = tracked.Where(t => t.ToDate is not null).Select(t => new TrackingRowView(
            t.Initiative.Name,
            $"since {writer.Month(t.Start)}",
            Money(format, t.ToDate!.Realized),
            Money(format, t.ToDate.Projected),
            format.Write("initiative-attainment", t.ToDate.Attainment, GateWords.StatusMeaning(t.ToDate.Status), GateWriter.Tone(t.ToDate.Status)),
            t.ToDate.Status,
            GateWords.Status(t.ToDate.Status))).ToList();

        return new TrackingView(
            $"{writer.Month(periodStart)} – {writer.Month(month)}, risk-adjusted",
            format.Write("realized", comparison.Realized, "Realized value to date"),
            format.Write("projected", comparison.Projected, "What the base scenarios projected for the same months"),
            format.Write("attainment", comparison.Attainment with { Name = "Attainment to date" }, GateWords.StatusMeaning(comparison.Status), GateWriter.Tone(comparison.Status)),
            comparison.Status,
            GateWords.Status(comparison.Status),
            new TrackingChartView(
                months.Select(m => new DateOnly(m.Year, m.Month, 1).ToString("MMM yyyy", culture)).ToList(),
                months.Select(m => (double)Math.Round(realized.GetValueOrDefault(m))).ToList(),
                months.Select(m => (double)Math.Round(projected[m])).ToList(),
                culture.Name,
                format.CurrencyCode),
            rows);
    }

    private static GateTimelineRowView Row(TrackedInitiative t, IReadOnlyList<GateDecision> decisions, GateWriter writer, FigureFormat format)
    {
        var own = decisions.Where(d => d.InitiativeId == t.Initiative.Id).ToList();
        var steps = t.Gates.Select(g =>
        {
            var latest = own.FirstOrDefault(d => d.Gate == g.Gate.Kind);
            var status = GateWords.Status(g.Status);
            if (g.Attainment.Value is { } attainment) status += " · " + format.Format(attainment, FigureUnit.Percent);
            return new GateStepView(
                GateWords.Key(g.Gate.Kind), g.Status, status, $"after {writer.Month(g.Gate.LastMonth)}",
                latest is null ? null : $"{GateWords.Outcome(latest.Outcome)}, {latest.DecidedUtc.ToString("d MMM yyyy", format.Culture)}",
                latest?.Outcome);
        }).ToList();

        // The next gate is the first without a decision: due and awaiting one, or still to come.
        var next = t.Gates.FirstOrDefault(g => own.All(d => d.Gate != g.Gate.Kind));
        return new GateTimelineRowView(
            t.Initiative.Name,
            t.Start <= writer.AsOf ? $"since {writer.Month(t.Start)}" : $"starts {writer.Month(t.Start)}",
            steps,
            next is null ? "All three gates decided"
                : next.Status == GateStatus.Pending ? $"{GateWords.Title(next.Gate.Kind)}, {writer.Due(next.Gate)}"
                : $"{GateWords.Title(next.Gate.Kind)}, {writer.Due(next.Gate)}: awaiting its decision",
            next?.Status,
            next is null ? "" : GateWords.Status(next.Status));
    }

    /// <summary>
    /// The gate decisions the pack of <paramref name="month"/> knows, the latest first, and which those are in words. A past
    /// month's pack knows only those taken by its end. The latest month's pack is the one the steering group reads now,
    /// and it decides on that month's figures after the month has closed: that pack knows every decision to date.
    /// </summary>
    private async Task<(IReadOnlyList<GateDecision> Decisions, string Taken)> DecisionsKnownAsync(
        YearMonth month, GateWriter writer, CancellationToken cancellationToken)
    {
        var next = month.AddMonths(1);
        var end = new DateTime(next.Year, next.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var key = month.Key;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var isPast = await db.Measurements.AsNoTracking().AnyAsync(m => m.Month > key, cancellationToken);
        var decisions = db.GateDecisions.AsNoTracking();
        if (isPast) decisions = decisions.Where(d => d.DecidedUtc < end);
        var known = await decisions
            .OrderByDescending(d => d.DecidedUtc).ThenByDescending(d => d.Id)
            .ToListAsync(cancellationToken);
        return (known, isPast
            ? $"Those taken by the end of {writer.Month(month)}; later ones are in later months' packs."
            : $"Every decision to date, including those taken on {writer.Month(month)}'s figures since the month closed.");
    }

    private async Task<PackFooterView> FooterAsync(
        OrganisationSettings settings, Dimensions? dimensions, YearMonth month, GateWriter writer, CancellationToken cancellationToken)
    {
        var scope = StoreActor.Current?.PartnerId is { } partner
            ? $"{(dimensions ?? await organisation.DimensionsAsync(cancellationToken)).Partners.FirstOrDefault(p => p.Id == partner)?.Name ?? "One partner"}'s rows only; the organisation's costs are not shown"
            : "All partners, channels and segments";
        return new PackFooterView(settings.OrganisationName, writer.Month(month), scope, writer.When(time.GetUtcNow().UtcDateTime));
    }

    private static string Money(FigureFormat format, ExplainedFigure figure) =>
        figure.Value is { } v ? format.Format(v, FigureUnit.Money) : "n/a";
}
